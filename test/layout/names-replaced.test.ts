import { WorkbookName, namesClashing, namesReplaced, productSheets } from '../../src/layout/workbook-plan';

const OURS = new Set(['VfM Scenarios', 'Audit']);

describe('which names a run replaces', () => {
  it('finds the product\'s sheets by the markers of the workbook\'s scope only, never by a copy\'s own', () => {
    const names: WorkbookName[] = [
      { name: 'VfM_Sheet_Scenarios', sheet: 'VfM Scenarios', formula: "'VfM Scenarios'!$A$1" },
      { name: 'VfM_Sheet_Scenarios', sheet: 'Snapshot Oct 2012', formula: "'Snapshot Oct 2012'!$A$1", scope: 'Snapshot Oct 2012' },
    ];
    expect(productSheets(names)).toEqual(new Set(['VfM Scenarios']));
  });

  it('removes the names that refer to the product\'s sheets by their whole names, and no other', () => {
    const names: WorkbookName[] = [
      { name: 'MyAuditTotal', sheet: 'InternalAudit', formula: 'InternalAudit!$B$2' },
      { name: 'MyRunDate', sheet: 'Audit', formula: 'audit!$B$4' },
      { name: 'MyMix', sheet: 'Costs', formula: "SUM(Costs!B2,'VfM Scenarios'!C5)" },
      { name: 'MyText', sheet: '', formula: '"Audit!B4"' },
      { name: 'VfM_NPV', sheet: 'VfM Scenarios', formula: "'VfM Scenarios'!$C$30" },
      { name: 'VfM_Indexation', sheet: '', formula: '#REF!$C$19' },
      { name: 'VfM_Prices', sheet: 'Snapshot', formula: 'Snapshot!$C$21', scope: 'Snapshot' },
      { name: '_xlnm.Print_Area', sheet: 'Audit', formula: 'Audit!$A$1:$G$9', scope: 'Audit' },
    ];
    expect(namesReplaced(names, OURS)).toEqual([{ name: 'MyRunDate' }, { name: 'MyMix' }, { name: 'VfM_NPV' }, { name: 'VfM_Indexation' }]);
    expect(namesClashing(names, OURS)).toEqual([]);
  });

  it('finds the user\'s own names spelt as the product\'s, at the workbook\'s scope, whatever their case', () => {
    const names: WorkbookName[] = [
      { name: 'vfm_discountrate', sheet: 'My Inputs', formula: "'My Inputs'!$B$2" },
      { name: 'VfM_NPV', sheet: '', formula: '0.035' },
      { name: 'VfM_MyOwn', sheet: 'My Inputs', formula: "'My Inputs'!$B$3" },
      { name: 'VfM_Prices', sheet: 'Snapshot', formula: 'Snapshot!$C$21', scope: 'Snapshot' },
    ];
    expect(namesClashing(names, OURS).map((n) => n.name)).toEqual(['vfm_discountrate', 'VfM_NPV']);
    expect(namesReplaced(names, OURS)).toEqual([]);
  });
});
