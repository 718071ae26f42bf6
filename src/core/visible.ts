// Text from a workbook or the user as a person is shown it, in a terminal or the pane: the
// characters that would act rather than show, written as escapes.

// Characters a terminal acts on rather than shows: C0 and C1 controls and DEL (ESC starts sequences
// that clear the screen or set the window title; a newline breaks a table), line and paragraph
// separators, and the marks and overrides that reorder the text of a line, in a terminal or on a
// page (a right-to-left override before "txt.exe" shows it as "exe.txt", and one around "00871"
// shows "17800"); and what is no character to show: half of a surrogate pair alone (in a /u
// pattern a surrogate range matches only a lone half), U+FFFE, U+FFFF.
const CONTROLS = /[\p{Cc}\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text as shown: each control character written as its escape in JavaScript's manner, `\n`, `\r`,
 * `\t`, `\x1b` (ESC) or `\u202e`, so that a label holding ESC [2J shows as `\x1b[2J` instead of
 * clearing the screen. Backslashes are left as they are, so the result holds no control character
 * and escaping it again changes nothing.
 */
export function visible(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
