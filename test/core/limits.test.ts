// Every input the checks accept runs to the end; every other one is refused with words naming the
// assumption (an InputError), never a fault such as RangeError or a stack overflow.
import fc from 'fast-check';
import { analyse } from '../../src/core/analysis';
import { dateOfSerial, excelSerial } from '../../src/core/cell';
import { InputError } from '../../src/core/problems';
import { Located, inputProblems } from './grid';
import { quote } from '../../src/core/limits';
import { cellValue as officeCellValue } from '../../src/hosts/office/read-workbook';
import { SEED_VALUES } from '../support/analyses';

const TODAY = { year: 2012, month: 10, day: 19 };
const run = (assumptions: unknown, values = SEED_VALUES) => analyse({ grid: { sheet: 'Costs', top: 1, left: 1, values }, assumptions, today: TODAY });

/** The problems an input is refused with; fails the test on success or on any other error. */
const refusal = (assumptions: unknown, values = SEED_VALUES): Located[] => inputProblems(() => run(assumptions, values));

describe('dates at the edges of Excel\'s', () => {
  it('refuses notice served so late that the horizon would pass 9999-12-31', () => {
    expect(refusal({ noticeServedOn: '9999-01-01' }).map((p) => p.where)).toEqual(['noticeMonths', 'horizonYears']);
    expect(refusal({ noticeServedOn: '9990-01-01', horizonYears: 20 })).toEqual([expect.objectContaining({ where: 'horizonYears' })]);
  });

  it('refuses notice served before 1900-03-01', () => {
    const [problem] = refusal({ noticeServedOn: '1900-01-01' });
    expect(problem).toEqual({ where: 'noticeServedOn', message: expect.stringContaining('from 1900-03-01 to 9999-12-31') });
  });

  it('refuses notice that would expire after 9999-12-31, and a leaver outside the dates', () => {
    expect(refusal({ noticeServedOn: '9900-01-01', noticeMonths: 1200 }).map((p) => p.where)).toContain('noticeMonths');
    expect(refusal({ partners: { leavers: [{ name: 'Tamworth', leavesOn: '1899-12-31' }] } }).map((p) => p.where)).toEqual(['partners.leavers[0].leavesOn']);
  });

  it('refuses a base year outside the years Excel\'s dates hold, and reads one within them', () => {
    expect(refusal({ baseYear: '1899/00' }).map((p) => p.where)).toEqual(['baseYear']);
    expect(run({ noticeServedOn: '9989-04-01', horizonYears: 10 }).savings.years).toHaveLength(10);
  });

  it('takes a number beyond Excel\'s dates in a date-formatted cell as the number it is', () => {
    expect(dateOfSerial(1e10)).toBeUndefined();
    expect(dateOfSerial(excelSerial({ year: 9999, month: 12, day: 31 }))).toEqual({ year: 9999, month: 12, day: 31 });
    expect(dateOfSerial(excelSerial({ year: 1900, month: 3, day: 1 }) - 1)).toBeUndefined();
    expect(officeCellValue(1e10, 'Double', 'dd/mm/yyyy')).toBe(1e10);
    expect(officeCellValue(45000, 'Double', 'dd/mm/yyyy')).toEqual({ date: '2023-03-15' });
  });
});

describe('money within the limits', () => {
  it('refuses indexation that would take a year\'s cost past £1,000,000,000,000', () => {
    expect(refusal({ indexation: '100%', horizonYears: 100 }).map((p) => p.where)).toEqual(['indexation']);
    expect(refusal({ baseYear: 1900, indexation: 1 }).map((p) => p.where)).toEqual(['indexation']);
    expect(refusal({ baseYear: 9998, indexation: '-50%' }).map((p) => p.where)).toEqual(['indexation']);
  });

  it('refuses a total over the horizon past £10,000,000,000,000, naming the horizon', () => {
    const huge = [['Item', '£'], ['Core team contribution', 999_999_999_999]];
    const [problem] = refusal({ horizonYears: 100 }, huge);
    expect(problem.where).toBe('horizonYears');
    expect(problem.message).toContain('£10,000,000,000,000');
    expect(run({ horizonYears: 5 }, huge).savings.years).toHaveLength(5);
  });

  it('refuses rows that add up past the largest amount in a year, naming the table', () => {
    const rows = [['Item', '£'], ...Array.from({ length: 3 }, (_, i) => [`Core team ${i}`, 900_000_000_000])];
    expect(refusal({}, rows)).toEqual([{ where: 'Costs!A1:B4', message: expect.stringContaining('more than £1,000,000,000,000') }]);
  });
});

describe('assumptions of any shape', () => {
  it('refuses assumptions nested 20,000 deep with words, quoting a few characters', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const [problem] = refusal({ partners: { leavers: [deep] } });
    expect(problem.where).toBe('partners.leavers[0]');
    expect(problem.message.length).toBeLessThan(120);
    expect(quote(deep)).toBe('[[…]]');
  });

  it('quotes at most about 40 characters of a long value', () => {
    const [problem] = refusal({ sharing: 'x'.repeat(200_000) });
    expect(problem.message.length).toBeLessThan(120);
    expect(quote(Array.from({ length: 200_000 }, (_, i) => i)).length).toBeLessThan(50);
  });

  it('runs to the end or refuses with words for any assumption at or near its limits', () => {
    const date = fc.record({ year: fc.oneof(fc.constantFrom(1900, 1901, 9998, 9999), fc.integer({ min: 1899, max: 10_000 })), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ year, month, day }) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    const rate = fc.oneof(fc.constantFrom('-50%', '100%', '0%', '99.99%', '-49.99%'), fc.double({ min: -0.6, max: 1.1, noNaN: true }));
    const assumptions = fc.record({
      noticeServedOn: date,
      noticeMonths: fc.oneof(fc.constantFrom(0, 1200), fc.integer({ min: 0, max: 1200 })),
      horizonYears: fc.oneof(fc.constantFrom(1, 100), fc.integer({ min: 1, max: 100 })),
      indexation: rate,
      discountRate: fc.oneof(fc.constantFrom('0%', '99.99%'), fc.double({ min: 0, max: 0.9999, noNaN: true })),
      baseYear: fc.oneof(fc.constantFrom(1899, 1900, 9997, 9998, 9999), fc.integer({ min: 1899, max: 9999 })),
      sharing: fc.constantFrom('fixed-contribution', 'shared-pool'),
      partners: fc.record({ inBaseYear: fc.constantFrom(1, 1000), leavers: fc.array(fc.record({ name: fc.constant('P'), leavesOn: date }), { maxLength: 2 }) }),
    }, { requiredKeys: [] });
    const amount = fc.oneof(fc.constantFrom(999_999_999_999, -999_999_999_999, 0.01), fc.integer({ min: -1e12, max: 1e12 }));
    fc.assert(fc.property(assumptions, amount, (given, core) => {
      const values = [['Item', '£'], ['Core team contribution', core], ['CRM', 46648.63]];
      try {
        const analysis = run(given, values);
        expect(analysis.savings.years.length).toBeGreaterThan(0);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }), { numRuns: 400 });
  });
});

describe('one key rule for overrides', () => {
  it('refuses two overrides that are one label once case and spacing are ignored', () => {
    expect(refusal({ overrides: { CRM: 'avoidable', ' crm ': 'committed' } })).toEqual([
      { where: 'overrides[" crm "]', message: expect.stringContaining('is the same label as "CRM"') },
    ]);
  });

  it('refuses an override that matches two rows whose labels differ only in case, naming both cells', () => {
    const rows = [['Item', '£'], ['Core team', 100], ['CRM', 200], ['crm', 300]];
    expect(refusal({ overrides: { CRM: 'avoidable' } }, rows)).toEqual([
      { where: 'overrides["CRM"]', message: expect.stringContaining('"CRM" in Costs!A3 and "crm" in Costs!A4') },
    ]);
  });

  it('applies an override to every row of the same label', () => {
    const rows = [['Item', '£'], ['Core team', 100], ['CRM', 200], ['CRM', 300]];
    expect(run({ overrides: { crm: 'avoidable' } }, rows).annual.avoidable).toBe(60_000);
  });
});
