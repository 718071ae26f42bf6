// The product's sheets as printed: the seed's scenario workbook exported to PDF by LibreOffice Calc,
// its pages counted per sheet and read (Ghostscript's text of each page): A4 landscape, one page
// wide, breaks between the blocks, the years repeated over the workings, and the footer naming the
// sheet, the source workbook and the run, and the page.
import { spawnSync } from 'child_process';
import { copyFileSync, readFileSync, readdirSync } from 'fs';
import path from 'path';
import { Io, run } from '../../src/faces/cli/main';
import { calc } from '../support/libreoffice';
import { temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const PRODUCT = ['VfM Scenarios', 'VfM Options', 'VfM Report', 'VfM Cost Rows', 'VfM Audit'];
const IO: Io = { out: () => undefined, err: (t) => void process.stderr.write(t), clock: { today: () => ({ year: 2012, month: 10, day: 19 }), now: () => '2012-10-19T09:30:00Z' } };

/** Each page's text, in order, as Ghostscript reads it off the PDF. */
function pagesOf(pdf: string): string[] {
  const dir = temporaryDirectory();
  const gs = spawnSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=txtwrite', '-o', path.join(dir, 'page-%03d.txt'), pdf], { encoding: 'utf8' });
  if (gs.status !== 0) throw new Error(`gs: ${gs.error?.message ?? gs.stderr}`);
  return readdirSync(dir).sort().map((file) => readFileSync(path.join(dir, file), 'utf8'));
}
const lines = (page: string) => page.split('\n').map((line) => line.trim().replace(/\s+/g, ' ')).filter((line) => line !== '');

describe('the seed\'s scenario workbook, printed by LibreOffice', () => {
  let pages: string[];
  let setUp: Awaited<ReturnType<typeof calc<[{ print: string[] }, { pdf: string }]>>>[0];

  beforeAll(async () => {
    const dir = temporaryDirectory();
    // A source named with an ampersand, which must print as one (no footer code made of it).
    const source = path.join(dir, 'R&D council costs.xlsx');
    copyFileSync(path.join(ROOT, 'examples/staffordshire-connects.xlsx'), source);
    const out = path.join(dir, 'out.xlsx');
    expect(await run(['analyse', source, '--assumptions', path.join(ROOT, 'examples/staffordshire-connects.options.json'), '--out', out], IO)).toBe(0);
    const pdf = path.join(dir, 'out.pdf');
    [setUp] = await calc(out, [{ print: PRODUCT }, { pdf }]);
    pages = pagesOf(pdf);
  });

  it('reads each product sheet\'s set-up: A4 landscape, one page wide, its print area, title rows and breaks', () => {
    for (const sheet of PRODUCT) {
      const { paper, landscape, pagesWide, pagesHigh, areas } = setUp[sheet];
      expect({ sheet, landscape, pagesWide, pagesHigh, areas: areas.length }).toEqual({ sheet, landscape: true, pagesWide: 1, pagesHigh: 0, areas: 1 });
      expect(Math.abs(paper[0] - 29700)).toBeLessThanOrEqual(2); // A4 across: 297 by 210 mm
      expect(Math.abs(paper[1] - 21000)).toBeLessThanOrEqual(2);
      expect(areas[0]).toMatch(/^A1:[A-Z]+\d+$/);
    }
    const scenarios = setUp['VfM Scenarios'];
    expect(scenarios.manualBreaks).toHaveLength(1);
    expect(scenarios.titleRows).toEqual([scenarios.manualBreaks[0], scenarios.manualBreaks[0]]);
    expect(setUp['VfM Options'].manualBreaks).toHaveLength(2);
    expect(setUp['VfM Cost Rows'].titleRows).toEqual([8, 8]);
    expect(setUp['VfM Report'].manualBreaks).toHaveLength(1);
  });

  it('prints the committee report on two pages, the sections under headings on the second, and not its working', () => {
    const report = pages.filter((page) => (lines(page).at(-1) ?? '').startsWith('VfM Report '));
    expect(report).toHaveLength(2);
    expect(lines(report[0])[0]).toBe('Financial Implications: a draft for the committee report');
    expect(lines(report[0])).toContain('Total 43,597.81 39,032.29');
    expect(lines(report[1])[0]).toBe('Ways of withdrawing');
    expect(pages.some((page) => lines(page).some((line) => line.startsWith('Working, not for the report')))).toBe(false);
  });

  it('prints each product sheet on a sensible number of pages, each with the footer: the sheet, the source and the run, and the page', () => {
    const footer = /^(VfM [A-Za-z ]+?) Source R&D council costs\.xlsx, run on 2012-10-19T09:30:00Z Page (\d+) of (\d+)$/;
    const printed = pages.map((page) => footer.exec(lines(page).at(-1) ?? ''));
    const bySheet = (sheet: string) => printed.filter((m) => m?.[1] === sheet);
    // The council's own sheet first, without the product's footer; then the product's, in order, with it.
    const ours = printed.filter((m) => m !== null);
    expect(ours.map((m) => m?.[1])).toEqual([...Array(2).fill('VfM Scenarios'), ...Array(3).fill('VfM Options'), ...Array(2).fill('VfM Report'), 'VfM Cost Rows', 'VfM Audit']);
    expect(printed.slice(printed.length - ours.length).every((m) => m !== null)).toBe(true);
    expect(pages.length).toBeLessThanOrEqual(ours.length + 2);
    for (const m of ours) expect(m?.[3]).toBe(String(pages.length));
    ours.forEach((m, i) => expect(m?.[2]).toBe(String(pages.length - ours.length + i + 1)));
    expect(bySheet('VfM Scenarios')).toHaveLength(2);
  });

  it('starts the workings on a page of their own, under their years, and the options\' results on another, the years repeated above them', () => {
    const first = pages.findIndex((page) => lines(page)[0].startsWith('Value for money: stay in the partnership or withdraw'));
    const [inputs, workings] = [pages[first], pages[first + 1]];
    expect(lines(inputs).some((line) => line.startsWith('Key results'))).toBe(true);
    expect(lines(inputs).some((line) => line.startsWith('Workings'))).toBe(false);
    expect(lines(workings)[0]).toMatch(/^Workings 2012\/13 2013\/14 2014\/15 2015\/16 2016\/17$/);
    expect(lines(workings).some((line) => line.startsWith('Checks Passes'))).toBe(true);

    const [options, optionWorkings, results] = pages.slice(first + 2, first + 5);
    expect(lines(options)[0]).toBe('Options: each way of withdrawing against staying in the partnership');
    expect(lines(options).some((line) => line.startsWith('Workings'))).toBe(false);
    expect(lines(optionWorkings)[0]).toMatch(/^Workings 2012\/13/);
    // The title row atop the page, then the options side by side.
    expect(lines(results)[0]).toMatch(/^Workings 2012\/13/);
    expect(lines(results)[1]).toMatch(/^The options side by side/);
  });
});
