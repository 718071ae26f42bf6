import { InputError, ProblemList, WarningLog, atAssumption, atCell, describeProblem, describeWarning, placeWords } from '../../src/core/problems';

describe('problems and warnings', () => {
  it('describes a problem as where: message', () => {
    expect(describeProblem({ place: atCell('Costs!B3'), message: 'amount "tbc" is not a number' })).toBe('Costs!B3: amount "tbc" is not a number');
  });

  it('names an assumption by its path as the assumptions file spells it, an override by its label quoted', () => {
    expect(placeWords(atAssumption('discountRate'))).toBe('discountRate');
    expect(placeWords(atAssumption('partners', 'leavers', 1, 'leavesOn'))).toBe('partners.leavers[1].leavesOn');
    expect(placeWords(atAssumption('overrides', { label: 'Core "team"' }))).toBe('overrides["Core \\"team\\""]');
    expect(placeWords(atAssumption('overrides', { label: 'x'.repeat(60) }))).toMatch(/^overrides\["x{30,40}…"\]$/);
  });

  it('throws every problem together as one InputError', () => {
    const list = new ProblemList();
    expect(list.isEmpty).toBe(true);
    list.throwIfAny();
    list.add(atAssumption('discountRate'), '1.5 is too high');
    list.add(atAssumption('noticeMonths'), '-1 is negative');
    let thrown: unknown;
    try {
      list.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).name).toBe('InputError');
    expect((thrown as InputError).problems).toEqual([
      { place: { assumption: ['discountRate'] }, message: '1.5 is too high' },
      { place: { assumption: ['noticeMonths'] }, message: '-1 is negative' },
    ]);
    expect((thrown as InputError).message).toBe('discountRate: 1.5 is too high\nnoticeMonths: -1 is negative');
  });

  it('groups warnings by code, counting every place and keeping the first 20', () => {
    const log = new WarningLog();
    for (let row = 1; row <= 25; row++) log.add('text-amount', 'amounts held as text', `Costs!B${row}`);
    log.add('nothing-avoidable', 'no cost row is avoidable');
    const [text, nothing] = log.list();
    expect(text.code).toBe('text-amount');
    expect(text.count).toBe(25);
    expect(text.cells).toHaveLength(20);
    expect(text.cells[19]).toBe('Costs!B20');
    expect(describeWarning(text)).toBe(`amounts held as text: ${Array.from({ length: 20 }, (_, i) => `Costs!B${i + 1}`).join(', ')} and 5 more`);
    expect(nothing).toEqual({ code: 'nothing-avoidable', message: 'no cost row is avoidable', count: 1, cells: [] });
    expect(describeWarning(nothing)).toBe('no cost row is avoidable');
  });
});
