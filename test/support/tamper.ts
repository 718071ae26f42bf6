// Tampering with a workbook as someone editing its file would: one part's XML changed, every other
// part left as it was, so that verification must find exactly that change.
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import { a1 } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack } from './workbooks';

/** The part of the sheet named `sheet`, from the workbook part and its relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const escaped = sheet.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const id = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  if (!id) throw new Error(`no sheet "${sheet}" in the package`);
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for the sheet "${sheet}"`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Writes `out`: `file` with one part's text changed by `edit` (a sheet's part when `part` is `sheet:NAME`). */
export async function tamper(file: string, out: string, part: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const name = part.startsWith('sheet:') ? await sheetPart(zip, part.slice('sheet:'.length)) : part;
  const xml = await zip.file(name)!.async('string');
  const edited = edit(xml);
  if (edited === xml) throw new Error(`the edit changed nothing in ${name}`);
  zip.file(name, edited);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A cell's whole element in a sheet's XML, `<c r="C12" ...>...</c>` or `<c r="C12" .../>`. */
export const cellElement = (address: string) => new RegExp(`<c r="${address}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);

/** `out`: `file` with the discount rate the run took, 3.5%, typed over as 1.5%, and not calculated since. */
export async function rateTypedOver(file: string, out: string): Promise<string> {
  const rate = namedRange(await readBack(file), 'VfM_DiscountRate');
  if (!rate) throw new Error('no VfM_DiscountRate');
  await tamper(file, out, `sheet:${rate.sheet}`, (xml) => xml.replace(cellElement(a1(rate.range.top, rate.range.left)), (cell) => cell.replace(/<v>0\.035<\/v>/, '<v>0.015</v>')));
  return out;
}
