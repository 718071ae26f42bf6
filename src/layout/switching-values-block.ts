// Live switching values (docs/conventions.md, "Switching values") for the key inputs NPV is
// linear in: the avoidable cost, the focus option's exit and replacement costs, and its optimism
// bias. The workings are the continuous model (no amount rounded), as the core computes them: for
// each option, the present value saved per £1 of avoidable cost a year and the present values of
// its costs of leaving, so that its NPV is a straight line in each input. The focus is the option
// with the highest NPV (the preferred one, or the nearest to it when staying is preferred); its
// lead is its NPV over the best of staying and the other options. A cost input switches where the
// lead is used up; the avoidable cost where the nearest of the lines that make up the lead crosses
// zero, below the base or above it. Strictly: a crossing at an end of the input's range, beyond
// which the lead would fall below zero only out of range, switches nothing. The values the other inputs switch at are the core's, as at the
// run (options-sheet.ts).
import { columnName } from '../core/cell';
import { AppraisalModel, KeyInputName, keyInput, keyInputNumber } from '../core/key-inputs';
import { WithdrawOption } from '../core/options';
import { lacking } from '../core/switching-values';
import { NAME } from './names';
import { SheetBuilder, formula, literal, num, text } from './sheet-builder';
import type { Content } from './plan';
import { FORMATS } from './styles';
import { Timeline } from './timeline';

export interface SwitchingWorkings {
  readonly sheet: SheetBuilder;
  readonly timeline: Timeline;
  /** The columns of the sheet's labels, units and values (three in a row, from the label's). */
  readonly label: number;
  /** Timeline rows: each year's index factor, members, days, real-price factor and discount factor. */
  readonly rows: { readonly index: number; readonly members: number; readonly days: number; readonly real: number; readonly discount: number };
  /** Each option's input row (its name in the label column), the cell of its number, and its row of days paid for. */
  readonly options: readonly { readonly input: number; readonly number: string; readonly paid: number }[];
  /** The cost lines of the costs table, and the formula of line i's amount in year column c, unrounded. */
  readonly costLines: { readonly count: number; readonly flow: (i: number, c: string) => string };
  /** The run's model and the option it looked at: the inputs' ranges are theirs. */
  readonly model: AppraisalModel;
  readonly focus: WithdrawOption;
}

/** A live switching value: the cells of the input's value now and of the value it switches at. */
export interface LiveSwitch {
  readonly now: string;
  readonly value: string;
}

/** The linear inputs, a column each in the inputs' workings. */
type LiveInput = 'avoidableCost' | 'exitCosts' | 'replacementCosts' | 'optimismBias';
const LIVE_INPUTS: readonly LiveInput[] = ['avoidableCost', 'exitCosts', 'replacementCosts', 'optimismBias'];
/** Each one's column heading, short enough for its column. */
const HEADS: Record<LiveInput, string> = { avoidableCost: 'Avoidable cost', exitCosts: 'Exit costs', replacementCosts: 'Replacement', optimismBias: 'Optimism bias' };

/** Writes the workings from `row`; returns the next free row and each linear input's live cells. */
export function switchingWorkings(w: SwitchingWorkings, row: number): { row: number; live: Partial<Record<KeyInputName, LiveSwitch>> } {
  const { sheet, timeline: tl } = w;
  const [LABEL, UNIT, VALUE] = [w.label, w.label + 1, w.label + 2];
  const at = (c: number, r: number) => `${columnName(c)}${r}`;
  const presentValue = (...rows: string[]) => `SUMPRODUCT(${[...rows, tl.span(w.rows.real), tl.span(w.rows.discount)].join(',')})`;

  sheet.put(row++, LABEL, [[text('Switching values: workings on the continuous model (no amount rounded)')]], 'heading');
  tl.row = row;
  const perPound = tl.add('Cost if the council stays, per £1 of avoidable cost a year', 'factor', (c) =>
    `${c}${w.rows.index}*IF(${NAME.sharing}=${literal('shared-pool')},${NAME.membersInBaseYear}/${c}${w.rows.members},1)`, FORMATS.factor);
  const linePv: string[] = [];
  for (let i = 0; i < w.costLines.count; i++) {
    const r = tl.add(`Cost of leaving, line ${i + 1}, unrounded (total: its present value)`, '£', (c) => w.costLines.flow(i, c), FORMATS.money);
    sheet.put(r, VALUE, [[formula(presentValue(tl.span(r)))]], 'calc', [FORMATS.money]);
    linePv.push(at(VALUE, r));
  }
  row = tl.row + 1;
  // The present values of the cost lines, a column the costs table's names match line for line.
  const pvColumn = `${linePv[0]}:${linePv[linePv.length - 1]}`;

  // A row an option, in two tables: what its NPV is made of; the line it adds to the avoidable cost's lead.
  const count = w.options.length;
  const [first, firstLine] = [row + 1, row + count + 3];
  const focusRow = firstLine + count + 1;
  const range = (top: number, k: number) => `${at(LABEL + k, top)}:${at(LABEL + k, top + count - 1)}`;
  const made = (k: number) => range(first, k);
  const lines = (k: number) => range(firstLine, k);
  const focus = { npv: at(VALUE, focusRow), index: at(VALUE, focusRow + 1), name: at(VALUE, focusRow + 2), rival: at(VALUE, focusRow + 3), lead: at(VALUE, focusRow + 4), preferred: at(VALUE, focusRow + 5) };
  const ofFocus = (k: number) => `INDEX(${made(k)},${focus.index})`;
  /** The sum of `what` over the cost lines of a kind of the option numbered `number`: matched by its number, never its name. */
  const costs = (kind: 'exit' | 'replacement', what: string, number: string) => `SUMIFS(${what},${NAME.costOptionNumbers},${number},${NAME.costKinds},${literal(kind)})`;
  sheet.put(row, LABEL, [['Option', 'PV per £1', 'PV exit £', 'PV replacement £', 'NPV £', 'Exit costs £', 'Replacement £'].map(text)], 'header');
  sheet.put(firstLine - 1, LABEL, [['Option: its lead in the avoidable cost', 'Slope', 'At £0', 'Zero below £', 'Zero above £'].map(text)], 'header');
  w.options.forEach((o, i) => {
    const [r, l] = [first + i, firstLine + i];
    const name = at(LABEL, r);
    const other = `(${o.number}<>${focus.index})`;
    const leaving = `(${at(LABEL + 2, r)}+${at(LABEL + 3, r)})`;
    sheet.put(r, LABEL, [[
      formula(at(LABEL, o.input)),
      formula(presentValue(tl.span(perPound), `1-${tl.span(o.paid)}/${tl.span(w.rows.days)}`)),
      formula(costs('exit', pvColumn, o.number)),
      formula(costs('replacement', pvColumn, o.number)),
      formula(`${at(UNIT, r)}*${NAME.avoidableAnnual}-${leaving}`),
      formula(costs('exit', NAME.costAmounts, o.number)),
      formula(costs('replacement', NAME.costAmounts, o.number)),
    ]], 'calc', [undefined, FORMATS.factor, ...Array.from({ length: 5 }, () => FORMATS.money)]);
    // With an option preferred, its lead over staying (on its own row) or over each other option; else each option's shortfall.
    sheet.put(l, LABEL, [[
      formula(name),
      formula(`IF(${focus.preferred},${ofFocus(1)}-${at(UNIT, r)}*${other},-${at(UNIT, r)})`),
      formula(`IF(${focus.preferred},${leaving}*${other}-(${ofFocus(2)}+${ofFocus(3)}),${leaving})`),
      formula(`IF(${at(UNIT, l)}>0,-${at(VALUE, l)}/${at(UNIT, l)},"")`),
      formula(`IF(${at(UNIT, l)}<0,-${at(VALUE, l)}/${at(UNIT, l)},"")`),
    ]], 'calc', [undefined, FORMATS.factor, FORMATS.money, FORMATS.money, FORMATS.money]);
  });

  // The focus option and its lead.
  const focusLines: [string, string | null, string, string | undefined][] = [
    ['Highest NPV, unrounded', '£', `MAX(${made(4)})`, FORMATS.money],
    ['Its row among the options', 'row', `MATCH(${focus.npv},${made(4)},0)`, FORMATS.whole],
    ['The option looked at: the preferred one, or the nearest to it', null, `INDEX(${made(0)},${focus.index})`, undefined],
    ['The best of staying and the other options', '£', `MAX(0,IFERROR(LARGE(${made(4)},2),0))`, FORMATS.money],
    ['Its lead: NPV over that best', '£', `${focus.npv}-${focus.rival}`, FORMATS.money],
    ['An option is preferred (NPV above zero)', null, `${focus.npv}>0`, undefined],
  ];
  focusLines.forEach(([words, unit, f, format], k) => sheet.put(focusRow + k, LABEL, [[text(words), unit ? text(unit) : null, formula(f)]], 'calc', [undefined, undefined, format]));
  row = focusRow + focusLines.length + 1;

  // The linear inputs, a column each: the value now, where the lead is used up below and above the
  // base, the values the input may take, and the nearest in range.
  const top = row + 1;
  const QUANTITIES = {
    now: 'Now',
    perUnit: 'PV per unit (a cost: £ of NPV per £1 of it, or per point of bias)',
    below: 'Switches below',
    above: 'Switches above',
    least: 'Least it may be',
    most: 'Most it may be',
    some: 'The option has some (1 = yes)',
    belowOk: 'Below is inside the range (1 = yes)',
    aboveOk: 'Above is inside the range (1 = yes)',
    nearest: 'The nearer in range (below, on a tie)',
    at: 'Switches at',
  } as const;
  type Quantity = keyof typeof QUANTITIES;
  const KEYS = Object.keys(QUANTITIES) as Quantity[];
  sheet.put(row, LABEL, [['Input', ...LIVE_INPUTS.map((name) => HEADS[name])].map(text)], 'header');
  sheet.put(top, LABEL, KEYS.map((key) => [text(QUANTITIES[key])]), 'label');
  const live: Partial<Record<KeyInputName, LiveSwitch>> = {};
  LIVE_INPUTS.forEach((name, j) => {
    const c = (key: Quantity) => at(UNIT + j, top + KEYS.indexOf(key));
    const input = keyInput(name);
    const format = input.unit === 'money' ? FORMATS.money : FORMATS.percent;
    const [least, most] = input.range(w.focus, w.model).map((v) => keyInputNumber(name, v));
    // Strictly inside the range: a line that reaches zero only at an end of it brings the NPV to
    // zero, or to a tie, there, and changes nothing. Compared to the core's precision (a hundredth
    // of a penny, 1e-10 of a rate), so that binary noise at the end does not count as inside.
    const places = input.unit === 'money' ? 4 : 10;
    const hasLines = `COUNTIFS(${NAME.costOptionNumbers},${focus.index},${NAME.costKinds},${literal(name === 'exitCosts' ? 'exit' : 'replacement')})>0`;
    const ifSome = (then: string) => `IF(${c('some')},${then},"")`;
    const cell = {
      avoidableCost: { now: NAME.avoidableAnnual, has: '1' },
      exitCosts: { now: ifSome(ofFocus(5)), perUnit: `${ofFocus(2)}/${c('now')}`, has: hasLines },
      replacementCosts: { now: ifSome(ofFocus(6)), perUnit: `${ofFocus(3)}/${c('now')}`, has: hasLines },
      optimismBias: {
        now: ifSome(`INDEX(${NAME.optionOptimismBias},${focus.index})`),
        perUnit: `(${ofFocus(2)}+${ofFocus(3)})/(1+${c('now')})`, has: `COUNTIF(${NAME.costOptionNumbers},${focus.index})>0`,
      },
    }[name] as { now: string; perUnit?: string; has: string };
    // A cost input moves the focus option's NPV only, down as it rises: its lead is used up above the base, or made up below it.
    const crossing = `${c('now')}+${focus.lead}/${c('perUnit')}`;
    const [below, above] = name === 'avoidableCost'
      ? [`IF(COUNT(${lines(3)})=0,"",MAX(${lines(3)}))`, `IF(COUNT(${lines(4)})=0,"",MIN(${lines(4)}))`]
      : [`IFERROR(IF(${focus.lead}<=0,${crossing},""),"")`, `IFERROR(IF(${focus.lead}>0,${crossing},""),"")`];
    const contents: Record<Quantity, [Content | null, string]> = {
      now: [formula(cell.now), format],
      perUnit: [cell.perUnit ? formula(`IFERROR(${cell.perUnit},0)`) : null, FORMATS.factor],
      below: [formula(below), format],
      above: [formula(above), format],
      least: [num(least), input.unit === 'money' ? FORMATS.moneyLimit : format],
      most: [num(most), input.unit === 'money' ? FORMATS.moneyLimit : format],
      some: [formula(`(${cell.has})*1`), FORMATS.whole],
      belowOk: [formula(`COUNT(${c('below')})*(ROUND(N(${c('below')})-${c('least')},${places})>0)`), FORMATS.whole],
      aboveOk: [formula(`COUNT(${c('above')})*(ROUND(${c('most')}-N(${c('above')}),${places})>0)`), FORMATS.whole],
      // N(now): an option with nothing to vary has no value now (empty text, which arithmetic refuses).
      nearest: [formula(`N(IF(${c('belowOk')}*(1-${c('aboveOk')}*(N(${c('above')})-N(${c('now')})<N(${c('now')})-N(${c('below')}))),${c('below')},${c('above')}))`), format],
      at: [formula(`CHOOSE(1+${c('some')}+${c('some')}*(${c('belowOk')}+${c('aboveOk')}>0),${literal(lacking(input))},${literal('none in range')},${input.unit === 'money' ? `ROUND(${c('nearest')},2)` : c('nearest')})`), format],
    };
    KEYS.forEach((key, k) => sheet.put(top + k, UNIT + j, [[contents[key][0]]], 'calc', [contents[key][1]]));
    live[name] = { now: c('now'), value: c('at') };
  });
  return { row: top + KEYS.length + 1, live };
}
