// The fake Office.js behaves like the real one where our host's tests depend on it: proxies,
// load and sync, writes applied at sync, round trips and payload sizes, and Excel's limits.
import { createFakeExcel, FakeExcel, FakeNotImplementedError, FakeOfficeError, FakeStrictError, FIVE_MEGABYTES } from './index';

let fake: FakeExcel;

beforeEach(() => {
  fake = createFakeExcel();
  fake.workbook.addSheet('Costs', [
    ['Item', 'Amount', 'Year'],
    ['Rent', 17800, 2024],
    ['Rates', 2500.5, { formula: '=B2*2', value: 35600 }],
  ]);
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('properties need load and sync', () => {
  it('throws PropertyNotLoaded before load, after load but before sync, and reads after sync', async () => {
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Costs').getRange('A1:C3');
      expect(() => range.values).toThrow(/The property 'values' is not available\. Before reading the property's value, call the load method on the containing object and call "context\.sync\(\)"/);
      range.load('values, address');
      expect(() => range.values).toThrow(FakeOfficeError);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const pending = context.sync();
      expect(() => range.values).toThrow(/not available/); // the round trip has not come back
      await pending;
      expect(range.values).toEqual([['Item', 'Amount', 'Year'], ['Rent', 17800, 2024], ['Rates', 2500.5, 35600]]);
      expect(range.address).toBe('Costs!A1:C3');
      expect(() => range.formulas).toThrow(/'formulas' is not available/); // not loaded
    });
  });

  it('reads scalars of worksheets, names and collections only after load and sync', async () => {
    fake.workbook.defineName('VfM_Rate', "=Costs!$B$2");
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const sheet = sheets.getItem('Costs');
      const name = context.workbook.names.getItem('VfM_Rate');
      expect(() => sheet.name).toThrow(/'name' is not available/);
      expect(() => sheets.items).toThrow(/'items' is not available/);
      expect(() => name.formula).toThrow(/'formula' is not available/);
      sheet.load('name,position');
      sheets.load('items/name');
      name.load(['name', 'formula']);
      await context.sync();
      expect(sheet.name).toBe('Costs');
      expect(sheet.position).toBe(0);
      expect(sheets.items.map((s) => s.name)).toEqual(['Costs']);
      expect(() => sheets.items[0].position).toThrow(/'position' is not available/);
      expect(name.formula).toBe('=Costs!$B$2');
    });
  });

  it('loads with an object, navigation paths and no argument', async () => {
    await fake.Excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem('Costs').getRange('B2:C3');
      a.load({ select: 'rowIndex, columnIndex, worksheet/name' });
      const b = context.workbook.worksheets.getItem('Costs').getRange('C3');
      b.load();
      const c = context.workbook.worksheets.getItem('Costs').getRange('A1:B1');
      c.load({ values: true, format: { font: { bold: true } } });
      await context.sync();
      expect([a.rowIndex, a.columnIndex, a.worksheet.name]).toEqual([1, 1, 'Costs']);
      expect(() => a.rowCount).toThrow(/'rowCount' is not available/);
      expect([b.rowCount, b.columnCount, b.values, b.formulas, b.valueTypes, b.numberFormat]).toEqual([1, 1, [[35600]], [['=B2*2']], [['Double']], [['General']]]);
      expect(c.values).toEqual([['Item', 'Amount']]);
      expect(c.format.font.bold).toBe(false);
    });
  });

  it('reads loaded values after the batch ends, but refuses new work on its objects', async () => {
    const range = await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Costs').getRange('A2');
      r.load('values');
      await context.sync();
      return r;
    });
    expect(range.values).toEqual([['Rent']]);
    expect(() => {
      range.values = [['x']];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });
});

describe('writes reach the workbook only at sync', () => {
  it('queues values, formulas, formats, sheets and names until context.sync()', async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      const range = sheet.getRange('A5:B5');
      range.values = [['Total', '=SUM(B2:B3)']];
      range.numberFormat = [['General', '#,##0']];
      range.format.font.bold = true;
      range.format.fill.color = '#ffff00';
      context.workbook.worksheets.add('Summary');
      context.workbook.names.add('VfM_Total', range.getCell(0, 1));
      expect(fake.workbook.sheet('Costs').cell('A5')).toBeUndefined();
      expect(fake.workbook.sheetNames).toEqual(['Costs']);
      expect(fake.workbook.names()).toEqual({});
      expect(fake.counters.roundTrips).toBe(0);
      await context.sync();
      expect(fake.workbook.sheet('Costs').cell('A5')).toEqual({ value: 'Total', type: 'String', font: { bold: true }, fill: { color: '#FFFF00' } });
      expect(fake.workbook.sheet('Costs').cell('B5')).toEqual({
        value: 0, type: 'Double', formula: '=SUM(B2:B3)', uncomputed: true, numberFormat: '#,##0', font: { bold: true }, fill: { color: '#FFFF00' },
      });
      expect(fake.workbook.sheetNames).toEqual(['Costs', 'Summary']);
      expect(fake.workbook.names()).toEqual({ VfM_Total: '=Costs!$B$5' });
    });
  });

  it('applies the work still queued when the batch returns, as Excel.run does', async () => {
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('D1').values = [['Note']];
      await Promise.resolve();
      expect(fake.workbook.sheet('Costs').cell('D1')).toBeUndefined();
    });
    expect(fake.workbook.sheet('Costs').cell('D1')?.value).toBe('Note');
  });

  it('drops the queued work when the batch fails, and stops a failing sync at the failing action', async () => {
    const error = await rejection(fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.getRange('E1').values = [['applied']];
      sheet.getRange('E2:F2').values = [['too', 'many', 'columns']];
      sheet.getRange('E3').values = [['never']];
      await context.sync();
    }));
    expect(error).toMatchObject({ name: 'RichApi.Error', code: 'InvalidArgument' });
    expect((error as Error).message).toMatch(/The number of rows or columns in the input array doesn't match the size or dimensions of the range/);
    expect(fake.workbook.sheet('Costs').cell('E1')?.value).toBe('applied');
    expect(fake.workbook.sheet('Costs').cell('E3')).toBeUndefined();
    expect(fake.counters.syncs[0].error).toBe('InvalidArgument');
    expect(fake.counters.roundTrips).toBe(1); // no final sync after a failed batch

    await rejection(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('G1').values = [['queued']];
      throw new Error('the batch gave up');
    }));
    expect(fake.workbook.sheet('Costs').cell('G1')).toBeUndefined();
  });

  it('rejects arrays whose shape is not the range', async () => {
    for (const [address, values] of [['A1:B2', [[1, 2]]], ['A1:B2', [[1, 2], [3]]], ['A1', [1]], ['A1:A2', [1, 2]]] as const) {
      const error = await rejection(fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Costs').getRange(address).values = values as unknown as unknown[][];
        await context.sync();
      }));
      expect(error).toMatchObject({ code: 'InvalidArgument' });
    }
    const formulasError = await rejection(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('A1:A2').formulas = [['=1', '=2']];
      await context.sync();
    }));
    expect(formulasError).toMatchObject({ code: 'InvalidArgument' });
    const formatError = await rejection(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('A1:B1').numberFormat = [['0.00']];
      await context.sync();
    }));
    expect(formatError).toMatchObject({ code: 'InvalidArgument' });
    await expect(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('A1:B2').values = 'x' as unknown as unknown[][];
    })).rejects.toThrow(/takes a 2-D array shaped like the range \(2×2\)/);
    expect(fake.workbook.sheet('Costs').values('A1:B2')).toEqual([['Item', 'Amount'], ['Rent', 17800]]);
  });

  it('leaves a cell unchanged for null, clears it for ""', async () => {
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('A2:B2').values = [[null, '']];
      await context.sync();
    });
    expect(fake.workbook.sheet('Costs').values('A2:B2')).toEqual([['Rent', '']]);
    expect(fake.workbook.sheet('Costs').cell('B2')).toBeUndefined();
  });
});

describe('what a written value becomes', () => {
  async function write(values: unknown[][]): Promise<void> {
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange(`A10:${String.fromCharCode(64 + values[0].length)}10`).values = values;
    });
  }

  it('keeps apostrophe-protected text as text, without the apostrophe', async () => {
    await write([["'=HYPERLINK(\"http://x\")", "'17800", "'+44 20", "'TRUE", "''quoted"]]);
    const cells = fake.workbook.sheet('Costs').cells();
    expect(cells.A10).toEqual({ value: '=HYPERLINK("http://x")', type: 'String', quotePrefix: true });
    expect(cells.B10).toEqual({ value: '17800', type: 'String', quotePrefix: true });
    expect(cells.C10.value).toBe('+44 20');
    expect(cells.D10).toMatchObject({ value: 'TRUE', type: 'String' });
    expect(cells.E10.value).toBe("'quoted");
  });

  it('turns "=", and "+", "-" or "@" followed by more, into formulas', async () => {
    await write([['=SUM(A1)', '+SUM(1,2)', '-2+3', '@cmd', '- bullet', '-', '+']]);
    const s = fake.workbook.sheet('Costs');
    expect(s.formulas('A10:G10')).toEqual([['=SUM(A1)', '=+SUM(1,2)', '=-2+3', '=@cmd', '=- bullet', '-', '+']]);
    expect(s.values('A10:E10')).toEqual([[0, 0, 0, 0, 0]]); // formulas the test did not compute read 0
    expect(s.cell('F10')).toEqual({ value: '-', type: 'String' });
  });

  it('turns numeric-looking text into numbers and TRUE/FALSE into booleans', async () => {
    await write([['17800', '1,234.5', '12%', '-3', '(12)', ' 42 ', '1.5E3', 'true', 'FALSE', '#N/A']]);
    const s = fake.workbook.sheet('Costs');
    expect(s.values('A10:J10')).toEqual([[17800, 1234.5, 0.12, -3, -12, 42, 1500, true, false, '#N/A']]);
    expect(s.cell('C10')).toEqual({ value: 0.12, type: 'Double', numberFormat: '0%' });
    expect(s.cell('B10')?.numberFormat).toBe('#,##0.00');
    expect(s.cell('J10')?.type).toBe('Error');
  });

  it('keeps other text, numbers and booleans as they are', async () => {
    await write([['Rent', 'FY 2024/25', '1,23', 17800, true, 'Shared service', '12 months']]);
    const cells = fake.workbook.sheet('Costs').cells();
    expect([cells.A10, cells.B10, cells.C10, cells.D10, cells.E10].map((c) => [c.value, c.type])).toEqual([
      ['Rent', 'String'], ['FY 2024/25', 'String'], ['1,23', 'String'], [17800, 'Double'], [true, 'Boolean'],
    ]);
  });

  it('reads full dates as date serials and refuses partial dates it cannot model', async () => {
    await write([['2024-04-01', '1/4/2024']]);
    expect(fake.workbook.sheet('Costs').values('A10:B10')).toEqual([[45383, 45383]]);
    await write([['Apr 2024', '12:00 PM']]);
    expect(fake.workbook.sheet('Costs').values('A10:B10')).toEqual([[45383, 0.5]]);
    await expect(write([['24:00']])).rejects.toThrow(FakeStrictError);
    await expect(write([['31 Feb 2024']])).rejects.toThrow(/may read "31 Feb 2024" as a date/);
  });

  it('refuses what a cell cannot hold', async () => {
    await expect(write([[{ not: 'a value' }]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write([[Number.NaN]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write([['x'.repeat(32_768)]])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(write([[`=${'1+'.repeat(4100)}1`]])).rejects.toMatchObject({ code: 'FormulaLengthExceedsLimit' });
  });

  it('reads formulas back with their text, and a pre-populated value through values', async () => {
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Costs').getRange('C3');
      r.load('values, formulas, valueTypes');
      await context.sync();
      expect([r.values, r.formulas, r.valueTypes]).toEqual([[[35600]], [['=B2*2']], [['Double']]]);
    });
  });

  it('computes what the evaluate option says', async () => {
    const computing = createFakeExcel({ evaluate: (formula) => (formula === '=SUM(A1:A2)' ? 3 : undefined) });
    computing.workbook.addSheet('S', [[1], [2]]);
    await computing.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A3:A4');
      r.formulas = [['=SUM(A1:A2)'], ['=NOW()']];
      r.load('values');
      await context.sync();
      expect(r.values).toEqual([[3], [0]]);
    });
  });
});

describe('round trips and payload', () => {
  it('counts each sync that carries work, and Excel.run’s final sync', async () => {
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Costs').getRange('A1');
      await context.sync(); // nothing queued: no round trip
      r.load('values');
      await context.sync();
      r.values = [['Thing']];
      context.application.suspendApiCalculationUntilNextSync();
      await context.sync();
      r.format.font.italic = true; // left for Excel.run's own sync
    });
    await fake.Excel.run(async () => undefined);
    expect(fake.counters.runs).toBe(2);
    expect(fake.counters.roundTrips).toBe(3);
    expect(fake.counters.syncs.map((s) => [s.loads, s.actions, s.calculationSuspended, s.finalSyncOfRun])).toEqual([
      [1, 1, false, false], [0, 2, true, false], [0, 1, false, true],
    ]);
    fake.resetCounters();
    expect(fake.counters.roundTrips).toBe(0);
    expect(fake.counters.requestBytes).toBe(0);
  });

  it('measures each request as the JSON of its actions, written values included', async () => {
    const big = 'x'.repeat(10_000);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.getRange('A1').values = [['small']];
      await context.sync();
      sheet.getRange('A2:B2').values = [[big, big]];
      await context.sync();
      sheet.getRange('A3').formulas = [[`="${'é'.repeat(1000)}"`]];
    });
    const [small, large, unicode] = fake.counters.syncs.map((s) => s.requestBytes);
    expect(large - small).toBeGreaterThan(20_000);
    expect(large - small).toBeLessThan(20_200);
    expect(unicode - small).toBeGreaterThan(2000); // UTF-8 bytes, not characters
    expect(fake.counters.requestBytes).toBe(small + large + unicode);
    expect(fake.counters.largestRequestBytes).toBe(large);
    expect(fake.counters.largestRequest?.index).toBe(2);
    expect(fake.counters.syncs[1].statements.join('\n')).toContain('getRange("A2:B2").values = [1×2]');
  });

  it('refuses a request over 5 MB, as Excel on the web does, and applies none of it', async () => {
    const rows = Array.from({ length: 1100 }, () => ['y'.repeat(5000)]);
    const error = await rejection(fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.getRange('K1').values = [['first']];
      sheet.getRange('A1:A1100').values = rows;
      await context.sync();
    }));
    expect(error).toMatchObject({ name: 'RichApi.Error', code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.counters.syncs[0].requestBytes).toBeGreaterThan(FIVE_MEGABYTES);
    expect(fake.counters.syncs[0].error).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.workbook.sheet('Costs').cell('K1')).toBeUndefined();

    fake.resetCounters();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.getRange('A1:A550').values = rows.slice(0, 550);
      await context.sync();
      sheet.getRange('A551:A1100').values = rows.slice(550);
    });
    expect(fake.counters.roundTrips).toBe(2);
    expect(fake.counters.largestRequestBytes).toBeLessThan(FIVE_MEGABYTES);
    expect(fake.counters.requestBytes).toBeGreaterThan(FIVE_MEGABYTES);
    expect(fake.workbook.sheet('Costs').values('A1100')).toEqual([['y'.repeat(5000)]]);
  });

  it('has a configurable limit, and refuses too large a response', async () => {
    const small = createFakeExcel({ payloadLimitBytes: 2000 });
    small.workbook.addSheet('S');
    await expect(small.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').values = [['z'.repeat(2000)]];
    })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await expect(small.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:Z100').load('values');
      await context.sync();
    })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

describe('worksheets', () => {
  it('adds, renames and deletes sheets; names and formulas follow, as in Excel', async () => {
    fake.workbook.defineName('VfM_Rate', "=Costs!$B$2");
    fake.workbook.addSheet('Summary', [[{ formula: '=Costs!B2*2' }, { formula: '="Costs!B2"' }]]);
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add('VfM Scenarios');
      sheets.getItem('Costs').name = 'My costs';
      await context.sync();
      expect(fake.workbook.sheetNames).toEqual(['My costs', 'Summary', 'VfM Scenarios']);
      expect(fake.workbook.names()).toEqual({ VfM_Rate: "='My costs'!$B$2" });
      expect(fake.workbook.sheet('Summary').formulas('A1:B1')).toEqual([["='My costs'!B2*2", '="Costs!B2"']]);
      sheets.getItem('My costs').delete();
      await context.sync();
    });
    expect(fake.workbook.sheetNames).toEqual(['Summary', 'VfM Scenarios']);
    expect(fake.workbook.names()).toEqual({ VfM_Rate: '=#REF!$B$2' });
    expect(fake.workbook.sheet('Summary').formulas('A1')).toEqual([['=#REF!B2*2']]);
  });

  it('refuses taken, invalid and missing sheet names, and deleting the last sheet', async () => {
    const attempt = (batch: (context: Excel.RequestContext) => void): Promise<unknown> => rejection(fake.Excel.run(async (context) => {
      batch(context);
      await context.sync();
    }));
    expect(await attempt((c) => c.workbook.worksheets.add('costs'))).toMatchObject({ code: 'ItemAlreadyExists' });
    expect(await attempt((c) => c.workbook.worksheets.add('a/b'))).toMatchObject({ code: 'InvalidArgument' });
    expect(await attempt((c) => c.workbook.worksheets.add('x'.repeat(32)))).toMatchObject({ code: 'InvalidArgument' });
    expect(await attempt((c) => c.workbook.worksheets.getItem('Nope').getRange('A1').load('values'))).toMatchObject({ code: 'ItemNotFound' });
    expect(await attempt((c) => c.workbook.worksheets.getItem('Costs').delete())).toMatchObject({ code: 'InvalidOperation' });
    expect(fake.workbook.sheetNames).toEqual(['Costs']);
  });

  it('finds sheets with getItemOrNullObject, whose isNullObject is known after sync', async () => {
    await fake.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const found = context.workbook.worksheets.getItemOrNullObject('costs');
      found.load('name');
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect(found.name).toBe('Costs');
      expect(() => missing.name).toThrow(FakeStrictError);
    });
    expect(fake.counters.roundTrips).toBe(1);
  });

  it('sets tab colour, position, freeze panes, page layout and activation', async () => {
    fake.workbook.addSheet('Second');
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Second');
      sheet.tabColor = '#1f4e79';
      sheet.position = 0;
      sheet.freezePanes.freezeRows(2);
      sheet.pageLayout.orientation = 'Landscape';
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.activate();
      const costs = context.workbook.worksheets.getItem('Costs');
      costs.freezePanes.freezeAt(costs.getRange('A1:B3'));
      await context.sync();
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name, position, tabColor');
      await context.sync();
      expect([active.name, active.position, active.tabColor]).toEqual(['Second', 0, '#1F4E79']);
    });
    const second = fake.workbook.sheet('Second');
    expect(fake.workbook.sheetNames).toEqual(['Second', 'Costs']);
    expect(second.freeze).toEqual({ rows: 2, columns: 0 });
    expect(second.pageLayout).toMatchObject({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(fake.workbook.sheet('Costs').freeze).toEqual({ rows: 3, columns: 2 });
    expect(fake.workbook.activeSheet).toBe('Second');
  });

  it('gives a null object for the used range of an empty sheet, and the used range otherwise', async () => {
    fake.workbook.addSheet('Empty');
    fake.workbook.addSheet('Sparse').put('C4', [[null, 'x']]);
    await fake.Excel.run(async (context) => {
      const empty = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject();
      const sparse = context.workbook.worksheets.getItem('Sparse').getUsedRangeOrNullObject(true);
      empty.load('address');
      sparse.load('address, values');
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      expect(() => empty.address).toThrow(FakeStrictError);
      expect(sparse.isNullObject).toBe(false);
      expect(sparse.address).toBe('Sparse!D4');
      expect(sparse.values).toEqual([['x']]);
      empty.values = [['no']];
      await expect(context.sync()).rejects.toThrow(/null object/);
    });
  });
});

describe('printing', () => {
  const attempt = (batch: (sheet: Excel.Worksheet) => void): Promise<unknown> => rejection(fake.Excel.run(async (context) => {
    batch(context.workbook.worksheets.getItem('Costs'));
    await context.sync();
  }));

  it('sets the paper, the print area, title rows, page breaks and the footer, and reads them back', async () => {
    expect(fake.workbook.sheet('Costs').pageLayout).toEqual({
      orientation: 'Portrait', zoom: { scale: 100 }, paperSize: 'Letter', printArea: null, printTitleRows: null, horizontalPageBreaks: [], footer: { left: '', center: '', right: '' },
    });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      const layout = sheet.pageLayout;
      layout.paperSize = 'A4';
      layout.setPrintArea('A1:C40');
      layout.setPrintTitleRows('$3:$3');
      sheet.horizontalPageBreaks.add('A20');
      sheet.horizontalPageBreaks.add(sheet.getRange('B10:C12'));
      const footer = layout.headersFooters.defaultForAllPages;
      footer.leftFooter = '&A';
      footer.centerFooter = 'Source R&&D.xlsx';
      footer.rightFooter = 'Page &P of &N';
      await context.sync();
      layout.load('paperSize');
      footer.load('leftFooter, centerFooter, rightFooter');
      await context.sync();
      expect([layout.paperSize, footer.leftFooter, footer.centerFooter, footer.rightFooter]).toEqual(['A4', '&A', 'Source R&&D.xlsx', 'Page &P of &N']);
    });
    expect(fake.workbook.sheet('Costs').pageLayout).toMatchObject({
      paperSize: 'A4', printArea: 'A1:C40', printTitleRows: '3:3', horizontalPageBreaks: [10, 20],
      footer: { left: '&A', center: 'Source R&&D.xlsx', right: 'Page &P of &N' },
    });
  });

  it('refuses a paper Excel does not have, title rows that are not whole rows, a break above row 1 and a footer over 255 characters', async () => {
    expect(await attempt((s) => { s.pageLayout.paperSize = 'A7' as Excel.PaperType; })).toMatchObject({ code: 'InvalidArgument' });
    expect(await attempt((s) => s.pageLayout.setPrintTitleRows('A3:C3'))).toMatchObject({ code: 'InvalidArgument' });
    expect(await attempt((s) => s.pageLayout.setPrintArea('Nowhere!A1:B2'))).toMatchObject({ code: 'InvalidArgument' });
    expect(await attempt((s) => s.horizontalPageBreaks.add('C1'))).toMatchObject({ code: 'InvalidArgument' });
    expect(await attempt((s) => {
      const footer = s.pageLayout.headersFooters.defaultForAllPages;
      footer.leftFooter = 'x'.repeat(200);
      footer.rightFooter = 'y'.repeat(60);
    })).toMatchObject({ code: 'InvalidArgument' });
    expect(fake.workbook.sheet('Costs').pageLayout).toMatchObject({ paperSize: 'Letter', printTitleRows: null, horizontalPageBreaks: [] });
  });

  it('keeps the print set-up in a snapshot and loads it back', async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.pageLayout.setPrintArea('A1:C3');
      sheet.pageLayout.setPrintTitleRows('1:1');
      sheet.horizontalPageBreaks.add('A3');
      sheet.pageLayout.headersFooters.defaultForAllPages.rightFooter = '&P';
      await context.sync();
    });
    const other = createFakeExcel();
    other.workbook.load(fake.workbook.snapshot());
    expect(other.workbook.sheet('Costs').pageLayout).toEqual(fake.workbook.sheet('Costs').pageLayout);
  });
});

describe('hidden rows', () => {
  it('gives each row of a range with getRowProperties, a ClientResult read after the sync', async () => {
    fake.workbook.addSheet('Filtered', [['Item', '£'], ['CRM', 1], ['Licence', 2], ['Core', 3]], { hiddenRows: [3, 5] });
    expect(fake.workbook.sheet('Filtered').hiddenRows).toEqual([3, 5]);
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Filtered').getRange('A2:B5');
      const rows = range.getRowProperties({ rowHidden: true });
      const indexed = range.getRowProperties({ rowHidden: true, rowIndex: true });
      expect(() => rows.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      range.load('rowHidden');
      await context.sync();
      expect(rows.value).toEqual([{ rowHidden: false }, { rowHidden: true }, { rowHidden: false }, { rowHidden: true }]);
      expect(indexed.value.map((row) => row.rowIndex)).toEqual([1, 2, 3, 4]);
      expect(range.rowHidden).toBeNull(); // some rows hidden, some not
    });
    expect(fake.counters.syncs[0]).toMatchObject({ actions: 3, loads: 3 }); // getRowProperties reads, as a load does
  });

  it('says true or false for rowHidden when all or none of the rows are hidden, and refuses what it does not model', async () => {
    fake.workbook.sheet('Costs').hideRows([2, 3]);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      const hidden = sheet.getRange('A2:C3');
      const shown = sheet.getRange('A1:C1');
      hidden.load('rowHidden');
      shown.load('rowHidden');
      await context.sync();
      expect([hidden.rowHidden, shown.rowHidden]).toEqual([true, false]);
      expect(() => hidden.getRowProperties({ format: { rowHeight: true } })).toThrow(FakeNotImplementedError);
      expect(() => {
        hidden.rowHidden = false;
      }).toThrow(FakeNotImplementedError);
    });
  });

  it('refuses getRowProperties on a null object, and reads the used range with getUsedRange, A1 on a blank sheet', async () => {
    fake.workbook.addSheet('Blank');
    await fake.Excel.run(async (context) => {
      const blank = context.workbook.worksheets.getItem('Blank');
      const used = blank.getUsedRange(true);
      used.load('address');
      const nullRange = blank.getUsedRangeOrNullObject(true);
      nullRange.getRowProperties({ rowHidden: true });
      await expect(context.sync()).rejects.toThrow(/null object/);
      used.load('address, values');
      const costs = context.workbook.worksheets.getItem('Costs').getUsedRange(true);
      costs.load('address');
      await context.sync();
      expect(used.address).toBe('Blank!A1');
      expect(used.values).toEqual([['']]);
      expect(costs.address).toBe('Costs!A1:C3');
    });
  });

  it('keeps the hidden rows in a snapshot and loads them back', () => {
    fake.workbook.sheet('Costs').hideRows([2]);
    const snapshot = fake.workbook.snapshot();
    expect(snapshot.sheets[0].hiddenRows).toEqual([2]);
    const other = createFakeExcel();
    other.workbook.load(snapshot);
    expect(other.workbook.sheet('Costs').hiddenRows).toEqual([2]);
    other.workbook.load({ sheets: [{ name: 'Spec', rows: [['x']], hiddenRows: [4] }] });
    expect(other.workbook.sheet('Spec').hiddenRows).toEqual([4]);
  });
});

describe('merged cells', () => {
  const rows = [['Item', '£'], ['CRM', 46648.63], ['Email', 845], ['Core team', 17800], ['Total', 65293.63]];

  it('keeps only a merged block\'s top-left contents, and refuses a merge that overlaps another or a table', () => {
    const sheet = fake.workbook.addSheet('Merged', rows, { merged: ['B2:B3'] });
    expect(sheet.values('A2:B3')).toEqual([['CRM', 46648.63], ['Email', '']]);
    expect(sheet.merged).toEqual(['B2:B3']);
    expect(() => sheet.merge('A3:B3')).toThrow(/overlaps a block merged before/);
    expect(() => sheet.merge('A5')).toThrow(/one cell/);
    fake.workbook.sheet('Costs').addTable({ name: 'Rent', address: 'A1:C3' });
    expect(() => fake.workbook.sheet('Costs').merge('C3:C4')).toThrow(/Excel table/);
  });

  it('gives the merged blocks that meet a range, whole, with getMergedAreasOrNullObject; a null object when none does', async () => {
    fake.workbook.addSheet('Merged', rows, { merged: ['A1:B1', 'B2:B3', 'D4:E6'] });
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Merged');
      const some = sheet.getRange('A2:D5').getMergedAreasOrNullObject();
      some.load('areaCount');
      some.areas.load('items/address,items/rowIndex,items/rowCount');
      const none = sheet.getRange('A4:C5').getMergedAreasOrNullObject();
      none.areas.load('items/address');
      expect(() => some.areas.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(some.isNullObject).toBe(false);
      expect(some.areaCount).toBe(2);
      expect(some.areas.items.map((r) => [r.address, r.rowIndex, r.rowCount])).toEqual([['Merged!B2:B3', 1, 2], ['Merged!D4:E6', 3, 3]]);
      expect(none.isNullObject).toBe(true);
      expect(() => none.areas.items).toThrow(FakeStrictError);
    });
  });

  it('fails the request on an Excel older than ExcelApi 1.13, and past 512 merged blocks', async () => {
    const old = createFakeExcel({ excelApiVersion: '1.12' });
    old.workbook.addSheet('Merged', rows, { merged: ['B2:B3'] });
    const error = await rejection(old.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Merged').getRange('A1:B5').getMergedAreasOrNullObject();
      await context.sync();
    }));
    expect(error).toMatchObject({ code: 'ApiNotFound' });
    const many = fake.workbook.addSheet('Many', []);
    for (let row = 1; row <= 1026; row += 2) many.merge(`A${row}:A${row + 1}`);
    const tooMany = await rejection(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Many').getRange('A1:A1026').getMergedAreasOrNullObject();
      await context.sync();
    }));
    expect(tooMany).toMatchObject({ code: 'GeneralException' });
    await fake.Excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Many').getRange('A1:A1024').getMergedAreasOrNullObject().load('areaCount');
      await context.sync();
      expect(areas.areaCount).toBe(512);
    });
  });

  it('keeps the merged blocks in a snapshot and loads them back', () => {
    fake.workbook.addSheet('Merged', rows, { merged: ['B2:B3'] });
    const snapshot = fake.workbook.snapshot();
    expect(snapshot.sheets[1].merged).toEqual(['B2:B3']);
    expect(snapshot.sheets[0]).not.toHaveProperty('merged');
    const other = createFakeExcel();
    other.workbook.load(snapshot);
    expect(other.workbook.sheet('Merged').merged).toEqual(['B2:B3']);
    expect(other.workbook.snapshot()).toEqual(snapshot);
  });
});

describe('tables', () => {
  beforeEach(() => {
    fake.workbook.addSheet('Report', [['Title'], [], ['Item', '£'], ['CRM', 1], ['Core', 2], ['Total', 3], [], ['Year', 'Budget'], [2024, 9]], {
      tables: [{ name: 'PartnershipCosts', address: 'A3:B6', showTotals: true }, { name: 'Budget', address: 'A8:B9' }],
    });
  });

  it('lists a sheet\'s tables, in the order they were added, and gives a table\'s whole range', async () => {
    await fake.Excel.run(async (context) => {
      const tables = context.workbook.worksheets.getItem('Report').tables;
      const none = context.workbook.worksheets.getItem('Costs').tables;
      const count = tables.getCount();
      tables.load('items/name');
      none.load('items/name');
      const range = tables.getItem('partnershipcosts').getRange();
      range.load('address, values');
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(['PartnershipCosts', 'Budget']);
      expect(none.items).toEqual([]);
      expect(count.value).toBe(2);
      expect(range.address).toBe('Report!A3:B6');
      expect(range.values).toEqual([['Item', '£'], ['CRM', 1], ['Core', 2], ['Total', 3]]);
      const first = tables.items[0].getRange();
      first.load('address');
      const table = tables.items[1];
      table.load('id, showHeaders, showTotals');
      await context.sync();
      expect(first.address).toBe('Report!A3:B6');
      expect([table.showHeaders, table.showTotals]).toEqual([true, false]);
    });
    expect(fake.workbook.sheet('Report').tables.map((t) => t.address)).toEqual(['A3:B6', 'A8:B9']);
  });

  it('finds a table of the sheet by name or a null object, and fails to find one of another sheet', async () => {
    await fake.Excel.run(async (context) => {
      const report = context.workbook.worksheets.getItem('Report').tables.getItemOrNullObject('Budget');
      const elsewhere = context.workbook.worksheets.getItem('Costs').tables.getItemOrNullObject('Budget');
      await context.sync();
      expect([report.isNullObject, elsewhere.isNullObject]).toEqual([false, true]);
      context.workbook.worksheets.getItem('Costs').tables.getItem('Budget').load('name');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('shares one set of names with defined names, refuses overlapping tables, and drops a deleted sheet\'s tables', async () => {
    expect(() => fake.workbook.sheet('Costs').addTable({ name: 'budget', address: 'E1:F2' })).toThrow(/already exists/);
    expect(() => fake.workbook.sheet('Report').addTable({ name: 'Other', address: 'B5:C7' })).toThrow(/overlap/);
    expect(() => fake.workbook.defineName('Budget', '=Costs!$A$1')).toThrow(/already exists/);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Report').delete();
      await context.sync();
    });
    fake.workbook.defineName('Budget', '=Costs!$A$1');
    expect(fake.workbook.names()).toEqual({ Budget: '=Costs!$A$1' });
  });

  it('keeps the tables in a snapshot and loads them back', () => {
    const other = createFakeExcel();
    other.workbook.load(fake.workbook.snapshot());
    expect(other.workbook.sheet('Report').tables).toEqual([
      { name: 'PartnershipCosts', address: 'A3:B6', showHeaders: true, showTotals: true },
      { name: 'Budget', address: 'A8:B9', showHeaders: true, showTotals: false },
    ]);
    expect(fake.workbook.snapshot().sheets[0]).not.toHaveProperty('tables');
  });
});

describe('names', () => {
  it('adds names for a range or a formula, finds them, lists them and deletes them', async () => {
    fake.workbook.addSheet('VfM Scenarios', [[null, null, null], [null, null, 0.035]]);
    await fake.Excel.run(async (context) => {
      const names = context.workbook.names;
      names.add('VfM_Rate', context.workbook.worksheets.getItem('VfM Scenarios').getRange('C2'));
      names.add('VfM_Costs', "='Costs'!$B$2:$B$3");
      expect(() => names.add('VfM_Noted', '=Costs!$A$1', 'a comment')).toThrow(FakeNotImplementedError);
      names.add('VfM_Start', "Costs!$A$1");
      await context.sync();
      names.load('items/name,items/formula');
      const rate = names.getItemOrNullObject('vfm_rate');
      const missing = names.getItemOrNullObject('VfM_Nope');
      const rateRange = rate.getRange();
      rateRange.load('values, address');
      rate.load('type, value');
      await context.sync();
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([
        ['VfM_Costs', "='Costs'!$B$2:$B$3"], ['VfM_Rate', "='VfM Scenarios'!$C$2"], ['VfM_Start', '=Costs!$A$1'],
      ]);
      expect(rate.isNullObject).toBe(false);
      expect(missing.isNullObject).toBe(true);
      expect([rate.type, rate.value]).toEqual(['Range', "'VfM Scenarios'!$C$2"]);
      expect(rateRange.values).toEqual([[0.035]]);
      expect(rateRange.address).toBe("'VfM Scenarios'!C2");
      rate.delete();
      await context.sync();
    });
    expect(fake.workbook.nameDetails()).toEqual([
      { name: 'VfM_Costs', formula: "='Costs'!$B$2:$B$3", visible: true },
      { name: 'VfM_Start', formula: '=Costs!$A$1', visible: true },
    ]);
  });

  it('refuses taken and invalid names, and a range that a name does not have', async () => {
    fake.workbook.defineName('VfM_Rate', '=Costs!$B$2');
    fake.workbook.defineName('VfM_Flag', '=TRUE');
    for (const [name, code] of [['vfm_rate', 'ItemAlreadyExists'], ['A1', 'InvalidArgument'], ['R1C1', 'InvalidArgument'], ['has space', 'InvalidArgument'], ['1abc', 'InvalidArgument']]) {
      await expect(fake.Excel.run(async (context) => {
        context.workbook.names.add(name, '=Costs!$A$1');
        await context.sync();
      })).rejects.toMatchObject({ code });
    }
    await fake.Excel.run(async (context) => {
      const flag = context.workbook.names.getItem('VfM_Flag');
      const none = flag.getRangeOrNullObject();
      flag.load('type, value');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect([flag.type, flag.value]).toEqual(['Boolean', true]);
    });
  });
});

describe('addresses and ranges', () => {
  it('gives the cells two ranges share with getIntersectionOrNullObject, reading none of them; a null object when they share none', async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      const whole = sheet.getRange('A1:XFD1048576');
      const shared = whole.getIntersectionOrNullObject(sheet.getUsedRange(true));
      shared.load('address,rowIndex,columnIndex,rowCount,columnCount');
      const byAddress = sheet.getRange('B2:D9').getIntersectionOrNullObject('A3:C3').load('address');
      const none = sheet.getRange('E5:F6').getIntersectionOrNullObject(sheet.getUsedRange(true));
      none.load('values');
      expect(() => shared.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => shared.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect([shared.isNullObject, shared.address, shared.rowIndex, shared.columnIndex, shared.rowCount, shared.columnCount]).toEqual([false, 'Costs!A1:C3', 0, 0, 3, 3]);
      expect(byAddress.address).toBe('Costs!B3:C3');
      expect(none.isNullObject).toBe(true);
      expect(() => none.values).toThrow(FakeStrictError);
    });
    // Finding the intersection with the whole grid sends back its shape, not the grid's cells.
    expect(fake.counters.syncs[0].responseBytes).toBeLessThan(1000);
  });

  it('loads the values of an intersection as those of its cells, refuses a range on another sheet, and needs ExcelApi 1.4', async () => {
    fake.workbook.addSheet('Other', [['x']]);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      const cells = sheet.getRange('B1:XFD1048576').getIntersectionOrNullObject(sheet.getUsedRange()).load('values');
      await context.sync();
      expect(cells.values).toEqual([['Amount', 'Year'], [17800, 2024], [2500.5, 35600]]);
    });
    const elsewhere = await rejection(fake.Excel.run(async (context) => {
      const other = context.workbook.worksheets.getItem('Other').getRange('A1');
      context.workbook.worksheets.getItem('Costs').getRange('A1:B2').getIntersectionOrNullObject(other);
      await context.sync();
    }));
    expect(elsewhere).toMatchObject({ code: 'InvalidArgument' });
    const old = createFakeExcel({ excelApiVersion: '1.3' });
    old.workbook.addSheet('Costs', [['x']]);
    const error = await rejection(old.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('A1:B2').getIntersectionOrNullObject('A1');
      await context.sync();
    }));
    expect(error).toMatchObject({ code: 'ApiNotFound' });
  });

  it('quotes sheet names as Excel does in addresses', async () => {
    for (const name of ['My costs', "Bob's", '2024', 'ABC1', 'R2C3', 'Plain_Name.1']) fake.workbook.addSheet(name);
    const addresses = await fake.Excel.run(async (context) => {
      const ranges = ['My costs', "Bob's", '2024', 'ABC1', 'R2C3', 'Plain_Name.1'].map((n) => context.workbook.worksheets.getItem(n).getRange('A1:C3').load('address'));
      await context.sync();
      return ranges.map((r) => r.address);
    });
    expect(addresses).toEqual(["'My costs'!A1:C3", "'Bob''s'!A1:C3", "'2024'!A1:C3", "'ABC1'!A1:C3", "'R2C3'!A1:C3", 'Plain_Name.1!A1:C3']);
  });

  it('gives positions, sizes, cells, resized and offset ranges, whole columns and the sheet', async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      const r = sheet.getRange('b2:c3').load('address, rowIndex, columnIndex, rowCount, columnCount');
      const cell = r.getCell(1, 1).load('address, values');
      const resized = r.getResizedRange(1, -1).load('address');
      const offset = r.getOffsetRange(-1, 1).load('address');
      const column = sheet.getRange('A:B').load('address, rowCount');
      const whole = sheet.getRange().load('address');
      await context.sync();
      expect([r.address, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount]).toEqual(['Costs!B2:C3', 1, 1, 2, 2]);
      expect([cell.address, cell.values]).toEqual(['Costs!C3', [[35600]]]);
      expect(resized.address).toBe('Costs!B2:B4');
      expect(offset.address).toBe('Costs!C1:D2');
      expect([column.address, column.rowCount]).toEqual(['Costs!A:B', 1_048_576]);
      expect(whole.address).toBe('Costs!1:1048576');
      sheet.getRange('A1').getOffsetRange(-1, 0).load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    await expect(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Costs').getRange('A1:ZZZZ9').load('values');
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('selects a range and reports the selection', async () => {
    fake.workbook.addSheet('Other');
    fake.workbook.select('Costs', 'B2:C3');
    await fake.Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe('Costs!B2:C3');
      context.workbook.worksheets.getItem('Other').getRange('D4').select();
    });
    expect(fake.workbook.selection).toEqual({ sheet: 'Other', address: 'D4' });
    expect(fake.workbook.activeSheet).toBe('Other');
  });
});

describe('formatting and validation', () => {
  it('writes fonts, fills, borders, alignment, wrap, column widths and reads them back', async () => {
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Costs').getRange('A1:C1');
      r.format.font.name = 'Arial';
      r.format.font.size = 12;
      r.format.font.color = '#FF0000';
      r.format.borders.getItem('EdgeBottom').style = 'Continuous';
      r.format.borders.getItem('EdgeBottom').weight = 'Medium';
      r.format.horizontalAlignment = 'Center';
      r.format.verticalAlignment = 'Top';
      r.format.wrapText = true;
      r.format.columnWidth = 120;
      context.workbook.worksheets.getItem('Costs').getRange('A1').format.fill.color = 'yellow';
      await context.sync();
      context.workbook.worksheets.getItem('Costs').getRange('A1').format.fill.clear();
      const back = context.workbook.worksheets.getItem('Costs').getRange('A1:C1');
      back.load('format/columnWidth, format/horizontalAlignment, format/font/name, format/fill/color');
      const mixed = context.workbook.worksheets.getItem('Costs').getRange('A1:A2').format.font.load('name');
      await context.sync();
      expect([back.format.columnWidth, back.format.horizontalAlignment, back.format.font.name, back.format.fill.color]).toEqual([120, 'Center', 'Arial', '#FFFFFF']);
      expect(mixed.name).toBeNull(); // cells differ
    });
    const s = fake.workbook.sheet('Costs');
    expect(s.cell('B1')).toEqual({
      value: 'Amount', type: 'String', font: { name: 'Arial', size: 12, color: '#FF0000' },
      borders: { EdgeBottom: { style: 'Continuous', weight: 'Medium' } }, horizontalAlignment: 'Center', verticalAlignment: 'Top', wrapText: true,
    });
    expect(s.cell('A1')?.fill).toBeUndefined();
    expect(s.columnWidths()).toEqual({ A: 120, B: 120, C: 120 });
  });

  it('sets row heights on whole rows, reads null where they differ, and refuses one taller than Excel allows', async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      sheet.getRange('3:4').format.rowHeight = 45;
      const both = sheet.getRange('A3:A4').format.load('rowHeight');
      const mixed = sheet.getRange('A2:A3').format.load('rowHeight');
      await context.sync();
      expect([both.rowHeight, mixed.rowHeight]).toEqual([45, null]);
      sheet.getRange('5:5').format.rowHeight = 410;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    const costs = fake.workbook.sheet('Costs');
    expect(costs.rowHeights()).toEqual({ 3: 45, 4: 45 });
    const other = createFakeExcel();
    other.workbook.load(fake.workbook.snapshot());
    expect(other.workbook.sheet('Costs').rowHeights()).toEqual({ 3: 45, 4: 45 });
  });

  it('refuses format values Excel does not have', async () => {
    for (const change of [
      (r: Excel.Range) => { r.format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment; },
      (r: Excel.Range) => { r.format.font.color = 'blurple'; },
      (r: Excel.Range) => { r.format.borders.getItem('EdgeTop').weight = 'Heavy' as Excel.BorderWeight; },
      (r: Excel.Range) => { r.format.wrapText = 'yes' as unknown as boolean; },
    ]) {
      await expect(fake.Excel.run(async (context) => {
        change(context.workbook.worksheets.getItem('Costs').getRange('A1'));
        await context.sync();
      })).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  it('adds list validations', async () => {
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Costs');
      const r = sheet.getRange('D2:D3');
      r.dataValidation.rule = { list: { inCellDropDown: true, source: 'avoidable,committed' } };
      r.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: 'Classification', message: 'Pick one' };
      await context.sync();
      sheet.getRange('E1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x'.repeat(256) } };
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    const s = fake.workbook.sheet('Costs');
    expect(s.dataValidations()).toEqual([{
      address: 'D2:D3',
      rule: { list: { inCellDropDown: true, source: 'avoidable,committed' } },
      errorAlert: { showAlert: true, style: 'Stop', title: 'Classification', message: 'Pick one' },
    }]);
  });
});

describe('strictness', () => {
  it('throws "not implemented in the fake" for members it does not model', async () => {
    await fake.Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Costs').getRange('A1');
      expect(() => r.getBoundingRect('B2')).toThrow(FakeNotImplementedError);
      expect(() => r.load('text')).toThrow(/Range\.load\('text'\).*not implemented in the fake/);
      expect(() => {
        (r.format as unknown as { indentLevel: number }).indentLevel = 2;
      }).toThrow(/setting RangeFormat\.indentLevel is not implemented in the fake/);
      expect(() => context.workbook.tables).toThrow(/Workbook\.tables is not implemented/);
      expect(() => context.trackedObjects).toThrow(FakeNotImplementedError);
      expect(() => r.format.borders.getItem('InsideHorizontal')).toThrow(FakeNotImplementedError);
      expect(() => {
        (r as unknown as { address: string }).address = 'B2';
      }).toThrow(/read-only/);
    });
    expect(() => fake.Excel.createWorkbook).toThrow(/Excel\.createWorkbook is not implemented/);
    await expect(fake.Excel.run(() => 1 as unknown as Promise<number>)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  it('refuses objects from another request context', async () => {
    const leaked = await fake.Excel.run(async (context) => context.workbook.worksheets.getItem('Costs').getRange('A1'));
    await expect(fake.Excel.run(async (context) => {
      context.workbook.names.add('Leaked', leaked);
    })).rejects.toMatchObject({ code: 'InvalidRequestContext' });
  });
});

describe('Office', () => {
  it('is ready for Excel on the web and supports ExcelApi up to the configured version', async () => {
    const old = createFakeExcel({ excelApiVersion: '1.9' });
    const seen: unknown[] = [];
    await expect(old.Office.onReady((info) => seen.push(info))).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(seen).toEqual([{ host: old.Office.HostType.Excel, platform: old.Office.PlatformType.OfficeOnline }]);
    const req = old.Office.context.requirements;
    expect([req.isSetSupported('ExcelApi'), req.isSetSupported('ExcelApi', '1.9'), req.isSetSupported('ExcelApi', '1.10'), req.isSetSupported('WordApi', '1.1')])
      .toEqual([true, true, false, false]);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(old.Office.context.diagnostics).toMatchObject({ host: 'Excel', platform: 'OfficeOnline' });
  });

  it('installs the globals and removes them again', async () => {
    const uninstall = fake.install();
    try {
      const value = await Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Costs').getRange('B2');
        r.load('values');
        await context.sync();
        return r.values[0][0] as number;
      });
      expect(value).toBe(17800);
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(true);
      const error = await rejection(Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }));
      expect(error).toBeInstanceOf(OfficeExtension.Error);
    } finally {
      uninstall();
    }
    expect(typeof (globalThis as { Excel?: unknown }).Excel).toBe('undefined');
  });
});
