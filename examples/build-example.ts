// Builds examples/staffordshire-connects.xlsx from Section 3 ("Financial Implications") of the
// Cannock Chase Council cabinet report of 18 October 2012. Run: npm run example
import ExcelJS from 'exceljs';
import path from 'path';

export const SEED_ROWS: readonly [string, number][] = [
  ['Staffordshire Connects 2011/12 Core Team', 17800.0],
  ['CRM', 46648.63],
  ['Epayments', 9495.85],
  ['New Epayments', 44262.49],
  ['Customer Insight', 5483.25],
  ['Shared Email Directory', 845.0],
];
export const SEED_TOTAL = 124535.22;

export async function buildExample(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'VfM Scenarios example';
  workbook.created = new Date(Date.UTC(2012, 9, 18));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('Costs');
  sheet.columns = [{ width: 46 }, { width: 14 }];

  sheet.getCell('A1').value = 'Staffordshire Connects Partnership: payments 2011/12';
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = 'The payments to Staffs Connects for 2011-12 were made up of the following:';
  sheet.getCell('B4').value = '£';
  sheet.getCell('B4').alignment = { horizontal: 'right' };
  sheet.getRow(4).font = { bold: true };
  const first = 5;
  SEED_ROWS.forEach(([item, amount], i) => {
    sheet.getCell(`A${first + i}`).value = item;
    sheet.getCell(`B${first + i}`).value = amount;
  });
  const last = first + SEED_ROWS.length - 1;
  const totalRow = last + 1;
  sheet.getCell(`A${totalRow}`).value = 'Total (Exc VAT)';
  sheet.getCell(`B${totalRow}`).value = { formula: `SUM(B${first}:B${last})`, result: SEED_TOTAL } as ExcelJS.CellFormulaValue;
  sheet.getRow(totalRow).font = { bold: true };
  sheet.getCell(`B${totalRow}`).border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  for (let r = first; r <= totalRow; r++) sheet.getCell(`B${r}`).numFmt = '#,##0.00';
  sheet.getCell(`A${totalRow + 2}`).value =
    'Source: Cannock Chase Council, Cabinet, 18 October 2012, "Membership of the Staffordshire Connects Partnership", Section 3 Financial Implications.';
  sheet.getCell(`A${totalRow + 2}`).font = { italic: true, size: 9 };

  await workbook.xlsx.writeFile(file);
}

if (require.main === module) {
  const file = path.join(__dirname, 'staffordshire-connects.xlsx');
  buildExample(file).then(() => console.log(`wrote ${file}`));
}
