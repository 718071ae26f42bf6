// Showing the user a sheet of the open workbook.

/** Activates the sheet and selects its A1, in one round trip. */
export async function showSheet(context: Excel.RequestContext, name: string): Promise<void> {
  await showCell(context, name, 'A1');
}

/** Activates the sheet and selects the cell at `address`, in one round trip. */
export async function showCell(context: Excel.RequestContext, name: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}
