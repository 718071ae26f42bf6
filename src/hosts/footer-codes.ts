// A planned footer in the codes Excel reads in a header or footer, in a file (SpreadsheetML's
// oddFooter) and through Office.js alike: &L, &C and &R start the sections, &P is the page's number,
// &N the number of pages, &A the sheet's name, &F the workbook's file name, and && an ampersand
// (ECMA-376 Part 1, 18.3.1.39; MS-OI29500 2.1.619). Text is written so that no code can come of it.
import { Footer, FooterPart } from '../layout/plan';

const FIELD_CODES = { page: '&P', pages: '&N', sheet: '&A', file: '&F' } as const;

/** One section's parts as codes: each field's code, and text with every & doubled. */
export function sectionCodes(parts: readonly FooterPart[]): string {
  return parts.map((part) => ('field' in part ? FIELD_CODES[part.field] : part.text.replace(/&/g, '&&'))).join('');
}

/** The whole footer as one string: `&L...&C...&R...`, a section left out when it is empty. */
export function footerCodes(footer: Footer): string {
  return (['L', 'C', 'R'] as const)
    .map((code, i) => [code, sectionCodes([footer.left, footer.center, footer.right][i])] as const)
    .filter(([, codes]) => codes !== '')
    .map(([code, codes]) => `&${code}${codes}`)
    .join('');
}
