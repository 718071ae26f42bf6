// Live switching values (domain.md, Options appraisal: Switching value) for the key inputs NPV is
// linear in: the avoidable cost, the focus option's exit and replacement costs, and its optimism
// bias. The workings are the continuous model (no amount rounded), as the core computes them: for
// each option, the present value saved per £1 of avoidable cost a year and the present values of
// its costs of leaving, so that its NPV is a straight line in each input. The focus is the option
// with the highest NPV (the preferred one, or the nearest to it when staying is preferred); its
// lead is its NPV over the best of staying and the other options. A cost input switches where the
// lead is used up; the avoidable cost where the nearest of the lines that make up the lead crosses
// zero, below the base or above it. The values the other inputs switch at are the core's, as at the
// run (options-sheet.ts).
import { columnName } from '../core/cell';
import { KeyInputName, keyInput, keyInputNumber } from '../core/key-inputs';
import { WithdrawOption } from '../core/options';
import { noneWords } from '../core/switching-values';
import { NAME } from './names';
import { SheetBuilder, formula, literal, num, text } from './sheet-builder';
import { FORMATS } from './styles';
import { Timeline } from './timeline';

export interface SwitchingWorkings {
  readonly sheet: SheetBuilder;
  readonly timeline: Timeline;
  /** Where the sheet's labels and values stand. */
  readonly columns: { readonly label: number; readonly unit: number; readonly value: number };
  /** Timeline rows: each year's index factor, members, days and discount factor. */
  readonly rows: { readonly index: number; readonly members: number; readonly days: number; readonly discount: number };
  /** Each option's input row (its name in the label column) and its row of days paid for. */
  readonly options: readonly { readonly input: number; readonly paid: number }[];
  /** The cost lines of the costs table, and the formula of line i's amount in year column c, unrounded. */
  readonly costLines: { readonly count: number; readonly flow: (i: number, c: string) => string };
  /** The option the run looked at: the inputs' ranges are its. */
  readonly focus: WithdrawOption;
}

/** A live switching value: the cells of the input's value now and of the value it switches at. */
export interface LiveSwitch {
  readonly now: string;
  readonly value: string;
}

/** The linear inputs, in the order the switching values list them. */
export const LIVE_INPUTS: readonly KeyInputName[] = ['avoidableCost', 'exitCosts', 'replacementCosts', 'optimismBias'];

/** Writes the workings from `row`; returns the next free row and each linear input's live cells. */
export function switchingWorkings(w: SwitchingWorkings, row: number): { row: number; live: Record<string, LiveSwitch> } {
  const { sheet, timeline: tl } = w;
  const { label: LABEL, value: VALUE } = w.columns;
  const at = (c: number, r: number) => `${columnName(c)}${r}`;
  const span = (r: number) => tl.span(r);

  sheet.put(row++, LABEL, [[text('Switching values: workings on the continuous model (no amount rounded)')]], 'heading');
  tl.row = row;
  const perPound = tl.add('Cost if the council stays, per £1 of avoidable cost a year', 'factor', (c) =>
    `${c}${w.rows.index}*IF(${NAME.sharing}=${literal('shared-pool')},${NAME.membersInBaseYear}/${c}${w.rows.members},1)`, FORMATS.factor);
  const linePv: string[] = [];
  for (let i = 0; i < w.costLines.count; i++) {
    const r = tl.add(`Cost of leaving, line ${i + 1}, unrounded`, '£', (c) => w.costLines.flow(i, c), FORMATS.money);
    sheet.put(r, VALUE, [[formula(`SUMPRODUCT(${span(r)},${span(w.rows.discount)})`)]], 'calc', [FORMATS.money]);
    linePv.push(at(VALUE, r));
  }
  row = tl.row + 1;
  // The present value of each cost line, in the column that the costs table's names match line for line.
  const pvColumn = `${linePv[0]}:${linePv[linePv.length - 1]}`;

  // A row an option: what its NPV is made of, and the line it adds to the avoidable cost's lead.
  sheet.put(row, LABEL, [
    [text('Each option: the present value it saves per £1 of avoidable cost a year, and of its costs of leaving (exit, replacement);')],
    [text('its NPV, unrounded; its exit costs and replacement costs as given; and the line it adds to the lead in the avoidable cost')],
    [text('(slope, value at £0) with the avoidable cost at which that line crosses zero, below the base or above it.')],
  ], 'note');
  row += 3;
  const heads = ['Option', 'PV per £1', 'PV exit £', 'PV replacement £', 'NPV £', 'Exit costs £', 'Replacement £', 'Slope', 'At £0', 'Root below £', 'Root above £'];
  sheet.put(row++, LABEL, [heads.map(text)], 'header');
  const first = row;
  const last = first + w.options.length - 1;
  const col = (k: number) => LABEL + k;
  const range = (k: number) => `${at(col(k), first)}:${at(col(k), last)}`;
  const focusRow = last + 2;
  const focus = { npv: at(VALUE, focusRow), index: at(VALUE, focusRow + 1), name: at(VALUE, focusRow + 2), rival: at(VALUE, focusRow + 3), lead: at(VALUE, focusRow + 4), preferred: at(VALUE, focusRow + 5) };
  const ofFocus = (k: number) => `INDEX(${range(k)},${focus.index})`;
  const costs = (kind: 'exit' | 'replacement', what: string, name: string) => `SUMIFS(${what},${NAME.costOptions},${name},${NAME.costKinds},${literal(kind)})`;
  w.options.forEach((o, i) => {
    const r = first + i;
    const name = at(LABEL, r);
    const other = `(${name}<>${focus.name})`;
    const leaving = `(${at(col(2), r)}+${at(col(3), r)})`;
    sheet.put(r, LABEL, [[
      formula(at(LABEL, o.input)),
      formula(`SUMPRODUCT(${span(perPound)},1-${span(o.paid)}/${span(w.rows.days)},${span(w.rows.discount)})`),
      formula(costs('exit', pvColumn, name)),
      formula(costs('replacement', pvColumn, name)),
      formula(`${at(col(1), r)}*${NAME.avoidableAnnual}-${leaving}`),
      formula(costs('exit', NAME.costAmounts, name)),
      formula(costs('replacement', NAME.costAmounts, name)),
      // With an option preferred: its lead over staying (for itself) or over each other option; else each option's shortfall.
      formula(`IF(${focus.preferred},${ofFocus(1)}-${at(col(1), r)}*${other},-${at(col(1), r)})`),
      formula(`IF(${focus.preferred},${leaving}*${other}-(${ofFocus(2)}+${ofFocus(3)}),${leaving})`),
      formula(`IF(${at(col(7), r)}>0,-${at(col(8), r)}/${at(col(7), r)},"")`),
      formula(`IF(${at(col(7), r)}<0,-${at(col(8), r)}/${at(col(7), r)},"")`),
    ]], 'calc', [undefined, FORMATS.factor, FORMATS.money, FORMATS.money, FORMATS.money, FORMATS.money, FORMATS.money, FORMATS.factor, FORMATS.money, FORMATS.money, FORMATS.money]);
  });

  // The focus option and its lead.
  const focusLines: [string, string | null, string, string | undefined][] = [
    ['Highest NPV, unrounded', '£', `MAX(${range(4)})`, FORMATS.money],
    ['Its row among the options', 'row', `MATCH(${focus.npv},${range(4)},0)`, FORMATS.whole],
    ['The option looked at: the preferred one, or the nearest to it', null, `INDEX(${range(0)},${focus.index})`, undefined],
    ['The best of staying and the other options', '£', `MAX(0,IFERROR(LARGE(${range(4)},2),0))`, FORMATS.money],
    ['Its lead: NPV over that best', '£', `${focus.npv}-${focus.rival}`, FORMATS.money],
    ['An option is preferred (NPV above zero)', null, `${focus.npv}>0`, undefined],
  ];
  focusLines.forEach(([words, unit, f, format], k) => sheet.put(focusRow + k, LABEL, [[text(words), unit ? text(unit) : null, formula(f)]], 'calc', [undefined, undefined, format]));
  row = focusRow + 7;

  // A row a linear input: its value now, where it switches below and above, and the nearest in range.
  sheet.put(row, LABEL, [
    [text('Each input: its value now, the present value of the costs per unit of it, where the lead is used up below or above the base,')],
    [text('the values it may take, whether the option has any of it, whether each is in range, and the nearest in range.')],
  ], 'note');
  row += 2;
  sheet.put(row++, LABEL, [['Input', 'Now', 'PV per unit', 'Below', 'Above', 'Least', 'Most', 'Has one', 'Below ok', 'Above ok', 'Switches at'].map(text)], 'header');
  const live: Record<string, LiveSwitch> = {};
  for (const name of LIVE_INPUTS) {
    const r = row++;
    const input = keyInput(name);
    const format = input.unit === 'money' ? FORMATS.money : FORMATS.percent;
    const [least, most] = input.range(w.focus).map((v) => keyInputNumber(name, v));
    const c = (k: number) => at(col(k), r);
    const cells = {
      avoidableCost: { now: NAME.avoidableAnnual, perUnit: null, has: '1' },
      exitCosts: { now: `IF(${c(7)},${ofFocus(5)},"")`, perUnit: `${ofFocus(2)}/${c(1)}`, has: `COUNTIFS(${NAME.costOptions},${focus.name},${NAME.costKinds},${literal('exit')})>0` },
      replacementCosts: { now: `IF(${c(7)},${ofFocus(6)},"")`, perUnit: `${ofFocus(3)}/${c(1)}`, has: `COUNTIFS(${NAME.costOptions},${focus.name},${NAME.costKinds},${literal('replacement')})>0` },
      optimismBias: { now: `IF(${c(7)},INDEX(${NAME.optionOptimismBias},MATCH(${focus.name},${NAME.optionNames},0)),"")`, perUnit: `(${ofFocus(2)}+${ofFocus(3)})/(1+${c(1)})`, has: `COUNTIF(${NAME.costOptions},${focus.name})>0` },
    }[name as 'avoidableCost' | 'exitCosts' | 'replacementCosts' | 'optimismBias'];
    // A cost input moves the focus option's NPV only, down as it rises: its lead is used up above the base, or made up below it.
    const crossing = `${c(1)}+${focus.lead}/${c(2)}`;
    const [below, above] = name === 'avoidableCost'
      ? [`IF(COUNT(${range(9)})=0,"",MAX(${range(9)}))`, `IF(COUNT(${range(10)})=0,"",MIN(${range(10)}))`]
      : [`IFERROR(IF(${focus.lead}<=0,${crossing},""),"")`, `IFERROR(IF(${focus.lead}>0,${crossing},""),"")`];
    const nearest = `IF(${c(8)}*(1-${c(9)}*(N(${c(4)})-${c(1)}<${c(1)}-N(${c(3)}))),${c(3)},${c(4)})`;
    const shown = input.unit === 'money' ? `ROUND(N(${nearest}),2)` : `N(${nearest})`;
    sheet.put(r, LABEL, [[
      text(input.noun),
      formula(cells.now),
      cells.perUnit ? formula(`IFERROR(${cells.perUnit},0)`) : null,
      formula(below), formula(above), num(least), num(most), formula(cells.has),
      formula(`COUNT(${c(3)})*(N(${c(3)})>=${c(5)})`), formula(`COUNT(${c(4)})*(N(${c(4)})<=${c(6)})`),
      formula(`CHOOSE(1+${c(7)}+${c(7)}*(${c(8)}+${c(9)}>0),${literal(noneWords(input))},${literal('none in range')},${shown})`),
    ]], 'calc', [undefined, format, FORMATS.factor, format, format, format, format, FORMATS.whole, FORMATS.whole, FORMATS.whole, format]);
    live[name] = { now: c(1), value: c(10) };
  }
  return { row: row + 1, live };
}
