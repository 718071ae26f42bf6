// `vfm verify WORKBOOK.xlsx [--json FINDINGS.json]`
// Checks that a scenario workbook is still what the product wrote (app/verify.ts), prints the
// findings, and writes them as JSON; then the inputs and the preferred option's NPV that differ from
// the run the log of runs recorded, apart. Exit 0 when it is sound (inputs changed since the run
// or not), 3 with findings, 2 when the file cannot be read or holds no product sheets.
import { HeldName, NotAScenarioWorkbook, VerifyRead, productSheetsHeld, sinceRunWords, sourceOf, verifyWorkbook } from '../../../app/verify';
import { readWhole, writeFilesWhole } from '../../../hosts/files';
import { PackageError, openWorkbook } from '../../../hosts/xlsx/read-workbook';
import { WrittenSheet } from '../../../layout/verify';
import { HeldChart } from '../../../layout/verify-charts';
import { Command } from '../command';
import { refuseEmptyNames, refuseOverwriting } from '../file-names';
import { UsageError } from '../source-sheet';
import { terminalText } from '../terminal';

const options = { json: { type: 'string' } } as const;

/** Exit code when the workbook has findings. */
export const FINDINGS_EXIT = 3;
/** Findings printed; every one is in --json. */
const SHOWN = 40;

export const verify: Command<typeof options> = {
  name: 'verify',
  options,
  async run({ values, positionals }, io) {
    const [input, ...extra] = positionals;
    if (!input) throw new UsageError('verify needs the WORKBOOK.xlsx to check');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    refuseEmptyNames(values);
    await refuseOverwriting([['the workbook being verified', input]], [['--json', values.json]]);
    const bytes = await readWhole(input);
    const refuse = (why: string) => new UsageError(`${input}: cannot be verified: ${why}`);
    let workbook;
    try {
      workbook = await openWorkbook(bytes, input);
    } catch (error) {
      throw error instanceof PackageError ? refuse(error.message) : error;
    }
    const cellsOf = workbook.cells?.bind(workbook);
    if (!cellsOf) throw refuse('VfM Scenarios writes .xlsx and .xlsm workbooks; this is not one');
    const names: HeldName[] = workbook.namedRanges.filter((n) => n.kind === 'defined name').map((n) => ({ name: n.name, sheet: n.sheet, range: n.range, ...(n.scope === undefined ? {} : { scope: n.scope }) }));
    const sheets = new Map<string, WrittenSheet>();
    const charts = new Map<string, readonly HeldChart[]>();
    const read: VerifyRead = { sheetNames: workbook.sheets.map((s) => s.name), names, definitions: workbook.nameDefinitions ?? [], sheets, ...(workbook.charts ? { charts } : {}) };
    let report;
    try {
      for (const sheet of new Set(Object.values(productSheetsHeld(names)))) {
        sheets.set(sheet, await cellsOf(sheet));
        if (workbook.charts) charts.set(sheet, await workbook.charts(sheet));
      }
      const source = sourceOf(read).sheet;
      if (workbook.sheets.some((s) => s.name === source)) sheets.set(source, await cellsOf(source));
      report = verifyWorkbook(read);
    } catch (error) {
      throw error instanceof NotAScenarioWorkbook ? refuse(error.message) : error;
    }

    const { findings } = report;
    const lines = [`VfM Scenarios: verifying ${input}, the run of ${report.ranAt} on ${report.source}`];
    if (!report.calculated) lines.push('The workbook has not been calculated since it was written, so its saved results are not checked: open it in Excel or LibreOffice, save it, and verify again.');
    if (findings.length === 0) lines.push('Sound: every cell of the model, every name and the source are as the product wrote them for the inputs now in it.');
    else {
      lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'}:`);
      for (const f of findings.slice(0, SHOWN)) lines.push(`  ${f.place}: ${f.message}${f.expected !== undefined ? `; expected ${f.expected}` : ''}${f.found !== undefined ? `, found ${f.found}` : ''}`);
      if (findings.length > SHOWN) lines.push(`  … and ${findings.length - SHOWN} more${values.json ? ` (all of them are in ${values.json})` : ' (--json lists them all)'}`);
    }
    const sinceRun = sinceRunWords(report);
    if (sinceRun.summary) lines.push(sinceRun.summary);
    lines.push(...sinceRun.lines.map((line) => `  ${line}`));
    io.out(terminalText(lines));
    if (values.json) {
      const json = `${JSON.stringify({ file: input, sound: findings.length === 0, calculated: report.calculated, ranAt: report.ranAt, source: report.source, findings, runLog: report.runLog, sinceRun: report.sinceRun }, null, 2)}\n`;
      await writeFilesWhole([{ file: values.json, contents: json }]);
    }
    return findings.length === 0 ? 0 : FINDINGS_EXIT;
  },
};
