// The CLI on every workbook of the corpus, as a user would run it: it reads the cost table of
// each, and --out keeps every part of the user's file (a part-by-part comparison), writing an
// .xlsm for an .xlsm and a new .xlsx for an .xls, .ods or .csv. LibreOffice opens a sample of
// the outputs and recalculates them to the core's figures.
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { SEED_ASSUMPTIONS, SEED_VALUES, analysisOf } from '../support/analyses';
import { GetResult, calc } from '../support/libreoffice';
import { WORKBOOK_LEVEL_PARTS, packageDiff } from '../support/package-diff';
import { readSummary } from '../support/summary';
import { readBack, temporaryDirectory } from '../support/workbooks';
import { CSV_CREDIT, CorpusWorkbook, buildCorpus, removeCorpus } from './corpus';

jest.setTimeout(300_000);

const TODAY = { year: 2012, month: 10, day: 19 };
const IO: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
// The semicolon file's credit is labelled with another year; the base year settles which the table describes.
const ASSUMPTIONS = { ...SEED_ASSUMPTIONS, baseYear: 2011 };
/** A figure in pounds as whole pence. */
const pence = (value: unknown) => Math.round((value as number) * 100);
const PRODUCT_SHEETS = ['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit'];

let corpus: readonly CorpusWorkbook[];
let dir: string;
const outputs = new Map<string, { out: string; json: string }>();

beforeAll(async () => {
  corpus = await buildCorpus();
  dir = temporaryDirectory();
  writeFileSync(path.join(dir, 'assumptions.json'), JSON.stringify(ASSUMPTIONS));
  for (const workbook of corpus) {
    const out = path.join(dir, `${workbook.name}.${workbook.kind === 'xlsm' ? 'xlsm' : 'xlsx'}`);
    const json = path.join(dir, `${workbook.name}.json`);
    const code = await run(['analyse', workbook.file, '--sheet', workbook.costSheet, '--assumptions', path.join(dir, 'assumptions.json'), '--out', out, '--json', json], IO);
    if (code !== 0) throw new Error(`vfm analyse ${workbook.name} exited ${code}`);
    outputs.set(workbook.name, { out, json });
  }
});
afterAll(removeCorpus);

/** What the core makes of the table each file holds, typed here rather than read. */
function expected(workbook: CorpusWorkbook) {
  const values = workbook.name === 'costs-semicolon'
    ? [...SEED_VALUES.slice(0, -1), [CSV_CREDIT.label, CSV_CREDIT.amount], ['Total (Exc VAT)', 124535.22 + CSV_CREDIT.amount]]
    : SEED_VALUES;
  return analysisOf(values, ASSUMPTIONS, workbook.costSheet);
}

describe('vfm analyse on every workbook of the corpus', () => {
  it('reads the same cost rows from each, whoever wrote it, and gives the core\'s figures', () => {
    for (const workbook of corpus) {
      const summary = readSummary(outputs.get(workbook.name)!.json);
      const core = expected(workbook);
      expect([workbook.name, summary.rows.map((row) => pence(row.amount))]).toEqual([workbook.name, core.rows.map((row) => row.amount)]);
      expect([workbook.name, pence(summary.savings.npv)]).toEqual([workbook.name, core.savings.npv]);
    }
  });

  it('--out changes no part of an .xlsx or .xlsm but the workbook-level ones, and stores each as it was', async () => {
    const packages = corpus.filter((w) => w.kind === 'xlsx' || w.kind === 'xlsm');
    expect(packages.length).toBeGreaterThanOrEqual(10);
    for (const workbook of packages) {
      const diff = await packageDiff(workbook.file, outputs.get(workbook.name)!.out);
      expect([workbook.name, diff.changed.filter((part) => !WORKBOOK_LEVEL_PARTS.includes(part)), diff.restored, diff.removed])
        .toEqual([workbook.name, [], [], []]);
      // Five sheets, and the options sheet's drawing with its two charts.
      expect([workbook.name, diff.added.filter((part) => /^xl\/(worksheets\/sheet|charts\/chart|drawings\/drawing)\d+\.xml$/.test(part)).length]).toEqual([workbook.name, 8]);
      const back = await readBack(outputs.get(workbook.name)!.out);
      expect(back.kind).toBe(workbook.kind);
      expect(back.sheets.map((s) => s.name)).toEqual([...workbook.sheets, ...PRODUCT_SHEETS]);
    }
  });

  it('--out keeps the workbook part\'s own: every sheet with its state, every defined name with its scope and formula, the protection', async () => {
    const workbookXml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('xl/workbook.xml')!.async('string');
    // Attribute by attribute, whatever order or quotes the producer wrote them in.
    const elements = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)/?>([^<]*)`, 'g'))]
      .map((m) => `${[...m[1].matchAll(/([\w:]+)=["']([^"']*)["']/g)].map((a) => `${a[1]}=${a[2]}`).sort().join(' ')} ${m[2]}`);
    let constant = 0;
    let local = 0;
    for (const workbook of corpus.filter((w) => w.kind === 'xlsx' || w.kind === 'xlsm')) {
      const before = await workbookXml(workbook.file);
      const after = await workbookXml(outputs.get(workbook.name)!.out);
      for (const name of ['sheet', 'definedName', 'workbookProtection']) {
        expect([workbook.name, name, elements(before, name).filter((e) => !elements(after, name).includes(e))]).toEqual([workbook.name, name, []]);
      }
      constant += elements(after, 'definedName').filter((e) => / 0\.035$/.test(e)).length;
      local += elements(after, 'definedName').filter((e) => e.includes('localSheetId=')).length;
    }
    expect(constant).toBeGreaterThan(0); // MyRate = 0.035
    expect(local).toBeGreaterThan(0);
  });

  it('--out on an .xls, .ods or .csv writes a new .xlsx: the source sheet\'s values first, then the model', async () => {
    for (const workbook of corpus.filter((w) => ['xls', 'ods', 'csv'].includes(w.kind))) {
      const back = await readBack(outputs.get(workbook.name)!.out);
      expect([workbook.name, back.kind, back.sheets.map((s) => s.name)]).toEqual([workbook.name, 'xlsx', [workbook.costSheet, ...PRODUCT_SHEETS]]);
      const source = await (await readBack(workbook.file)).grid(workbook.costSheet);
      // A CSV's amounts (every field of it text) are written as the numbers they were read as.
      const asNumber = (cell: unknown) => {
        if (typeof cell !== 'string' || !/^£?[\d,]+\.\d{2}$|^\([\d,]+\.\d{2}\)$/.test(cell)) return cell;
        return (cell.startsWith('(') ? -1 : 1) * Number(cell.replace(/[£,()]/g, ''));
      };
      const expected = workbook.kind === 'csv' ? source.values.map((row) => row.map(asNumber)) : source.values;
      expect((await back.grid(workbook.costSheet)).values).toEqual(expected);
    }
  });

  it.each(['libreoffice-pivot', 'openpyxl-chart', 'hand-made-macros', 'libreoffice-xls', 'libreoffice-ods', 'costs-semicolon'])(
    'LibreOffice opens the output of %s and recalculates it to the core\'s figures', async (name) => {
      const workbook = corpus.find((w) => w.name === name)!;
      const core = expected(workbook);
      const [got] = await calc(outputs.get(name)!.out, [{ get: ['VfM_TotalAnnual', 'VfM_TotalSaving', 'VfM_NPV', 'VfM_MasterCheck'] }]);
      const seen = got as GetResult;
      expect([pence(seen.VfM_TotalAnnual), pence(seen.VfM_TotalSaving), pence(seen.VfM_NPV)]).toEqual([core.annual.total, core.savings.totalSaving, core.savings.npv]);
      expect(seen.VfM_MasterCheck).toBe(1);
    },
  );
});
