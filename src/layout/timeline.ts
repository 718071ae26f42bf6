// The one financial-year timeline of a sheet (FAST: one consistent timeline across columns): a row
// a working, a column a year, and the rows every timeline starts with, from the date whose
// financial year is year 0.
import { columnName } from '../core/cell';
import { NAME } from './names';
import { SheetBuilder, formula, literal, text } from './sheet-builder';
import { FORMATS } from './styles';

/** `cell(column, t, r)`: the formula of year t's cell, in `column` of row `r`. */
export type TimelineCell = (column: string, t: number, r: number) => string;

export class Timeline {
  /** The next free row. */
  row: number;
  readonly columns: readonly number[];

  /**
   * @param at the columns of a row's label and unit, the first year's column, and the first row
   * @param years how many financial years
   */
  constructor(private readonly sheet: SheetBuilder, private readonly at: { label: number; unit: number; firstFy: number; row: number }, years: number) {
    this.row = at.row;
    this.columns = Array.from({ length: years }, (_, t) => at.firstFy + t);
  }

  /** The letter of year t's column, and the span of row r's years, `D12:H12`. */
  column(t: number): string {
    return columnName(this.at.firstFy + t);
  }
  span(r: number): string {
    return `${this.column(0)}${r}:${this.column(this.columns.length - 1)}${r}`;
  }

  /** A working: its label and unit, then a formula a year. */
  add(label: string, unit: string, cell: TimelineCell, format: string): number {
    const r = this.row++;
    this.sheet.put(r, this.at.label, [[text(label), text(unit)]], 'label');
    this.sheet.paint(r, this.at.unit, r, this.at.unit, 'unit');
    this.sheet.put(r, this.at.firstFy, [this.columns.map((c, t) => formula(cell(columnName(c), t, r)))], 'calc', this.columns.map(() => format));
    return r;
  }

  /**
   * The heading with each year's label, the year number, the year each starts in, its first day,
   * the next year's first day and its days, from `yearZero`, a formula of the date whose year is 0.
   */
  begin(heading: string, yearZeroWords: string, yearZero: string) {
    const label = this.row++;
    this.sheet.put(label, this.at.label, [[text(heading), null, null]], 'heading');
    const t = this.add(`Year number (0 = ${yearZeroWords})`, 'year', (_c, i, r) => (i === 0 ? '0' : `${this.column(i - 1)}${r}+1`), FORMATS.whole);
    const startYear = this.add('Financial year starts in', 'year', (c) => `YEAR(${yearZero})-(MONTH(${yearZero})<${NAME.fyStartMonth})+${c}${t}`, FORMATS.whole);
    this.sheet.put(label, this.at.firstFy, [this.columns.map((c) => formula(
      `IF(${NAME.fyStartMonth}=1,TEXT(${columnName(c)}${startYear},"0"),${columnName(c)}${startYear}&"/"&RIGHT(${columnName(c)}${startYear}+1,2))`,
    ))], 'heading', this.columns.map(() => undefined));
    const starts = this.add('Starts on', 'date', (c) => `DATE(${c}${startYear},${NAME.fyStartMonth},1)`, FORMATS.date);
    const ends = this.add('Next year starts on', 'date', (c) => `DATE(${c}${startYear}+1,${NAME.fyStartMonth},1)`, FORMATS.date);
    const days = this.add('Days in the year', 'days', (c) => `${c}${ends}-${c}${starts}`, FORMATS.whole);
    return { label, t, startYear, starts, ends, days };
  }

  /** The indexation factor of each year, from the base year. */
  index(startYear: number): number {
    return this.add('Indexation factor', 'factor', (c) => `(1+${NAME.indexation})^(${c}${startYear}-${NAME.baseYear})`, FORMATS.factor);
  }

  /** Members at the start of each year: those of the base year less the partners left by then. */
  members(starts: number): number {
    return this.add('Members at the start of the year', 'members', (c) =>
      `IF(ISNUMBER(${NAME.membersInBaseYear}),${NAME.membersInBaseYear}-COUNTIF(${NAME.leaversOn},"<="&${c}${starts}),"")`, FORMATS.whole);
  }

  /**
   * Each year's discount rate on the Green Book's STPR schedule (the rate given, less its band's
   * step-down, not below 0), and the discount factor compounding it: DF(0) = 1, DF(t) = DF(t-1) / (1 + r_t).
   * @returns the factor's row
   */
  discount(t: number): number {
    const rate = this.add('Discount rate in the year (STPR schedule)', '% a year', (c) =>
      `MAX(0,${NAME.discountRate}-LOOKUP(${c}${t},${NAME.stprFrom},${NAME.stprStepDown}))`, FORMATS.percent);
    return this.add('Discount factor', 'factor', (c, i, r) => (i === 0 ? '1' : `${this.column(i - 1)}${r}/(1+${c}${rate})`), FORMATS.factor);
  }

  /**
   * Each year's GDP deflator (its own rate if listed, else the rate of the other years), and the
   * real-price factor: 1 in year 0 and with real prices, else the last year's / (1 + the deflator).
   * @returns the factor's row
   */
  realPrices(startYear: number): number {
    const deflator = this.add('GDP deflator in the year', '% a year', (c) =>
      `IFERROR(INDEX(${NAME.deflatorRates},MATCH(${c}${startYear},${NAME.deflatorYears},0)),${NAME.gdpDeflator})`, FORMATS.percent);
    return this.add('Real price factor (1 with real prices)', 'factor', (c, i, r) =>
      (i === 0 ? '1' : `IF(${NAME.prices}=${literal('nominal')},${this.column(i - 1)}${r}/(1+${c}${deflator}),1)`), FORMATS.factor);
  }
}
