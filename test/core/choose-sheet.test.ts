import { CellValue } from '../../src/core/cell';
import { chooseSheet, compareEvidence, costTableEvidence, describeEvidence } from '../../src/core/choose-sheet';
import { labelBesideAmount } from '../../src/core/cost-table';
import { grid, seedGrid, seedRows } from './grid';

/** An unrelated budget: a title naming a year, a header, four lines of spending and a total that ties. */
const BUDGET_ROWS: CellValue[][] = [
  ['Budget 2013-14', null],
  ['Heading', '£'],
  ['Salaries', 120000],
  ['Premises', 30000],
  ['Transport', 4500],
  ['Supplies', 2500],
  ['Total', 157000],
];
const sheet = (name: string, rows: CellValue[][]) => ({ sheet: name, grid: grid(rows, { sheet: name }) });

describe('labelBesideAmount', () => {
  it('is the text left of the row\'s last amount, its cells joined', () => {
    expect(labelBesideAmount(['CRM', 46648.63])).toBe('CRM');
    expect(labelBesideAmount(['C-17', ' Licence ', null, '£1,000', 'note'])).toBe('C-17 Licence');
    expect(labelBesideAmount([null, 'Core Team', 100, 200])).toBe('Core Team');
  });

  it('is undefined without text left of an amount', () => {
    expect(labelBesideAmount([100, 'Core Team'])).toBeUndefined();
    expect(labelBesideAmount(['12', 100])).toBeUndefined();
    expect(labelBesideAmount(['Notes', 'about'])).toBeUndefined();
    expect(labelBesideAmount([])).toBeUndefined();
  });
});

describe('costTableEvidence', () => {
  it('counts the seed: six labelled amounts, four with cost words (core team, CRM, two e-payments), a total that ties', () => {
    expect(costTableEvidence(seedGrid())).toEqual({ rows: 6, costRows: 4, totalTies: true });
  });

  it('counts an unrelated budget: four labelled amounts, none with cost words, a total that ties', () => {
    expect(costTableEvidence(grid(BUDGET_ROWS))).toEqual({ rows: 4, costRows: 0, totalTies: true });
  });

  it('sees a total that does not tie, and a table it cannot read, as no tie', () => {
    expect(costTableEvidence(seedGrid({ statedTotal: 124535.2 })).totalTies).toBe(false);
    expect(costTableEvidence(grid([['Support contract', 'tbc'], ['CRM', 100], ['Total', 100]]))).toEqual({ rows: 1, costRows: 1, totalTies: false });
  });

  it('finds nothing in text only', () => {
    expect(costTableEvidence(grid([['Notes', 'about'], ['the', 'budget']]))).toEqual({ rows: 0, costRows: 0, totalTies: false });
  });
});

describe('compareEvidence', () => {
  it('weighs cost words first, then a tie-out, then the number of rows', () => {
    const e = (costRows: number, totalTies: boolean, rows: number) => ({ rows, costRows, totalTies });
    expect(compareEvidence(e(1, false, 2), e(0, true, 500))).toBeGreaterThan(0);
    expect(compareEvidence(e(1, true, 2), e(1, false, 500))).toBeGreaterThan(0);
    expect(compareEvidence(e(1, true, 3), e(1, true, 2))).toBeGreaterThan(0);
    expect(compareEvidence(e(1, true, 3), e(1, true, 3))).toBe(0);
  });
});

describe('describeEvidence', () => {
  it('says what was counted', () => {
    expect(describeEvidence({ rows: 6, costRows: 4, totalTies: true })).toBe('6 labelled amounts, 4 with cost words, a total that ties');
    expect(describeEvidence({ rows: 1, costRows: 0, totalTies: false })).toBe('1 labelled amount, none with cost words, no total that ties');
    expect(describeEvidence({ rows: 0, costRows: 0, totalTies: false })).toBe('no labels beside amounts');
  });
});

describe('chooseSheet', () => {
  it('chooses the partnership\'s cost rows over an unrelated budget on the first sheet', () => {
    const choice = chooseSheet([sheet('Budget 2013-14', BUDGET_ROWS), sheet('Notes', [['Prepared by finance']]), sheet('Costs', seedRows())]);
    expect(choice).toEqual({
      kind: 'chosen',
      chosen: { sheet: 'Costs', reason: '6 labelled amounts, 4 with cost words, a total that ties' },
      passedOver: [
        { sheet: 'Budget 2013-14', reason: '4 labelled amounts, none with cost words, a total that ties' },
        { sheet: 'Notes', reason: 'no labels beside amounts' },
      ],
    });
  });

  it('passes over the sheets the caller sets aside, with the caller\'s reason, whatever they hold', () => {
    const choice = chooseSheet([{ sheet: 'Old costs', passOver: 'hidden' }, sheet('Budget', BUDGET_ROWS)]);
    expect(choice).toEqual({
      kind: 'chosen',
      chosen: { sheet: 'Budget', reason: '4 labelled amounts, none with cost words, a total that ties' },
      passedOver: [{ sheet: 'Old costs', reason: 'hidden' }],
    });
  });

  it('leaves the choice to the user when two sheets weigh the same', () => {
    const choice = chooseSheet([sheet('2011-12', seedRows()), sheet('Budget', BUDGET_ROWS), sheet('2012-13', seedRows())]);
    expect(choice).toEqual({
      kind: 'tie',
      tied: [
        { sheet: '2011-12', reason: '6 labelled amounts, 4 with cost words, a total that ties' },
        { sheet: '2012-13', reason: '6 labelled amounts, 4 with cost words, a total that ties' },
      ],
      passedOver: [{ sheet: 'Budget', reason: '4 labelled amounts, none with cost words, a total that ties' }],
    });
  });

  it('finds none when no sheet has labels beside amounts', () => {
    expect(chooseSheet([sheet('Cover', [['Review']]), { sheet: 'Hidden', passOver: 'hidden' }])).toEqual({
      kind: 'none',
      passedOver: [{ sheet: 'Cover', reason: 'no labels beside amounts' }, { sheet: 'Hidden', reason: 'hidden' }],
    });
    expect(chooseSheet([])).toEqual({ kind: 'none', passedOver: [] });
  });
});
