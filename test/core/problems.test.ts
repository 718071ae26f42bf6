import { InputError, ProblemList, WarningLog, describeProblem, describeWarning } from '../../src/core/problems';

describe('problems and warnings', () => {
  it('describes a problem as where: message', () => {
    expect(describeProblem({ where: 'Costs!B3', message: 'amount "tbc" is not a number' })).toBe('Costs!B3: amount "tbc" is not a number');
  });

  it('throws every problem together as one InputError', () => {
    const list = new ProblemList();
    expect(list.isEmpty).toBe(true);
    list.throwIfAny();
    list.add('discountRate', '1.5 is too high');
    list.add('noticeMonths', '-1 is negative');
    let thrown: unknown;
    try {
      list.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).name).toBe('InputError');
    expect((thrown as InputError).problems).toEqual([
      { where: 'discountRate', message: '1.5 is too high' },
      { where: 'noticeMonths', message: '-1 is negative' },
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
