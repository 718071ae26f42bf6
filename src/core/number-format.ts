// A cell's number format as what a reader of the cell is shown: the digits, separators and date
// parts it shows, and the text it adds around them. Two spellings of one format are the same
// (`"£"#,##0.00;[Red]-"£"#,##0.00` and LibreOffice's `\£#,##0.00;[RED]"-£"#,##0.00`): text in
// quotes, after `\`, unquoted and as a currency symbol (`[$£-809]`) is the same text; colours,
// date parts and `General` compare without case; a part the format leaves out is the one Excel
// takes for it (a negative number shows the first part with a minus sign, a zero the first, a text
// itself). A format that shows other digits or other text (`"£99,999.99"`, which shows those
// characters whatever the number) is another format.

/** A piece of a format: text shown as it is, or a code that shows part of the value (or a colour, a condition). */
type Piece = { readonly text: string } | { readonly code: string };

/** The letters of a date or time part, which Excel reads without case. */
const DATE_PARTS = /^[ymdhs]$/i;
const COLOURS = /^(?:black|blue|cyan|green|magenta|red|white|yellow|colou?r\s*\d+)$/i;

/** The format's parts (separated by `;` outside quotes and brackets), each as its pieces, text pieces run together. */
function parts(format: string): Piece[][] {
  const sections: Piece[][] = [[]];
  let current = sections[0];
  const text = (t: string) => {
    if (t === '') return;
    const last = current[current.length - 1];
    if (last !== undefined && 'text' in last) current[current.length - 1] = { text: last.text + t };
    else current.push({ text: t });
  };
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    const rest = format.slice(i);
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      text(format.slice(i + 1, end < 0 ? format.length : end));
      i = end < 0 ? format.length : end + 1;
    } else if (c === '\\') {
      text(format[i + 1] ?? '');
      i += 2;
    } else if (c === '_' || c === '*') {
      current.push({ code: `${c}${format[i + 1] ?? ''}` });
      i += 2;
    } else if (c === '[') {
      const end = format.indexOf(']', i + 1);
      const inside = format.slice(i + 1, end < 0 ? format.length : end);
      i = end < 0 ? format.length : end + 1;
      if (inside.startsWith('$')) text(inside.slice(1).split('-')[0]); // a currency symbol and its language: the symbol is shown
      else if (COLOURS.test(inside)) current.push({ code: `[${inside.toLowerCase().replace(/\s+/g, '').replace('colour', 'color')}]` });
      else if (/^[<>=]/.test(inside)) {
        const condition = /^([<>=]+)\s*(.*)$/.exec(inside);
        current.push({ code: `[${condition?.[1]}${Number(condition?.[2])}]` });
      } else current.push({ code: `[${inside.toLowerCase()}]` });
    } else if (c === ';') {
      current = [];
      sections.push(current);
      i += 1;
    } else if (/^general/i.test(rest)) {
      current.push({ code: 'General' });
      i += 'general'.length;
    } else if (/^(?:am\/pm|a\/p)/i.test(rest)) {
      const marker = /^(?:am\/pm|a\/p)/i.exec(rest)?.[0] ?? '';
      current.push({ code: marker });
      i += marker.length;
    } else if (/^[eE][-+]/.test(rest)) {
      current.push({ code: `E${format[i + 1]}` });
      i += 2;
    } else if (DATE_PARTS.test(c)) {
      let end = i;
      while (end < format.length && format[end].toLowerCase() === c.toLowerCase()) end += 1;
      current.push({ code: format.slice(i, end).toLowerCase() });
      i = end;
    } else if ('0#?.,%@'.includes(c)) {
      current.push({ code: c });
      i += 1;
    } else {
      text(c);
      i += 1;
    }
  }
  return sections;
}

const isCondition = (piece: Piece) => 'code' in piece && /^\[[<>=]/.test(piece.code);
const hasCode = (section: readonly Piece[], code: string) => section.some((p) => 'code' in p && p.code === code);

/** A part with text put before its first piece that shows the value (after its colour): a minus sign. */
function withMinus(section: readonly Piece[]): Piece[] {
  const at = section.findIndex((p) => !('code' in p && /^\[/.test(p.code)));
  const head = section.slice(0, at < 0 ? section.length : at);
  const tail = section.slice(at < 0 ? section.length : at);
  const first = tail[0];
  return [...head, first !== undefined && 'text' in first ? { text: `-${first.text}` } : { text: '-' }, ...(first !== undefined && 'text' in first ? tail.slice(1) : tail)];
}

const GENERAL: Piece[] = [{ code: 'General' }];

/** What the format shows a number as: its parts for a positive number, a negative one and zero (each as Excel takes it when left out); with conditions, its number parts as written. */
function numberParts(sections: readonly Piece[][]): readonly Piece[][] {
  if (sections.some((s) => s.some(isCondition))) return sections.slice(0, 3);
  const [first, second, third] = sections;
  if (sections.length === 1 && hasCode(first, '@')) return [GENERAL, withMinus(GENERAL), GENERAL];
  if (sections.length === 1) return [first, withMinus(first), first];
  if (sections.length === 2) return [first, second, first];
  return [first, second, third];
}

/** What the format shows a text as: its fourth part, a lone part that holds `@`, or the text itself. */
function textPart(sections: readonly Piece[][]): readonly Piece[] {
  if (sections.length >= 4) return sections[3];
  if (sections.length === 1 && hasCode(sections[0], '@')) return sections[0];
  return [{ code: '@' }];
}

const words = (pieces: readonly (readonly Piece[])[]) => JSON.stringify(pieces.map((section) => section.map((p) => ('text' in p ? { text: p.text } : { code: p.code }))));

/** What a value of a kind is shown as: a number (a date too) by the number parts, a text by the text part, anything else (or a value not known) by both. */
export type ShownAs = 'number' | 'text' | 'any';

/**
 * Whether two number formats show a value of the kind `shown` alike. `undefined` and `General` are
 * Excel's General format.
 */
export function sameNumberFormat(a: string | undefined, b: string | undefined, shown: ShownAs = 'any'): boolean {
  const [first, second] = [parts(a ?? 'General'), parts(b ?? 'General')];
  const asNumber = words(numberParts(first)) === words(numberParts(second));
  const asText = words([textPart(first)]) === words([textPart(second)]);
  return shown === 'number' ? asNumber : shown === 'text' ? asText : asNumber && asText;
}
