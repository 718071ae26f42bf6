// The cells merged blocks cover are emptied as Excel shows them, all but each block's top-left,
// each block costing only the cells it meets: a merged block on every row reads as one does.
import { CellValue } from '../../src/core/cell';
import { emptyMergedCells } from '../../src/hosts/xlsx/source-workbook';

describe('emptyMergedCells', () => {
  it('keeps the top-left cell of each block, empties the others and ends each row at its last value', () => {
    // Rows 2 to 4 of columns B to E; C2:E2 merged (a note across columns), B3:B4 merged (across rows).
    const values: CellValue[][] = [
      ['Core team', 'note', 'stray', 'stray'],
      ['Licence', 'x'],
      ['y', 'Support'],
    ];
    emptyMergedCells(values, 2, 2, [{ top: 2, left: 3, bottom: 2, right: 5 }, { top: 3, left: 2, bottom: 4, right: 2 }]);
    expect(values).toEqual([['Core team', 'note'], ['Licence', 'x'], [null, 'Support']]);
  });

  it('leaves the rows alone without blocks, and takes blocks reaching past the rows read', () => {
    const values: CellValue[][] = [['a', 'b'], ['c']];
    emptyMergedCells(values, 1, 1, []);
    expect(values).toEqual([['a', 'b'], ['c']]);
    emptyMergedCells(values, 1, 1, [{ top: 1, left: 2, bottom: 1_048_576, right: 16_384 }]);
    expect(values).toEqual([['a', 'b'], ['c']]);
    emptyMergedCells(values, 1, 1, [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }]);
    expect(values).toEqual([['a'], []]);
  });

});
