// Applies a layout plan to an exceljs workbook and saves it. Every decision about what to write is
// in the plan; this file only knows how exceljs writes it.
import ExcelJS from 'exceljs';
import { absoluteReference, rangeA1, sheetOfReference } from '../../core/cell';
import { Content, Style, WorkbookPlan } from '../../layout/plan';
import { Workbook } from './read-workbook';

/** The workbook's defined names with the sheet each refers to. */
export function definedNames(workbook: Workbook): { name: string; sheet: string }[] {
  return workbook.definedNames.model.flatMap((entry) => entry.ranges.map((range) => ({ name: entry.name, sheet: sheetOfReference(range) })));
}


const argb = (hex: string) => ({ argb: `FF${hex.slice(1).toUpperCase()}` });

function cellValue(content: Content): ExcelJS.CellValue {
  if (content === null) return null;
  if ('text' in content) return content.text; // exceljs stores a string as text, whatever it starts with
  if ('number' in content) return content.number;
  return { formula: content.formula } as ExcelJS.CellFormulaValue;
}

function excelStyle(style: Style, numFmt: string | undefined): Partial<ExcelJS.Style> {
  return {
    numFmt,
    font: { name: 'Calibri', size: style.size ?? 11, bold: style.bold, italic: style.italic, color: style.color ? argb(style.color) : undefined },
    fill: style.fill ? { type: 'pattern', pattern: 'solid', fgColor: argb(style.fill) } : { type: 'pattern', pattern: 'none' },
    border: {
      ...(style.borderTop ? { top: { style: style.borderTop } } : {}),
      ...(style.borderBottom ? { bottom: { style: style.borderBottom } } : {}),
    },
    alignment: { horizontal: style.horizontal, wrapText: style.wrap, vertical: style.wrap ? 'top' : undefined },
  };
}

/**
 * One style object per (style, number format), shared by every cell that has them: exceljs knows a
 * style it has seen by the object, so a hundred thousand alike cells cost one style, not a hundred
 * thousand. The objects are never changed once made.
 */
function styleCache(styles: WorkbookPlan['styles']) {
  const made = new Map<string, Partial<ExcelJS.Style>>();
  return (styleName: string, numFmt: string | undefined) => {
    const key = `${styleName}|${numFmt ?? ''}`;
    let style = made.get(key);
    if (!style) made.set(key, (style = Object.freeze(excelStyle(styles[styleName], numFmt))));
    return style;
  };
}

/** exceljs takes a validation over a whole range this way (its typings omit it). */
type WithValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };


export function applyPlan(workbook: Workbook, plan: WorkbookPlan): void {
  const shared = styleCache(plan.styles);
  const removed = new Set(plan.remove);
  for (const name of plan.remove) {
    const sheet = workbook.getWorksheet(name);
    if (sheet) workbook.removeWorksheet(sheet.id);
  }
  // Names pointing into removed sheets go with them; names the plan defines are replaced.
  const replaced = new Set(plan.names.map((n) => n.name));
  workbook.definedNames.model = workbook.definedNames.model
    .filter((entry) => !replaced.has(entry.name))
    .map((entry) => ({ ...entry, ranges: entry.ranges.filter((range) => !removed.has(sheetOfReference(range))) }))
    .filter((entry) => entry.ranges.length > 0);

  for (const planned of plan.sheets) {
    const sheet = workbook.addWorksheet(planned.name, {
      properties: planned.tabColor ? { tabColor: argb(planned.tabColor) } : {},
      views: planned.freeze ? [{ state: 'frozen', xSplit: planned.freeze.columns, ySplit: planned.freeze.rows }] : [],
      pageSetup: planned.printLandscapeFitToWidth ? { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {},
    });
    planned.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    for (const block of planned.blocks) {
      block.rows.forEach((contents, r) => {
        const row = sheet.getRow(block.top + r);
        contents.forEach((content, c) => {
          const cell = row.getCell(block.left + c);
          if (content !== null) cell.value = cellValue(content);
          cell.style = shared(block.style, block.formats?.[c]);
        });
      });
    }
    for (const paint of planned.paints) {
      for (let r = paint.top; r <= paint.bottom; r++) {
        const row = sheet.getRow(r);
        for (let c = paint.left; c <= paint.right; c++) {
          const cell = row.getCell(c);
          cell.style = shared(paint.style, cell.style?.numFmt);
        }
      }
    }
    for (const v of planned.validations) {
      (sheet as unknown as WithValidations).dataValidations.add(rangeA1(v), {
        type: 'list', allowBlank: false, formulae: [`"${v.allowed.join(',')}"`], showErrorMessage: true, errorTitle: 'Not allowed', error: `Choose ${v.allowed.join(' or ')}`,
      });
    }
  }
  for (const name of plan.names) workbook.definedNames.add(absoluteReference(name.sheet, name), name.name);
  // Excel recalculates every formula on opening, since the file holds no results for them.
  workbook.calcProperties.fullCalcOnLoad = true;
}

/** Writes the file as named; the caller makes it whole or nothing (`writeFilesWhole` in hosts/files). */
export async function saveWorkbook(workbook: Workbook, file: string): Promise<void> {
  await workbook.xlsx.writeFile(file);
}
