// The plan for the product's sheets in a workbook: which names they take (never a sheet of the
// user's), which earlier product sheets they replace, and the marker names that identify them.
import { Analysis } from '../core/analysis';
import { sheetReference } from '../core/cell';
import { firstCharacters } from '../core/limits';
import { AUDIT_LAYOUT, RunFacts, auditSheet } from './audit-sheet';
import { COST_ROWS_LAYOUT, costRowsSheet } from './cost-rows-sheet';
import { NAMES, NameKey, SheetRole } from './names';
import { DefinedName, Footer, WorkbookPlan } from './plan';
import { OPTIONS_LAYOUT, optionsSheet } from './options-sheet';
import { REPORT_LAYOUT, reportSheet } from './report-sheet';
import { SCENARIOS_LAYOUT, scenariosSheet } from './scenarios-sheet';
import { STYLES } from './styles';

/** The product's sheets: each's name, and the key of the marker name that points at its A1 and so identifies it. */
export const PRODUCT_SHEETS = {
  scenarios: { name: 'VfM Scenarios', marker: 'scenariosSheet' },
  options: { name: 'VfM Options', marker: 'optionsSheet' },
  report: { name: 'VfM Report', marker: 'reportSheet' },
  costRows: { name: 'VfM Cost Rows', marker: 'costRowsSheet' },
  audit: { name: 'VfM Audit', marker: 'auditSheet' },
} as const satisfies Record<SheetRole, { name: string; marker: NameKey }>;

const MARKERS: ReadonlySet<string> = new Set(Object.values(PRODUCT_SHEETS).map((s) => NAMES[s.marker].name));

/** The sheets the product wrote, from the workbook's defined names (name and the sheet it refers to). */
export function productSheets(definedNames: readonly { name: string; sheet: string }[]): Set<string> {
  return new Set(definedNames.filter((n) => MARKERS.has(n.name)).map((n) => n.sheet));
}

/** The longest file name a footer shows whole (a footer holds 255 characters in all). */
const FOOTER_FILE_NAME = 100;

/**
 * The footer of every product sheet: the sheet's name; the source workbook (by its file name, or,
 * in a workbook read where it is open, the workbook's own) and when the run was, as the audit
 * sheet records it; and "Page X of Y".
 */
export function productFooter(run: Pick<RunFacts, 'sourceFile' | 'ranAt'>): Footer {
  // A footer takes no control characters; a long name is cut short.
  const file = run.sourceFile === undefined ? undefined : [...run.sourceFile].map((c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join('');
  const shown = file && file.length > FOOTER_FILE_NAME ? `${firstCharacters(file, FOOTER_FILE_NAME - 1)}…` : file;
  return {
    left: [{ field: 'sheet' }],
    center: [{ text: 'Source ' }, shown === undefined ? { field: 'file' } : { text: shown }, { text: `, run on ${run.ranAt}` }],
    right: [{ text: 'Page ' }, { field: 'page' }, { text: ' of ' }, { field: 'pages' }],
  };
}

/** Sheet names compare without case in Excel. */
const key = (name: string) => name.toLowerCase();

export function planWorkbook(analysis: Analysis, sheetNames: readonly string[], ours: ReadonlySet<string>, run: RunFacts): WorkbookPlan {
  const taken = new Set(sheetNames.filter((s) => !ours.has(s)).map(key));
  const pick = (wanted: string) => {
    let name = wanted;
    for (let n = 2; taken.has(key(name)); n++) name = `${wanted} (${n})`;
    taken.add(key(name));
    return name;
  };
  const names: DefinedName[] = [];
  const scenariosName = pick(PRODUCT_SHEETS.scenarios.name);
  const optionsName = pick(PRODUCT_SHEETS.options.name);
  const reportName = pick(PRODUCT_SHEETS.report.name);
  const costRowsName = pick(PRODUCT_SHEETS.costRows.name);
  const auditName = pick(PRODUCT_SHEETS.audit.name);
  const sourceRange = `${sheetReference(analysis.table.sheet)}!${analysis.table.range}`;

  const years = analysis.savings.years.length;
  const scenarios = scenariosSheet(scenariosName, analysis, sourceRange, costRowsName, names);
  const options = optionsSheet(optionsName, analysis, names);
  const report = reportSheet(reportName, analysis, names);
  const costRows = costRowsSheet(costRowsName, analysis, names);
  const audit = auditSheet(auditName, analysis, run, costRowsName, names);
  for (const [sheet, role] of [[scenarios, 'scenarios'], [options, 'options'], [report, 'report'], [costRows, 'costRows'], [audit, 'audit']] as const) {
    sheet.define(PRODUCT_SHEETS[role].marker, { row: 1, column: 1 });
  }
  const footer = productFooter(run);
  const sheets = [
    scenarios.build({ columnWidths: SCENARIOS_LAYOUT.widths(years), tabColor: '#107C41', footer }),
    options.build({ columnWidths: OPTIONS_LAYOUT.widths(analysis.appraisal.model.years.length), tabColor: '#107C41', footer }),
    report.build({ columnWidths: REPORT_LAYOUT.widths, tabColor: '#107C41', footer }),
    costRows.build({ columnWidths: COST_ROWS_LAYOUT.widths, freeze: { rows: COST_ROWS_LAYOUT.freezeRows, columns: 0 }, tabColor: '#107C41', footer }),
    audit.build({ columnWidths: AUDIT_LAYOUT.widths, tabColor: '#7F7F7F', footer }),
  ];
  return { remove: sheetNames.filter((s) => ours.has(s)), sheets, styles: STYLES, names };
}
