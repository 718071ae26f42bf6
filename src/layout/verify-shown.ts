// Verifying what a reader of a scenario workbook is shown, beyond what its cells hold: the number
// format of each cell the product fills (a format that shows other digits or text, such as
// `"£99,999.99"`, shows that whatever the value), and which sheets a reader sees (a sheet of the
// model hidden, a hidden sheet the model reads, a sheet of the user's in a model sheet's place).
// Pure: the hosts read, the use case (app/verify.ts) plans.
import { CellValue, a1, sheetReference } from '../core/cell';
import { formulaTokens, sheetsReferenced } from '../core/formula-tokens';
import { ShownAs, sameNumberFormat } from '../core/number-format';
import { HeldName, NameDefinition, SheetHidden, SheetPlan, WrittenSheet } from './plan';
import { Finding } from './verify';
import { PRODUCT_SHEETS } from './workbook-plan';

export type { SheetHidden } from './plan';

/** What kind of value a cell shows, for its format: a number (a date is one), a text, or anything (not known, TRUE, an error). */
function shownAs(value: CellValue | undefined): ShownAs {
  if (typeof value === 'number' || (typeof value === 'object' && value !== null && 'date' in value)) return 'number';
  return typeof value === 'string' ? 'text' : 'any';
}

/**
 * Each cell the plan fills whose number format shows its value otherwise than the plan's format
 * would (the last block over a cell gives its format; no format is General). A note's cell is the
 * note's; a cell fixed at the run (a row of the tornado, in the order of the run) has the format
 * of what it held at the run, which the inputs now do not give. A host that read no formats gives
 * no findings.
 */
export function formatFindings(plan: SheetPlan, written: WrittenSheet, reference: string): Finding[] {
  const { formats } = written;
  if (!formats) return [];
  const fixed = (row: number, column: number) => (plan.fixedAtRun ?? []).some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right);
  // Each block's cells, less those a later block writes over (few blocks overlap), a row made at a time.
  const extents = plan.blocks.map((block) => {
    let width = 0;
    for (let r = 0; r < block.rows.length; r++) width = Math.max(width, block.rows.at(r)?.length ?? 0);
    return { top: block.top, bottom: block.top + block.rows.length - 1, left: block.left, right: block.left + width - 1 };
  });
  const overlaps = (a: Extent, b: Extent) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
  const writesOver = (later: readonly number[], row: number, column: number) => later.some((j) => {
    const block = plan.blocks[j];
    return row >= block.top && column >= block.left && column - block.left < (block.rows.at(row - block.top)?.length ?? 0);
  });
  const same = new Map<string, boolean>();
  const findings: Finding[] = [];
  plan.blocks.forEach((block, i) => {
    if (block.style === 'note') return;
    const later = extents.flatMap((extent, j) => (j > i && overlaps(extent, extents[i]) ? [j] : []));
    for (let r = 0; r < block.rows.length; r++) block.rows.at(r)?.forEach((content, c) => {
      const [row, column] = [block.top + r, block.left + c];
      if (content === null || fixed(row, column) || (later.length > 0 && writesOver(later, row, column))) return;
      const format = block.formats?.[c];
      const address = a1(row, column);
      const found = formats.get(address);
      const shown = shownAs(written.grid.values[row - written.grid.top]?.[column - written.grid.left]);
      const key = `${format ?? ''}\u0000${found ?? ''}\u0000${shown}`;
      const alike = same.get(key) ?? sameNumberFormat(format, found, shown);
      same.set(key, alike);
      if (!alike) findings.push({ kind: 'cell', place: `${reference}!${address}`, message: 'a number format changed: the cell shows its value otherwise than the product wrote it', expected: format ?? 'General', found: found ?? 'General' });
    });
  });
  return findings;
}

interface Extent {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The model's sheets the workbook holds, by role, as their marker names find them. */
export type HeldSheets = Partial<Record<keyof typeof PRODUCT_SHEETS, string>>;

/** What the model reads: its sheets' formulas and its defined names, for the hidden sheets among what they refer to. */
export interface ModelReads {
  readonly sheets: ReadonlyMap<string, WrittenSheet>;
  /** The names of one rectangle, with their scope. */
  readonly names: readonly HeldName[];
  /** Every name as written, with its scope, where the host read them. */
  readonly definitions: readonly NameDefinition[];
  /** The names the model defines. */
  readonly ours: ReadonlySet<string>;
}

const key = (text: string) => text.toLowerCase();

/**
 * Where the model reads each hidden sheet that is not one of its own, by the sheet's name (any
 * case): the first cell whose formula refers to it, or the first name the model uses (one of its
 * own, or one its formulas name) that refers to it; and how many places read it in all.
 */
function hiddenReadBy(hidden: ReadonlySet<string>, model: ReadonlySet<string>, reads: ModelReads): Map<string, { readonly first: string; count: number }> {
  const found = new Map<string, { first: string; count: number }>();
  const read = (sheet: string, place: string) => {
    const k = key(sheet);
    if (!hidden.has(k)) return;
    const seen = found.get(k);
    if (seen) seen.count += 1;
    else found.set(k, { first: place, count: 1 });
  };
  const used = new Set([...reads.ours].map(key));
  for (const [sheet, written] of reads.sheets) {
    if (!model.has(key(sheet))) continue;
    for (const [address, formula] of written.formulas) {
      const tokens = formulaTokens(formula);
      for (const token of tokens) if (token.kind === 'name') used.add(key(token.name));
      if (tokens.some((t) => t.kind === 'sheet')) for (const referenced of sheetsReferenced(formula).sheets) read(referenced, `${sheetReference(sheet)}!${address}`);
    }
  }
  // A name the model reads: of the whole workbook, or local to one of its sheets.
  const modelName = (name: string, scope: string | undefined) => used.has(key(name)) && (scope === undefined || model.has(key(scope)));
  const place = (name: string, scope: string | undefined) => (scope === undefined ? name : `${sheetReference(scope)}!${name}`);
  const named = new Set<string>();
  for (const d of reads.definitions) {
    if (!modelName(d.name, d.scope)) continue;
    named.add(`${key(d.scope ?? '')}!${key(d.name)}`);
    for (const sheet of sheetsReferenced(d.refersTo).sheets) read(sheet, place(d.name, d.scope));
  }
  for (const n of reads.names) {
    if (modelName(n.name, n.scope) && !named.has(`${key(n.scope ?? '')}!${key(n.name)}`)) read(n.sheet, place(n.name, n.scope));
  }
  return found;
}

/**
 * What a reader is not shown of the model: each of its sheets hidden; each hidden sheet its
 * formulas or names read (figures a reader cannot see); and a sheet that bears the name of one of
 * the model's sheets (`VfM Report`) while the model's own sheet of that role is hidden under
 * another name, so that a reader takes the one for the other.
 */
export function visibilityFindings(held: HeldSheets, sheetNames: readonly string[], hidden: ReadonlyMap<string, SheetHidden>, reads: ModelReads): Finding[] {
  const findings: Finding[] = [];
  const hiddenOf = (sheet: string) => [...hidden].find(([name]) => key(name) === key(sheet))?.[1];
  const model = new Set(Object.values(held).filter((s): s is string => s !== undefined).map(key));
  for (const [role, sheet] of Object.entries(held) as [keyof typeof PRODUCT_SHEETS, string | undefined][]) {
    const state = sheet === undefined ? undefined : hiddenOf(sheet);
    if (sheet === undefined || state === undefined) continue;
    findings.push({ kind: 'sheet', place: sheetReference(sheet), message: 'a sheet of the model is hidden: a reader does not see it', expected: 'visible', found: state });
    const usual = PRODUCT_SHEETS[role].name;
    const standIn = sheetNames.find((name) => key(name) === key(usual));
    if (key(sheet) !== key(usual) && standIn !== undefined && !model.has(key(standIn))) {
      findings.push({
        kind: 'sheet', place: sheetReference(standIn), message: 'a sheet the product did not write bears the name of a sheet of the model, whose own sheet is hidden under another name',
        expected: `the model's sheet, now ${sheetReference(sheet)}`, found: `a sheet of another's; the model's is ${sheetReference(sheet)}, ${state}`,
      });
    }
  }
  const others = new Set([...hidden.keys()].map(key).filter((k) => !model.has(k)));
  if (others.size === 0) return findings;
  const readBy = hiddenReadBy(others, model, reads);
  for (const [sheet, state] of hidden) {
    const by = readBy.get(key(sheet));
    if (!by || model.has(key(sheet))) continue;
    findings.push({
      kind: 'sheet', place: sheetReference(sheet), message: 'a hidden sheet that the model reads: a reader does not see the figures it gives',
      expected: 'a sheet a reader sees', found: `${state}, read by ${by.first}${by.count > 1 ? ` and ${by.count - 1} more` : ''}`,
    });
  }
  return findings;
}
