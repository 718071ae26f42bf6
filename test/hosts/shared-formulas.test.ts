// Shared formulas, as Excel saves a run of like formulas: each cell of the group reads as its own
// formula, the first cell's text with its relative references moved.
import { shiftReferences } from '../../src/hosts/xlsx/read-package';

describe('a shared formula moved to another cell of its group', () => {
  it('moves relative references, and leaves anchored parts, text, quoted sheet names, names and functions alone', () => {
    expect(shiftReferences('D12-D11', 0, 2)).toBe('F12-F11');
    expect(shiftReferences('$C$5*D$7+$D8', 3, 1)).toBe('$C$5*E$7+$D11');
    expect(shiftReferences('ROUND(SUM(D20:H20),2)', 1, 0)).toBe('ROUND(SUM(D21:H21),2)');
    expect(shiftReferences("'VfM Cost Rows'!B9*VfM_SourceUnit", 2, 0)).toBe("'VfM Cost Rows'!B11*VfM_SourceUnit");
    expect(shiftReferences('IF(A1="B2 and C3",LOG10(A1),VfM_NPV)', 1, 1)).toBe('IF(B2="B2 and C3",LOG10(B2),VfM_NPV)');
    expect(shiftReferences("Q1!A1+'Q2'!B2", 1, 0)).toBe("Q1!A2+'Q2'!B3");
    expect(shiftReferences('Z9+AA9', 0, 1)).toBe('AA9+AB9');
  });
});
