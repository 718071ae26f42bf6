// The assumptions file as JSON: read as the user saved it (a byte-order mark, as Windows Notepad
// writes, is taken), with a name given twice in one object refused rather than the last taken
// silently, and a syntax error said as its line and column, never in the JSON parser's words nor
// echoing the file.
import { shorten } from '../../core/limits';

export type JsonReading = { readonly value: unknown } | { readonly problem: string };

const BYTE_ORDER_MARK = '\uFEFF';

/** The value of a JSON text, or what is wrong with it, in words. */
export function readJsonText(text: string): JsonReading {
  const json = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (json.trim() === '') return { problem: 'the file is empty; give a JSON object such as {"noticeMonths": 24}, or {} for every default' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const where = at ? `at ${lineAndColumn(json, Number(at[1]))}` : 'at its end, which comes too soon';
    return { problem: `not valid JSON: something is wrong ${where} (names in double quotes, no comma after the last entry, such as {"noticeMonths": 24})` };
  }
  const twice = firstRepeatedName(json);
  if (twice) return { problem: `${twice.path} is given twice (the second at ${lineAndColumn(json, twice.at)}); JSON would keep only the last, so give it once` };
  return { value };
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

interface Frame {
  readonly list: boolean;
  readonly names: Set<string>;
  /** An object's name being read, or a list's index. */
  step: string | number;
  expectingName: boolean;
}

/**
 * The first name given twice in one object of a valid JSON text, with its path
 * (`partners.leavers[0].name`) and where the second is. Walked without recursion, so that any depth
 * of nesting is read.
 */
function firstRepeatedName(json: string): { path: string; at: number } | undefined {
  const stack: Frame[] = [];
  const pathTo = (name: string) =>
    [...stack.slice(0, -1).map((frame) => frame.step), name]
      .map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i === 0 ? '' : '.'}${shorten(step)}`))
      .join('');
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      const start = i;
      for (i++; json[i] !== '"'; i++) if (json[i] === '\\') i++;
      if (top && !top.list && top.expectingName) {
        const name = JSON.parse(json.slice(start, i + 1)) as string;
        if (top.names.has(name)) return { path: pathTo(name), at: start };
        top.names.add(name);
        top.step = name;
        top.expectingName = false;
      }
    } else if (c === '{' || c === '[') {
      stack.push({ list: c === '[', names: new Set(), step: c === '[' ? 0 : '', expectingName: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top) {
      if (top.list) top.step = (top.step as number) + 1;
      else top.expectingName = true;
    }
  }
  return undefined;
}
