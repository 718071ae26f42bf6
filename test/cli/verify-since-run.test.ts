// vfm verify compares the run the log of runs recorded (its last row, the run that wrote the
// sheets) with the workbook now: an input changed after the run is named with the value at the
// run and the value now, apart from the findings of tampering, and the model stays sound for the
// inputs now in it. A workbook whose log does not record the run's inputs says so.
import { readFileSync } from 'fs';
import path from 'path';
import { AUDIT_CLOCK, vfmOn } from './vfm';
import { a1 } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack, temporaryDirectory } from '../support/workbooks';
import { cellElement, rateTypedOver, tamper } from '../support/tamper';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const OPTIONS = path.join(ROOT, 'examples/staffordshire-connects.options.json');
const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

let dir: string;
let written: string;
beforeAll(async () => {
  dir = temporaryDirectory();
  written = path.join(dir, 'written.xlsx');
  expect((await vfm(['analyse', EXAMPLE, '--assumptions', OPTIONS, '--out', written])).code).toBe(0);
});

/** Verifies `file`: the exit code, what it printed and the JSON it wrote. */
async function verified(file: string): Promise<{ code: number; out: string; json: Record<string, unknown> }> {
  const json = `${file}.json`;
  const { code, out } = await vfm(['verify', file, '--json', json]);
  return { code, out, json: JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> };
}

/** `written` with the discount rate typed as 1.5% (the run took 3.5%), not calculated since. */
const rateChanged = () => rateTypedOver(written, path.join(dir, 'rate.xlsx'));

describe('vfm verify against the log of runs', () => {
  it('finds nothing differing from the run in the workbook as written', async () => {
    const { code, out, json } = await verified(written);
    expect(code).toBe(0);
    expect(json).toMatchObject({ sound: true, findings: [], sinceRun: [], runLog: 'compared' });
    expect(out).toContain('The inputs, the source\'s fingerprint and the preferred option\'s NPV are the run\'s');
    expect(out).not.toContain('differ from the run');
  });

  it('names an input changed after the run, with its value at the run and now, apart from tampering: the model is still sound', async () => {
    const { code, out, json } = await verified(await rateChanged());
    expect(code).toBe(0);
    expect(json).toMatchObject({ sound: true, findings: [], runLog: 'compared' });
    const sinceRun = json.sinceRun as { place: string; expected: string; found: string }[];
    expect(sinceRun[0]).toEqual({ kind: 'since-run', place: 'Discount rate', message: 'differs from the run', expected: '3.5% a year', found: '1.5% a year' });
    // The preferred option's NPV the log recorded (the run-log test types it too) against the one the inputs now give.
    expect(sinceRun.slice(1)).toEqual([{ kind: 'since-run', place: 'Preferred option', message: 'differs from the run', expected: 'Withdraw a year later (NPV £22,749.39)', found: expect.stringMatching(/^Withdraw .* \(NPV £[\d,]+\.\d\d\)$/) }]);
    expect(sinceRun[1].found).not.toBe(sinceRun[1].expected);
    expect(out).toContain('Sound: every cell of the model');
    expect(out).toContain('The inputs or results differ from the run\'s, as the log of runs on the audit sheet recorded them:');
    expect(out).toContain('  Discount rate: 3.5% a year at the run, 1.5% a year now');
  });

  it('says so when the log records no inputs of the run, as a workbook from before the log, and still verifies the model', async () => {
    const file = path.join(dir, 'no-log.xlsx');
    await tamper(written, file, 'xl/workbook.xml', (xml) => xml.replace(/<definedName name="VfM_RunLog"[^>]*>[^<]*<\/definedName>/, ''));
    const { code, out, json } = await verified(file);
    expect(code).toBe(0);
    expect(json).toMatchObject({ sound: true, sinceRun: [], runLog: 'not recorded' });
    expect(out).toContain('The log of runs on the audit sheet does not record the run\'s inputs, so they are not compared with those now in the workbook.');
  });

  it('keeps an input changed after the run apart from a tampering found with it', async () => {
    const rate = await rateChanged();
    const npv = namedRange(await readBack(written), 'VfM_NPV');
    if (!npv) throw new Error('no VfM_NPV');
    const both = path.join(dir, 'both.xlsx');
    await tamper(rate, both, `sheet:${npv.sheet}`, (xml) => xml.replace(cellElement(a1(npv.range.top, npv.range.left)), `<c r="${a1(npv.range.top, npv.range.left)}"><v>50000</v></c>`));
    const { code, out, json } = await verified(both);
    expect(code).toBe(3);
    expect(json.findings).toEqual([expect.objectContaining({ kind: 'cell', message: 'a formula replaced by a typed value' })]);
    expect((json.sinceRun as { place: string }[]).map((f) => f.place)).toEqual(['Discount rate', 'Preferred option']);
    expect(out).toContain('1 finding:');
    expect(out).toContain('  Discount rate: 3.5% a year at the run, 1.5% a year now');
  });

  it('names the source changed since the run, and replaced together with its fingerprint, by the fingerprint the log recorded and the NPV', async () => {
    const workbook = await readBack(written);
    const stamp = namedRange(workbook, 'VfM_Fingerprint');
    if (!stamp) throw new Error('no VfM_Fingerprint');
    const atRun = (await workbook.grid(stamp.sheet, stamp.range)).values[0][0];
    const source = path.join(dir, 'source.xlsx');
    await tamper(written, source, 'sheet:Costs', (xml) => xml.replace(/(<c r="B5"[^>]*>(?:<f>[^<]*<\/f>)?<v>)([^<]*)/, '$199999'));
    const changed = await verified(source);
    expect(changed.code).toBe(3);
    const findings = changed.json.findings as { kind: string; found?: string }[];
    const now = findings[0].found;
    expect(now).toMatch(/^[0-9a-f]{64}$/);
    expect(now).not.toBe(atRun);
    expect((changed.json.sinceRun as { place: string }[])[0]).toEqual({ kind: 'since-run', place: 'Source fingerprint', message: 'differs from the run', expected: atRun, found: now });

    // The new values' fingerprint stamped in place of the run's: the model is sound for the source now, but not the run's.
    const replaced = path.join(dir, 'replaced.xlsx');
    await tamper(source, replaced, `sheet:${stamp.sheet}`, (xml) => xml.replace(cellElement(a1(stamp.range.top, stamp.range.left)), `<c r="${a1(stamp.range.top, stamp.range.left)}" t="inlineStr"><is><t>${now}</t></is></c>`));
    const { code, json } = await verified(replaced);
    expect(code).toBe(0);
    expect(json.findings).toEqual([]);
    expect((json.sinceRun as { place: string; expected: string }[]).map((f) => [f.place, f.expected])).toEqual([['Source fingerprint', atRun], ['Preferred option', 'Withdraw a year later (NPV £22,749.39)']]);
  });

  it('names the part of a way of withdrawing changed since the run', async () => {
    const bias = namedRange(await readBack(written), 'VfM_OptionOptimismBias');
    if (!bias) throw new Error('no VfM_OptionOptimismBias');
    const file = path.join(dir, 'bias.xlsx');
    const address = a1(bias.range.top + 1, bias.range.left);
    await tamper(written, file, `sheet:${bias.sheet}`, (xml) => xml.replace(cellElement(address), `<c r="${address}"><v>0.5</v></c>`));
    const { json } = await verified(file);
    // The second option has no costs of leaving, so its NPV and the preferred option stay as they were.
    expect(json.sinceRun).toEqual([{ kind: 'since-run', place: 'Ways of withdrawing 2, optimism bias on the costs of leaving', message: 'differs from the run', expected: '0%', found: '50%' }]);
  });

  it('compares nothing with the run when the inputs now are refused, and says nothing of the run: the findings say why', async () => {
    const rate = namedRange(await readBack(written), 'VfM_DiscountRate');
    if (!rate) throw new Error('no VfM_DiscountRate');
    const file = path.join(dir, 'refused.xlsx');
    await tamper(written, file, `sheet:${rate.sheet}`, (xml) => xml.replace(cellElement(a1(rate.range.top, rate.range.left)), (cell) => cell.replace(/<v>0\.035<\/v>/, '<v>5</v>')));
    const { code, out, json } = await verified(file);
    expect(code).toBe(3);
    expect(json).toMatchObject({ sound: false, findings: [expect.objectContaining({ kind: 'input', place: 'discountRate' })], runLog: 'not compared', sinceRun: [] });
    expect(out).not.toContain('the log of runs');
  });
});
