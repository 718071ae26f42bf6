import { assumptionsFromInputs } from '../../src/layout/read-back';

describe('reading a previous run back from its input cells', () => {
  it('turns the named inputs into assumptions: dates from serials, leavers from their rows, changed classes into overrides', () => {
    expect(assumptionsFromInputs({
      VfM_BaseYear: [[2011]],
      VfM_NoticeServedOn: [[41201]], // 19 Oct 2012
      VfM_NoticeMonths: [[24]],
      VfM_FyStartMonth: [[4]],
      VfM_HorizonYears: [[5]],
      VfM_Indexation: [[0]],
      VfM_DiscountRate: [[0.035]],
      VfM_Sharing: [['shared-pool']],
      VfM_MembersInBaseYear: [[10]],
      VfM_LeaverNames: [['Tamworth'], ['Newcastle'], [''], ['']],
      VfM_LeaversOn: [[41274], [41364], [''], ['']], // 31 Dec 2012, 31 Mar 2013
      VfM_Items: [['Core Team'], ['CRM'], ['Epayments']],
      VfM_Classes: [['avoidable'], ['avoidable'], ['committed']],
    })).toEqual({
      baseYear: 2011,
      noticeServedOn: '2012-10-19',
      noticeMonths: 24,
      fyStartMonth: 4,
      horizonYears: 5,
      indexation: 0,
      discountRate: 0.035,
      sharing: 'shared-pool',
      partners: { inBaseYear: 10, leavers: [{ name: 'Tamworth', leavesOn: '2012-12-31' }, { name: 'Newcastle', leavesOn: '2013-03-31' }] },
      overrides: { CRM: 'avoidable' },
    });
  });

  it('leaves out what the sheets do not hold, and keeps a half-filled leaver so that validation names it', () => {
    expect(assumptionsFromInputs({ VfM_MembersInBaseYear: [['']], VfM_LeaverNames: [['Tamworth']], VfM_LeaversOn: [['']] })).toEqual({
      partners: { leavers: [{ name: 'Tamworth', leavesOn: '' }] },
    });
    expect(assumptionsFromInputs({})).toEqual({});
  });

  it('reads the price basis and the GDP deflator back: one rate, or the rates by FY with the rate of the other years', () => {
    expect(assumptionsFromInputs({ VfM_Prices: [['nominal']], VfM_GdpDeflator: [[0.02]], VfM_DeflatorYears: [[''], ['']], VfM_DeflatorRates: [[''], ['']] }))
      .toEqual({ prices: 'nominal', gdpDeflator: 0.02 });
    expect(assumptionsFromInputs({ VfM_Prices: [['nominal']], VfM_GdpDeflator: [[0.02]], VfM_DeflatorYears: [[2013], [2014], ['']], VfM_DeflatorRates: [[0.021], [0.019], ['']] }))
      .toEqual({ prices: 'nominal', gdpDeflator: { 2013: 0.021, 2014: 0.019, otherYears: 0.02 } });
    expect(assumptionsFromInputs({ VfM_Prices: [['real']], VfM_GdpDeflator: [['']], VfM_DeflatorYears: [[2013]], VfM_DeflatorRates: [['']] }))
      .toEqual({ prices: 'real', gdpDeflator: { 2013: '' } });
    expect(assumptionsFromInputs({ VfM_Prices: [['real']], VfM_GdpDeflator: [['']] })).toEqual({ prices: 'real' });
  });
});

describe('reading the ways of withdrawing back', () => {
  it('gives each option with its own cells and its costs of leaving, matched to it by name as the sheet matches it', () => {
    expect(assumptionsFromInputs({
      VfM_OptionNames: [['Withdraw now'], ['Withdraw a year later'], [''], ['']],
      VfM_OptionNoticeServedOn: [[41201], [41566], [''], ['']], // 19 Oct 2012, 19 Oct 2013
      VfM_OptionNoticeMonths: [[24], [24], [''], ['']],
      VfM_OptionOptimismBias: [[0.41], [0], [''], ['']],
      VfM_CostLabels: [['Disaggregation'], ['Support'], ['Orphan'], ['Odd kind'], ['']],
      VfM_CostOptions: [['withdraw NOW'], ['Withdraw now'], ['No such option'], ['Withdraw now'], ['']],
      VfM_CostKinds: [['exit'], ['replacement'], ['exit'], ['bonus'], ['']],
      VfM_CostAmounts: [[5000], [6000], [1], [2], ['']],
      VfM_CostExitFYs: [[2014], [''], [''], [''], ['']],
      VfM_CostMonths: [[''], [18], [''], [''], ['']],
      VfM_CostShares: [[''], [0.75], [''], [''], ['']],
    }).options).toEqual([
      {
        name: 'Withdraw now', noticeServedOn: '2012-10-19', noticeMonths: 24, optimismBias: 0.41,
        exitCosts: [{ label: 'Disaggregation', amount: 5000, fy: 2014 }],
        replacementCosts: [{ label: 'Support', annual: 6000, months: 18, share: 0.75 }],
      },
      { name: 'Withdraw a year later', noticeServedOn: '2013-10-19', noticeMonths: 24, optimismBias: 0, exitCosts: [], replacementCosts: [] },
    ]);
  });
});
