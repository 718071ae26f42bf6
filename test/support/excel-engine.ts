// Excel's calculation for the fake Excel (test/fake-office, its `evaluate` option): each formula of
// the fake workbook worked out, over its cells and names, by the product's evaluator of the
// formulas it writes (src/core/formula-values.ts), which test/libreoffice/verify-saved-values.test.ts
// and the other LibreOffice tests hold to LibreOffice's values on every cell. A test of the Office
// host's reading and checking, not of the arithmetic, then sees every formula calculated as Excel
// would, instead of the fake's 0 for a formula it does not know.
import { FormulaCells, FormulaEvaluator, UnknownValue, formulaEvaluator } from '../../src/core/formula-values';
import { parseRange, sheetOfReference } from '../../src/core/cell';
import type { FakeExcel } from '../fake-office';
import type { Evaluate } from '../fake-office/options';

/**
 * An `evaluate` for `createFakeExcel` that calculates every formula of `fake()`'s workbook, after
 * `first` (the values a test gives some cells, as Excel's engine would) where it gives one. A
 * calculation reads the workbook once: its values are kept until the calculation is over.
 */
export function excelEngine(fake: () => FakeExcel, first: Evaluate = () => undefined): Evaluate {
  let current: FormulaEvaluator | undefined;
  const evaluator = () => {
    if (current) return current;
    const workbook = fake().workbook;
    const names = workbook.names();
    const cells: FormulaCells = {
      cell(sheet, row, column) {
        if (!workbook.hasSheet(sheet)) throw new UnknownValue(`no sheet ${sheet}`);
        const held = workbook.sheet(sheet).held(row, column);
        if (held === undefined) return null;
        return 'formula' in held ? { formula: held.formula.replace(/^=/, '') } : held.value;
      },
      name(name) {
        const entry = Object.entries(names).find(([n]) => n.toLowerCase() === name.toLowerCase());
        if (!entry) return undefined;
        const reference = entry[1].replace(/^=/, '');
        const range = parseRange(reference.slice(reference.lastIndexOf('!') + 1));
        return range && { sheet: sheetOfReference(reference), ...range };
      },
    };
    current = formulaEvaluator(cells);
    // One calculation is one synchronous pass over the workbook: the next reads it afresh.
    queueMicrotask(() => { current = undefined; });
    return current;
  };
  return (formula, at) => {
    const given = first(formula, at);
    if (given !== undefined) return given;
    const { top, left } = parseRange(at.address)!;
    try {
      const value = evaluator().value(at.sheet, top, left);
      if (value === null) return 0;
      return typeof value === 'object' ? value.error : value;
    } catch (error) {
      if (error instanceof UnknownValue) return undefined;
      throw error;
    }
  };
}
