// The model's checks, in one list. Each has its name (as the JSON summary and the audit sheet give
// it), its words (as the scenario sheet labels it), the formula the sheet checks it with, over the
// model's named quantities, and, where the core can find it failing, the core's verdict on the run.
// The scenario sheet's checks block, the core's checks and (next) verification all read this list.
import { CostTableInfo, Subtotal, subtotalTies } from './cost-table';
import { quote } from './limits';
import { SHARING_MODELS } from './membership';
import { PRICE_BASES } from './real-prices';
import { Money, add, formatMoney, subtract } from './money';
import { TieOut } from './tie-out';

/** The quantities a check's formula compares, each a named cell or range of the model. */
export type CheckQuantity = 'statedTotal' | 'totalAnnual' | 'avoidableAnnual' | 'committedAnnual' | 'amounts' | 'classes' | 'sharing' | 'membersInBaseYear'
  | 'prices' | 'gdpDeflator' | 'deflatorRates';

/** What the core's verdicts read: the table and the year's amounts. */
export interface CheckFacts {
  readonly table: CostTableInfo;
  readonly tieOut: TieOut;
  readonly total: Money;
  readonly avoidable: Money;
  readonly committed: Money;
}

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface CheckSpec {
  readonly name: string;
  readonly words: string;
  /**
   * The sheet's formula, TRUE when the check passes.
   * @param names each quantity's defined name
   * @param text a text as a literal in a formula
   */
  readonly formula: (names: Readonly<Record<CheckQuantity, string>>, text: (value: string) => string) => string;
  /** The core's verdict. Absent where the core refuses such input before it runs, so only an edited sheet can fail the check. */
  readonly core?: (facts: CheckFacts) => Omit<Check, 'name'>;
}

export const CHECKS: readonly CheckSpec[] = [
  {
    name: 'tieOut',
    words: 'The rows tie out to the stated total',
    // Blank when the table has no total row; a stated total that is no longer a number shows its error.
    formula: (n) => `IF(ISBLANK(${n.statedTotal}),TRUE,ROUND(${n.totalAnnual}-${n.statedTotal},2)=0)`,
    core: ({ table, tieOut, total }) => ({
      ok: tieOut.status !== 'mismatch',
      detail: {
        ok: `rows sum to the stated total ${formatMoney(total)} in ${table.statedTotal?.cell}`,
        absent: 'no total row to tie out to',
        mismatch: `rows sum to ${formatMoney(total)}; the stated total in ${table.statedTotal?.cell} is ${formatMoney(table.statedTotal?.amount ?? total)} (difference ${tieOut.status === 'mismatch' ? formatMoney(tieOut.difference) : ''})`,
      }[tieOut.status],
    }),
  },
  {
    name: 'avoidablePlusCommittedEqualsTotal',
    words: 'Avoidable + committed = total',
    formula: (n) => `ROUND(${n.avoidableAnnual}+${n.committedAnnual}-${n.totalAnnual},2)=0`,
    core: ({ avoidable, committed, total }) => {
      const split = add(avoidable, committed);
      return {
        ok: split === total,
        detail: `${formatMoney(avoidable)} + ${formatMoney(committed)} = ${formatMoney(split)}; total ${formatMoney(total)}${split === total ? '' : ` (off by ${formatMoney(subtract(split, total))})`}`,
      };
    },
  },
  {
    name: 'amountsAreNumbers',
    words: 'Every amount is a number',
    formula: (n) => `COUNT(${n.amounts})=ROWS(${n.amounts})`,
  },
  {
    name: 'classesAreKnown',
    words: 'Every class is avoidable or committed',
    formula: (n, text) => `COUNTIF(${n.classes},${text('avoidable')})+COUNTIF(${n.classes},${text('committed')})=ROWS(${n.classes})`,
  },
  {
    name: 'sharingIsKnown',
    words: 'The sharing model is one of the two',
    formula: (n, text) => `OR(${SHARING_MODELS.map((model) => `${n.sharing}=${text(model)}`).join(',')})`,
  },
  {
    name: 'sharedPoolHasMembers',
    words: 'Shared-pool has the members paying in the base year',
    formula: (n, text) => `OR(${n.sharing}<>${text('shared-pool')},ISNUMBER(${n.membersInBaseYear}))`,
  },
  {
    name: 'pricesAreKnown',
    words: 'The price basis is real or nominal',
    formula: (n, text) => `OR(${PRICE_BASES.map((basis) => `${n.prices}=${text(basis)}`).join(',')})`,
  },
  {
    name: 'nominalPricesHaveDeflator',
    words: 'Nominal prices have a GDP deflator',
    formula: (n, text) => `OR(${n.prices}<>${text('nominal')},ISNUMBER(${n.gdpDeflator}),COUNT(${n.deflatorRates})>0)`,
  },
];

/** The name of a subtotal's check: one for each subtotal the table holds. */
export const subtotalCheckName = (subtotal: Subtotal) => `subtotal ${subtotal.cell}`;

/** A subtotal agrees with the cost rows it covers (since the previous heading or subtotal). */
export function subtotalCheck(subtotal: Subtotal): Check {
  const rows = subtotal.rows.length === 1 ? '1 row comes' : `${subtotal.rows.length} rows come`;
  return {
    name: subtotalCheckName(subtotal),
    ok: subtotalTies(subtotal),
    detail: `${quote(subtotal.label)} in ${subtotal.cell} is ${formatMoney(subtotal.amount)}; its ${rows} to ${formatMoney(subtotal.sum)}${subtotalTies(subtotal) ? '' : ` (difference ${formatMoney(subtract(subtotal.amount, subtotal.sum))})`}`,
  };
}

/** The core's verdicts on a run: each check of the list it can find failing, and each subtotal's. */
export function checksOf(facts: CheckFacts): Check[] {
  return [
    ...CHECKS.flatMap((check) => (check.core ? [{ name: check.name, ...check.core(facts) }] : [])),
    ...facts.table.subtotals.map(subtotalCheck),
  ];
}
