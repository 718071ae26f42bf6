// vfm analyse --report: the Word document, opened by LibreOffice Writer and saved as text, says word
// for word what the report sheet and the clipboard say (the core's report in words), for the seed
// and the options example; and --report refuses a name that is not .docx before writing anything.
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { analyse } from '../../src/core/analysis';
import { committeeReport } from '../../src/core/report';
import { Io, run } from '../../src/faces/cli/main';
import { documentText, reportDocument } from '../../src/layout/report-document';
import { readBack, temporaryDirectory } from '../support/workbooks';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const TODAY = { year: 2012, month: 10, day: 19 };
const assumptionsFile = (name: string) => path.join(ROOT, `examples/staffordshire-connects.${name}.json`);

async function vfm(args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const io: Io = { out: () => undefined, err: (t) => { err += t; }, clock: { today: () => TODAY, now: () => '2012-10-19T09:30:00Z' } };
  return { code: await run(args, io), err };
}

/** The document's text as Writer reads it: a paragraph a line, each table cell a line of its own. */
async function writerText(docx: string): Promise<string[]> {
  const dir = path.dirname(docx);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'vfm-writer-'));
  try {
    await promisify(execFile)('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, docx], { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return readFileSync(docx.replace(/\.docx$/, '.txt'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
}

it.each(['assumptions', 'options'])('writes the report for the %s example as a Word document that says what the core says', async (name) => {
  const docx = path.join(temporaryDirectory(), 'report.docx');
  expect((await vfm(['analyse', EXAMPLE, '--assumptions', assumptionsFile(name), '--report', docx])).code).toBe(0);
  const grid = await (await readBack(EXAMPLE)).grid('Costs');
  const analysis = analyse({ grid, assumptions: JSON.parse(readFileSync(assumptionsFile(name), 'utf8')), today: TODAY });
  const words = documentText(reportDocument(committeeReport(analysis))).split('\n').flatMap((line) => line.split('\t')).filter((line) => line.trim() !== '');
  const read = await writerText(docx);
  expect(read).toEqual(words);
  expect(read).toContain('124,535.22');
});

it('refuses a report not named .docx, writing nothing', async () => {
  const dir = temporaryDirectory();
  const { code, err } = await vfm(['analyse', EXAMPLE, '--out', path.join(dir, 'out.xlsx'), '--report', path.join(dir, 'report.pdf')]);
  expect(code).toBe(2);
  expect(err).toContain('name it NAME.docx');
  expect(existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
});
