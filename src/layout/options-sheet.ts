// The "VfM Options" sheet (docs/conventions.md, "Options appraisal"), laid out as FAST asks: key results and
// the sheet's checks on top; the inputs in two tables, the ways of withdrawing (a row each) and
// the costs of leaving (a row each, naming its option), each with blank rows to add more; the
// workings on one financial-year timeline (year 0: the FY in which the earliest option serves
// notice), the costs of leaving by FY, a block of workings per option; the options side by side;
// the tornado and the switching values as at the run; the checks. Every figure but those two
// tables as at the run is a formula over the inputs, here and on the scenario sheet.
import { Analysis } from '../core/analysis';
import { columnName, excelSerial } from '../core/cell';
import { KeyInputName, keyInput, keyInputHeading, keyInputNumber } from '../core/key-inputs';
import { toPounds } from '../core/money';
import { STAYING } from '../core/options';
import { DefinedName } from './plan';
import { contribution } from './scenarios-sheet';
import { NAME } from './names';
import { SheetBuilder, formula, literal, num, text } from './sheet-builder';
import { switchingWorkings } from './switching-values-block';
import { Timeline, TimelineCell } from './timeline';
import { FORMATS } from './styles';

// Columns: label, unit, value (or a timeline row's total), then one column per FY.
const LABEL = 1;
const UNIT = 2;
const VALUE = 3;
const FIRST_FY = 4;

/** A chart's size in cells. */
const CHART_ROWS = 16;
const CHART_COLUMNS = 8;

/** The kinds of a cost of leaving, as the costs table takes them. */
export const COST_KINDS = ['exit', 'replacement'] as const;
/** Blank rows left in each input table for the user to add to. */
const SPARE_ROWS = 3;

/** A key input as the sheet labels it: "Avoidable cost a year", "Notice period (months)". */
const inputLabel = (name: KeyInputName) => `${keyInputHeading(keyInput(name))}${keyInput(name).unit === 'months' ? ' (months)' : ''}`;
const inputFormat = (name: KeyInputName) => ({ money: FORMATS.money, rate: FORMATS.percent, months: FORMATS.whole })[keyInput(name).unit];

export function optionsSheet(name: string, analysis: Analysis, names: DefinedName[]): SheetBuilder {
  const sheet = new SheetBuilder(name, 'options', names);
  const { appraisal } = analysis;
  const options = appraisal.options.options;
  const years = appraisal.model.years.length;
  const lastFy = FIRST_FY + years - 1;
  const fyColumns = Array.from({ length: years }, (_, t) => FIRST_FY + t);
  const col = columnName;
  const span = (r: number) => `${col(FIRST_FY)}${r}:${col(lastFy)}${r}`;
  let row = 1;

  sheet.put(row++, LABEL, [[text('Options: each way of withdrawing against staying in the partnership')]], 'title');
  sheet.put(row++, LABEL, [[text('Staying (business as usual) is the baseline. Inputs are yellow; every other figure is calculated.')]], 'subtitle');
  const masterRow = row++;
  row++;
  sheet.put(row++, LABEL, [[text('Key results')]], 'heading');
  const keyRows = { preferred: row++, npv: row++ };
  row++;

  // Inputs: the ways of withdrawing, a row each, with workings beside them: when notice expires,
  // the option's number (the costs of leaving and the blocks below find it by that, never by its
  // name), and how many options bear its name.
  sheet.put(row++, LABEL, [[text('Ways of withdrawing'), text('Notice served on'), text('Notice (months)'), text('Optimism bias'), text('Notice expires'), text('Number'), text('Of this name')]], 'header');
  const optionRows = options.length + SPARE_ROWS;
  const firstOption = row;
  const lastOption = firstOption + optionRows - 1;
  sheet.put(firstOption, LABEL, Array.from({ length: optionRows }, (_, i) => {
    const o = options[i]?.option;
    return o ? [text(o.name), num(excelSerial(o.noticeServedOn)), num(o.noticeMonths), num(o.optimismBias.toNumber())] : [null, null, null, null];
  }), 'input', [undefined, FORMATS.date, FORMATS.whole, FORMATS.percent]);
  const [EXPIRES, NUMBER, NAMED] = [FIRST_FY + 1, FIRST_FY + 2, FIRST_FY + 3];
  sheet.put(firstOption, EXPIRES, Array.from({ length: optionRows }, (_, i) => {
    const r = firstOption + i;
    const name = `${col(LABEL)}${r}`;
    return [
      formula(`IF(${name}="","",EDATE(${col(UNIT)}${r},${col(VALUE)}${r}))`),
      formula(i === 0 ? '1' : `${col(NUMBER)}${r - 1}+1`),
      // = compares text as it is: no wildcards and no criteria, as COUNTIF and MATCH would read `*` or `>A`.
      formula(`IF(${name}="",0,SUMPRODUCT(--(${NAME.optionNames}=${name})))`),
    ];
  }), 'calc', [FORMATS.date, FORMATS.whole, FORMATS.whole]);
  /** The cell of the number of the option on input row r. */
  const numberOf = (r: number) => `${col(NUMBER)}${r}`;
  const optionColumn = (c: number) => ({ row: firstOption, column: c });
  const optionColumnEnd = (c: number) => ({ row: lastOption, column: c });
  sheet.define('optionNames', optionColumn(LABEL), optionColumnEnd(LABEL));
  sheet.define('optionNoticeServedOn', optionColumn(UNIT), optionColumnEnd(UNIT));
  sheet.define('optionNoticeMonths', optionColumn(VALUE), optionColumnEnd(VALUE));
  sheet.define('optionOptimismBias', optionColumn(FIRST_FY), optionColumnEnd(FIRST_FY));
  sheet.define('optionNoticeExpires', optionColumn(EXPIRES), optionColumnEnd(EXPIRES));
  row = lastOption + 1;
  sheet.put(row++, LABEL, [[text('Optimism bias uplifts an option\'s costs of leaving (Green Book: up to 41% for outsourcing).')]], 'note');
  // How many options the sheet has workings for: a check compares the options named with it.
  const workedRow = row++;
  sheet.put(workedRow, LABEL, [[text('Ways of withdrawing with workings on this sheet (to appraise another, run again)'), text('options'), num(options.length)]], 'label', [undefined, undefined, FORMATS.whole]);
  sheet.paint(workedRow, UNIT, workedRow, UNIT, 'unit');
  row++;

  // Inputs: the costs of leaving, a row each, naming the option that incurs it.
  sheet.put(row++, LABEL, [[
    text('Cost of leaving'), text('Option'), text('Kind'), text('Amount £'), text('Exit: FY from'), text('Months'), text('Share'),
  ]], 'header');
  const costs = options.flatMap((o) => [
    ...o.option.exitCosts.map((c) => [text(c.label), text(o.option.name), text('exit'), num(toPounds(c.amount)), c.fy ? num(c.fy.startYear) : null, null, null]),
    ...o.option.replacementCosts.map((c) => [text(c.label), text(o.option.name), text('replacement'), num(toPounds(c.annual)), null, c.months === undefined ? null : num(c.months), c.share ? num(c.share.toNumber()) : null]),
  ]);
  const costRows = costs.length + SPARE_ROWS;
  const firstCost = row;
  const lastCost = firstCost + costRows - 1;
  sheet.put(firstCost, LABEL, [...costs, ...Array.from({ length: SPARE_ROWS }, () => [null, null, null, null, null, null, null])], 'input',
    [undefined, undefined, undefined, FORMATS.money, FORMATS.whole, FORMATS.whole, FORMATS.percent]);
  sheet.allow(firstCost, VALUE, lastCost, VALUE, COST_KINDS);
  const costColumn = (c: number) => [{ row: firstCost, column: c }, { row: lastCost, column: c }] as const;
  sheet.define('costLabels', ...costColumn(LABEL));
  sheet.define('costOptions', ...costColumn(UNIT));
  sheet.define('costKinds', ...costColumn(VALUE));
  sheet.define('costAmounts', ...costColumn(FIRST_FY));
  sheet.define('costExitFys', ...costColumn(FIRST_FY + 1));
  sheet.define('costMonths', ...costColumn(FIRST_FY + 2));
  sheet.define('costShares', ...costColumn(FIRST_FY + 3));
  row = lastCost + 1;
  sheet.put(row, LABEL, [
    [text('Exit: one-off, at the cash amount, in the FY given (blank: the FY notice expires in).')],
    [text('Replacement: a year\'s cost at base-year prices, indexed, from the day notice expires,')],
    [text('for the months given (blank: to the horizon\'s end), at the share given (blank: all).')],
  ], 'note');
  row += 3;
  row++;

  // Each cost line's own workings, beside nothing else: its option's number, uplift, start and end.
  // A replacement with no months given runs to the horizon's end, the day the timeline below gives.
  const cell = (c: number, r: number) => `${col(c)}${r}`;
  const horizonEnd = row++;
  sheet.put(row++, LABEL, [[text('Costs of leaving: workings'), text('Option number'), text('Uplift'), text('From'), text('Until'), text('Exit paid in'), text('Share')]], 'header');
  const firstWork = row;
  sheet.put(firstWork, UNIT, Array.from({ length: costRows }, (_, i) => {
    const r = firstCost + i;
    const w = firstWork + i;
    // The first option whose name = the one given: compared as text, with no wildcards or criteria,
    // in SUMPRODUCT, which takes the comparison of every name in both Excel and LibreOffice.
    const option = cell(UNIT, r);
    return [
      formula(`IF(${option}="",0,IFERROR(SUMPRODUCT(MATCH(TRUE,${NAME.optionNames}=${option},0)),0))`),
      formula(`IF(${cell(UNIT, w)}=0,0,1+INDEX(${NAME.optionOptimismBias},${cell(UNIT, w)}))`),
      formula(`IF(${cell(UNIT, w)}=0,0,INDEX(${NAME.optionNoticeExpires},${cell(UNIT, w)}))`),
      // A blank line (option number 0) works out to zeros, which show as nothing.
      formula(`(${cell(UNIT, w)}>0)*IF(ISNUMBER(${cell(FIRST_FY + 2, r)}),EDATE(${cell(FIRST_FY, w)},${cell(FIRST_FY + 2, r)}),${cell(VALUE, horizonEnd)})`),
      formula(`(${cell(UNIT, w)}>0)*IF(ISNUMBER(${cell(FIRST_FY + 1, r)}),${cell(FIRST_FY + 1, r)},YEAR(${cell(FIRST_FY, w)})-(MONTH(${cell(FIRST_FY, w)})<${NAME.fyStartMonth}))`),
      formula(`(${cell(UNIT, w)}>0)*IF(ISNUMBER(${cell(FIRST_FY + 3, r)}),${cell(FIRST_FY + 3, r)},1)`),
    ];
  }), 'calc', [FORMATS.wholeOrBlank, FORMATS.factorOrBlank, FORMATS.dateOrBlank, FORMATS.dateOrBlank, FORMATS.wholeOrBlank, FORMATS.percentOrBlank]);
  sheet.put(firstWork, LABEL, Array.from({ length: costRows }, (_, i) => [formula(`IF(${cell(LABEL, firstCost + i)}="","",${cell(LABEL, firstCost + i)})`)]), 'link');
  sheet.define('costOptionNumbers', { row: firstWork, column: UNIT }, { row: firstWork + costRows - 1, column: UNIT });
  row = firstWork + costRows + 1;

  // The timeline all options share. Its rows and the other rows below are written in turn.
  type Cell = TimelineCell;
  const tl = new Timeline(sheet, { label: LABEL, unit: UNIT, firstFy: FIRST_FY, row }, years);
  const inTurn = <T>(write: () => T): T => {
    tl.row = row;
    const written = write();
    row = tl.row;
    return written;
  };
  const timeline = (label: string, unit: string, f: Cell, format: string) => inTurn(() => tl.add(label, unit, f, format));
  const previous = (t: number) => tl.column(t - 1);
  const { label: labelRow, t: tRow, startYear: startYearRow, starts: startRow, ends: endRow, days: daysRow } =
    inTurn(() => tl.begin('Workings', 'the year the earliest option serves notice', `MIN(${NAME.optionNoticeServedOn})`));
  sheet.put(horizonEnd, LABEL, [[text('The day after the horizon: a replacement with no months given runs until then'), text('date'), formula(cell(lastFy, endRow))]], 'label', [undefined, undefined, FORMATS.date]);
  sheet.paint(horizonEnd, UNIT, horizonEnd, UNIT, 'unit');
  sheet.paint(horizonEnd, VALUE, horizonEnd, VALUE, 'calc');
  const indexRow = inTurn(() => tl.index(startYearRow));
  const membersRow = inTurn(() => tl.members(startRow));
  const stayRow = timeline('Cost if the council stays (avoidable cost)', '£', (c) => contribution(`${c}${indexRow}`, `${c}${membersRow}`), FORMATS.money);
  const discountRow = inTurn(() => tl.discount(tRow));
  const realRow = inTurn(() => tl.realPrices(startYearRow));
  // Printed, the workings start a page, and every page below has the years over its columns.
  sheet.pageBreakAbove(labelRow);
  sheet.printTitles(labelRow);
  sheet.define('optionYears', { row: labelRow, column: FIRST_FY }, { row: labelRow, column: lastFy });
  sheet.define('optionDiscountFactors', { row: discountRow, column: FIRST_FY }, { row: discountRow, column: lastFy });
  sheet.define('optionRealPriceFactors', { row: realRow, column: FIRST_FY }, { row: realRow, column: lastFy });
  row++;

  // The costs of leaving by FY, a row a cost line: each rounded once as it becomes money.
  sheet.put(row, LABEL, [[text('Costs of leaving by financial year'), text('£')]], 'heading');
  sheet.put(row++, FIRST_FY, [fyColumns.map((c) => formula(`${col(c)}${labelRow}`))], 'heading');
  const firstCostYear = row;
  /** Cost line i's amount in year column c: rounded as it becomes money, or unrounded for the continuous model. */
  const costFlow = (i: number, c: string, rounded = true) => {
    const r = firstCost + i;
    const w = firstWork + i;
    const money = (amount: string) => (rounded ? `ROUND(${amount},2)` : amount);
    const exit = `(${cell(FIRST_FY + 2, w)}=${c}${startYearRow})*${money(`${cell(FIRST_FY, r)}*${cell(VALUE, w)}`)}`;
    const days = `MAX(0,MIN(${cell(FIRST_FY + 1, w)},${c}${endRow})-MAX(${cell(FIRST_FY, w)},${c}${startRow}))`;
    const replacement = money(`${cell(FIRST_FY, r)}*${c}${indexRow}*${cell(FIRST_FY + 3, w)}*${cell(VALUE, w)}*${days}/${c}${daysRow}`);
    return `IF(${cell(VALUE, r)}="exit",${exit},${replacement})`;
  };
  for (let i = 0; i < costRows; i++) {
    const r = firstCost + i;
    sheet.put(row, LABEL, [[formula(`${cell(LABEL, firstWork + i)}`), formula(`IF(${cell(VALUE, r)}="","",${cell(VALUE, r)})`)]], 'link');
    sheet.put(row, FIRST_FY, [fyColumns.map((c) => formula(costFlow(i, col(c))))], 'calc', fyColumns.map(() => FORMATS.money));
    row++;
  }
  const costYears = (c: string) => `${c}${firstCostYear}:${c}${firstCostYear + costRows - 1}`;
  row++;

  // A block of workings for each option.
  const npvCells: string[] = [];
  const netRows: number[] = [];
  const paybackCells: string[] = [];
  const totalCells: string[] = [];
  const paidRows: number[] = [];
  options.forEach((_, i) => {
    const o = firstOption + i;
    sheet.put(row, LABEL, [[formula(`"Option: "&${cell(LABEL, o)}`), null, text('Total')]], 'heading');
    sheet.put(row++, FIRST_FY, [fyColumns.map((c) => formula(`${col(c)}${labelRow}`))], 'heading');
    const paid = timeline('Days its contribution is paid for', 'days', (c) => `MIN(MAX(${cell(FIRST_FY + 1, o)}-${c}${startRow},0),${c}${daysRow})`, FORMATS.whole);
    paidRows.push(paid);
    const money = (label: string, f: Cell, total = true) => {
      const r = timeline(label, '£', f, FORMATS.money);
      if (total) sheet.put(r, VALUE, [[formula(`ROUND(SUM(${span(r)}),2)`)]], 'calc', [FORMATS.money]);
      return r;
    };
    const withdraw = money('Cost if the council withdraws', (c) => `ROUND(${c}${stayRow}*${c}${paid}/${c}${daysRow},2)`);
    const ofKind = (kind: string) => (c: string) => `ROUND(SUMIFS(${costYears(c)},${NAME.costOptionNumbers},${numberOf(o)},${NAME.costKinds},${literal(kind)}),2)`;
    const exits = money('Exit costs (with optimism bias)', ofKind('exit'));
    const replacements = money('Replacement costs (with optimism bias)', ofKind('replacement'));
    const net = money('Net saving', (c) => `ROUND(${c}${stayRow}-${c}${withdraw}-${c}${exits}-${c}${replacements},2)`);
    const cumulative = money('Cumulative net saving', (c, t, r) => (t === 0 ? `${c}${net}` : `ROUND(${previous(t)}${r}+${c}${net},2)`), false);
    const pv = money('Present value of the net saving (real prices)', (c) => `${c}${net}*${c}${realRow}*${c}${discountRow}`, false);
    const from = timeline('Pays back from this year (1 = yes)', 'flag', (c) => `IF(AND(${c}${cumulative}>0,MIN(${c}${cumulative}:${col(lastFy)}${cumulative})>=0),1,0)`, FORMATS.whole);
    sheet.put(pv, VALUE, [[formula(`ROUND(SUMPRODUCT(${span(net)},${span(realRow)},${span(discountRow)}),2)`)]], 'output', [FORMATS.money]);
    npvCells.push(cell(VALUE, pv));
    totalCells.push(cell(VALUE, net));
    netRows.push(net);
    paybackCells.push(`IFERROR(INDEX(${NAME.optionYears},MATCH(1,${span(from)},0)),"none")`);
    row++;
  });

  const switching = switchingWorkings({
    sheet, timeline: tl, label: LABEL,
    rows: { index: indexRow, members: membersRow, days: daysRow, real: realRow, discount: discountRow },
    options: paidRows.map((paid, i) => ({ input: firstOption + i, number: numberOf(firstOption + i), paid })),
    costLines: { count: costRows, flow: (i, c) => costFlow(i, c, false) },
    model: appraisal.model, focus: options[appraisal.focus].option,
  }, row);
  row = switching.row;

  // The options side by side: printed, they start the page of results, with the charts beside them.
  sheet.pageBreakAbove(row);
  sheet.put(row, LABEL, [[text('The options side by side'), text('NPV £'), text('Net saving £')]], 'heading');
  sheet.put(row++, FIRST_FY, [[text('Pays back in'), ...fyColumns.slice(1).map(() => null)]], 'heading');
  const firstSide = row;
  options.forEach((_, i) => {
    sheet.put(row, LABEL, [[formula(cell(LABEL, firstOption + i)), formula(npvCells[i]), formula(totalCells[i])]], 'link', [undefined, FORMATS.money, FORMATS.money]);
    sheet.put(row, FIRST_FY, [[formula(paybackCells[i])]], 'calc');
    row++;
  });
  sheet.paint(firstSide, UNIT, row - 1, UNIT, 'output');
  sheet.define('optionNpvs', { row: firstSide, column: UNIT }, { row: row - 1, column: UNIT });
  const netChartTop = row;
  sheet.put(row++, LABEL, [[text('Net saving by financial year')]], 'strong');
  const netHeader = row;
  sheet.put(row++, FIRST_FY, [fyColumns.map((c) => formula(`${col(c)}${labelRow}`))], 'header');
  const netSeries = options.map((appraised, i) => {
    sheet.put(row, LABEL, [[formula(cell(LABEL, firstOption + i))]], 'link');
    sheet.put(row, FIRST_FY, [fyColumns.map((c) => formula(`${col(c)}${netRows[i]}`))], 'calc', fyColumns.map(() => FORMATS.money));
    const r = row++;
    return { name: { text: appraised.option.name, cell: { top: r, left: LABEL, bottom: r, right: LABEL } }, values: { top: r, left: FIRST_FY, bottom: r, right: lastFy } };
  });
  row++;
  // Charts stand to the right of the figures they draw, one under the other.
  const chartLeft = lastFy + 2;
  const chartAt = (top: number) => ({ top, left: chartLeft, bottom: top + CHART_ROWS - 1, right: chartLeft + CHART_COLUMNS - 1 });
  sheet.chart({
    kind: 'column',
    title: 'Net saving by financial year, each way of withdrawing',
    anchor: chartAt(netChartTop),
    categories: { top: netHeader, left: FIRST_FY, bottom: netHeader, right: lastFy },
    series: netSeries,
    valueFormat: FORMATS.moneyAxis,
  });

  // The tornado and the switching values, as at the run, with a check that the inputs are unchanged.
  const focus = options[appraisal.focus].option.name;
  const tornadoTop = row;
  sheet.put(row++, LABEL, [[text(`How sure: the NPV of "${focus}" at the low and high value of each input, all else held (as at the run)`)]], 'heading');
  sheet.put(row++, LABEL, [[text('Input'), text('Low'), text('High'), text('NPV at low £'), text('NPV at high £')]], 'header');
  const firstTornado = row;
  if (appraisal.sensitivity.length > 0) {
    const lastTornado = firstTornado + appraisal.sensitivity.length - 1;
    const column = (c: number) => ({ top: firstTornado, left: c, bottom: lastTornado, right: c });
    sheet.chart({
      kind: 'bar',
      title: `NPV of "${focus}" at the low and high value of each input`,
      anchor: chartAt(Math.max(tornadoTop, netChartTop + CHART_ROWS + 1)),
      categories: column(LABEL),
      series: [{ name: { text: 'NPV at low' }, values: column(FIRST_FY) }, { name: { text: 'NPV at high' }, values: column(FIRST_FY + 1) }],
      valueFormat: FORMATS.moneyAxis,
    });
  }
  // A row for each input the switching values list, so that the rows below stand where they stood
  // whatever the inputs: those the focus option had none of come last, blank.
  const tornadoRows = [...appraisal.sensitivity, ...appraisal.switchingValues.filter((v) => !appraisal.sensitivity.some((r) => r.input === v.input))];
  for (const r of tornadoRows) {
    const format = inputFormat(r.input);
    const values = 'npvLow' in r ? [num(keyInputNumber(r.input, r.low)), num(keyInputNumber(r.input, r.high)), num(toPounds(r.npvLow)), num(toPounds(r.npvHigh))] : [text('-'), null, null, null];
    sheet.put(row++, LABEL, [[text(inputLabel(r.input)), ...values]], 'label', [undefined, format, format, FORMATS.money, FORMATS.money]);
  }
  sheet.fixedAtRun(tornadoTop, LABEL, row - 1, FIRST_FY + 1);
  row++;
  sheet.put(row++, LABEL, [[text('Switching values: the value of each input, all else held, at which the choice changes')]], 'heading');
  sheet.put(row++, LABEL, [[text('Input'), text('Now'), text('Switches at'), text('Change'), text('Computed')]], 'header');
  sheet.define('switchingValues', { row, column: VALUE }, { row: row + appraisal.switchingValues.length - 1, column: VALUE });
  for (const v of appraisal.switchingValues) {
    const format = inputFormat(v.input);
    const live = switching.live[v.input];
    // Live where NPV is linear in the input (the workings above); else the core's, as at the run.
    const base = live ? formula(live.now) : v.base ? num(keyInputNumber(v.input, v.base)) : null;
    const value = live ? formula(live.value) : v.value ? num(keyInputNumber(v.input, v.value)) : text(v.none ?? 'none in range');
    const change = formula(`IF(ISNUMBER(${cell(VALUE, row)}),${cell(VALUE, row)}-${cell(UNIT, row)},"")`);
    sheet.put(row, LABEL, [[text(inputLabel(v.input)), base]], 'label', [undefined, format]);
    sheet.put(row, VALUE, [[value]], 'label', [format]);
    sheet.put(row, FIRST_FY, [[change, text(live ? 'live' : 'as at the run')]], 'label', [format]);
    if (!live) sheet.fixedAtRun(row, UNIT, row, VALUE);
    row++;
  }
  row++;

  // Whether the tables as at the run still hold: the inputs have not moved any option's NPV.
  sheet.put(row++, LABEL, [[text('Each option\'s NPV, now and as at the run'), text('Now £'), text('At the run £'), text('The same')]], 'header');
  const firstRun = row;
  options.forEach((o, i) => {
    sheet.put(row, LABEL, [[formula(cell(LABEL, firstOption + i)), formula(npvCells[i])]], 'link', [undefined, FORMATS.money]);
    sheet.put(row, VALUE, [[num(toPounds(o.npv))]], 'label', [FORMATS.money]);
    sheet.put(row, FIRST_FY, [[formula(`ROUND(${cell(UNIT, row)}-${cell(VALUE, row)},2)=0`)]], 'calc');
    row++;
  });
  sheet.fixedAtRun(firstRun, VALUE, row - 1, VALUE);
  sheet.put(row, LABEL, [[text('The tornado and the values computed as at the run are current: every option\'s NPV is as at the run; FALSE: inputs changed since, run again'), null,
    formula(`AND(${cell(FIRST_FY, firstRun)}:${cell(FIRST_FY, row - 1)})`)]], 'label');
  sheet.paint(row, VALUE, row, VALUE, 'check');
  sheet.define('optionTablesCurrent', { row, column: VALUE });
  row += 2;

  // Checks
  const checks: [string, string][] = [
    ['Every cost of leaving names one of the options', `SUMPRODUCT((${NAME.costOptions}<>"")*(${NAME.costOptionNumbers}=0))=0`],
    ['Every cost of leaving is of a kind: exit or replacement', `SUMPRODUCT((${NAME.costLabels}<>"")*(${NAME.costKinds}<>${literal('exit')})*(${NAME.costKinds}<>${literal('replacement')}))=0`],
    ['Each option has a name of its own', `MAX(${cell(NAMED, firstOption)}:${cell(NAMED, lastOption)})<=1`],
    [`Every option named has its workings: ${options.length} (to appraise another, run again)`, `COUNTA(${NAME.optionNames})=${cell(VALUE, workedRow)}`],
  ];
  sheet.put(row++, LABEL, [[text('Checks'), null, text('Passes')]], 'heading');
  const firstCheck = row;
  sheet.put(row, LABEL, checks.map(([words]) => [text(words)]), 'label');
  sheet.put(row, VALUE, checks.map(([, check]) => [formula(check)]), 'check');
  row += checks.length;
  sheet.put(row, LABEL, [[text('All checks on this sheet pass')]], 'total');
  sheet.put(row, VALUE, [[formula(`AND(${col(VALUE)}${firstCheck}:${col(VALUE)}${row - 1})`)]], 'check');
  sheet.define('optionsCheck', { row, column: VALUE });

  // Key results
  const best = `MAX(${NAME.optionNpvs})`;
  sheet.put(keyRows.preferred, LABEL, [[text('Preferred'), null, formula(`IF(${best}>0,INDEX(${NAME.optionNames},MATCH(${best},${NAME.optionNpvs},0)),${literal(STAYING)})`)]], 'label');
  sheet.put(keyRows.npv, LABEL, [[text('Its net present value against staying'), text('£'), formula(`IF(${best}>0,${best},0)`)]], 'label', [undefined, undefined, FORMATS.money]);
  sheet.paint(keyRows.preferred, VALUE, keyRows.npv, VALUE, 'output');
  sheet.paint(keyRows.npv, UNIT, keyRows.npv, UNIT, 'unit');
  sheet.define('preferredOption', { row: keyRows.preferred, column: VALUE });
  sheet.define('preferredNpv', { row: keyRows.npv, column: VALUE });
  sheet.put(masterRow, LABEL, [[text('All checks on this sheet pass (see Checks below)'), null, formula(NAME.optionsCheck)]], 'strong');
  sheet.paint(masterRow, VALUE, masterRow, VALUE, 'check');
  return sheet;
}

export const OPTIONS_LAYOUT = { widths: (years: number) => [46, 16, 22, ...Array.from({ length: Math.max(years, 4) }, () => 14), 4, ...Array.from({ length: CHART_COLUMNS }, () => 10)] } as const;
