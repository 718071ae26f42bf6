// Two number formats are the same when they show a value alike: spellings of one format are one
// (as LibreOffice re-saves the product's), and a format that shows other digits or text is another.
import { sameNumberFormat } from '../../src/core/number-format';

const MONEY = '"£"#,##0.00;[Red]-"£"#,##0.00';

describe('sameNumberFormat', () => {
  it.each([
    ['LibreOffice\'s money', MONEY, '\\£#,##0.00;[RED]"-£"#,##0.00'],
    ['the currency symbol as Excel names it with its language', MONEY, '[$£-809]#,##0.00;[RED]\\-[$£-809]#,##0.00'],
    ['LibreOffice\'s date', 'd mmm yyyy', 'd\\ mmm\\ yyyy'],
    ['a date in capitals', 'd mmm yyyy', 'D MMM YYYY'],
    ['billions, LibreOffice\'s way', '[>=1000000000]"£"#,##0,,,"bn";"£"#,##0', '[>=1000000000]\\£#,##0,,,"bn";\\£#,##0'],
    ['a minus sign Excel adds', '0', '0;-0'],
    ['a zero part Excel takes from the first', '0.00%;-0.00%', '0.00%;-0.00%;0.00%'],
    ['General however spelt, or left unset', undefined, 'GENERAL'],
  ])('takes %s as the same', (_what, a, b) => {
    expect(sameNumberFormat(a, b)).toBe(true);
  });

  it.each([
    ['a literal text that shows £99,999.99 whatever the value', MONEY, '"£99,999.99"'],
    ['one decimal place fewer', MONEY, '"£"#,##0.0;[Red]-"£"#,##0.0'],
    ['negative amounts shown without their sign', MONEY, '"£"#,##0.00;"£"#,##0.00'],
    ['dollars for pounds', MONEY, '"$"#,##0.00;[Red]-"$"#,##0.00'],
    ['the day and month swapped', 'd mmm yyyy', 'mmm d yyyy'],
    ['a percentage shown as a number', '0.00%', '0.00'],
    ['General made a whole number', undefined, '0'],
    ['text added after a number', '0', '0" (audited)"'],
  ])('tells %s apart', (_what, a, b) => {
    expect(sameNumberFormat(a, b)).toBe(false);
  });

  it('compares, for a number, only the parts that show numbers; for a text, only the part that shows text', () => {
    // LibreOffice writes a fourth, empty, part for text: a number shows alike, a text does not.
    expect(sameNumberFormat('0;-0;', '0;\\-0;;', 'number')).toBe(true);
    expect(sameNumberFormat('0;-0;', '0;\\-0;;', 'text')).toBe(false);
    expect(sameNumberFormat(undefined, '0.00', 'text')).toBe(true);
    expect(sameNumberFormat(undefined, '@" (audited)"', 'text')).toBe(false);
    expect(sameNumberFormat(undefined, '0.00', 'number')).toBe(false);
  });
});
