// A council's contracts table as it is kept (docs/conventions.md, "Contract ends"):
// an end-date column holding a month and year, "Ongoing", real dates, and cells that cannot be
// dates. Every end is read, said to be none, or named in a warning with its cell, its value and
// why; an end before the base year is named too. Figures and dates typed by hand.
import { writeFileSync } from 'fs';
import path from 'path';
import { readSummary } from '../support/summary';
import { temporaryDirectory } from '../support/workbooks';
import { vfm } from './vfm';

const CSV = [
  'Contract,Annual cost,End date',
  'Revenues and benefits system,46648.63,Mar-18',
  'Payroll bureau,17800.00,Ongoing',
  'Hosting,9495.85,30/09/2014',
  'Print and post,5483.25,next year',
  'Telephony,845.00,30/02/2015',
  'Scanning,1200.00,03/31/2015',
  'Legacy licence,400.00,31/03/2011',
  'Document storage,250.00,rolling',
  'Total,82122.73,',
].join('\n');

const RUN_TO_HORIZON = 'so the contract is taken to run to the horizon';

it('reads each contract end, says which have none, and names each that cannot be a date, and one before the base year', async () => {
  const dir = temporaryDirectory();
  const file = path.join(dir, 'contracts.csv');
  writeFileSync(file, `${CSV}\n`);
  const assumptions = path.join(dir, 'assumptions.json');
  writeFileSync(assumptions, JSON.stringify({ noticeServedOn: '2012-10-19', baseYear: '2011/12' }));
  const json = path.join(dir, 'summary.json');
  const { code, out } = await vfm(['analyse', file, '--assumptions', assumptions, '--json', json]);
  expect(code).toBe(0);
  const summary = readSummary(json);
  const sheet = summary.source.sheet;
  expect(summary.rows.map((row) => [row.item, row.endsOn])).toEqual([
    ['Revenues and benefits system', '2018-03-31'],
    ['Payroll bureau', null],
    ['Hosting', '2014-09-30'],
    ['Print and post', null],
    ['Telephony', null],
    ['Scanning', null],
    ['Legacy licence', '2011-03-31'],
    ['Document storage', null],
  ]);
  const ours = summary.warnings.filter((w) => w.code.startsWith('contract-end'));
  expect(ours).toEqual([
    { code: 'contract-end-not-read', message: `contract end "next year" is not a date, ${RUN_TO_HORIZON}`, count: 1, cells: [`${sheet}!C5`] },
    { code: 'contract-end-not-read', message: `contract end "30/02/2015" is not a date: February has 28 days in 2015, ${RUN_TO_HORIZON}`, count: 1, cells: [`${sheet}!C6`] },
    { code: 'contract-end-not-read', message: `contract end "03/31/2015" is not a date: there is no month 31 (the day comes first, as in 31/03/2015), ${RUN_TO_HORIZON}`, count: 1, cells: [`${sheet}!C7`] },
    {
      code: 'contract-end-before-base-year', count: 1, cells: [`${sheet}!C8`],
      message: 'contract ends 2011-03-31, before the base year 2011/12 starts (2011-04-01), so a committed cost with it is taken to cost nothing in any year; check the date and the base year',
    },
  ]);
  expect(out).toContain('  ends       column C: each row\'s contract end, shown under it; 3 read (a month and year is its last day), 2 with none (blank, "Ongoing", "rolling", "n/a"), 3 not understood, named in the warnings');
  expect(out).toContain(`contract end "30/02/2015" is not a date: February has 28 days in 2015, ${RUN_TO_HORIZON}: ${sheet}!C6`);
});
