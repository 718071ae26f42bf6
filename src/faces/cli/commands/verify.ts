// `vfm verify WORKBOOK.xlsx [--against SUMMARY.json] [--json FINDINGS.json]`
// Checks that a scenario workbook is still what the product wrote (app/verify.ts), prints the
// findings, and writes them as JSON; then the inputs and the preferred option's NPV that differ from
// the run the log of runs recorded, apart; then, with --against, what differs from the run's
// summary (or fingerprint) kept outside the workbook (against-summary.ts). Exit 0 when it is sound
// (inputs changed since the run or not) and nothing differs from what was kept, 3 with findings or
// differences from what was kept, 2 when a file cannot be read, the workbook holds no product
// sheets, or what was kept is not a summary of its source.
import { HeldName, NotAScenarioWorkbook, VerifyRead, productSheetsHeld, sinceRunWords, sourceOf, verifyWorkbook } from '../../../app/verify';
import { placeOf, readWhole, samePlace, writeFilesWhole } from '../../../hosts/files';
import { PackageError, openWorkbook } from '../../../hosts/xlsx/read-workbook';
import { WrittenSheet } from '../../../layout/verify';
import { AgainstFinding, differencesFromKept, otherSource, readKept, againstWords } from '../against-summary';
import { HeldChart } from '../../../layout/verify-charts';
import { Command } from '../command';
import { refuseEmptyNames, refuseOverwriting } from '../file-names';
import { UsageError } from '../source-sheet';
import { terminalText } from '../terminal';

const options = { json: { type: 'string' }, against: { type: 'string' } } as const;

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
    await refuseOverwriting([['the workbook being verified', input], ['the summary it is compared with (--against)', values.against]], [['--json', values.json]]);
    const againstFile = values.against;
    if (againstFile !== undefined && samePlace(await placeOf(againstFile, 'read'), await placeOf(input, 'read'))) {
      throw new UsageError(`--against ${againstFile} names the workbook being verified; give the summary \`vfm analyse --json\` wrote at the run (or the source's fingerprint the audit sheet stamped), kept apart from the workbook`);
    }
    const kept = againstFile === undefined ? undefined : readKept((await readWhole(againstFile)).toString('utf8'));
    if (kept && 'problem' in kept) throw new UsageError(`--against ${againstFile}: ${kept.problem}`);
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
    const hiddenSheets = new Map(workbook.sheets.flatMap((s) => (s.hidden ? [[s.name, s.veryHidden ? 'very hidden' : 'hidden'] as const] : [])));
    const charts = new Map<string, readonly HeldChart[]>();
    const read: VerifyRead = { sheetNames: workbook.sheets.map((s) => s.name), names, definitions: workbook.nameDefinitions ?? [], sheets, hiddenSheets, ...(workbook.charts ? { charts } : {}) };
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
    const other = kept && otherSource(kept, report);
    if (other) throw new UsageError(`--against ${againstFile}: ${other}`);
    const differences: readonly AgainstFinding[] | undefined = kept && report.recomputed ? differencesFromKept(kept, report.recomputed) : undefined;
    const differing = (differences?.length ?? 0) > 0;
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
    if (kept && againstFile !== undefined) {
      const words = againstWords(againstFile, kept, differences);
      lines.push(words.summary, ...words.lines.map((line) => `  ${line}`));
    }
    io.out(terminalText(lines));
    const sound = findings.length === 0 && !differing;
    if (values.json) {
      const against = kept && againstFile !== undefined ? { against: { file: againstFile, kept: kept.kind, compared: differences !== undefined, differences: differences ?? [] } } : {};
      const json = `${JSON.stringify({ file: input, sound, calculated: report.calculated, ranAt: report.ranAt, source: report.source, findings, runLog: report.runLog, sinceRun: report.sinceRun, ...against }, null, 2)}\n`;
      await writeFilesWhole([{ file: values.json, contents: json }]);
    }
    return sound ? 0 : FINDINGS_EXIT;
  },
};
