// Excel's own failures, as the fake models them: cell-edit mode, a busy or throttled Excel, a request
// failing part-way, an add-in closed mid-request, protection and a read-only workbook.
import { FakeExcel, createFakeExcel } from './index';

function costs(): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('Costs', [['Item', 'Amount'], ['Rent', 17800]]);
  return fake;
}

/** One request: A3 written and the sheet names read. */
const writeAndRead = (fake: FakeExcel) => fake.Excel.run(async (context) => {
  context.workbook.worksheets.getItem('Costs').getRange('A3').values = [['Rates']];
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  return sheets.items.map((s) => s.name);
});

describe('cell-edit mode', () => {
  it('refuses every request whole while the user edits a cell, in Excel\'s words, and runs them again once they stop', async () => {
    const fake = costs();
    fake.editCell();
    const refused = await writeAndRead(fake).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'RichApi.Error', code: 'InvalidOperationInCellEditMode', message: expect.stringMatching(/Edit cell mode/) });
    expect(fake.workbook.sheet('Costs').values('A3:A3')).toEqual([['']]);
    expect(fake.counters.syncs.map((sync) => sync.error)).toEqual(['InvalidOperationInCellEditMode']);
    fake.editCell(false);
    await expect(writeAndRead(fake)).resolves.toEqual(['Costs']);
    expect(fake.workbook.sheet('Costs').values('A3:A3')).toEqual([['Rates']]);
  });
});

describe('a busy or throttled Excel', () => {
  it('refuses the next requests whole with the code asked, then answers again', async () => {
    const fake = costs();
    fake.refuseNext('ActivityLimitReached', 2);
    await expect(writeAndRead(fake)).rejects.toMatchObject({ code: 'ActivityLimitReached', message: 'Activity limit has been reached.' });
    await expect(writeAndRead(fake)).rejects.toMatchObject({ code: 'ActivityLimitReached' });
    expect(fake.workbook.sheet('Costs').values('A3:A3')).toEqual([['']]);
    await expect(writeAndRead(fake)).resolves.toEqual(['Costs']);
    expect(fake.counters.syncs.map((sync) => sync.error ?? 'ok')).toEqual(['ActivityLimitReached', 'ActivityLimitReached', 'ok']);
  });

  it('knows only the codes whose words Microsoft documents', () => {
    expect(() => costs().refuseNext('Busy')).toThrow(/no documented message/);
  });
});

describe('a request failing part-way', () => {
  it('keeps the actions before the failing one and runs none after it, and delivers no loads', async () => {
    const fake = costs();
    fake.failWhen((statement) => statement.includes('A4'), 'GeneralException');
    const run = fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.getRange('A3').values = [['Rates']];
      sheet.getRange('A4').values = [['Water']];
      sheet.getRange('A5').values = [['Power']];
      const used = sheet.getUsedRange().load('address');
      await context.sync();
      return used.address;
    });
    await expect(run).rejects.toMatchObject({ code: 'GeneralException', debugInfo: { errorLocation: expect.stringContaining('A4') } });
    expect(fake.workbook.sheet('Costs').values('A3:A5')).toEqual([['Rates'], [''], ['']]);
    await expect(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('A4').values = [['Water']];
      await context.sync();
    })).resolves.toBeUndefined(); // once only
  });
});

describe('an add-in closed mid-request', () => {
  it('answers the round trips before, and never sends or settles the later ones', async () => {
    const fake = costs();
    const closed = fake.closeAfter(1);
    let settled = false;
    void fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.getRange('A3').values = [['Rates']];
      await context.sync();
      sheet.getRange('A4').values = [['Water']];
      await context.sync();
    }).finally(() => (settled = true));
    await closed;
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(settled).toBe(false);
    expect(fake.workbook.sheet('Costs').values('A3:A4')).toEqual([['Rates'], ['']]);
    expect(fake.counters.roundTrips).toBe(1);
  });
});

describe('protection and a read-only workbook', () => {
  it('reads whether the workbook\'s structure and a sheet are protected, and whether it is read-only, after a load and a sync', async () => {
    const fake = costs();
    fake.workbook.addSheet('Locked').protect();
    fake.workbook.protectStructure();
    fake.workbook.setReadOnly();
    const read = await fake.Excel.run(async (context) => {
      const workbook = context.workbook.load('readOnly');
      const structure = workbook.protection.load('protected');
      const sheets = context.workbook.worksheets.load('items/name');
      const locked = context.workbook.worksheets.getItem('Locked').protection.load('protected');
      expect(() => structure.protected).toThrow(/is not available/);
      await context.sync();
      return { readOnly: workbook.readOnly, structure: structure.protected, locked: locked.protected, sheets: sheets.items.length };
    });
    expect(read).toEqual({ readOnly: true, structure: true, locked: true, sheets: 2 });
  });

  it('refuses to add, delete or rename a sheet in a workbook whose structure is protected, with AccessDenied, and keeps the actions before', async () => {
    const fake = costs();
    fake.workbook.addSheet('Notes');
    fake.workbook.protectStructure();
    for (const change of [
      (c: Excel.RequestContext) => void c.workbook.worksheets.add('New'),
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem('Notes').delete(),
      (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem('Notes').name = 'Renamed'),
    ]) {
      await expect(fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Costs').getRange('C1').values = [['ok']];
        change(context);
        await context.sync();
      })).rejects.toMatchObject({ code: 'AccessDenied', message: 'You cannot perform the requested operation.' });
    }
    expect(fake.workbook.sheetNames).toEqual(['Costs', 'Notes']);
    expect(fake.workbook.sheet('Costs').values('C1:C1')).toEqual([['ok']]);
  });

  it('refuses changes to a protected sheet\'s cells, but lets it be deleted, read and selected', async () => {
    const fake = costs();
    fake.workbook.addSheet('Locked', [['kept']]).protect();
    await expect(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Locked').getRange('A1').format.font.bold = true;
      await context.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });
    const value = await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Locked');
      sheet.activate();
      sheet.getRange('A1').select();
      const cell = sheet.getRange('A1').load('values');
      await context.sync();
      return cell.values[0][0];
    });
    expect(value).toBe('kept');
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Locked').delete();
      await context.sync();
    });
    expect(fake.workbook.sheetNames).toEqual(['Costs']);
  });

  it('refuses every change to a read-only workbook, but lets it be read and selected', async () => {
    const fake = costs();
    fake.workbook.setReadOnly();
    for (const change of [
      (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem('Costs').getRange('A3').values = [['Rates']]),
      (c: Excel.RequestContext) => void c.workbook.worksheets.add('New'),
      (c: Excel.RequestContext) => void c.workbook.names.add('Rent', '=Costs!$B$2'),
    ]) {
      await expect(fake.Excel.run(async (context) => {
        change(context);
        await context.sync();
      })).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(fake.workbook.snapshot().names).toEqual([]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('B2').select();
      await context.sync();
    });
    expect(fake.workbook.selection).toEqual({ sheet: 'Costs', address: 'B2' });
    expect(fake.workbook.sheetNames).toEqual(['Costs']);
  });
});
