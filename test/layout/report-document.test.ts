// The committee paragraph in words: figures written as the sheet's TEXT formats write them (British
// dates, whole pounds rounded half away from zero, rates to one or two places), the seed's figures
// as the cabinet report and docs/conventions.md, "The seed, worked through", give them, and HTML that escapes what the sheet holds.
import { Exact } from '../../src/core/money';
import { committeeReport, Figure } from '../../src/core/report';
import { documentHtml, documentText, figureWords, reportDocument } from '../../src/layout/report-document';
import { POOL_ASSUMPTIONS, SEED_VALUES, analysisOf } from '../support/analyses';

const money = (pence: number | string, show: Figure['show'] = 'money'): string => figureWords({ of: 'npv', show, value: new Exact(pence) });

describe('a figure in words', () => {
  it.each([
    [1780000, '£17,800'], [3903229, '£39,032'], [3903250, '£39,033'], [-3903250, '-£39,033'], ['1234567.5', '£12,346'], [0, '£0'], [-49, '-£0'],
  ])('writes %s pence as %s in a sentence', (pence, words) => expect(money(pence)).toBe(words));

  it.each([[12453522, '124,535.22'], [84500, '845.00'], [-799781, '-7,997.81'], ['746603.6', '7,466.04']])('writes %s pence as %s in a column headed £', (pence, words) => {
    expect(money(pence, 'amount')).toBe(words);
  });

  it('writes dates in the British style, rates to one or two places, and counts whole', () => {
    expect(figureWords({ of: 'noticeExpires', show: 'date', value: { year: 2014, month: 10, day: 19 } })).toBe('19 October 2014');
    expect(figureWords({ of: 'noticeServedOn', show: 'date', value: { year: 2013, month: 4, day: 1 } })).toBe('1 April 2013');
    expect(['0.035', '0.0325', '0.41', '0', '-0.015', '0.12345'].map((r) => figureWords({ of: 'discountRate', show: 'rate', value: new Exact(r) })))
      .toEqual(['3.5%', '3.25%', '41.0%', '0.0%', '-1.5%', '12.35%']);
    expect(figureWords({ of: 'noticeMonths', show: 'count', value: 24 })).toBe('24');
    expect(figureWords({ of: 'switchingValues', show: 'money', value: 'none in range' })).toBe('none in range');
  });
});

describe('the seed\'s report', () => {
  const text = documentText(reportDocument(committeeReport(analysisOf(SEED_VALUES))));

  it('tables the payments as the cabinet report does, and says what leaving saves, when notice expires and what the saving is worth', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Financial Implications');
    expect(lines).toContain('Staffordshire Connects 2011/12 Core Team\t17,800.00\tsaved');
    expect(lines).toContain('Shared Email Directory\t845.00\tcontinues');
    expect(lines).toContain('Total\t124,535.22');
    expect(text).toContain('save only the costs marked saved above: £17,800 a year. The other £106,735 a year pays for contracts');
    expect(text).toContain('Notice served on 19 October 2012 would expire on 19 October 2014.');
    // docs/conventions.md, "The seed, worked through": the saving by year, 43,597.81 in all, NPV 39,032.29.
    expect(lines).toContain('2014/15\t7,997.81\t7,466.04');
    expect(lines).toContain('Total\t43,597.81\t39,032.29');
    expect(text).toContain('the saving comes to £43,598');
    expect(text).toContain('is £39,032. The figures are at 2011/12 prices.');
    expect(text).toContain('Each member pays the same contribution whoever else leaves');
  });

  it('says the cost of staying rises as partners leave a shared pool', () => {
    const pool = documentText(reportDocument(committeeReport(analysisOf(SEED_VALUES, POOL_ASSUMPTIONS))));
    expect(pool).toContain('10 members, the council among them, pay into the partnership in 2011/12; 4 other partners are expected to leave.');
    expect(pool).toMatch(/its contribution rises as others leave: from £17,800 in 2012\/13 to £\d{2},\d{3} in 2016\/17\./);
  });
});

it('tables a long list of cost rows as what leaving saves and what continues', () => {
  const many: (string | number | null)[][] = [['Item', '£'], ['Core Team', 1000], ...Array.from({ length: 30 }, (_, i) => [`Contract ${i + 1}`, 100]), ['Total', 4000]];
  const lines = documentText(reportDocument(committeeReport(analysisOf(many)))).split('\n');
  const table = lines.slice(lines.indexOf('\t£\tIf the council leaves'), lines.indexOf('\t£\tIf the council leaves') + 4);
  expect(table).toEqual([
    '\t£\tIf the council leaves',
    'Costs saved by leaving (the rows marked avoidable)\t1,000.00\tsaved',
    'Contracts that continue (the rows marked committed)\t3,000.00\tcontinues',
    'Total\t4,000.00',
  ]);
});

it('escapes what the sheet holds in the HTML, and keeps each table cell in its column', () => {
  const hostile = SEED_VALUES.map((row) => (row[0] === 'CRM' ? ['<b>CRM</b> & "co"', row[1]] : row));
  const html = documentHtml(reportDocument(committeeReport(analysisOf(hostile))));
  expect(html).toContain('&lt;b&gt;CRM&lt;/b&gt; &amp; &quot;co&quot;');
  expect(html).not.toContain('<b>CRM');
  expect(html).toMatch(/<td style="[^"]*text-align:right[^"]*">46,648\.63<\/td>/);
  expect(html).toMatch(/<h2>Financial Implications<\/h2>/);
});
