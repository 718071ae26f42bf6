// An Excel formula as the pieces a reader of it sees: texts, numbers, sheets, cell references,
// names, functions and operators. Two formulas are the same when their pieces are, compared as
// Excel compares them: names, functions and sheet names without case, a sheet name quoted or not
// (`'Costs'!B5` is `Costs!B5`) but with every character of it, spaces included (`'Cost Table'` is
// not `CostTable`); the `_xlfn.` and `_xlws.` prefixes a writer puts before a newer function's name
// are not part of it, but only there, before its bracket; LibreOffice's `TRUE()` is `TRUE`; spaces
// between pieces are nothing, unless they stand between two references, where they are Excel's
// intersection operator.

export type FormulaToken =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly code: string }
  /** The sheet of the reference after it, without quotes (`Cost Table` for `'Cost Table'!`). */
  | { readonly kind: 'sheet'; readonly sheet: string }
  | { readonly kind: 'reference'; readonly cell: string }
  | { readonly kind: 'name'; readonly name: string }
  /** A function's name without its `_xlfn.`/`_xlws.` prefixes; its bracket is the operator after it. */
  | { readonly kind: 'function'; readonly name: string }
  /** A structured or external reference in square brackets, as written. */
  | { readonly kind: 'bracketed'; readonly text: string }
  | { readonly kind: 'operator'; readonly operator: string };

const ERRORS = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|PYTHON!)/i;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;
/** A name, a function's name, an unquoted sheet name or a cell reference (names may hold `.`, `\` and `?`). */
const WORD = /^[A-Za-z_\\$\u00a1-\uffff][A-Za-z0-9_.\\$?\u00a1-\uffff]*/;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const FUNCTION_PREFIXES = /^(?:_xlfn\.|_xlws\.)+/i;
const SPACE = /^[ \t\r\n\u00a0]+/;
const OPERATORS = ['<=', '>=', '<>'];

/** A quoted piece from `at`, its quote doubled inside it: its text and where it ends. */
function quoted(formula: string, at: number, quote: string): { text: string; end: number } {
  let text = '';
  let i = at + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] !== quote) return { text, end: i + 1 };
      i += 1;
    }
    text += formula[i];
    i += 1;
  }
  return { text, end: i };
}

/** Whether a token ends a reference (so that a space after it may be the intersection operator). */
const endsReference = (token: FormulaToken | undefined) => token !== undefined && (token.kind === 'reference' || token.kind === 'name' || token.kind === 'bracketed' || (token.kind === 'operator' && token.operator === ')'));

/** The formula's pieces, left to right; a leading "=" is not one of them. */
export function formulaTokens(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let i = formula.startsWith('=') ? 1 : 0;
  while (i < formula.length) {
    const rest = formula.slice(i);
    const c = formula[i];
    const space = SPACE.exec(rest);
    if (space) {
      i += space[0].length;
      if (endsReference(tokens.at(-1)) && i < formula.length && /[A-Za-z_\\$'(\d\u00a1-\uffff]/.test(formula[i])) tokens.push({ kind: 'operator', operator: ' ' });
      continue;
    }
    if (c === '"') {
      const { text, end } = quoted(formula, i, '"');
      tokens.push({ kind: 'text', text });
      i = end;
      continue;
    }
    if (c === "'") {
      const { text, end } = quoted(formula, i, "'");
      tokens.push({ kind: 'sheet', sheet: text });
      i = formula[end] === '!' ? end + 1 : end;
      continue;
    }
    if (c === '[') {
      let depth = 0;
      let end = i;
      do {
        if (formula[end] === '[') depth += 1;
        else if (formula[end] === ']') depth -= 1;
        end += 1;
      } while (end < formula.length && depth > 0);
      tokens.push({ kind: 'bracketed', text: formula.slice(i, end) });
      i = end;
      continue;
    }
    const error = ERRORS.exec(rest);
    if (error) {
      tokens.push({ kind: 'error', code: error[0].toUpperCase() });
      i += error[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = WORD.exec(rest)?.[0];
    if (word) {
      i += word.length;
      const next = formula[i];
      if (next === '!') {
        tokens.push({ kind: 'sheet', sheet: word });
        i += 1;
      } else if (next === '(') {
        const name = word.replace(FUNCTION_PREFIXES, '');
        if (/^(TRUE|FALSE)$/i.test(name) && formula[i + 1] === ')') {
          tokens.push({ kind: 'boolean', value: name.toUpperCase() === 'TRUE' });
          i += 2;
        } else tokens.push({ kind: 'function', name });
      } else if (CELL.test(word)) tokens.push({ kind: 'reference', cell: word });
      else if (/^(TRUE|FALSE)$/i.test(word)) tokens.push({ kind: 'boolean', value: word.toUpperCase() === 'TRUE' });
      else tokens.push({ kind: 'name', name: word });
      continue;
    }
    const operator = OPERATORS.find((o) => rest.startsWith(o)) ?? c;
    tokens.push({ kind: 'operator', operator });
    i += operator.length;
  }
  return tokens;
}

/** Text as Excel matches names and sheet names: without case. */
const caseless = (text: string) => text.toUpperCase();

function sameToken(a: FormulaToken, b: FormulaToken): boolean {
  switch (a.kind) {
    case 'text': return b.kind === 'text' && a.text === b.text;
    case 'number': return b.kind === 'number' && a.value === b.value;
    case 'boolean': return b.kind === 'boolean' && a.value === b.value;
    case 'error': return b.kind === 'error' && a.code === b.code;
    case 'sheet': return b.kind === 'sheet' && caseless(a.sheet) === caseless(b.sheet);
    case 'reference': return b.kind === 'reference' && caseless(a.cell) === caseless(b.cell);
    case 'name': return b.kind === 'name' && caseless(a.name) === caseless(b.name);
    case 'function': return b.kind === 'function' && caseless(a.name) === caseless(b.name);
    case 'bracketed': return b.kind === 'bracketed' && caseless(a.text) === caseless(b.text);
    case 'operator': return b.kind === 'operator' && a.operator === b.operator;
  }
}

/** Whether two formulas are the same to a reader of them: the same pieces, compared as Excel compares them. */
export function sameFormula(a: string, b: string): boolean {
  const [x, y] = [formulaTokens(a), formulaTokens(b)];
  return x.length === y.length && x.every((token, i) => sameToken(token, y[i]));
}

/** What a defined name's or a formula's text refers to: the sheets it names, and whether a reference in it is broken (`#REF!`). */
export interface SheetsReferenced {
  /** Each sheet named in a reference of this workbook, as it is named (both ends of `Jan:Mar!A1`), once each in the order met. */
  readonly sheets: readonly string[];
  /** A reference to a sheet of another workbook (`[1]Costs!A1`, `'[Book.xlsx]Costs'!A1`), which is left out of `sheets`. */
  readonly external: boolean;
  /** A reference Excel broke when its sheet or cells went (`#REF!`). */
  readonly broken: boolean;
}

/**
 * The sheets a formula's references name, read from its pieces: text in double quotes is a
 * string, not a reference; a quoted name (`'My costs'!`) or a bare one (`Costs!`) before `!`;
 * `Jan:Mar!` names both ends.
 */
export function sheetsReferenced(formula: string): SheetsReferenced {
  const tokens = formulaTokens(formula);
  const sheets: string[] = [];
  let external = false;
  let broken = false;
  tokens.forEach((token, i) => {
    if (token.kind === 'error' && token.code === '#REF!') broken = true;
    if (token.kind !== 'sheet') return;
    const before = tokens[i - 1];
    // A sheet's name holds no [ ]: a name with them, or after them, is of another workbook.
    if (/[[\]]/.test(token.sheet) || before?.kind === 'bracketed') {
      external = true;
      return;
    }
    // `Jan:Mar!` reads as the name Jan, the operator : and the sheet Mar.
    const first = before?.kind === 'operator' && before.operator === ':' ? tokens[i - 2] : undefined;
    const named = [...(first?.kind === 'name' ? [first.name] : []), ...token.sheet.split(':')];
    for (const sheet of named) if (!sheets.includes(sheet)) sheets.push(sheet);
  });
  return { sheets, external, broken };
}
