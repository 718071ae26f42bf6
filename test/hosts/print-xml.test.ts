// How the .xlsx writer prints the product's sheets: each sheet's page set-up, footer and page breaks
// in CT_Worksheet's order, and its print area and title rows as Excel's own names, local to the
// sheet by its index, kept right when a second run removes and adds sheets around the user's.
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { loadWithExcelJs, temporaryDirectory } from '../support/workbooks';

const IO: Io = { out: () => undefined, err: () => undefined, clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };
const EXAMPLE = path.join(__dirname, '../../examples/staffordshire-connects.xlsx');
const OPTIONS = path.join(__dirname, '../../examples/staffordshire-connects.options.json');
const PRODUCT = ['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit'];

/** CT_Worksheet's children in the schema's order (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors',
  'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
const children = (element: Element, name?: string) => Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1 && (name === undefined || (n as Element).localName === name));

interface Book {
  sheets: { name: string; xml: Element }[];
  /** Every defined name, as written. */
  names: { name: string; localSheetId: string | null; text: string }[];
}

async function book(file: string): Promise<Book> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = async (name: string) => parse(await (zip.file(name) as JSZip.JSZipObject).async('string'));
  const workbook = await part('xl/workbook.xml');
  const rels = children(await part('xl/_rels/workbook.xml.rels'));
  const sheets = await Promise.all(children(children(workbook, 'sheets')[0], 'sheet').map(async (sheet) => {
    const id = sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const target = rels.find((r) => r.getAttribute('Id') === id)?.getAttribute('Target') ?? '';
    return { name: sheet.getAttribute('name') ?? '', xml: await part(`xl/${target.replace(/^\/?xl\//, '')}`) };
  }));
  const defined = children(workbook, 'definedNames')[0];
  const names = defined ? children(defined, 'definedName').map((n) => ({ name: n.getAttribute('name') ?? '', localSheetId: n.getAttribute('localSheetId'), text: n.textContent ?? '' })) : [];
  return { sheets, names };
}

const printNames = (b: Book) => b.names.filter((n) => n.name.startsWith('_xlnm.Print')).map((n) => `${n.name} ${n.localSheetId} ${n.text}`).sort();

describe('the .xlsx writer prints the product\'s sheets', () => {
  let out: string;
  let written: Book;
  beforeAll(async () => {
    const dir = temporaryDirectory();
    out = path.join(dir, 'out.xlsx');
    expect(await run(['analyse', EXAMPLE, '--assumptions', OPTIONS, '--out', out], IO)).toBe(0);
    written = await book(out);
  });

  it('writes each sheet\'s parts in the schema\'s order: page set-up, footer, page breaks, then the drawing', () => {
    for (const { name, xml } of written.sheets.filter((s) => PRODUCT.includes(s.name))) {
      const order = children(xml).map((c) => c.localName);
      expect({ name, order }).toEqual({ name, order: [...order].sort((a, b) => WORKSHEET_ORDER.indexOf(a) - WORKSHEET_ORDER.indexOf(b)) });
      expect(order.every((c) => WORKSHEET_ORDER.includes(c))).toBe(true);
      expect(order).toEqual(expect.arrayContaining(['pageMargins', 'pageSetup', 'headerFooter']));
    }
  });

  it('prints on A4 landscape, fitted to one page wide, with the footer in Excel\'s codes', () => {
    for (const { xml } of written.sheets.filter((s) => PRODUCT.includes(s.name))) {
      const setUp = children(xml, 'pageSetup')[0];
      expect(['paperSize', 'orientation', 'fitToWidth', 'fitToHeight'].map((a) => setUp.getAttribute(a))).toEqual(['9', 'landscape', '1', '0']);
      expect(children(children(xml, 'sheetPr')[0], 'pageSetUpPr')[0].getAttribute('fitToPage')).toBe('1');
      expect(children(children(xml, 'headerFooter')[0], 'oddFooter')[0].textContent)
        .toBe('&L&A&CSource staffordshire-connects.xlsx, run on 2012-10-19T09:30:00Z&RPage &P of &N');
    }
  });

  it('breaks the scenario sheet above its workings and the options sheet above them and its results', async () => {
    const breaks = (name: string) => {
      const rowBreaks = children((written.sheets.find((s) => s.name === name) as { xml: Element }).xml, 'rowBreaks')[0];
      if (!rowBreaks) return [];
      const each = children(rowBreaks, 'brk');
      expect([rowBreaks.getAttribute('count'), rowBreaks.getAttribute('manualBreakCount')]).toEqual([String(each.length), String(each.length)]);
      for (const brk of each) expect([brk.getAttribute('max'), brk.getAttribute('man')]).toEqual(['16383', '1']);
      // A break's id is the zero-based row above which it stands: the one-based row before it.
      return each.map((b) => Number(b.getAttribute('id')) + 1);
    };
    const workbook = await loadWithExcelJs(out);
    const firstColumn = (name: string, row: number) => workbook.getWorksheet(name)?.getCell(row, 1).value;
    const [workings] = breaks('VfM Scenarios');
    expect(breaks('VfM Scenarios')).toHaveLength(1);
    expect(firstColumn('VfM Scenarios', workings)).toBe('Workings');
    const [optionWorkings, results] = breaks('VfM Options');
    expect(firstColumn('VfM Options', optionWorkings)).toBe('Workings');
    expect(firstColumn('VfM Options', results)).toBe('The options side by side');
    expect(breaks('VfM Cost Rows')).toEqual([]);
  });

  it('defines each sheet\'s print area and title rows as names local to it', () => {
    const index = (name: string) => String(written.sheets.findIndex((s) => s.name === name));
    expect(written.sheets.map((s) => s.name)).toEqual(['Costs', ...PRODUCT]);
    const names = printNames(written);
    for (const sheet of PRODUCT) expect(names.filter((n) => n.startsWith(`_xlnm.Print_Area ${index(sheet)} '${sheet}'!$A$1:$`))).toHaveLength(1);
    expect(names).toContain(`_xlnm.Print_Titles ${index('VfM Cost Rows')} 'VfM Cost Rows'!$8:$8`);
    expect(names.filter((n) => n.startsWith('_xlnm.Print_Titles'))).toHaveLength(4);
    expect(names).toHaveLength(9); // an area for each of the five; title rows on all but the report
  });

  it('keeps the user\'s print names on their sheets and replaces its own on a second run, however the sheets move', async () => {
    const dir = temporaryDirectory();
    // The user adds a sheet after the product's, with a print area of its own, and sets one on Costs (exceljs writes them as Excel does).
    const workbook = await loadWithExcelJs(out);
    const later = workbook.addWorksheet('Later');
    later.getCell('A1').value = 'My notes';
    later.pageSetup.printArea = 'A1:B5';
    (workbook.getWorksheet('Costs') as ExcelJS.Worksheet).pageSetup.printArea = 'A1:C12';
    const edited = path.join(dir, 'edited.xlsx');
    writeFileSync(edited, Buffer.from(await workbook.xlsx.writeBuffer()));
    const before = await book(edited);
    expect(before.sheets.map((s) => s.name)).toEqual(['Costs', ...PRODUCT, 'Later']);
    expect(printNames(before)).toEqual(expect.arrayContaining(["_xlnm.Print_Area 6 'Later'!$A1:$B5", "_xlnm.Print_Area 0 'Costs'!$A1:$C12"]));

    const again = path.join(dir, 'again.xlsx');
    expect(await run(['analyse', edited, '--sheet', 'Costs', '--assumptions', OPTIONS, '--out', again], IO)).toBe(0);
    const after = await book(again);
    expect(after.sheets.map((s) => s.name)).toEqual(['Costs', 'Later', ...PRODUCT]);
    const names = printNames(after);
    // The user's as they were, Later's now local to its new index; the product's old ones gone, its new ones on its new sheets.
    expect(names).toEqual(expect.arrayContaining(["_xlnm.Print_Area 0 'Costs'!$A1:$C12", "_xlnm.Print_Area 1 'Later'!$A1:$B5"]));
    const areas = after.names.filter((n) => n.name === '_xlnm.Print_Area');
    expect(areas.map((n) => n.localSheetId).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    for (const area of areas) expect(area.text.startsWith(`'${after.sheets[Number(area.localSheetId)].name}'!`)).toBe(true);
    const titles = after.names.filter((n) => n.name === '_xlnm.Print_Titles');
    expect(titles.map((n) => n.localSheetId).sort()).toEqual(['2', '3', '5', '6']);
    for (const title of titles) expect(title.text.startsWith(`'${after.sheets[Number(title.localSheetId)].name}'!`)).toBe(true);
    expect(names).toHaveLength(11);
  });

  it('gives the product\'s sheets their indexes in a new workbook too (from .csv), after the source\'s values', async () => {
    const dir = temporaryDirectory();
    const csv = path.join(dir, 'costs.csv');
    writeFileSync(csv, 'Item,Amount\nCore Team,17800\nCRM,46648.63\nTotal,64448.63\n');
    const fromCsv = path.join(dir, 'from-csv.xlsx');
    expect(await run(['analyse', csv, '--out', fromCsv], IO)).toBe(0);
    const b = await book(fromCsv);
    expect(b.sheets.map((s) => s.name)).toEqual(['costs', ...PRODUCT]);
    expect(b.names.filter((n) => n.name === '_xlnm.Print_Area').map((n) => n.localSheetId)).toEqual(['1', '2', '3', '4', '5']);
    expect(children(b.sheets[0].xml, 'pageSetup')).toHaveLength(0);
  });
});
