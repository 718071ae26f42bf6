/** @jest-environment node */
// The same in the pane: the grid-level and assumption-level bad inputs of the CLI's catalogue
// (test/cli/bad-inputs.test.ts) give the pane the same message, the table's above the rows, an
// assumption's under its field (in the form's words: the field's label for its key); and the
// labels the CLI reads as they are (test/cli/text-in-cells.test.ts), the pane reads as they are.
import { Grid } from '../../src/core/cell';
import { EFFECTS } from '../../src/faces/taskpane/effects';
import { inFormWords } from '../../src/faces/taskpane/form';
import { Action, initialState, reduce } from '../../src/faces/taskpane/model';
import { view } from '../../src/faces/taskpane/view-model';
import { createFakeExcel } from '../fake-office';
import { SEED_DAY } from '../support/clock';
import { TEXT_HEADER, TEXT_LABELS, TEXT_ROWS, TEXT_SHEET } from '../support/texts';
import { fakeWorld } from '../support/world';

const after = (...actions: Action[]) => actions.reduce(reduce, initialState({ today: SEED_DAY }));
const grid = (...rows: (string | number | boolean | null | { error: string } | { date: string })[][]): Grid =>
  ({ sheet: 'Costs', top: 1, left: 1, values: [['Item', '£'], ['Core team', 17800], ...rows] });

describe('the table\'s problems, as the CLI says them', () => {
  it.each([
    ['a date where an amount belongs', grid(['CRM', { date: '2014-03-31' }], ['Email', 845]), 'Costs!B3: amount is a date (2014-03-31), not a number'],
    ['a boolean where an amount belongs', grid(['CRM', true]), 'Costs!B3: amount is TRUE, not a number'],
    ['an error value where an amount belongs', grid(['CRM', { error: '#N/A' }]), 'Costs!B3: amount is the error value #N/A'],
    ['text that is no amount', grid(['CRM', 'tbc']), 'Costs!B3: amount "tbc" is not a number'],
    ['a number over the largest amount', grid(['CRM', 1_000_000_000_000.5]), 'Costs!B3: amount 1000000000000.5 is more than £1,000,000,000,000, too large for a cost table'],
    ['the same amount over the limit as text', grid(['CRM', '1,000,000,000,000.50']), 'Costs!B3: amount "1,000,000,000,000.50" is more than £1,000,000,000,000, too large for a cost table'],
    ['a label longer than an Excel cell holds', grid(['x'.repeat(32_768), 100]), `Costs!A3: item label "${'x'.repeat(40)}…" is 32,768 characters long, more than the 32,767 an Excel cell holds; shorten it`],
    ['a label of emoji longer than an Excel cell holds', grid([`x${'📞'.repeat(16_384)}`, 100]), `Costs!A3: item label "x${'📞'.repeat(19)}…" is 32,769 characters long, more than the 32,767 an Excel cell holds; shorten it`],
    ['a label whose 32,767th character is the first half of an emoji', grid([`${'x'.repeat(32_766)}📞`, 100]), `Costs!A3: item label "${'x'.repeat(40)}…" is 32,768 characters long, more than the 32,767 an Excel cell holds; shorten it`],
    ['an amount holding a NUL', grid(['CRM', '46648.63\u0000']), 'Costs!B3: amount "46648.63\\u0000" is not a number'],
    ['an amount holding an emoji', grid(['CRM', '100 💷']), 'Costs!B3: amount "100 💷" is not a number'],
    ['an amount in Arabic-Indic digits', grid(['CRM', '٤٦٦٤٨٫٦٣']), 'Costs!B3: amount "٤٦٦٤٨٫٦٣" is not a number'],
    // The override shown as its escape, as in the terminal, so that the message does not show "17800".
    ['text a right-to-left override shows as 17800', grid(['CRM', '\u202e00871\u202c']), 'Costs!B3: amount "\\u202e00871\\u202c" is not a number'],
    ['an amount after a right-to-left mark', grid(['CRM', '\u200f845']), 'Costs!B3: amount "\\u200f845" is not a number'],
  ])('%s', (_, source, line) => {
    const shown = view(after({ type: 'read succeeded', grid: source }));
    expect(shown.rows).toEqual({ kind: 'unusable' });
    expect(shown.problems).toEqual({ lines: [line], held: 'Nothing was written.' });
  });
});

describe('labels the CLI reads, the pane reads too, each kept as the cell holds it', () => {
  it('holding NUL and control characters, emoji, right-to-left text, bidi overrides, half an emoji, 32,767 characters', () => {
    const values = [[...TEXT_HEADER], ...TEXT_ROWS.map((row) => [row.label, row.amount])];
    const shown = view(after({ type: 'read succeeded', grid: { sheet: TEXT_SHEET, top: 1, left: 1, values } }));
    expect(shown.problems).toBeUndefined();
    if (shown.rows.kind !== 'rows') throw new Error(`no rows shown: ${shown.rows.kind}`);
    expect(shown.rows.rows.map((row) => row.item)).toEqual(TEXT_LABELS);
    expect(shown.rows.rows[0].cell).toBe(`'${TEXT_SHEET}'!B2`);
  });
});

describe('an assumption\'s problem, under its field, as the CLI says it', () => {
  const edit = (field: Extract<Action, { type: 'field edited' }>['field'], value: string): Action => ({ type: 'field edited', field, value });
  const read: Action = { type: 'read succeeded', grid: grid() };
  it.each([
    ['an assumption of the wrong type', [edit('horizonYears', 'five')], 'horizonYears', 'horizonYears: "five" is not a whole number of years from 1 to 100'],
    ['an assumption out of range', [edit('noticeMonths', '1201')], 'noticeMonths', 'noticeMonths: 1201 is not a whole number of months from 0 to 1200'],
    ['shared-pool without the members', [edit('sharing', 'shared-pool')], 'sharing', 'sharing: "shared-pool" needs partners.inBaseYear, the number of members paying in the base year'],
  ] as const)('%s', (_, edits, field, cliLine) => {
    const shown = view(after(read, ...edits));
    const message = cliLine.slice(cliLine.indexOf(': ') + 2);
    expect(shown.fields.errors[field]).toBe(inFormWords(message));
  });

  // The CLI's dates are YYYY-MM-DD; the pane's are typed in Office's language (pane-dates.test.ts), and say so.
  it('a date in year 10113, in the words of a date typed in the pane', () => {
    const shown = view(after(read, edit('noticeServedOn', '10113-09-01')));
    expect(shown.fields.errors.noticeServedOn).toBe('"10113-09-01" is not a date. Type the date as in 19/10/2012, 19 Oct 2012 or 2012-10-19.');
  });

  it('a leaver before the base year and the same leaver twice, under the leaver\'s fields', () => {
    const leaver = (index: number, name: string, leavesOn: string): Action[] => [
      { type: 'leaver added' },
      { type: 'leaver edited', index, field: 'name', value: name },
      { type: 'leaver edited', index, field: 'leavesOn', value: leavesOn },
    ];
    const shown = view(after(read, edit('inBaseYear', '10'), edit('baseYear', '2012/13'), ...leaver(0, 'Tamworth', '2012-03-31'), ...leaver(1, 'tamworth', '2014-03-31')));
    expect(shown.fields.errors['leavers.0.leavesOn']).toBe('2012-03-31 is not after the base year 2012/13 starts, so the partner was not paying in it');
    expect(shown.fields.errors['leavers.1.name']).toBe('is the name of leaver 1 too; a partner leaves once, so give each leaver once');
  });
});

describe('cells merged across rows, as Excel gives them', () => {
  const rows = [['Item', '£'], ['Core team', 17800], ['CRM', 46648.63], ['Email', 845]];

  /** The pane's Read on the selection A1:B4 of a sheet with `merged` merged. */
  async function read(merged: string, options: Parameters<typeof createFakeExcel>[0] = {}) {
    const fake = createFakeExcel(options);
    fake.workbook.addSheet('Costs', rows, { merged: [merged] });
    fake.workbook.select('Costs', 'A1:B4');
    const state = after({ type: 'source chosen', source: 'selection' });
    return view(reduce(state, await EFFECTS.read(fakeWorld(fake), () => state)));
  }

  it.each([
    ['over the amounts', 'B3:B4', 'Costs!B3:B4: cells merged across rows 3 to 4 over the amounts: a merged block holds one value, so the rows under its first have none; unmerge it (Home, Merge & Center) and give each row its own amount'],
    ['over the item labels', 'A3:A4', 'Costs!A3:A4: cells merged across rows 3 to 4 over the labels: a merged block holds one value, so the rows under its first have none; unmerge it (Home, Merge & Center) and give each row its own label'],
  ])('%s: the CLI\'s words', async (_, merged, line) => {
    const shown = await read(merged);
    expect(shown.rows).toEqual({ kind: 'unusable' });
    expect(shown.problems).toEqual({ lines: [line], held: 'Nothing was written.' });
  });

  it('are not seen by an Excel older than ExcelApi 1.13: the row under the block\'s first has no amount and is passed over (README, known limits)', async () => {
    const shown = await read('B3:B4', { excelApiVersion: '1.12' });
    expect(shown.rows).toMatchObject({ kind: 'rows', summary: expect.stringMatching(/^2 cost rows from Costs!A1:B3\./) });
  });
});
