// Each cell of a contract-end column is read as an end, as no end, or named in a warning with its
// value and why (docs/conventions.md, "Contract ends"). Dates typed by hand.
import { CellValue } from '../../src/core/cell';
import { endInColumn, endInNote } from '../../src/core/contract-end';
import { readCostTable } from '../../src/core/cost-table';
import { WarningLog } from '../../src/core/problems';
import { grid } from './grid';

describe('a cell of an end-date column', () => {
  it('reads a month and year as the last day of that month', () => {
    expect(endInColumn('Mar-18')).toEqual({ kind: 'end', date: { year: 2018, month: 3, day: 31 }, month: true });
    expect(endInColumn('February 2016')).toEqual({ kind: 'end', date: { year: 2016, month: 2, day: 29 }, month: true });
    expect(endInColumn('03/2018')).toEqual({ kind: 'end', date: { year: 2018, month: 3, day: 31 }, month: true });
    expect(endInColumn({ date: '2015-03-31' })).toEqual({ kind: 'end', date: { year: 2015, month: 3, day: 31 } });
  });

  it.each(['Ongoing', 'ongoing', 'Rolling', 'Rolling monthly', 'No end date', 'n/a', 'N/A', 'None', '-', '  ', 'Until terminated', 'Open-ended'])('reads %j as no end', (text) => {
    expect(endInColumn(text)).toEqual({ kind: 'no end' });
  });

  it('says why a cell is not an end', () => {
    expect(endInColumn(43190)).toEqual({ kind: 'not understood', message: '43190 is a number, not a date: format the cell as a date, or type the date into it' });
    expect(endInColumn('TBC')).toEqual({ kind: 'not understood', message: '"TBC" is not a date' });
  });

  it('in a note, is a date after "ends", which may be impossible', () => {
    expect(endInNote('Contract ends 30/02/2015')).toEqual({ kind: 'not understood', message: '"30/02/2015" is not a date: February has 28 days in 2015' });
    expect(endInNote('Licence expires March 2016')).toEqual({ kind: 'end', date: { year: 2016, month: 3, day: 31 }, month: true });
    expect(endInNote('Hosted by the county')).toBeUndefined();
  });
});

describe('the warnings for ends not understood', () => {
  it('name each cell with its value, and past twenty of them group the rest', () => {
    const rows: CellValue[][] = [['Item', '£', 'End date'], ...Array.from({ length: 25 }, (_, i): CellValue[] => [`Contract ${i + 1}`, 100, `in ${i + 1} weeks`])];
    const warnings = new WarningLog();
    const table = readCostTable(grid(rows), warnings);
    const listed = warnings.list().filter((w) => w.code === 'contract-end-not-read');
    expect(listed).toHaveLength(21);
    expect(listed[0]).toEqual({ code: 'contract-end-not-read', message: 'contract end "in 1 weeks" is not a date, so the contract is taken to run to the horizon', count: 1, cells: ['Costs!C2'] });
    expect(listed[20]).toEqual({ code: 'contract-end-not-read', message: 'contract ends not understood, so those contracts are taken to run to the horizon', count: 5, cells: ['Costs!C22', 'Costs!C23', 'Costs!C24', 'Costs!C25', 'Costs!C26'] });
    expect(table.contractEnds).toEqual({ read: 0, noEnd: 0, unread: 25 });
  });

  it('name a bad date in a note by the note\'s cell, and group the same words in two cells', () => {
    const rows: CellValue[][] = [['Item', '£', 'Notes'], ['CRM', 100, 'Contract ends 31/04/2015'], ['Hosting', 50, 'Contract ends 31/04/2015']];
    const warnings = new WarningLog();
    readCostTable(grid(rows), warnings);
    expect(warnings.list()).toEqual([{ code: 'contract-end-not-read', message: 'contract end "31/04/2015" is not a date: April has 30 days, so the contract is taken to run to the horizon', count: 2, cells: ['Costs!C2', 'Costs!C3'] }]);
  });
});
