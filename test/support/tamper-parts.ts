// Tampering with a workbook as someone editing its file would, in several parts at once: parts'
// texts changed, and a hidden sheet (or a chart sheet) added as a spreadsheet adds one, so that
// the product's own parts are left as they were.
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';

export const WORKBOOK = 'xl/workbook.xml';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'xl/_rels/workbook.xml.rels';
const TYPES = '[Content_Types].xml';

const pattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The part of a sheet, by its name, from the workbook part and its relationships. */
export async function partOf(zip: JSZip, sheet: string): Promise<string> {
  const workbook = await zip.file(WORKBOOK)!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${pattern(sheet)}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await zip.file(RELS)!.async('string');
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet "${sheet}"`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The text of a sheet's part in `file`. */
export async function sheetXml(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file(await partOf(zip, sheet))!.async('string');
}

/** The position of a sheet among the workbook's sheets, as `localSheetId` counts them. */
export async function sheetIndex(file: string, sheet: string): Promise<number> {
  const workbook = await (await JSZip.loadAsync(readFileSync(file))).file(WORKBOOK)!.async('string');
  const index = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]).indexOf(sheet);
  if (index < 0) throw new Error(`no sheet "${sheet}"`);
  return index;
}

export interface Tampering {
  /** Each part's text changed, by the part's name or `sheet:NAME`. */
  readonly edits?: Readonly<Record<string, (xml: string) => string>>;
  /** A hidden sheet added after the others, with its cells' XML (the rows of its sheetData). */
  readonly hidden?: { readonly name: string; readonly rows: string };
  /** A chart sheet added before the others (it holds no cells, but `localSheetId` counts it). */
  readonly chartSheetFirst?: boolean;
  /** A sheet a reader sees added after the others, with its cells' XML, as one typed by hand. */
  readonly shown?: { readonly name: string; readonly rows: string };
}

/** Adds a part, its relationship from the workbook and its content type, and its sheet entry. */
async function addSheet(zip: JSZip, part: string, xml: string, kind: 'worksheet' | 'chartsheet', entry: (id: string) => (sheets: string) => string): Promise<void> {
  const id = `rIdAdded${part.replace(/\W/g, '')}`;
  zip.file(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  const rels = await zip.file(RELS)!.async('string');
  zip.file(RELS, rels.replace('</Relationships>', `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${part.slice('xl/'.length)}"/></Relationships>`));
  const types = await zip.file(TYPES)!.async('string');
  zip.file(TYPES, types.replace('</Types>', `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/></Types>`));
  const workbook = await zip.file(WORKBOOK)!.async('string');
  zip.file(WORKBOOK, entry(id)(workbook));
}

/** Writes `out`: `file` tampered with as `tampering` says; each edit must change its part. */
export async function tamperParts(file: string, out: string, { edits = {}, hidden, chartSheetFirst, shown }: Tampering): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  if (chartSheetFirst) {
    await addSheet(zip, 'xl/chartsheets/addedChart.xml', `<chartsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`, 'chartsheet',
      (id) => (xml) => xml.replace(/<sheets>/, `<sheets><sheet name="Chart1" sheetId="98" r:id="${id}"/>`));
  }
  if (hidden) {
    await addSheet(zip, 'xl/worksheets/addedHidden.xml', `<worksheet xmlns="${MAIN}"><sheetData>${hidden.rows}</sheetData></worksheet>`, 'worksheet',
      (id) => (xml) => xml.replace('</sheets>', `<sheet name="${hidden.name}" sheetId="99" state="hidden" r:id="${id}"/></sheets>`));
  }
  if (shown) {
    await addSheet(zip, 'xl/worksheets/addedShown.xml', `<worksheet xmlns="${MAIN}"><sheetData>${shown.rows}</sheetData></worksheet>`, 'worksheet',
      (id) => (xml) => xml.replace('</sheets>', `<sheet name="${shown.name}" sheetId="97" r:id="${id}"/></sheets>`));
  }
  for (const [name, edit] of Object.entries(edits)) {
    const part = name.startsWith('sheet:') ? await partOf(zip, name.slice('sheet:'.length)) : name;
    const xml = await zip.file(part)!.async('string');
    const edited = edit(xml);
    if (edited === xml) throw new Error(`the edit changed nothing in ${part}`);
    zip.file(part, edited);
  }
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** `file` tampered with as `tampering` says, in a new file beside it. */
export async function tamperedCopy(file: string, tampering: Tampering): Promise<string> {
  const out = `${file.replace(/\.xlsx$/, '')}-tampered-${Math.random().toString(36).slice(2)}.xlsx`;
  await tamperParts(file, out, tampering);
  return out;
}

/** An edit of the workbook part: `definition` added just after the definition of `name` (or before it). */
export const defineNear = (name: string, definition: string, where: 'after' | 'before' = 'after') => (xml: string) =>
  xml.replace(new RegExp(`<definedName [^>]*name="${pattern(name)}"[^>]*>[^<]*</definedName>`), (ours) => (where === 'after' ? `${ours}${definition}` : `${definition}${ours}`));

/** A hidden sheet holding 71,800 in A1: the figure a tamperer wants the report to show. */
export const HIDDEN = { name: 'Hidden', rows: '<row r="1"><c r="A1"><v>71800</v></c></row>' };
