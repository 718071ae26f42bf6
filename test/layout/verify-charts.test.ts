// A product sheet's charts against the plan's: references compared as the cells they name, on the
// sheet by the name the workbook now gives it, whatever the spelling; each difference named by
// the chart and the series.
import { ChartPlan } from '../../src/layout/plan';
import { HeldChart, chartFindings } from '../../src/layout/verify-charts';

const row = (r: number, left: number, right: number) => ({ top: r, left, bottom: r, right });
const NET: ChartPlan = {
  kind: 'column',
  title: 'Net saving',
  anchor: { top: 1, left: 10, bottom: 16, right: 17 },
  categories: row(9, 3, 8),
  series: [{ name: { text: 'Withdraw', cell: row(10, 1, 1) }, values: row(10, 3, 8) }],
};
const TORNADO: ChartPlan = {
  kind: 'bar',
  title: 'Tornado',
  anchor: { top: 18, left: 10, bottom: 33, right: 17 },
  categories: { top: 20, left: 1, bottom: 23, right: 1 },
  series: [{ name: { text: 'NPV at low' }, values: { top: 20, left: 4, bottom: 23, right: 4 } }, { name: { text: 'NPV at high' }, values: { top: 20, left: 5, bottom: 23, right: 5 } }],
};

/** The charts as the product writes them, on the sheet named `sheet`. */
const asWritten = (sheet: string): HeldChart[] => [
  { title: 'Net saving', series: [{ name: { formula: `'${sheet}'!$A$10` }, categories: `'${sheet}'!$C$9:$H$9`, values: `'${sheet}'!$C$10:$H$10` }] },
  { title: 'Tornado', series: [
    { name: { text: 'NPV at low' }, categories: `'${sheet}'!$A$20:$A$23`, values: `'${sheet}'!$D$20:$D$23` },
    { name: { formula: '"NPV at high"' }, categories: `'${sheet}'!$A$20:$A$23`, values: `'${sheet}'!$E$20:$E$23` },
  ] },
];

describe("a product sheet's charts", () => {
  it('are as the plan draws them when each reference names the same cells, however spelt', () => {
    expect(chartFindings({ charts: [NET, TORNADO] }, 'VfM Options', asWritten('VfM Options'))).toEqual([]);
    const respelt: HeldChart[] = [{ series: [{ name: { formula: "'vfm options'!A10" }, categories: "'VfM Options'!C9:$H$9", values: "='VfM Options'!$C10:H$10" }] }, asWritten('VfM Options')[1]];
    expect(chartFindings({ charts: [NET, TORNADO] }, 'VfM Options', respelt)).toEqual([]);
    // As Generate in the pane names a series: by its text, which the add-in interface takes alone.
    const [net, tornado] = asWritten('VfM Options');
    const byText = (text: string): HeldChart[] => [{ ...net, series: [{ ...net.series[0], name: { text } }] }, tornado];
    expect(chartFindings({ charts: [NET, TORNADO] }, 'VfM Options', byText('Withdraw'))).toEqual([]);
    expect(chartFindings({ charts: [NET, TORNADO] }, 'VfM Options', byText('Stay'))).toEqual([
      { kind: 'chart', place: "'VfM Options' chart 1 (Net saving), series 1 name", message: "a chart series' name read from other cells", expected: "'VfM Options'!$A$10", found: '"Stay"' },
    ]);
  });

  it('are read on the sheet by the name the workbook gives it now, a sheet renamed with its charts', () => {
    expect(chartFindings({ charts: [NET, TORNADO] }, 'Options 2012', asWritten('Options 2012'))).toEqual([]);
    const [net] = chartFindings({ charts: [NET] }, 'Options 2012', asWritten('VfM Options'));
    expect(net).toEqual({ kind: 'chart', place: "'Options 2012' chart 1 (Net saving), series 1 name", message: "a chart series' name read from other cells", expected: "'Options 2012'!$A$10", found: "'VfM Options'!$A$10" });
  });

  it("draw the table kept as at the run from its first row, however many rows the run's inputs gave it", () => {
    const kept = { charts: [NET, TORNADO], fixedAtRun: [{ top: 18, left: 1, bottom: 27, right: 5 }] };
    const [net, tornado] = asWritten('VfM Options');
    const rows = (top: number, bottom: number): HeldChart => ({ ...tornado, series: tornado.series.map((series, i) => ({
      ...series, categories: `'VfM Options'!$A$${top}:$A$${bottom}`, values: `'VfM Options'!$${'DE'[i]}$${top}:$${'DE'[i]}$${bottom}`,
    })) });
    expect(chartFindings(kept, 'VfM Options', [net, rows(20, 21)])).toEqual([]);
    expect(chartFindings(kept, 'VfM Options', [net, rows(20, 27)])).toEqual([]);
    expect(chartFindings(kept, 'VfM Options', [net, rows(21, 24)]).map((f) => f.place)).toEqual(['series 1 categories', 'series 1 values', 'series 2 categories', 'series 2 values'].map((p) => `'VfM Options' chart 2 (Tornado), ${p}`));
    expect(chartFindings(kept, 'VfM Options', [net, rows(20, 28)])).toHaveLength(4);
    expect(chartFindings({ charts: [NET, TORNADO] }, 'VfM Options', [net, rows(20, 22)])).toHaveLength(4);
  });

  it('name each series moved, its categories moved, its name changed, a series added and a chart missing', () => {
    const [net, tornado] = asWritten('VfM Options');
    const tampered: HeldChart[] = [
      { ...net, series: [{ ...net.series[0], categories: "'VfM Options'!$C$10:$H$10", values: "'VfM Options'!$C$11:$H$11" }, { values: 'Hidden!$A$1:$F$1' }] },
      { ...tornado, series: [{ ...tornado.series[0], name: { text: 'NPV at high' } }] },
    ];
    expect(chartFindings({ charts: [NET, TORNADO] }, 'VfM Options', tampered)).toEqual([
      { kind: 'chart', place: "'VfM Options' chart 1 (Net saving), series 1 categories", message: "a chart series' categories read from other cells", expected: "'VfM Options'!$C$9:$H$9", found: "'VfM Options'!$C$10:$H$10" },
      { kind: 'chart', place: "'VfM Options' chart 1 (Net saving), series 1 values", message: "a chart series' values read from other cells", expected: "'VfM Options'!$C$10:$H$10", found: "'VfM Options'!$C$11:$H$11" },
      { kind: 'chart', place: "'VfM Options' chart 1 (Net saving), series 2", message: 'a chart series the product does not draw', expected: 'none', found: 'name none, categories none, values Hidden!$A$1:$F$1' },
      { kind: 'chart', place: "'VfM Options' chart 2 (Tornado), series 1 name", message: "a chart series' name changed", expected: '"NPV at low"', found: '"NPV at high"' },
      { kind: 'chart', place: "'VfM Options' chart 2 (Tornado), series 2", message: 'a chart series missing', expected: "values 'VfM Options'!$E$20:$E$23" },
    ]);
    expect(chartFindings({ charts: [NET, TORNADO] }, 'VfM Options', [net])).toEqual([{ kind: 'chart', place: "'VfM Options' chart 2 (Tornado)", message: 'a chart of the model missing' }]);
    expect(chartFindings({ charts: [NET] }, 'VfM Options', [net, { title: 'Mine', series: [{ values: "'VfM Options'!$C$11:$H$11" }] }])).toEqual([
      { kind: 'chart', place: "'VfM Options' chart 2 (Mine)", message: 'a chart the product does not draw', expected: 'none', found: "name none, categories none, values 'VfM Options'!$C$11:$H$11" },
    ]);
  });
});
