// docs/conventions.md, "The seed with costs of leaving": the timeline and the two options, typed
// from there, which the core's tests of the options appraisal share.
import { parseIsoDate } from '../../src/core/calendar-date';
import { financialYear } from '../../src/core/financial-year';
import { Exact, pence } from '../../src/core/money';
import { WithdrawOption } from '../../src/core/options';

export const d = (text: string) => parseIsoDate(text)!;
/** The five FYs from 2012/13, the year notice is served in. */
export const YEARS = [2012, 2013, 2014, 2015, 2016].map((y) => financialYear(y));

export const WITHDRAW_NOW: WithdrawOption = {
  name: 'Withdraw now',
  noticeServedOn: d('2012-10-19'),
  noticeMonths: 24,
  exitCosts: [{ label: 'Disaggregation', amount: pence(500_000), fy: financialYear(2014) }],
  replacementCosts: [{ label: 'CRM and e-payments support', annual: pence(600_000) }],
  optimismBias: new Exact(0),
};
export const A_YEAR_LATER: WithdrawOption = { name: 'Withdraw a year later', noticeServedOn: d('2013-10-19'), noticeMonths: 24, exitCosts: [], replacementCosts: [], optimismBias: new Exact(0) };
