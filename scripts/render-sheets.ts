// Render a workbook's sheets to PNG pages through headless LibreOffice, to see them as a finance
// officer would print them (A4 landscape, fitted to the page width, recalculated first):
//
//   npx tsx scripts/render-sheets.ts INPUT.xlsx OUTDIR [--sheets "VfM Scenarios,VfM Audit"] [--grid] [--keep-pdf]
//
// Prints the PNG paths, one a line (OUTDIR/VfM-Scenarios-1.png, ...). The work is done by
// scripts/render-sheets.py under the Debian python (the one with `uno`); needs LibreOffice Calc
// and pdftoppm (poppler-utils).
import { spawn } from 'child_process';
import path from 'path';

const PYTHON = process.env.VFM_PYTHON ?? '/usr/bin/python3';
const SCRIPT = path.join(__dirname, 'render-sheets.py');
const USAGE = 'usage: npx tsx scripts/render-sheets.ts INPUT.xlsx OUTDIR [--sheets "Sheet A,Sheet B"] [--grid] [--keep-pdf]';

function main(argv: readonly string[]): void {
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--sheets');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (positional.length !== 2 || (argv.includes('--sheets') && argv.indexOf('--sheets') === argv.length - 1)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const child = spawn(PYTHON, [SCRIPT, ...argv], { stdio: 'inherit', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  const forward = (signal: NodeJS.Signals): void => { child.kill(signal); };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (e) => {
    console.error(`render-sheets: cannot run ${PYTHON} ${SCRIPT} (needs python3-uno and LibreOffice Calc): ${e.message}`);
    process.exitCode = 1;
  });
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

main(process.argv.slice(2));
