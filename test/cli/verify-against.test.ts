// vfm verify --against SUMMARY.json: the workbook compared with the summary `vfm analyse --json`
// wrote at the run, kept where whoever hands the workbook over cannot change it. A source replaced
// together with its fingerprint and the log's row of the run leaves nothing in the workbook that
// remembers the old values: verify alone says Sound, and only the summary kept outside tells.
// Every difference names what differs, with the value in the summary and the value now, and makes
// the exit code 3.
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { a1 } from '../../src/core/cell';
import { Io, run } from '../../src/faces/cli/main';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack, temporaryDirectory } from '../support/workbooks';
import { cellElement, rateTypedOver, tamper } from '../support/tamper';
import { vfm } from './vfm';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const OPTIONS = path.join(ROOT, 'examples/staffordshire-connects.options.json');

interface Difference { kind: string; place: string; message: string; expected: string; found: string }
interface Verified { code: number; out: string; err: string; json: Record<string, unknown> }

let dir: string;
let written: string;
let summary: string;
beforeAll(async () => {
  dir = temporaryDirectory();
  written = path.join(dir, 'written.xlsx');
  summary = path.join(dir, 'summary.json');
  expect((await vfm(['analyse', EXAMPLE, '--assumptions', OPTIONS, '--out', written, '--json', summary])).code).toBe(0);
});

/** Verifies `file` (against `against`, when given): the exit code, what it printed and the JSON it wrote. */
async function verified(file: string, against?: string): Promise<Verified> {
  const json = `${file}.findings.json`;
  let [out, err] = ['', ''];
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), clock: { today: () => ({ year: 2026, month: 12, day: 2 }), now: () => '2026-12-02T09:30:00+00:00' } };
  const code = await run(['verify', file, ...(against === undefined ? [] : ['--against', against]), '--json', json], io);
  return { code, out, err, json: JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> };
}
const differences = (v: Verified) => (v.json.against as { differences: Difference[] }).differences;

/** A cell's text in the audit sheet's XML (the product writes text inline). */
async function auditCell(file: string, name: string): Promise<{ sheet: string; address: string; value: unknown }> {
  const workbook = await readBack(file);
  const held = namedRange(workbook, name);
  if (!held) throw new Error(`no ${name}`);
  return { sheet: held.sheet, address: a1(held.range.top, held.range.left), value: (await workbook.grid(held.sheet, held.range)).values[0][0] };
}

/**
 * `written` with the core team's amount (Costs!B5, £17,800) made £99,999, the fingerprint the product
 * would stamp for the new values put in place of the run's, on the audit sheet and in the log's row
 * of the run, and the log's NPV of the preferred option made the one the new values give: nothing
 * in the workbook remembers the run's values.
 */
async function sourceAndFingerprintReplaced(): Promise<{ file: string; atRun: string; now: string }> {
  const source = path.join(dir, 'source.xlsx');
  await tamper(written, source, 'sheet:Costs', (xml) => xml.replace(/(<c r="B5"[^>]*>(?:<f>[^<]*<\/f>)?<v>)([^<]*)/, '$199999'));
  const changed = await verified(source);
  const stamp = await auditCell(written, 'VfM_Fingerprint');
  const atRun = String(stamp.value);
  const now = (changed.json.findings as Difference[])[0].found;
  // The log's row of the run made to say what the new values give: the preferred option and its NPV.
  const preferred = (changed.json.sinceRun as Difference[]).find((d) => d.place === 'Preferred option');
  const [, name, npv] = /^(.*) \(NPV £([\d,.]+)\)$/.exec(preferred?.found ?? '') ?? [];
  const log = await auditCell(written, 'VfM_RunLog');
  const row = Number(/\d+$/.exec(log.address)?.[0]);
  const file = path.join(dir, 'replaced.xlsx');
  await tamper(source, file, `sheet:${stamp.sheet}`, (xml) => xml.split(atRun).join(now).replace(new RegExp(`<row r="${row}"[^>]*>[\\s\\S]*?</row>`), (logged) => logged
    .replace('>Withdraw a year later</t>', `>${name}</t>`).replace('<v>22749.39</v>', `<v>${npv.replace(/,/g, '')}</v>`)));
  return { file, atRun, now };
}

/** `written` with the discount rate typed as 1.5% (the run took 3.5%), not calculated since. */
const rateChanged = () => rateTypedOver(written, path.join(dir, 'rate.xlsx'));

describe('vfm verify --against SUMMARY.json', () => {
  it('finds nothing differing from the summary of the run that wrote the workbook: sound, exit 0', async () => {
    const v = await verified(written, summary);
    expect(v.code).toBe(0);
    expect(v.json).toMatchObject({ sound: true, findings: [], against: { file: summary, kept: 'summary', differences: [] } });
    expect(v.out).toContain(`Compared with ${summary}: the source's fingerprint, the inputs and the results are those it records.`);
  });

  it('names the fingerprint, the changed source cell and every changed result when the source and its fingerprint were both replaced, which verify alone cannot tell', async () => {
    const { file, atRun, now } = await sourceAndFingerprintReplaced();
    const alone = await verified(file);
    expect(alone.code).toBe(0);
    expect(alone.json).toMatchObject({ sound: true, findings: [], sinceRun: [] });
    expect(alone.out).toContain('Sound: every cell of the model');

    const v = await verified(file, summary);
    expect(v.code).toBe(3);
    expect(v.json).toMatchObject({ sound: false, findings: [] });
    const found = differences(v);
    const named = (place: string) => found.find((d) => d.place === place);
    expect(named('Source fingerprint')).toEqual({ kind: 'against', place: 'Source fingerprint', message: 'differs from the summary', expected: atRun, found: now });
    const row = 'Costs!B5 (Staffordshire Connects 2011/12 Core Team)';
    expect(named(row)).toEqual({ kind: 'against', place: row, message: 'differs from the summary', expected: '£17,800.00', found: '£99,999.00' });
    // The summary's figures, as `vfm analyse --json` recorded them at the run.
    expect(named('Total saving')?.expected).toBe('£43,597.81');
    expect(named('NPV of the saving')?.expected).toBe('£39,032.29');
    expect(named('NPV of Withdraw now')?.expected).toBe('£21,207.79');
    expect(named('NPV of Withdraw a year later')?.expected).toBe('£22,749.39');
    expect(named('Preferred option')?.expected).toBe('Withdraw a year later (NPV £22,749.39)');
    for (const d of found) expect(d.found).not.toBe(d.expected);
    expect(found.map((d) => d.place)).toEqual(['Source fingerprint', row, 'Preferred option', 'Total saving', 'NPV of the saving', 'NPV of Withdraw now', 'NPV of Withdraw a year later']);
    expect(v.out).toContain(`The workbook is not the one ${summary} records: 7 differences:`);
    expect(v.out).toContain(`  Source fingerprint: ${atRun} in the summary, ${now} now`);
    expect(v.out).toContain('  Costs!B5 (Staffordshire Connects 2011/12 Core Team): £17,800.00 in the summary, £99,999.00 now');
    expect(v.out).toContain('  Total saving: £43,597.81 in the summary, £');
  });

  it('names an input changed after the run against the summary, though the model is sound for it', async () => {
    const file = await rateChanged();
    const v = await verified(file, summary);
    expect(v.code).toBe(3);
    expect(v.json).toMatchObject({ sound: false, findings: [] });
    expect(differences(v)[0]).toEqual({ kind: 'against', place: 'Discount rate', message: 'differs from the summary', expected: '3.5% a year', found: '1.5% a year' });
    expect(differences(v).map((d) => d.place)).toEqual(['Discount rate', 'Preferred option', 'NPV of the saving', 'NPV of Withdraw now', 'NPV of Withdraw a year later']);
    expect(v.out).toContain('Sound: every cell of the model');
    expect(v.out).toContain('  Discount rate: 3.5% a year in the summary, 1.5% a year now');
    expect(v.out).toContain('  NPV of the saving: £39,032.29 in the summary, £');
  });

  it('takes a file holding the source\'s fingerprint alone, as the audit sheet stamped it', async () => {
    const { file, atRun, now } = await sourceAndFingerprintReplaced();
    const kept = path.join(dir, 'fingerprint.txt');
    writeFileSync(kept, `${atRun}\n`);
    const sound = await verified(written, kept);
    expect(sound.code).toBe(0);
    expect(sound.json).toMatchObject({ sound: true, against: { file: kept, kept: 'fingerprint', differences: [] } });
    expect(sound.out).toContain(`Compared with ${kept}: the source's fingerprint is the one it records.`);

    const v = await verified(file, kept);
    expect(v.code).toBe(3);
    expect(differences(v)).toEqual([{ kind: 'against', place: 'Source fingerprint', message: 'differs from the fingerprint kept', expected: atRun, found: now }]);
    expect(v.out).toContain(`The workbook is not the one ${kept} records: 1 difference:`);
    expect(v.out).toContain(`  Source fingerprint: ${atRun} kept, ${now} now`);
  });

  it('finds nothing differing for every kind of input the summary records: partners, a deflator by year, classes set, costs of leaving with their defaults', async () => {
    const assumptions = path.join(dir, 'every-kind.json');
    writeFileSync(assumptions, JSON.stringify({
      noticeServedOn: '2012-10-19', noticeMonths: 12, horizonYears: 6, discountRate: '3%',
      prices: 'nominal', gdpDeflator: { '2013/14': '2.1%', otherYears: '2%' },
      sharing: 'shared-pool', partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: '2012-12-31' }] },
      overrides: { CRM: 'avoidable', 'Customer Insight': 'avoidable' }, optimismBias: '41%',
      options: [
        { name: 'Withdraw now', exitCosts: [{ label: 'Disaggregation', amount: 5000 }], replacementCosts: [{ label: 'Support', annual: 6000, months: 18, share: '50%' }, { label: 'Hosting', annual: 1200 }], optimismBias: '10%' },
        { name: 'Withdraw a year later', noticeServedOn: '2013-10-19', exitCosts: [{ label: 'Disaggregation', amount: 4000, fy: '2015/16' }] },
      ],
    }));
    const [book, kept] = [path.join(dir, 'every-kind.xlsx'), path.join(dir, 'every-kind.summary.json')];
    expect((await vfm(['analyse', EXAMPLE, '--assumptions', assumptions, '--out', book, '--json', kept])).code).toBe(0);
    const v = await verified(book, kept);
    expect(differences(v)).toEqual([]);
    expect(v.json.findings).toEqual([]);
    expect(v.code).toBe(0);
  });

  it('finds nothing differing for a workbook written from a CSV file, in thousands of pounds', async () => {
    const csv = path.join(dir, 'costs.csv');
    writeFileSync(csv, 'Item,£000\nCore team,17.8\nCRM,"46.64863"\nTotal,64.44863\n');
    const [book, kept] = [path.join(dir, 'costs.xlsx'), path.join(dir, 'costs.summary.json')];
    expect((await vfm(['analyse', csv, '--assumptions', OPTIONS, '--out', book, '--json', kept])).code).toBe(0);
    const v = await verified(book, kept);
    expect(differences(v)).toEqual([]);
    expect(v.code).toBe(0);
  });

  it('finds nothing differing when staying is preferred (the summary\'s preferred option is null)', async () => {
    const assumptions = path.join(dir, 'stay.json');
    writeFileSync(assumptions, JSON.stringify({ noticeServedOn: '2012-10-19', options: [{ name: 'Withdraw', exitCosts: [{ label: 'Disaggregation', amount: 1_000_000 }] }] }));
    const [book, kept] = [path.join(dir, 'stay.xlsx'), path.join(dir, 'stay.summary.json')];
    expect((await vfm(['analyse', EXAMPLE, '--assumptions', assumptions, '--out', book, '--json', kept])).code).toBe(0);
    expect((JSON.parse(readFileSync(kept, 'utf8')) as { preferredOption: unknown }).preferredOption).toBeNull();
    const v = await verified(book, kept);
    expect(differences(v)).toEqual([]);
    expect(v.code).toBe(0);
  });

  it('says a summary that records no fingerprint of the source, as an earlier version wrote it, is compared without it', async () => {
    const json = JSON.parse(readFileSync(summary, 'utf8')) as { source: Record<string, unknown> };
    delete json.source.fingerprint;
    const earlier = path.join(dir, 'earlier.json');
    writeFileSync(earlier, JSON.stringify(json));
    const v = await verified(written, earlier);
    expect(v.code).toBe(0);
    expect(v.out).toContain(`Compared with ${earlier}: the inputs and the results (it records no fingerprint of the source) are those it records.`);
  });

  it('does not compare the inputs now with the summary when they are refused, and says so', async () => {
    const rate = namedRange(await readBack(written), 'VfM_DiscountRate');
    if (!rate) throw new Error('no VfM_DiscountRate');
    const file = path.join(dir, 'refused.xlsx');
    await tamper(written, file, `sheet:${rate.sheet}`, (xml) => xml.replace(cellElement(a1(rate.range.top, rate.range.left)), (cell) => cell.replace(/<v>0\.035<\/v>/, '<v>5</v>')));
    const v = await verified(file, summary);
    expect(v.code).toBe(3);
    expect(v.json).toMatchObject({ sound: false, against: { file: summary, kept: 'summary', compared: false, differences: [] } });
    expect((v.json.findings as Difference[]).map((f) => f.kind)).toEqual(['input']);
    expect(v.out).toContain(`The inputs now in the workbook are refused, so it is not compared with ${summary}.`);
  });

  it('writes the summary\'s fingerprint of the source, the one the audit sheet stamps', async () => {
    const stamp = await auditCell(written, 'VfM_Fingerprint');
    const json = JSON.parse(readFileSync(summary, 'utf8')) as { source: { fingerprint: string } };
    expect(json.source.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(json.source.fingerprint).toBe(stamp.value);
  });
});
