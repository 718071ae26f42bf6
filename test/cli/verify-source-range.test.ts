// vfm verify reads the source range the audit sheet stamped: a range within Excel's grid is read
// within the source sheet's own cells, however large it says it is (Excel's whole grid is read in a
// process held to 256 MB); a range beyond the grid is refused, naming it, before anything is read.
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { a1 } from '../../src/core/cell';
import { namedRange } from '../../src/hosts/xlsx/read-workbook';
import { readBack, temporaryDirectory } from '../support/workbooks';
import { cellElement, tamper } from '../support/tamper';
import { vfm } from './vfm';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/staffordshire-connects.xlsx');
const OPTIONS = path.join(ROOT, 'examples/staffordshire-connects.options.json');

let dir: string;
let written: string;
let stampedSheet: string;
let stampedCell: string;
beforeAll(async () => {
  dir = temporaryDirectory();
  written = path.join(dir, 'written.xlsx');
  expect((await vfm(['analyse', EXAMPLE, '--assumptions', OPTIONS, '--out', written])).code).toBe(0);
  const named = namedRange(await readBack(written), 'VfM_SourceRange');
  if (!named) throw new Error('no VfM_SourceRange');
  stampedSheet = named.sheet;
  stampedCell = a1(named.range.top, named.range.left);
});

/** `written` with the audit sheet's stamped source range made `range` (on the same sheet). */
async function stamped(range: string): Promise<string> {
  const file = path.join(dir, `stamped-${range.replace(/[^A-Z0-9]/gi, '')}.xlsx`);
  await tamper(written, file, `sheet:${stampedSheet}`, (xml) => xml.replace(cellElement(stampedCell), (cell) => cell.replace(/(<t[^>]*>[^<]*!)[^<]*(<\/t>)/, `$1${range}$2`)));
  return file;
}

describe('vfm verify and the source range the audit sheet stamped', () => {
  it('reads a stamped range of Excel\'s whole grid within the source sheet\'s cells: sound, in a process held to 256 MB', async () => {
    const file = await stamped('A1:XFD1048576');
    const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=256', path.join(ROOT, 'bin/vfm.js'), 'verify', file], { cwd: ROOT });
    expect(stdout).toContain('on Costs!A1:XFD1048576');
    expect(stdout).toContain('Sound: every cell of the model');
  });

  it('refuses a stamped range beyond Excel\'s grid, naming it, with exit 2', async () => {
    const file = await stamped('A1:XFE1048577');
    const { code, out, err } = await vfm(['verify', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`vfm: ${file}: cannot be verified: its audit sheet says the run read Costs!A1:XFE1048577 (VfM_SourceRange), which is beyond Excel's grid (columns A to XFD, rows 1 to 1,048,576); run the scenarios again\nNothing was written. Run "vfm --help" for usage.\n`);
  });
});
