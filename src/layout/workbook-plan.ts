// The plan for the product's sheets in a workbook: which names they take (never a sheet of the
// user's), which earlier product sheets they replace, and the marker names that identify them.
import { Analysis } from '../core/analysis';
import { sheetReference } from '../core/cell';
import { sheetsReferenced } from '../core/formula-tokens';
import { firstCharacters } from '../core/limits';
import { AUDIT_LAYOUT, RunFacts, auditSheet } from './audit-sheet';
import { COST_ROWS_LAYOUT, costRowsSheet } from './cost-rows-sheet';
import { NAMES, NameKey, SheetRole } from './names';
import { DefinedName, Footer, NameRemoved, WorkbookPlan } from './plan';
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

/** A defined name as a host reads it. */
export interface WorkbookName {
  readonly name: string;
  /** The sheet its reference is on ('' for none). */
  readonly sheet: string;
  /** Its formula as the workbook holds it (`'VfM Scenarios'!$C$5`), when the host read it; else `sheet` stands for what it refers to. */
  readonly formula?: string;
  /** For a name of one sheet's own (a sheet-scoped name, which a copy of a sheet carries), that sheet; none for a name of the workbook's. */
  readonly scope?: string;
}

/**
 * The sheets the product wrote: those the marker names point at, at the workbook's scope only. A
 * copy of a product sheet carries copies of the markers scoped to itself, and is the user's.
 */
export function productSheets(definedNames: readonly WorkbookName[]): Set<string> {
  return new Set(definedNames.filter((n) => n.scope === undefined && MARKERS.has(n.name)).map((n) => n.sheet));
}

/** Sheet names compare without case in Excel. */
const key = (name: string) => name.toLowerCase();

/** Every name the product defines, by its key, as Excel compares names (without case). */
const OUR_NAMES: ReadonlyMap<string, string> = new Map(Object.values(NAMES).map((entry) => [key(entry.name), entry.name]));

/** The product's own spelling of `name`, when it is one of the names the product defines. */
export function ourName(name: string): string | undefined {
  return OUR_NAMES.get(key(name));
}

/** What a name's text refers to, parsed; a host that read only its sheet gives that. */
function referencesOf(name: WorkbookName) {
  return name.formula === undefined ? { sheets: name.sheet === '' ? [] : [name.sheet], external: false, broken: false } : sheetsReferenced(name.formula);
}

/**
 * The names a run removes, besides those of the sheets it replaces (which go with them): each
 * name that refers to one of the product's sheets `ours` by a reference in its text, compared
 * with the sheet's whole name as Excel compares them; and a name of the product's own at the
 * workbook's scope whose reference Excel broke (`#REF!`) when its sheet went, and which refers to
 * no other sheet. A name is never removed for a sheet name found inside another.
 */
export function namesReplaced(definedNames: readonly WorkbookName[], ours: ReadonlySet<string>): NameRemoved[] {
  const oursByKey = new Set([...ours].map(key));
  const isOurs = (sheet: string) => oursByKey.has(key(sheet));
  return definedNames.filter((n) => {
    if (n.scope !== undefined && isOurs(n.scope)) return false; // goes with its sheet
    const { sheets, external, broken } = referencesOf(n);
    if (sheets.some(isOurs)) return true;
    return n.scope === undefined && ourName(n.name) !== undefined && broken && !external && sheets.length === 0;
  }).map((n) => ({ name: n.name, ...(n.scope === undefined ? {} : { scope: n.scope }) }));
}

/**
 * The user's names that a run would replace: names spelt as one the product defines, at the
 * workbook's scope, that are not the product's own (they refer to no sheet of `ours`). A run that
 * writes refuses them rather than replace them: they are renamed by the user, never by the run.
 */
export function namesClashing(definedNames: readonly WorkbookName[], ours: ReadonlySet<string>): WorkbookName[] {
  const replaced = new Set(namesReplaced(definedNames, ours).filter((n) => n.scope === undefined).map((n) => key(n.name)));
  return definedNames.filter((n) => n.scope === undefined && ourName(n.name) !== undefined && !replaced.has(key(n.name)));
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

/**
 * The plan for a workbook holding the sheets `sheetNames` and the names `definedNames`: the
 * product's earlier sheets `ours` replaced, with the names that refer to them (`namesReplaced`).
 */
export function planWorkbook(analysis: Analysis, sheetNames: readonly string[], ours: ReadonlySet<string>, run: RunFacts, definedNames: readonly WorkbookName[] = []): WorkbookPlan {
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
  return { remove: sheetNames.filter((s) => ours.has(s)), removeNames: namesReplaced(definedNames, ours), sheets, styles: STYLES, names };
}
