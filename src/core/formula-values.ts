// The value an Excel formula gives, worked out as Excel and LibreOffice work it: for the formulas the
// product writes, over cells and defined names given by the caller. Each cell's formula is read and
// worked once (its value kept), so that a column of a hundred thousand cost rows costs one pass.
// Only the functions, operators and number formats the product writes are known; any other is an
// error (`UnsupportedFormula`), never a guess. Numbers are doubles, as in a spreadsheet; ROUND and
// TEXT round the decimal a spreadsheet shows (15 significant digits), half away from zero.
import Decimal from 'decimal.js';
import { FormulaToken, formulaTokens } from './formula-tokens';
import { MONTH_NAMES } from './calendar-date';

/** A cell's value: a number, text, TRUE/FALSE, an error (`#N/A`), or nothing (an empty cell). */
export type FormulaValue = number | string | boolean | { readonly error: string } | null;

/** A rectangle of cells, 1-based. */
export interface CellBlock {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What the caller gives: each cell's formula (without "=") or value, and each defined name's cells. */
export interface FormulaCells {
  cell(sheet: string, row: number, column: number): { readonly formula: string } | FormulaValue;
  name(name: string): CellBlock | undefined;
}

/** A formula with a function, operator or number format the evaluator does not know. */
export class UnsupportedFormula extends Error {}

/** A cell whose value cannot be known: its formula refers to a cell that holds no value (a formula never calculated). */
export class UnknownValue extends Error {}

type Scalar = number | string | boolean | { readonly error: string } | null;
/** Values of a rectangle, row by row. */
interface Flat {
  readonly rows: number;
  readonly columns: number;
  readonly values: readonly Scalar[];
}
type Operand = Scalar | { readonly block: CellBlock } | { readonly array: Flat };

const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;
const isBlock = (v: Operand): v is { block: CellBlock } => typeof v === 'object' && v !== null && 'block' in v;
const isArray = (v: Operand): v is { array: Flat } => typeof v === 'object' && v !== null && 'array' in v;
const error = (code: string) => ({ error: code });
const VALUE = error('#VALUE!');
const NA = error('#N/A');
const DIV0 = error('#DIV/0!');
const NUM = error('#NUM!');
const REF = error('#REF!');

// ---- parsing: tokens to a tree, Excel's precedence (`:` > unary minus > % > ^ > * / > + - > & > comparison) ----

type Node =
  | { readonly kind: 'value'; readonly value: Scalar }
  | { readonly kind: 'ref'; readonly sheet?: string; readonly row: number; readonly column: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }
  | { readonly kind: 'unary'; readonly operator: string; readonly operand: Node }
  | { readonly kind: 'binary'; readonly operator: string; readonly left: Node; readonly right: Node };

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const BINARY: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5, ':': 8 };

/** A formula's tree. */
export function parseFormula(formula: string): Node {
  const tokens = formulaTokens(formula);
  let i = 0;
  const peek = (): FormulaToken | undefined => tokens[i];
  const isOp = (t: FormulaToken | undefined, op: string) => t?.kind === 'operator' && t.operator === op;
  const fail = (what: string): never => { throw new UnsupportedFormula(`${what} in =${formula}`); };

  function primary(): Node {
    const t = tokens[i++];
    if (!t) return fail('a formula that ends too soon');
    switch (t.kind) {
      case 'number': return { kind: 'value', value: t.value };
      case 'text': return { kind: 'value', value: t.text };
      case 'boolean': return { kind: 'value', value: t.value };
      case 'error': return { kind: 'value', value: error(t.code) };
      case 'sheet': {
        const cell = tokens[i++];
        if (cell?.kind !== 'reference') return fail(`a reference to the sheet "${t.sheet}" that is not to cells`);
        return reference(cell.cell, t.sheet);
      }
      case 'reference': return reference(t.cell);
      case 'name': return { kind: 'name', name: t.name };
      case 'function': {
        if (!isOp(tokens[i++], '(')) return fail(`${t.name} without its bracket`);
        const args: Node[] = [];
        if (isOp(peek(), ')')) i += 1;
        else {
          for (;;) {
            args.push(expression(0));
            const next = tokens[i++];
            if (isOp(next, ')')) break;
            if (!isOp(next, ',')) fail(`${t.name} with its arguments not closed`);
          }
        }
        return { kind: 'call', name: t.name.toUpperCase(), args };
      }
      case 'operator': {
        if (t.operator === '(') {
          const inner = expression(0);
          if (!isOp(tokens[i++], ')')) fail('a bracket not closed');
          return inner;
        }
        if (t.operator === '-' || t.operator === '+') return { kind: 'unary', operator: t.operator, operand: postfix(primary()) };
        return fail(`the operator ${t.operator}`);
      }
      default: return fail(`a ${t.kind} piece`);
    }
  }
  function reference(cell: string, sheet?: string): Node {
    const m = CELL.exec(cell) as RegExpExecArray;
    return { kind: 'ref', ...(sheet === undefined ? {} : { sheet }), row: Number(m[2]), column: columnOf(m[1]) };
  }
  /** A range (`A1:B2`) binds before anything else; a percent sign after its operand. */
  function postfix(node: Node): Node {
    let n = node;
    for (;;) {
      if (isOp(peek(), ':')) {
        i += 1;
        n = { kind: 'binary', operator: ':', left: n, right: primary() };
      } else if (isOp(peek(), '%')) {
        i += 1;
        n = { kind: 'unary', operator: '%', operand: n };
      } else return n;
    }
  }
  function expression(minimum: number): Node {
    let left = postfix(primary());
    for (;;) {
      const t = peek();
      if (t?.kind !== 'operator' || !(t.operator in BINARY)) return left;
      const precedence = BINARY[t.operator];
      if (precedence < minimum) return left;
      i += 1;
      // Excel's operators are all left-associative, ^ included.
      left = { kind: 'binary', operator: t.operator, left, right: expression(precedence + 1) };
    }
  }
  const tree = expression(0);
  if (i < tokens.length) fail('more after the formula\'s end');
  return tree;
}

// ---- values ----

/** A number as a spreadsheet shows it: to 15 significant digits. */
const shown = (n: number) => new Decimal(Number(n.toPrecision(15)));

/** ROUND: half away from zero, on the decimal a spreadsheet shows. */
export function roundHalfAway(n: number, places: number): number {
  if (!Number.isFinite(n)) return n;
  if (places >= 0 && places <= 10) {
    // Far from a half, the nearest whole number of hundredths (say) is the same in doubles as in decimals.
    const scale = 10 ** places;
    const x = Math.abs(n) * scale;
    if (x < 1e15 && Math.abs(x - Math.floor(x) - 0.5) > 1e-6) return (n < 0 ? -1 : 1) * (Math.round(x) / scale);
  }
  const d = shown(Math.abs(n));
  const rounded = places >= 0 ? d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) : d.div(10 ** -places).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(10 ** -places);
  return (n < 0 ? -1 : 1) * rounded.toNumber();
}

const NUMERIC_TEXT = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A value as a number for arithmetic: empty is 0, TRUE 1, text of a number its number; else an error. */
function toNumber(v: Scalar): number | { error: string } {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return NUMERIC_TEXT.test(v) ? Number(v) : VALUE;
  return v;
}

/** A value as text, as `&` joins it: a number to 15 significant digits without exponent where it can. */
function toText(v: Scalar): string | { error: string } {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberText(v);
  return v;
}
function numberText(n: number): string {
  if (n === 0) return '0';
  const text = String(Number(n.toPrecision(15)));
  return text.includes('e') ? shown(n).toString() : text;
}

function toBoolean(v: Scalar): boolean | { error: string } {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    return VALUE;
  }
  return v;
}

/** Excel's order of kinds in a comparison: numbers, then text (without case), then TRUE/FALSE; empty is 0 or "". */
const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
function compare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  let [x, y] = [a, b];
  if (x === null) x = typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  const [rx, ry] = [rank(x), rank(y)];
  if (rx !== ry) return rx - ry;
  if (typeof x === 'string' && typeof y === 'string') {
    const [u, v] = [x.toLowerCase(), y.toLowerCase()];
    return u < v ? -1 : u > v ? 1 : 0;
  }
  return Number(x) - Number(y);
}

// ---- dates (1900 system serials, from 1900-03-01) ----

const SERIAL_OF_1970 = 25569;
const DAY = 86_400_000;
function serialOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY + SERIAL_OF_1970;
}
/** The day of a serial, as Excel counts them: 0 is 1900-01-00 and 60 the 29 February 1900 that never was. */
function dateOf(serial: number): { year: number; month: number; day: number } {
  const days = Math.floor(serial);
  if (days < 1) return { year: 1900, month: 1, day: 0 };
  if (days === 60) return { year: 1900, month: 2, day: 29 };
  if (days < 60) return { year: 1900, month: days <= 31 ? 1 : 2, day: days <= 31 ? days : days - 31 };
  const d = new Date((days - SERIAL_OF_1970) * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ---- number formats (TEXT) ----

/** A number in a format code the product writes: sections `;`, `0 # , .`, `%`, literal text and `d mmmm yyyy`. */
export function formatNumber(n: number, code: string): string {
  const sections = code.split(';');
  if (sections.length > 2) throw new UnsupportedFormula(`the number format ${code}`);
  const negative = n < 0 && sections.length === 2;
  const section = negative ? sections[1] : sections[0];
  const value = negative ? -n : n;
  if (/^[dmy ]+$/i.test(section) && /[dmy]/i.test(section)) return dateText(value, section);
  const at = section.search(/[0#]/);
  if (at < 0) throw new UnsupportedFormula(`the number format ${code}`);
  let end = at;
  while (end < section.length && /[0#,.]/.test(section[end])) end += 1;
  const [prefix, digits, suffix] = [section.slice(0, at), section.slice(at, end), section.slice(end)];
  if (/[0#,.%]/.test(prefix) || /[0#,.]/.test(suffix) || !/^%?$/.test(suffix.replace(/^[^%]*/, '')) || /[^%£$\- ]/.test(prefix + suffix.replace('%', ''))) {
    throw new UnsupportedFormula(`the number format ${code}`);
  }
  const percent = suffix.includes('%');
  const [whole, fraction = ''] = digits.split('.');
  const grouped = whole.includes(',');
  const least = fraction.replace(/#/g, '').length;
  const places = fraction.length;
  const scaled = percent ? shown(value).times(100) : shown(value);
  const rounded = scaled.abs().toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  let [integer, decimals = ''] = rounded.toFixed(places).split('.');
  decimals = decimals.replace(/0+$/, '').padEnd(least, '0');
  const minimumWhole = whole.replace(/[#,]/g, '').length;
  if (integer === '0' && minimumWhole === 0) integer = '';
  if (grouped) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = !negative && scaled.isNegative() && !rounded.isZero() ? '-' : '';
  return `${sign}${prefix}${integer}${decimals === '' ? '' : `.${decimals}`}${suffix}`;
}

function dateText(serial: number, code: string): string {
  const { year, month, day } = dateOf(serial);
  return code.replace(/d+|m+|y+/gi, (part) => {
    switch (part.toLowerCase()) {
      case 'd': return String(day);
      case 'dd': return String(day).padStart(2, '0');
      case 'mm': return String(month).padStart(2, '0');
      case 'mmmm': return MONTH_NAMES[month - 1];
      case 'mmm': return MONTH_NAMES[month - 1].slice(0, 3);
      case 'yyyy': return String(year);
      default: throw new UnsupportedFormula(`the date format ${code}`);
    }
  });
}

// ---- the evaluator ----

/** The value at a row and column of an array stretched over a larger one: a single row or column repeats; beyond it, #N/A. */
function stretched(g: Flat, r: number, c: number): Scalar {
  const row = g.rows === 1 ? 0 : r;
  const column = g.columns === 1 ? 0 : c;
  return row < g.rows && column < g.columns ? g.values[row * g.columns + column] : NA;
}

/** Each cell's value, worked out once, from the cells and names given. */
export interface FormulaEvaluator {
  /** The value of the cell: its formula's, worked out, or the value it holds. */
  value(sheet: string, row: number, column: number): FormulaValue;
  /** The value of a formula as if in the cell at `sheet`, `row`, `column`. */
  evaluate(formula: string, sheet: string): FormulaValue;
}

export function formulaEvaluator(cells: FormulaCells): FormulaEvaluator {
  const values = new Map<string, Map<number, Scalar | typeof WORKING | UnknownValue>>();
  const WORKING = Symbol('working');

  function value(sheet: string, row: number, column: number): Scalar {
    const key = row * 20_000 + column;
    let sheetValues = values.get(sheet);
    if (!sheetValues) values.set(sheet, (sheetValues = new Map()));
    const known = sheetValues.get(key);
    if (known === WORKING) throw new UnsupportedFormula(`a circular reference through ${sheet}!R${row}C${column}`);
    if (known instanceof UnknownValue) throw known;
    if (known !== undefined) return known;
    sheetValues.set(key, WORKING);
    try {
      const held = cells.cell(sheet, row, column);
      const result = typeof held !== 'object' || held === null || !('formula' in held) ? held : scalarAt(run(parseFormula(held.formula), sheet), sheet);
      sheetValues.set(key, result);
      return result;
    } catch (e) {
      if (e instanceof UnknownValue) sheetValues.set(key, e);
      else sheetValues.delete(key);
      throw e;
    }
  }

  /** A formula's result in one cell: a single cell's or a 1×1 array's value. */
  function scalarAt(result: Operand, sheet: string): Scalar {
    const operand = cellOrOperand(result);
    if (operand === null) return 0;
    if (isBlock(operand) || isArray(operand)) {
      const grid = arrayOf(operand);
      if (grid.values.length !== 1) throw new UnsupportedFormula(`a formula in ${sheet} whose result is a range, not one value`);
      return grid.values[0] ?? 0;
    }
    return operand as Scalar;
  }

  const blockRows = (b: CellBlock) => b.bottom - b.top + 1;
  const blockColumns = (b: CellBlock) => b.right - b.left + 1;

  /** A range's values, read once for each range (a column of a hundred thousand amounts is read by many formulas). */
  const blocks = new Map<string, Flat>();
  function arrayOf(operand: Operand): Flat {
    if (isArray(operand)) return operand.array;
    if (isBlock(operand)) {
      const { block } = operand;
      const single = block.top === block.bottom && block.left === block.right;
      const key = `${block.sheet}!${block.top},${block.left},${block.bottom},${block.right}`;
      const known = single ? undefined : blocks.get(key);
      if (known) return known;
      const values: Scalar[] = [];
      for (let r = block.top; r <= block.bottom; r++) for (let c = block.left; c <= block.right; c++) values.push(value(block.sheet, r, c));
      const grid = { rows: blockRows(block), columns: blockColumns(block), values };
      if (!single) blocks.set(key, grid);
      return grid;
    }
    return { rows: 1, columns: 1, values: [operand as Scalar] };
  }

  /** An operand as one value: a single cell of a range; a larger range is not one value (#VALUE!). */
  function scalarOf(operand: Operand): Scalar {
    if (isBlock(operand) || isArray(operand)) {
      const grid = arrayOf(operand);
      return grid.values.length === 1 ? grid.values[0] : VALUE;
    }
    return operand as Scalar;
  }

  /** Element by element over two operands, a single value or a row or column stretched over the other. */
  /** A single cell's value, or the operand as it is. */
  function cellOrOperand(o: Operand): Operand {
    if (!isBlock(o)) return o;
    const { block } = o;
    return block.top === block.bottom && block.left === block.right ? value(block.sheet, block.top, block.left) : o;
  }

  function elementwise(left: Operand, right: Operand, f: (x: Scalar, y: Scalar) => Scalar): Operand {
    const [a, b] = [cellOrOperand(left), cellOrOperand(right)];
    if (!isBlock(a) && !isArray(a) && !isBlock(b) && !isArray(b)) return f(a as Scalar, b as Scalar);
    const [x, y] = [arrayOf(a), arrayOf(b)];
    const rows = Math.max(x.rows, y.rows);
    const columns = Math.max(x.columns, y.columns);
    const values: Scalar[] = [];
    if (x.rows === y.rows && x.columns === y.columns) for (let i = 0; i < x.values.length; i++) values.push(f(x.values[i], y.values[i]));
    else for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) values.push(f(stretched(x, r, c), stretched(y, r, c)));
    return { array: { rows, columns, values } };
  }
  function map(operand: Operand, f: (x: Scalar) => Scalar): Operand {
    const a = cellOrOperand(operand);
    if (!isBlock(a) && !isArray(a)) return f(a as Scalar);
    const grid = arrayOf(a);
    return { array: { ...grid, values: grid.values.map(f) } };
  }

  const arithmetic = (f: (x: number, y: number) => number | { error: string }) => (a: Scalar, b: Scalar): Scalar => {
    const x = toNumber(a);
    if (isError(x)) return x;
    const y = toNumber(b);
    if (isError(y)) return y;
    const r = f(x, y);
    return typeof r === 'number' && !Number.isFinite(r) ? NUM : r;
  };
  const OPERATIONS: Record<string, (a: Scalar, b: Scalar) => Scalar> = {
    '+': arithmetic((x, y) => x + y),
    '-': arithmetic((x, y) => x - y),
    '*': arithmetic((x, y) => x * y),
    '/': arithmetic((x, y) => (y === 0 ? DIV0 : x / y)),
    '^': arithmetic((x, y) => (x === 0 && y === 0 ? NUM : x ** y)),
    '&': (a, b) => {
      const x = toText(a);
      if (isError(x)) return x;
      const y = toText(b);
      return isError(y) ? y : x + y;
    },
  };
  const COMPARISONS: Record<string, (n: number) => boolean> = { '=': (n) => n === 0, '<>': (n) => n !== 0, '<': (n) => n < 0, '>': (n) => n > 0, '<=': (n) => n <= 0, '>=': (n) => n >= 0 };

  function rangeOf(node: Node, sheet: string): CellBlock {
    const operand = run(node, sheet);
    if (!isBlock(operand)) throw new UnsupportedFormula('a range whose end is not a cell');
    return operand.block;
  }

  function run(node: Node, sheet: string): Operand {
    switch (node.kind) {
      case 'value': return node.value;
      case 'ref': {
        const on = node.sheet ?? sheet;
        return { block: { sheet: on, top: node.row, left: node.column, bottom: node.row, right: node.column } };
      }
      case 'name': {
        const block = cells.name(node.name);
        return block ? { block } : error('#NAME?');
      }
      case 'unary': {
        const operand = run(node.operand, sheet);
        if (node.operator === '%') return map(operand, (x) => OPERATIONS['/'](x, 100));
        if (node.operator === '+') return operand;
        return map(operand, (x) => OPERATIONS['-'](0, x));
      }
      case 'binary': {
        if (node.operator === ':') {
          const [a, b] = [rangeOf(node.left, sheet), rangeOf(node.right, sheet)];
          if (a.sheet !== b.sheet) return REF;
          return { block: { sheet: a.sheet, top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) } };
        }
        const [a, b] = [run(node.left, sheet), run(node.right, sheet)];
        const comparison = COMPARISONS[node.operator];
        if (comparison) {
          return elementwise(a, b, (x, y) => (isError(x) ? x : isError(y) ? y : comparison(compare(x, y))));
        }
        const operation = OPERATIONS[node.operator];
        if (!operation) throw new UnsupportedFormula(`the operator ${node.operator}`);
        return elementwise(a, b, (x, y) => (isError(x) ? x : isError(y) ? y : operation(x, y)));
      }
      case 'call': return call(node.name, node.args, sheet);
    }
  }

  /** The values an aggregate (SUM, MAX, COUNT, AND...) takes: from a range only its numbers (or booleans for AND); as an argument typed, any that reads as one. */
  function aggregated(args: readonly Node[], sheet: string): { values: readonly Scalar[]; direct: boolean }[] {
    return args.map((arg) => {
      const operand = run(arg, sheet);
      if (!isBlock(operand) && !isArray(operand)) return { values: [operand as Scalar], direct: true };
      return { values: arrayOf(operand).values, direct: false };
    });
  }

  function numbers(args: readonly Node[], sheet: string): number[] | { error: string } {
    const out: number[] = [];
    for (const { values, direct } of aggregated(args, sheet)) for (const v of values) {
      if (isError(v)) return v;
      if (typeof v === 'number') out.push(v);
      else if (direct) {
        const n = toNumber(v);
        if (isError(n)) return n;
        out.push(n);
      }
    }
    return out;
  }

  /** A criterion of COUNTIF and SUMIF: `"avoidable"`, `"<="&date`, a number. */
  function criterion(c: Scalar): (v: Scalar) => boolean {
    if (typeof c === 'string') {
      const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(c) as RegExpExecArray;
      const op = m[1] ?? '=';
      const text = m[2];
      const operand: Scalar = NUMERIC_TEXT.test(text) ? Number(text) : text;
      const test = COMPARISONS[op];
      if (typeof operand === 'number') return (v) => typeof v === 'number' && test(v - operand);
      if (op === '=' && text === '') return (v) => v === null || v === '';
      if (op === '<>' && text === '') return (v) => v !== null && v !== '';
      if (/[*?~]/.test(text)) throw new UnsupportedFormula(`the criterion ${c}`);
      return (v) => (op === '=' || op === '<>' ? test(typeof v === 'string' ? compare(v, operand) : 1) : typeof v === 'string' && test(compare(v, operand)));
    }
    if (typeof c === 'number') return (v) => (typeof v === 'number' && v === c) || (typeof v === 'string' && NUMERIC_TEXT.test(v) && Number(v) === c);
    if (typeof c === 'boolean') return (v) => v === c;
    if (c === null) return (v) => v === 0;
    return (v) => isError(v) && v.error === c.error;
  }

  /** The cells meeting every criterion of `pairs` (range, criterion), as positions in each range. */
  function meeting(pairs: readonly [Node, Node][], sheet: string): { rows: number; columns: number; met: boolean[] } | { error: string } {
    let shape: { rows: number; columns: number } | undefined;
    let met: boolean[] | undefined;
    for (const [rangeNode, criterionNode] of pairs) {
      const grid = arrayOf(run(rangeNode, sheet));
      const c = scalarOf(run(criterionNode, sheet));
      if (isError(c)) return c;
      const test = criterion(c);
      if (shape && (grid.rows !== shape.rows || grid.columns !== shape.columns)) return VALUE;
      shape = { rows: grid.rows, columns: grid.columns };
      const before = met;
      met = grid.values.map((v, i) => (before ? before[i] : true) && test(v));
    }
    return { ...(shape as { rows: number; columns: number }), met: met as boolean[] };
  }

  function lookupPosition(needle: Scalar, haystack: readonly Scalar[], exact: boolean): number | undefined {
    if (exact) {
      const at = haystack.findIndex((v) => v !== null && !isError(v) && typeof v === typeof needle && compare(v, needle) === 0);
      return at < 0 ? undefined : at;
    }
    // The last value not above the needle, of the needle's kind, in a sorted list.
    let found: number | undefined;
    haystack.forEach((v, i) => {
      if (v !== null && !isError(v) && typeof v === typeof needle && compare(v, needle) <= 0) found = i;
    });
    return found;
  }

  function call(name: string, args: readonly Node[], sheet: string): Operand {
    const arg = (i: number): Scalar => (i < args.length ? scalarOf(run(args[i], sheet)) : null);
    const num = (i: number): number | { error: string } => {
      const v = arg(i);
      return isError(v) ? v : toNumber(v);
    };
    const count = (n: number, most = n) => {
      if (args.length < n || args.length > most) throw new UnsupportedFormula(`${name} with ${args.length} arguments`);
    };
    switch (name) {
      case 'IF': {
        count(2, 3);
        const test = toBoolean(arg(0));
        if (isError(test)) return test;
        return test ? run(args[1], sheet) : args.length > 2 ? run(args[2], sheet) : false;
      }
      case 'IFERROR': {
        count(2);
        const v = run(args[0], sheet);
        if (isBlock(v) || isArray(v)) return map(v, (x) => (isError(x) ? scalarOf(run(args[1], sheet)) : x));
        return isError(v) ? run(args[1], sheet) : v;
      }
      case 'N': {
        count(1);
        const v = arg(0);
        return typeof v === 'number' || isError(v) ? v : typeof v === 'boolean' ? Number(v) : 0;
      }
      case 'ISNUMBER': count(1); return map(run(args[0], sheet), (x) => typeof x === 'number');
      case 'ISBLANK': count(1); return map(run(args[0], sheet), (x) => x === null);
      case 'AND':
      case 'OR': {
        if (args.length === 0) throw new UnsupportedFormula(`${name} without arguments`);
        const seen: boolean[] = [];
        for (const { values, direct } of aggregated(args, sheet)) for (const v of values) {
          if (isError(v)) return v;
          if (typeof v === 'boolean' || typeof v === 'number') seen.push(Boolean(v));
          else if (direct) {
            const b = toBoolean(v);
            if (isError(b)) return b;
            seen.push(b);
          }
        }
        if (seen.length === 0) return VALUE;
        return name === 'AND' ? seen.every(Boolean) : seen.some(Boolean);
      }
      case 'ROUND': {
        count(2);
        const [n, places] = [num(0), num(1)];
        if (isError(n)) return n;
        if (isError(places)) return places;
        return roundHalfAway(n, Math.trunc(places));
      }
      case 'SUM':
      case 'MAX':
      case 'MIN': {
        const ns = numbers(args, sheet);
        if (isError(ns)) return ns;
        if (name === 'SUM') return ns.reduce((s, n) => s + n, 0);
        if (ns.length === 0) return 0;
        return name === 'MAX' ? Math.max(...ns) : Math.min(...ns);
      }
      case 'LARGE': {
        count(2);
        const ns = numbers(args.slice(0, 1), sheet);
        if (isError(ns)) return ns;
        const k = num(1);
        if (isError(k)) return k;
        const sorted = [...ns].sort((a, b) => b - a);
        const at = Math.ceil(k) - 1;
        return at >= 0 && at < sorted.length ? sorted[at] : NUM;
      }
      case 'COUNT': {
        let n = 0;
        for (const { values, direct } of aggregated(args, sheet)) for (const v of values) if (typeof v === 'number' || (direct && !isError(toNumber(v)) && v !== null && typeof v !== 'string')) n += 1;
        return n;
      }
      case 'COUNTA': {
        let n = 0;
        for (const { values } of aggregated(args, sheet)) for (const v of values) if (v !== null) n += 1;
        return n;
      }
      case 'ROWS':
      case 'COLUMNS': {
        count(1);
        const operand = run(args[0], sheet);
        if (isBlock(operand)) return name === 'ROWS' ? blockRows(operand.block) : blockColumns(operand.block);
        const grid = arrayOf(operand);
        return name === 'ROWS' ? grid.rows : grid.columns;
      }
      case 'COUNTIF':
      case 'COUNTIFS': {
        if (args.length < 2 || args.length % 2 !== 0) throw new UnsupportedFormula(`${name} with ${args.length} arguments`);
        const pairs = Array.from({ length: args.length / 2 }, (_, i) => [args[2 * i], args[2 * i + 1]] as [Node, Node]);
        const m = meeting(pairs, sheet);
        if (isError(m)) return m;
        return m.met.filter(Boolean).length;
      }
      case 'SUMIF':
      case 'SUMIFS': {
        const [sumNode, pairs] = name === 'SUMIF'
          ? (count(2, 3), [args[2] ?? args[0], [[args[0], args[1]] as [Node, Node]]] as const)
          : (args.length < 3 || args.length % 2 === 0 ? (() => { throw new UnsupportedFormula(`SUMIFS with ${args.length} arguments`); })() : [args[0], Array.from({ length: (args.length - 1) / 2 }, (_, i) => [args[1 + 2 * i], args[2 + 2 * i]] as [Node, Node])] as const);
        const m = meeting(pairs, sheet);
        if (isError(m)) return m;
        const sums = arrayOf(run(sumNode, sheet));
        if (name === 'SUMIFS' && (sums.rows !== m.rows || sums.columns !== m.columns)) return VALUE;
        let total = 0;
        for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.columns; c++) {
          if (!m.met[r * m.columns + c]) continue;
          const v = r < sums.rows && c < sums.columns ? sums.values[r * sums.columns + c] : null;
          if (isError(v)) return v;
          if (typeof v === 'number') total += v;
        }
        return total;
      }
      case 'SUMPRODUCT': {
        if (args.length === 0) throw new UnsupportedFormula('SUMPRODUCT without arguments');
        const grids = args.map((a) => arrayOf(run(a, sheet)));
        const { rows, columns } = grids[0];
        if (grids.some((g) => g.rows !== rows || g.columns !== columns)) return VALUE;
        let total = 0;
        for (let i = 0; i < rows * columns; i++) {
          let product = 1;
          for (const g of grids) {
            const v = g.values[i];
            if (isError(v)) return v;
            product *= typeof v === 'number' ? v : 0;
          }
          total += product;
        }
        return total;
      }
      case 'INDEX': {
        count(2, 3);
        const operand = run(args[0], sheet);
        const [r, c] = [num(1), args.length > 2 ? num(2) : 0];
        if (isError(r)) return r;
        if (isError(c)) return c;
        const [rows, columns] = isBlock(operand) ? [blockRows(operand.block), blockColumns(operand.block)] : [arrayOf(operand).rows, arrayOf(operand).columns];
        // One index into a row or a column counts along it.
        let [row, column] = args.length > 2 ? [Math.trunc(r), Math.trunc(c)] : rows === 1 ? [1, Math.trunc(r)] : [Math.trunc(r), columns === 1 ? 1 : 0];
        if (row === 0 && rows === 1) row = 1;
        if (column === 0 && columns === 1) column = 1;
        if (row < 1 || column < 1 || row > rows || column > columns) return REF;
        if (isBlock(operand)) {
          const { block } = operand;
          return { block: { sheet: block.sheet, top: block.top + row - 1, left: block.left + column - 1, bottom: block.top + row - 1, right: block.left + column - 1 } };
        }
        return arrayOf(operand).values[(row - 1) * columns + column - 1];
      }
      case 'MATCH': {
        count(2, 3);
        const needle = arg(0);
        if (isError(needle)) return needle;
        const kind = args.length > 2 ? num(2) : 1;
        if (isError(kind)) return kind;
        if (kind !== 0 && kind !== 1) throw new UnsupportedFormula(`MATCH of kind ${kind}`);
        const grid = arrayOf(run(args[1], sheet));
        if (grid.rows !== 1 && grid.columns !== 1) return NA;
        const at = lookupPosition(needle, grid.values, kind === 0);
        return at === undefined ? NA : at + 1;
      }
      case 'LOOKUP': {
        count(3);
        const needle = arg(0);
        if (isError(needle)) return needle;
        const [from, to] = [arrayOf(run(args[1], sheet)).values, arrayOf(run(args[2], sheet)).values];
        const at = lookupPosition(needle, from, false);
        return at === undefined || at >= to.length ? NA : to[at];
      }
      case 'CHOOSE': {
        if (args.length < 2) throw new UnsupportedFormula('CHOOSE with too few arguments');
        const k = num(0);
        if (isError(k)) return k;
        const at = Math.trunc(k);
        return at >= 1 && at < args.length ? run(args[at], sheet) : VALUE;
      }
      case 'DATE': {
        count(3);
        const [y, m, d] = [num(0), num(1), num(2)];
        if (isError(y)) return y;
        if (isError(m)) return m;
        if (isError(d)) return d;
        const year = Math.trunc(y) < 1900 ? Math.trunc(y) + 1900 : Math.trunc(y);
        const serial = serialOf(year, Math.trunc(m), Math.trunc(d));
        return serial < 61 || year > 9999 ? NUM : serial;
      }
      case 'EDATE': {
        count(2);
        const [start, months] = [num(0), num(1)];
        if (isError(start)) return start;
        if (isError(months)) return months;
        if (start < 61) return NUM;
        const { year, month, day } = dateOf(start);
        const index = year * 12 + month - 1 + Math.trunc(months);
        const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
        const last = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
        return serialOf(toYear, toMonth, Math.min(day, last));
      }
      case 'YEAR':
      case 'MONTH': {
        count(1);
        const n = num(0);
        if (isError(n)) return n;
        if (n < 0) return NUM;
        const date = dateOf(n);
        return name === 'YEAR' ? date.year : date.month;
      }
      case 'RIGHT': {
        count(1, 2);
        const text = toText(arg(0));
        if (isError(text)) return text;
        const n = args.length > 1 ? num(1) : 1;
        if (isError(n)) return n;
        if (n < 0) return VALUE;
        return Math.trunc(n) === 0 ? '' : text.slice(-Math.trunc(n));
      }
      case 'TEXT': {
        count(2);
        const v = arg(0);
        if (isError(v)) return v;
        const code = toText(arg(1));
        if (isError(code)) return code;
        const n = toNumber(v);
        if (isError(n)) return typeof v === 'string' ? v : n;
        return formatNumber(n, code);
      }
      default: throw new UnsupportedFormula(`the function ${name}`);
    }
  }

  return {
    value: (sheet, row, column) => value(sheet, row, column),
    evaluate: (formula, sheet) => scalarAt(run(parseFormula(formula), sheet), sheet),
  };
}
