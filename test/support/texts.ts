// A cost table whose item labels hold what a council's workbook can: control characters (NUL among
// them, which Excel stores as _x0000_), emoji, right-to-left text, the marks and overrides that
// reorder a line, a literal _xHHHH_, half of a surrogate pair alone, U+FFFF, and a label of exactly the
// 32,767 characters an Excel cell holds, an emoji its last. Built at test time, on a sheet whose
// name is Arabic and an emoji.
import { FixtureSheet, writeWorkbookStoring } from './workbooks';

export const TEXT_SHEET = 'التكاليف 📞';

/** Each label, the text Excel stores for it when that is not the label itself, and its amount. */
export const TEXT_ROWS: readonly { readonly label: string; readonly stored?: string; readonly amount: number }[] = [
  { label: 'Core team\u0000 (\u0001 \u001f)', stored: 'Core team_x0000_ (_x0001_ _x001F_)', amount: 17800 },
  { label: 'CRM 📞', amount: 46648.63 },
  { label: '📞📠💷', amount: 9495.85 },
  { label: 'شبكة الاتصالات', amount: 44262.49 },
  { label: 'תמיכה טכנית', amount: 5483.25 },
  { label: 'Email \u202eeulav\u202c', amount: 845 },
  { label: '\u2066Hosting\u2069 \u061c\u200f', amount: 100 },
  { label: '\u2067x\u2069 \u2068y\u2069', amount: 150 },
  { label: `Licences ${'\u202e'.repeat(6)}x`, amount: 250 },
  { label: 'Line _x0041_ rental', stored: 'Line _x005F_x0041_ rental', amount: 200 },
  { label: 'Half \ud83d', stored: 'Half _xD83D_', amount: 300 },
  { label: 'Not a character \uffff', stored: 'Not a character _xFFFF_', amount: 350 },
  { label: `${'x'.repeat(38)}📞 a long label`, amount: 400 },
  { label: `${'x'.repeat(32_765)}📞`, amount: 500 },
];
export const TEXT_LABELS = TEXT_ROWS.map((row) => row.label);

/** The header: an emoji beside the item, and a NUL after the pound sign (stored as `£_x0000_`). */
export const TEXT_HEADER = ['Item 📋', '£\u0000'] as const;

/** The table on TEXT_SHEET, from A1: the header, then TEXT_ROWS from row 2. */
export function writeTextWorkbook(file: string): Promise<string> {
  const stored: Record<string, string> = { HEADER_UNIT: '£_x0000_' };
  const rows = TEXT_ROWS.map((row, i) => {
    if (row.stored === undefined) return [row.label, row.amount];
    stored[`STORED_LABEL_${i}_`] = row.stored;
    return [`STORED_LABEL_${i}_`, row.amount];
  });
  const sheet: FixtureSheet = { name: TEXT_SHEET, rows: [[TEXT_HEADER[0], 'HEADER_UNIT'], ...rows] };
  return writeWorkbookStoring(file, [sheet], stored);
}
