// The committee paragraph (issue: "The committee paragraph"): the "Financial Implications" text of a
// committee report, drafted in the style of the cabinet report the product was made from. What it
// says is decided here, once, as headings, sentences and tables whose figures each name the model
// quantity they show and carry its value at the run. The sheet writes each figure as a formula over
// that quantity, so the text follows the inputs; the clipboard and the Word document write the value.
import { Analysis } from './analysis';
import { CalendarDate } from './calendar-date';
import { fyLabel } from './financial-year';
import { KeyInputName, keyInput } from './key-inputs';
import { Exact } from './money';
import { preferredChoice } from './options';
import { lacking } from './switching-values';

/**
 * The model quantities the text shows, by the key of the defined name that holds each in the
 * workbook (layout/names.ts): a cell, or a row or column of cells picked by `at`.
 */
export type Quantity =
  | 'baseYear' | 'items' | 'amounts' | 'classes' | 'totalAnnual' | 'avoidableAnnual' | 'committedAnnual'
  | 'noticeServedOn' | 'noticeMonths' | 'noticeExpires' | 'financialYears' | 'saving' | 'presentValue' | 'costIfStaying'
  | 'totalSaving' | 'npv' | 'discountRate' | 'indexation' | 'horizonYears' | 'prices' | 'sharing'
  | 'membersInBaseYear' | 'leaverNames' | 'optionNames' | 'optionNpvs' | 'preferredOption' | 'preferredNpv' | 'switchingValues';

/**
 * How a figure is written. `money`: whole pounds with the sign, for a sentence ("£17,800"); `amount`:
 * pounds and pence without the sign, for a column headed £ ("17,800.00"); `date`: "19 October 2014";
 * `rate`: a percentage to one or two places ("3.5%", "3.25%"); `count`: a whole number; `text` as it
 * is; `fy`: a base year's financial year ("2011/12").
 */
export type Show = 'money' | 'amount' | 'date' | 'rate' | 'count' | 'text' | 'fy';

/** Where in a row or column of cells: the i-th (from 1), the last, or how many there are (of those not blank). */
export type At = number | 'last' | 'count';

export interface Figure {
  readonly of: Quantity;
  readonly at?: At;
  readonly show: Show;
  /** Its value at the run: pence for money and amounts (exact: a present value need not be whole pence), a fraction for a rate. */
  readonly value: Exact | CalendarDate | number | string;
}

/** Words that depend on a text input: `then` while it is `is`, else `otherwise`. */
export interface Choice {
  readonly if: Figure;
  readonly is: string;
  readonly then: readonly Part[];
  readonly otherwise: readonly Part[];
}

export type Part = string | Figure | Choice;

export const isFigure = (part: Part): part is Figure => typeof part === 'object' && 'of' in part;

/** Which branch of a choice holds at the run. */
export const chosen = (choice: Choice): readonly Part[] => (choice.if.value === choice.is ? choice.then : choice.otherwise);

/** How a table column's cells stand: words to the left, figures to the right, a word of a few letters centred. */
export type Align = 'left' | 'right' | 'centre';

export interface ReportTable {
  /** Column headings (a column of money is headed £) and how each column's cells stand. */
  readonly columns: readonly { readonly heading: string; readonly align: Align }[];
  readonly rows: readonly (readonly (readonly Part[])[])[];
  /** The total row, in bold under a rule, if any. */
  readonly total?: readonly (readonly Part[])[];
}

export type ReportBlock =
  | { readonly heading: string }
  | { readonly paragraph: readonly Part[] }
  | { readonly table: ReportTable };

export interface Report {
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

/** More cost rows than this are shown as two lines, what leaving saves and what continues. */
const ROWS_LISTED = 25;

const money = (of: Quantity, value: Exact | number, at?: At): Figure => ({ of, show: 'money', value: new Exact(value), ...(at === undefined ? {} : { at }) });
const amount = (of: Quantity, value: Exact | number, at?: At): Figure => ({ of, show: 'amount', value: new Exact(value), ...(at === undefined ? {} : { at }) });
const fig = (of: Quantity, show: Show, value: Figure['value'], at?: At): Figure => ({ of, show, value, ...(at === undefined ? {} : { at }) });

/** How a switching value is shown, by its input's unit. */
const SWITCH_SHOW: Record<ReturnType<typeof keyInput>['unit'], Show> = { money: 'money', rate: 'rate', months: 'count' };

export function committeeReport(analysis: Analysis): Report {
  const a = analysis.assumptions;
  const { savings, appraisal } = analysis;
  const years = savings.years;
  const baseFy = fig('baseYear', 'fy', fyLabel(a.baseYear));
  const firstFy = fig('financialYears', 'text', fyLabel(years[0].fy), 1);
  const lastFy = fig('financialYears', 'text', fyLabel(years[years.length - 1].fy), 'last');
  const blocks: ReportBlock[] = [];

  // The payments, as the cost table gives them.
  blocks.push({ paragraph: ['The payments through the partnership for ', baseFy, ' were made up of the following:'] });
  const leaves = (at: number, cls: string): Choice => ({ if: fig('classes', 'text', cls, at), is: 'avoidable', then: ['saved'], otherwise: ['continues'] });
  const rows = analysis.rows.length <= ROWS_LISTED
    ? analysis.rows.map((row, i) => [[fig('items', 'text', row.item, i + 1)], [amount('amounts', row.amount, i + 1)], [leaves(i + 1, row.class)]])
    : [
      [['Costs saved by leaving (the rows marked avoidable)'], [amount('avoidableAnnual', analysis.annual.avoidable)], ['saved']],
      [['Contracts that continue (the rows marked committed)'], [amount('committedAnnual', analysis.annual.committed)], ['continues']],
    ];
  blocks.push({
    table: {
      columns: [{ heading: '', align: 'left' }, { heading: '£', align: 'right' }, { heading: 'If the council leaves', align: 'centre' }],
      rows,
      total: [['Total'], [amount('totalAnnual', analysis.annual.total)], []],
    },
  });
  const ends = analysis.rows.some((row) => row.endsOn !== undefined);
  blocks.push({
    paragraph: [
      'By withdrawing from the partnership the council would save only the costs marked saved above: ', money('avoidableAnnual', analysis.annual.avoidable), ' a year. ',
      'The other ', money('committedAnnual', analysis.annual.committed), ' a year pays for contracts the council holds through the partnership; ',
      ends ? 'they continue whether it stays or leaves, until each contract ends.' : 'they continue whether it stays or leaves.',
    ],
  });

  // Notice.
  blocks.push({
    paragraph: [
      'The partnership agreement requires ', fig('noticeMonths', 'count', a.noticeMonths), ' months\' written notice. ',
      'Notice served on ', fig('noticeServedOn', 'date', a.noticeServedOn), ' would expire on ', fig('noticeExpires', 'date', savings.noticeExpiresOn),
      '. The council pays its contribution until then, for the part of the year up to that day in the year notice expires.',
    ],
  });

  // The saving, year by year, and its present value.
  blocks.push({ paragraph: ['The saving in each financial year, against staying in the partnership, is:'] });
  blocks.push({
    table: {
      columns: [{ heading: 'Financial year', align: 'left' }, { heading: 'Saving £', align: 'right' }, { heading: 'Present value £', align: 'right' }],
      rows: years.map((year, t) => [
        [fig('financialYears', 'text', fyLabel(year.fy), t + 1)],
        [amount('saving', year.saving, t + 1)],
        [amount('presentValue', year.presentValue, t + 1)],
      ]),
      total: [['Total'], [amount('totalSaving', savings.totalSaving)], [amount('npv', savings.npv)]],
    },
  });
  blocks.push({
    paragraph: [
      'Over the ', fig('financialYears', 'count', years.length, 'count'), ' financial years from ', firstFy, ' to ', lastFy,
      ' the saving comes to ', money('totalSaving', savings.totalSaving), '. ',
      'Its net present value, what those savings are worth in today\'s money with each later year discounted at ',
      fig('discountRate', 'rate', a.discountRate), ' a year on HM Treasury\'s Green Book schedule, is ', money('npv', savings.npv), '. ',
      {
        if: fig('prices', 'text', a.prices), is: 'real',
        then: ['The figures are at ', baseFy, ' prices.'],
        otherwise: ['The figures are cash amounts; the present value turns them into ', baseFy, ' prices with the GDP deflator before discounting.'],
      },
    ],
  });

  // The ways of withdrawing, when more than the plain one the scenario describes were appraised:
  // several, or one with costs of leaving.
  const { options } = appraisal.options;
  const preferred = preferredChoice(appraisal.options);
  if (a.options.length > 1 || a.options.some((o) => o.exitCosts.length > 0 || o.replacementCosts.length > 0)) {
    blocks.push({ heading: 'Ways of withdrawing' });
    blocks.push({
      paragraph: [
        'Each way of withdrawing was appraised against staying in the partnership (the base case), counting its costs of leaving ',
        'with an allowance for optimism bias, the Green Book\'s uplift for costs that turn out higher than planned:',
      ],
    });
    blocks.push({
      table: {
        columns: [{ heading: 'Way of withdrawing', align: 'left' }, { heading: 'Net present value £', align: 'right' }],
        rows: options.map((option, i) => [[fig('optionNames', 'text', option.option.name, i + 1)], [amount('optionNpvs', option.npv, i + 1)]]),
      },
    });
  }
  blocks.push({
    paragraph: [
      'The preferred choice, the one with the highest net present value against staying, is: ', fig('preferredOption', 'text', preferred.name),
      ' (', money('preferredNpv', preferred.npv), ').',
    ],
  });

  // What would change the decision: the switching values the sheet keeps live, those of the amounts and the optimism bias.
  const switching = appraisal.switchingValues.map((v, k) => ({ v, k: k + 1 })).filter(({ v }) => keyInput(v.input).linear);
  if (switching.length > 0) {
    blocks.push({ heading: 'What would change the decision' });
    // Words that hold whatever the values: which input comes nearest, and which way, change with them.
    blocks.push({ paragraph: ['The decision would change if one of these inputs, all else held, reached the value shown (its switching value):'] });
    blocks.push({
      table: {
        columns: [{ heading: 'Input', align: 'left' }, { heading: 'Changes it at', align: 'right' }],
        rows: switching.map(({ v, k }) => [[inputHeading(v.input)], [fig('switchingValues', SWITCH_SHOW[keyInput(v.input).unit], v.value ?? (v.base === undefined ? lacking(keyInput(v.input)) : 'none in range'), k)]]),
      },
    });
  }

  // Membership: what happens to the cost of staying as others leave.
  blocks.push({ heading: 'Membership' });
  const membership: Part[] = [];
  if (a.partners.inBaseYear !== undefined) {
    membership.push(
      fig('membersInBaseYear', 'count', a.partners.inBaseYear), ' members, the council among them, pay into the partnership in ', baseFy,
      '; ', fig('leaverNames', 'count', a.partners.leavers.length, 'count'), ' other partners are expected to leave. ',
    );
  }
  const stayFirst = money('costIfStaying', years[0].stay, 1);
  const stayLast = money('costIfStaying', years[years.length - 1].stay, 'last');
  membership.push({
    if: fig('sharing', 'text', a.sharing), is: 'shared-pool',
    then: ['The core budget is shared among the members who remain, so if the council stays its contribution rises as others leave: from ', stayFirst, ' in ', firstFy, ' to ', stayLast, ' in ', lastFy, '.'],
    otherwise: ['Each member pays the same contribution whoever else leaves (the core team shrinks instead), so the council\'s cost of staying does not rise as partners leave: ', stayFirst, ' in ', firstFy, ' and ', stayLast, ' in ', lastFy, '.'],
  });
  blocks.push({ paragraph: membership });

  // The assumptions behind it.
  blocks.push({ heading: 'Assumptions' });
  blocks.push({
    paragraph: [
      'These figures rest on the following assumptions, each an input of the model that can be changed: costs as in ', baseFy,
      ', rising by ', fig('indexation', 'rate', a.indexation), ' a year; a horizon of ', fig('horizonYears', 'count', a.horizonYears),
      ' financial years; a discount rate of ', fig('discountRate', 'rate', a.discountRate), ' a year; and the ', fig('sharing', 'text', a.sharing),
      ' sharing model.',
    ],
  });
  return { title: 'Financial Implications', blocks };
}

/** An input as a table heads it: "Avoidable cost (a year)". */
function inputHeading(name: KeyInputName): string {
  const input = keyInput(name);
  const noun = input.noun.charAt(0).toUpperCase() + input.noun.slice(1);
  return `${noun}${input.perYear ? ' (a year)' : ''}`;
}
