// Showing the user a sheet of the open workbook.

/** Activates the sheet and selects its A1, in one round trip. */
export async function showSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.activate();
  sheet.getRange('A1').select();
  await context.sync();
}
