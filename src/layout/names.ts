// Every defined name the product writes, in one table: what it means, the sheet the layout puts it
// on, its shape, and the assumption it carries, if any. The layout defines names and writes
// formulas through this table, reading a previous run back uses it, and so will verification.
import { AssumptionName } from '../core/assumptions';

/** The product's sheets, by their part in the model. */
export type SheetRole = 'scenarios' | 'options' | 'report' | 'costRows' | 'audit';

export interface NameEntry {
  /** The name as Excel holds it. */
  readonly name: `VfM_${string}`;
  readonly sheet: SheetRole;
  /** One cell, a column of cells, a row of one cell a financial year, or a table of rows. */
  readonly shape: 'cell' | 'column' | 'row' | 'block';
  readonly means: string;
  /** The assumption whose value these cells hold: read back as it on the next run. */
  readonly carries?: AssumptionName;
  /** Cells that hold dates (as serial numbers). */
  readonly dates?: true;
}

export const NAMES = {
  // Marker names: each points at A1 of a product sheet and so finds it, whatever the user renames it to.
  scenariosSheet: { name: 'VfM_Sheet_Scenarios', sheet: 'scenarios', shape: 'cell', means: 'marks the scenario sheet (its A1)' },
  costRowsSheet: { name: 'VfM_Sheet_CostRows', sheet: 'costRows', shape: 'cell', means: 'marks the cost-rows sheet (its A1)' },
  auditSheet: { name: 'VfM_Sheet_Audit', sheet: 'audit', shape: 'cell', means: 'marks the audit sheet (its A1)' },
  optionsSheet: { name: 'VfM_Sheet_Options', sheet: 'options', shape: 'cell', means: 'marks the options sheet (its A1)' },
  reportSheet: { name: 'VfM_Sheet_Report', sheet: 'report', shape: 'cell', means: 'marks the report sheet, the committee paragraph (its A1)' },

  // Inputs on the scenario sheet, each the cell of an assumption.
  baseYear: { name: 'VfM_BaseYear', sheet: 'scenarios', shape: 'cell', means: 'the calendar year the base financial year starts in', carries: 'baseYear' },
  noticeServedOn: { name: 'VfM_NoticeServedOn', sheet: 'scenarios', shape: 'cell', means: 'the date notice is served', carries: 'noticeServedOn', dates: true },
  noticeMonths: { name: 'VfM_NoticeMonths', sheet: 'scenarios', shape: 'cell', means: 'the notice period in months', carries: 'noticeMonths' },
  fyStartMonth: { name: 'VfM_FyStartMonth', sheet: 'scenarios', shape: 'cell', means: 'the month the financial year starts in (1-12)', carries: 'fyStartMonth' },
  horizonYears: { name: 'VfM_HorizonYears', sheet: 'scenarios', shape: 'cell', means: 'the horizon in financial years', carries: 'horizonYears' },
  indexation: { name: 'VfM_Indexation', sheet: 'scenarios', shape: 'cell', means: 'indexation a year, as a fraction', carries: 'indexation' },
  discountRate: { name: 'VfM_DiscountRate', sheet: 'scenarios', shape: 'cell', means: 'the discount rate a year, as a fraction', carries: 'discountRate' },
  prices: { name: 'VfM_Prices', sheet: 'scenarios', shape: 'cell', means: 'the price basis of the costs: real (base-year prices) or nominal (cash)', carries: 'prices' },
  gdpDeflator: { name: 'VfM_GdpDeflator', sheet: 'scenarios', shape: 'cell', means: 'the GDP deflator a year of every financial year not listed, as a fraction (blank: not given)', carries: 'gdpDeflator' },
  deflatorYears: { name: 'VfM_DeflatorYears', sheet: 'scenarios', shape: 'column', means: 'the calendar year each financial year with a GDP deflator of its own starts in', carries: 'gdpDeflator' },
  deflatorRates: { name: 'VfM_DeflatorRates', sheet: 'scenarios', shape: 'column', means: 'the GDP deflator of each of those financial years, as a fraction', carries: 'gdpDeflator' },
  stprFrom: { name: 'VfM_StprFrom', sheet: 'scenarios', shape: 'column', means: 'the first year of each band of the Green Book\'s STPR schedule (a constant)' },
  stprStepDown: { name: 'VfM_StprStepDown', sheet: 'scenarios', shape: 'column', means: 'how far each band\'s rate lies below the discount rate, as a fraction (a constant)' },
  sharing: { name: 'VfM_Sharing', sheet: 'scenarios', shape: 'cell', means: 'the sharing model: fixed-contribution or shared-pool', carries: 'sharing' },
  membersInBaseYear: { name: 'VfM_MembersInBaseYear', sheet: 'scenarios', shape: 'cell', means: 'members paying in the base year, the council among them', carries: 'partners' },
  leaverNames: { name: 'VfM_LeaverNames', sheet: 'scenarios', shape: 'column', means: 'the names of the other partners leaving', carries: 'partners' },
  leaversOn: { name: 'VfM_LeaversOn', sheet: 'scenarios', shape: 'column', means: 'the date each of them leaves', carries: 'partners', dates: true },

  // The cost rows, linked to the source.
  totalAnnual: { name: 'VfM_TotalAnnual', sheet: 'costRows', shape: 'cell', means: 'the total of the cost rows a year' },
  avoidableAnnual: { name: 'VfM_AvoidableAnnual', sheet: 'costRows', shape: 'cell', means: 'the avoidable cost a year' },
  committedAnnual: { name: 'VfM_CommittedAnnual', sheet: 'costRows', shape: 'cell', means: 'the committed cost a year' },
  statedTotal: { name: 'VfM_StatedTotal', sheet: 'costRows', shape: 'cell', means: 'the total the source states (blank when none)' },
  sourceUnit: { name: 'VfM_SourceUnit', sheet: 'costRows', shape: 'cell', means: 'pounds in one unit of the source amounts: 1, or 1000 in a £000 table (an input)' },
  items: { name: 'VfM_Items', sheet: 'costRows', shape: 'column', means: 'each cost row\'s item label, which an override of its class names', carries: 'overrides' },
  amounts: { name: 'VfM_Amounts', sheet: 'costRows', shape: 'column', means: 'each cost row\'s amount, linked to the source' },
  classes: { name: 'VfM_Classes', sheet: 'costRows', shape: 'column', means: 'each cost row\'s class (an input)', carries: 'overrides' },
  contractEnds: { name: 'VfM_ContractEnds', sheet: 'costRows', shape: 'column', means: 'the day each cost row\'s contract ends (an input; blank: it runs on)', dates: true },

  // Workings and results on the scenario sheet.
  financialYears: { name: 'VfM_FinancialYears', sheet: 'scenarios', shape: 'row', means: 'the label of each financial year of the horizon' },
  membersAtStart: { name: 'VfM_MembersAtStart', sheet: 'scenarios', shape: 'row', means: 'members at the start of each financial year' },
  contributionPerMember: { name: 'VfM_ContributionPerMember', sheet: 'scenarios', shape: 'row', means: 'the contribution per member in each financial year' },
  costIfStaying: { name: 'VfM_CostIfStaying', sheet: 'scenarios', shape: 'row', means: 'the council\'s avoidable cost in each year if it stays' },
  costIfWithdrawing: { name: 'VfM_CostIfWithdrawing', sheet: 'scenarios', shape: 'row', means: 'what the council pays in each year if it withdraws' },
  saving: { name: 'VfM_Saving', sheet: 'scenarios', shape: 'row', means: 'the saving in each year' },
  discountFactors: { name: 'VfM_DiscountFactors', sheet: 'scenarios', shape: 'row', means: 'each year\'s discount factor on the STPR schedule' },
  realPriceFactors: { name: 'VfM_RealPriceFactors', sheet: 'scenarios', shape: 'row', means: 'each year\'s real-price factor: 1 with real prices' },
  presentValue: { name: 'VfM_PresentValue', sheet: 'scenarios', shape: 'row', means: 'the present value of each year\'s saving, in real prices' },
  committedCosts: { name: 'VfM_CommittedCosts', sheet: 'scenarios', shape: 'row', means: 'the committed costs of each year, which continue either way until their contracts end' },
  noticeExpires: { name: 'VfM_NoticeExpires', sheet: 'scenarios', shape: 'cell', means: 'the day notice expires' },
  totalSaving: { name: 'VfM_TotalSaving', sheet: 'scenarios', shape: 'cell', means: 'the saving over the horizon' },
  npv: { name: 'VfM_NPV', sheet: 'scenarios', shape: 'cell', means: 'the net present value of the saving' },
  masterCheck: { name: 'VfM_MasterCheck', sheet: 'scenarios', shape: 'cell', means: 'TRUE when every check passes' },

  // The options appraisal: its inputs, a row an option or a cost of leaving, and its results.
  optionNames: { name: 'VfM_OptionNames', sheet: 'options', shape: 'column', means: 'the name of each way of withdrawing', carries: 'options' },
  optionNoticeServedOn: { name: 'VfM_OptionNoticeServedOn', sheet: 'options', shape: 'column', means: 'the date each option serves notice', carries: 'options', dates: true },
  optionNoticeMonths: { name: 'VfM_OptionNoticeMonths', sheet: 'options', shape: 'column', means: 'each option\'s notice period in months', carries: 'options' },
  optionOptimismBias: { name: 'VfM_OptionOptimismBias', sheet: 'options', shape: 'column', means: 'each option\'s optimism bias on its costs of leaving', carries: 'options' },
  optionNoticeExpires: { name: 'VfM_OptionNoticeExpires', sheet: 'options', shape: 'column', means: 'the day each option\'s notice expires', dates: true },
  costLabels: { name: 'VfM_CostLabels', sheet: 'options', shape: 'column', means: 'what each cost of leaving is for', carries: 'options' },
  costOptions: { name: 'VfM_CostOptions', sheet: 'options', shape: 'column', means: 'the option that incurs each cost of leaving', carries: 'options' },
  costKinds: { name: 'VfM_CostKinds', sheet: 'options', shape: 'column', means: 'each cost of leaving\'s kind: exit or replacement', carries: 'options' },
  costAmounts: { name: 'VfM_CostAmounts', sheet: 'options', shape: 'column', means: 'each cost of leaving in pounds (a year, for replacement)', carries: 'options' },
  costExitFys: { name: 'VfM_CostExitFYs', sheet: 'options', shape: 'column', means: 'the year an exit cost is paid in (the calendar year its FY starts in; blank: the FY notice expires in)', carries: 'options' },
  costMonths: { name: 'VfM_CostMonths', sheet: 'options', shape: 'column', means: 'the months a replacement cost runs for (blank: to the horizon\'s end)', carries: 'options' },
  costShares: { name: 'VfM_CostShares', sheet: 'options', shape: 'column', means: 'the share of a replacement cost the council pays (blank: all)', carries: 'options' },
  costOptionNumbers: { name: 'VfM_CostOptionNumbers', sheet: 'options', shape: 'column', means: 'the option of each cost of leaving, by its number among the ways of withdrawing: the first whose name is the same, as = compares text (0: none)' },
  optionYears: { name: 'VfM_OptionYears', sheet: 'options', shape: 'row', means: 'the label of each financial year of the options\' timeline' },
  optionDiscountFactors: { name: 'VfM_OptionDiscountFactors', sheet: 'options', shape: 'row', means: 'each year\'s discount factor on the STPR schedule, on the options\' timeline' },
  optionRealPriceFactors: { name: 'VfM_OptionRealPriceFactors', sheet: 'options', shape: 'row', means: 'each year\'s real-price factor on the options\' timeline: 1 with real prices' },
  optionNpvs: { name: 'VfM_OptionNPVs', sheet: 'options', shape: 'column', means: 'each option\'s net present value against staying' },
  preferredOption: { name: 'VfM_PreferredOption', sheet: 'options', shape: 'cell', means: 'the preferred way: the option with the highest NPV above zero, else staying' },
  preferredNpv: { name: 'VfM_PreferredNPV', sheet: 'options', shape: 'cell', means: 'the preferred option\'s NPV against staying (0 when staying)' },
  switchingValues: { name: 'VfM_SwitchingValues', sheet: 'options', shape: 'column', means: 'the value each key input switches at, in the order of the switching values table (live for the amounts and the optimism bias)' },
  optionTablesCurrent: { name: 'VfM_OptionTablesCurrent', sheet: 'options', shape: 'cell', means: 'TRUE while the tornado and the switching values, as at the run, still hold' },
  optionsCheck: { name: 'VfM_OptionsCheck', sheet: 'options', shape: 'cell', means: 'TRUE when every check on the options sheet passes' },

  // The report's one working.
  baseFyLabel: { name: 'VfM_BaseFYLabel', sheet: 'report', shape: 'cell', means: 'the base year as its financial year\'s label, as the report\'s sentences name it' },

  // The audit trail.
  ranAt: { name: 'VfM_RanAt', sheet: 'audit', shape: 'cell', means: 'when the run happened, UK time with its offset' },
  sourceRange: { name: 'VfM_SourceRange', sheet: 'audit', shape: 'cell', means: 'the source sheet and range the cost rows were read from, as text' },
  fingerprint: { name: 'VfM_Fingerprint', sheet: 'audit', shape: 'cell', means: 'the SHA-256 fingerprint of the source values at the run' },
  runLog: { name: 'VfM_RunLog', sheet: 'audit', shape: 'block', means: 'the log of runs, oldest first, a row each: when, version, source fingerprint, inputs changed, preferred option, its NPV, the inputs' },
  sourceCells: { name: 'VfM_SourceCells', sheet: 'audit', shape: 'column', means: 'each source cell that held something at the run, by its address' },
  sourceValues: { name: 'VfM_SourceValues', sheet: 'audit', shape: 'column', means: 'the value each of those cells held at the run, as text' },
} as const satisfies Record<string, NameEntry>;

export type NameKey = keyof typeof NAMES;

/** Each name by its key, as formulas refer to it: `NAME.noticeServedOn` is `VfM_NoticeServedOn`. */
export const NAME = Object.fromEntries(Object.entries(NAMES).map(([key, entry]) => [key, entry.name])) as { readonly [K in NameKey]: (typeof NAMES)[K]['name'] };
