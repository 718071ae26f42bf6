// Property test of verification: a workbook LibreOffice calculated and saved, tampered with at one
// random formula cell of the product's sheets (its saved value, its number format, or its
// formula), as someone editing the file would. Verify must never call such a workbook sound; the
// untampered one is.
import fc from 'fast-check';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { PRODUCT_SHEETS } from '../../src/layout/workbook-plan';
import { calc } from '../support/libreoffice';
import { partOf } from '../support/tamper-parts';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(900_000);

const RUNS = Number(process.env.VFM_TAMPERINGS ?? 120);
const ROOT = path.resolve(__dirname, '../..');
const clock = { today: () => ({ year: 2026, month: 12, day: 2 }), now: () => '2026-12-02T09:30:00+00:00' };

async function verify(file: string): Promise<{ code: number; findings: unknown[] }> {
  const json = `${file}.json`;
  const io: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock };
  const code = await run(['verify', file, '--json', json], io);
  return { code, findings: code === 0 || code === 3 ? JSON.parse(readFileSync(json, 'utf8')).findings : [] };
}

/** A formula cell of a product sheet, as LibreOffice saved it: its part and its whole element. */
interface FormulaCell {
  readonly sheet: string;
  readonly part: string;
  readonly element: string;
}

/** What a tamperer does to one cell: the element and the styles part, edited. */
type Tampering = { kind: 'value'; pence: number } | { kind: 'format' } | { kind: 'formula' };

/** A format that shows the same literal text whatever the cell holds: a number, a negative, zero or text. */
const LITERAL = '&quot;£99,999.99&quot;;&quot;£99,999.99&quot;;&quot;£99,999.99&quot;;&quot;£99,999.99&quot;';

/** The saved value changed: a number by some pence (a whole number by whole units; never by none), text by a word, a truth value flipped. */
function changedValue(element: string, pence: number): string {
  const type = /^<c [^>]*\bt="(\w+)"/.exec(element)?.[1];
  return element.replace(/<v>([^<]*)<\/v>|<v\/>/, (_, saved: string | undefined) => {
    if (type === 'b') return `<v>${saved === '1' ? 0 : 1}</v>`;
    if (type === 'str' || type === 'e') return `<v>${saved ?? ''} changed</v>`;
    // A whole number (a date's serial among them, whose fraction a date format does not show) by whole units.
    const by = Number.isInteger(Number(saved)) ? Math.sign(pence) * Math.max(1, Math.round(Math.abs(pence) / 100)) : pence / 100;
    return `<v>${Number(saved) + by}</v>`;
  });
}

async function tampered(file: string, out: string, cell: FormulaCell, tampering: Tampering): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file(cell.part)!.async('string');
  let element = cell.element;
  if (tampering.kind === 'value') element = changedValue(element, tampering.pence);
  if (tampering.kind === 'formula') element = element.replace(/<f([^>]*)>([^<]*)<\/f>/, '<f$1>($2)+0</f>');
  if (tampering.kind === 'format') {
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles);
    if (!xfs) throw new Error('no cellXfs in the styles part');
    const style = Number(/^<c [^>]*\bs="(\d+)"/.exec(element)?.[1] ?? 0);
    const xf = [...xfs[2].matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][style][0];
    const withFormat = xf.replace(/numFmtId="\d+"/, 'numFmtId="990"').replace(/applyNumberFormat="(true|false|0|1)"/, 'applyNumberFormat="true"');
    const numFmt = `<numFmt numFmtId="990" formatCode="${LITERAL}"/>`;
    const edited = styles
      .replace(/<numFmts count="(\d+)">/, (_, n: string) => `<numFmts count="${Number(n) + 1}">${numFmt}`)
      .replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, `<cellXfs count="${Number(xfs[1]) + 1}">$2${withFormat}</cellXfs>`);
    zip.file('xl/styles.xml', edited.includes(numFmt) ? edited : edited.replace(/<styleSheet([^>]*)>/, `<styleSheet$1><numFmts count="1">${numFmt}</numFmts>`));
    element = /\bs="\d+"/.test(element) ? element.replace(/\bs="\d+"/, `s="${xfs[1]}"`) : element.replace(/^<c /, `<c s="${xfs[1]}" `);
  }
  if (element === cell.element) throw new Error(`the tampering changed nothing in ${cell.element}`);
  zip.file(cell.part, xml.replace(cell.element, element));
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const dir = temporaryDirectory();
const saved = path.join(dir, 'saved.xlsx');
const cells: FormulaCell[] = [];

beforeAll(async () => {
  const written = path.join(dir, 'written.xlsx');
  const io: Io = { out: () => undefined, err: (t) => process.stderr.write(t), clock };
  const code = await run(['analyse', path.join(ROOT, 'examples/staffordshire-connects.xlsx'), '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', written], io);
  expect(code).toBe(0);
  await calc(written, [{ save: saved }]);
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const model = [PRODUCT_SHEETS.scenarios, PRODUCT_SHEETS.options, PRODUCT_SHEETS.report, PRODUCT_SHEETS.costRows].map((s) => s.name);
  for (const sheet of model) {
    const part = await partOf(zip, sheet);
    const xml = await zip.file(part)!.async('string');
    cells.push(...[...xml.matchAll(/<c r="[A-Z]+\d+"[^>]*(?<!\/)>(?:(?!<\/c>)[\s\S])*<f[ >](?:(?!<\/c>)[\s\S])*<\/c>/g)].map((m) => ({ sheet, part, element: m[0] })));
  }
});

it('finds the calculated workbook, untampered, sound', async () => {
  expect(cells.length).toBeGreaterThan(100);
  expect(await verify(saved)).toEqual({ code: 0, findings: [] });
});

it('never finds a workbook sound with one formula cell\'s saved value, number format or formula changed', async () => {
  const pence = fc.integer({ min: 1, max: 100_000_00 }).chain((p) => fc.constantFrom(p, -p));
  const tampering: fc.Arbitrary<Tampering> = fc.oneof(
    pence.map((p) => ({ kind: 'value' as const, pence: p })),
    fc.constant({ kind: 'format' as const }),
    fc.constant({ kind: 'formula' as const }),
  );
  let n = 0;
  await fc.assert(fc.asyncProperty(fc.nat({ max: cells.length - 1 }), tampering, async (index, how) => {
    const out = path.join(dir, `tampered-${n++}.xlsx`);
    await tampered(saved, out, cells[index], how);
    const { code, findings } = await verify(out);
    expect({ code, found: findings.length > 0 }).toEqual({ code: 3, found: true });
  }), { numRuns: RUNS });
});
