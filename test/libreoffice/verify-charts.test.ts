// vfm verify reads the options sheet's charts from a workbook LibreOffice calculated and saved (its
// own spelling: `&apos;` quotes, a series' fixed name as the formula `"NPV at low"`): sound as
// saved; each tampering of the chart parts is found, naming the chart and the series, with the
// cells expected and found: both series of the tornado moved one row down, the net saving chart's
// categories moved, a chart deleted from the sheet's drawing, a series hidden by a filter, a series
// added that draws other cells.
import { readFileSync } from 'fs';
import path from 'path';
import { AUDIT_CLOCK, verifyFindings, vfmOn } from '../cli/vfm';
import { FINDINGS_EXIT } from '../../src/faces/cli/commands/verify';
import { calc } from '../support/libreoffice';
import { tamperParts } from '../support/tamper-parts';
import { SEED_SHEET, temporaryDirectory, writeWorkbook } from '../support/workbooks';

jest.setTimeout(180_000);

const vfm = (args: string[]) => vfmOn(AUDIT_CLOCK, args);

const NET = `'VfM Options' chart 1 (Net saving by financial year, each way of withdrawing)`;
const TORNADO = `'VfM Options' chart 2 (NPV of "Withdraw" at the low and high value of each input)`;

it('finds the charts of a workbook LibreOffice saved sound, and each tampering of their series', async () => {
  const dir = temporaryDirectory();
  const input = await writeWorkbook(path.join(dir, 'in.xlsx'), [{ ...SEED_SHEET, name: 'Cost Table' }]);
  const [written, saved] = [path.join(dir, 'written.xlsx'), path.join(dir, 'saved.xlsx')];
  expect((await vfm(['analyse', input, '--out', written])).code).toBe(0);
  await calc(written, [{ save: saved }]);

  const sound = await verifyFindings(saved);
  expect(sound.out).toContain('Sound');
  expect(sound.code).toBe(0);
  // The parts this test edits, as LibreOffice saved them (checked, so that an edit below cannot miss).
  const zipped = await import('jszip').then((z) => z.default.loadAsync(readFileSync(saved)));
  const tornadoXml = await zipped.file('xl/charts/chart2.xml')!.async('string');
  expect(tornadoXml).toContain('<c:f>&apos;VfM Options&apos;!$D$100:$D$103</c:f>');
  expect(tornadoXml).toContain('<c:f>&apos;VfM Options&apos;!$E$100:$E$103</c:f>');

  const tampered = async (name: string, edits: Record<string, (xml: string) => string>) => {
    const file = path.join(dir, `${name}.xlsx`);
    await tamperParts(saved, file, { edits });
    return verifyFindings(file);
  };

  const moved = await tampered('moved', {
    'xl/charts/chart2.xml': (xml) => xml.replace('$D$100:$D$103', '$D$101:$D$104').replace('$E$100:$E$103', '$E$101:$E$104'),
  });
  expect(moved.code).toBe(FINDINGS_EXIT);
  expect(moved.findings).toEqual([
    { kind: 'chart', place: `${TORNADO}, series 1 values`, message: "a chart series' values read from other cells", expected: "'VfM Options'!$D$100:$D$103", found: "'VfM Options'!$D$101:$D$104" },
    { kind: 'chart', place: `${TORNADO}, series 2 values`, message: "a chart series' values read from other cells", expected: "'VfM Options'!$E$100:$E$103", found: "'VfM Options'!$E$101:$E$104" },
  ]);

  // The same cells written otherwise are the same references: relative, and the sheet's name unquoted where it may be.
  const respelt = await tampered('respelt', {
    'xl/charts/chart2.xml': (xml) => xml.replace('&apos;VfM Options&apos;!$D$100:$D$103', '&apos;vfm options&apos;!D100:$D103'),
  });
  expect(respelt.findings).toEqual([]);
  expect(respelt.code).toBe(0);

  const categories = await tampered('categories', {
    'xl/charts/chart1.xml': (xml) => xml.replace('<c:f>&apos;VfM Options&apos;!$D$95:$H$95</c:f>', '<c:f>&apos;VfM Options&apos;!$D$96:$H$96</c:f>'),
  });
  expect(categories.code).toBe(FINDINGS_EXIT);
  expect(categories.findings).toEqual([
    { kind: 'chart', place: `${NET}, series 1 categories`, message: "a chart series' categories read from other cells", expected: "'VfM Options'!$D$95:$H$95", found: "'VfM Options'!$D$96:$H$96" },
  ]);

  // Deleted from the sheet: its anchor gone from the drawing (the part left behind draws nowhere).
  const deleted = await tampered('deleted', {
    'xl/drawings/drawing1.xml': (xml) => xml.replace(/<xdr:twoCellAnchor(?:(?!<xdr:twoCellAnchor)[\s\S])*?r:id="rId2"[\s\S]*?<\/xdr:twoCellAnchor>/, ''),
  });
  expect(deleted.code).toBe(FINDINGS_EXIT);
  expect(deleted.findings).toEqual([{ kind: 'chart', place: TORNADO, message: 'a chart of the model missing' }]);

  // Hidden by a filter, as Excel keeps such a series: in an extension of the chart, not drawn.
  const filtered = await tampered('filtered', {
    'xl/charts/chart2.xml': (xml) => {
      const second = /<c:ser><c:idx val="1"\/>[\s\S]*?<\/c:ser>/.exec(xml)![0];
      const ext = `<c:extLst><c:ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}" xmlns:c15="http://schemas.microsoft.com/office/drawing/2012/chart"><c15:filteredBarSeries>${second.replace(/^<c:ser>/, '<c15:ser>').replace(/<\/c:ser>$/, '</c15:ser>')}</c15:filteredBarSeries></c:ext></c:extLst>`;
      return xml.replace(second, '').replace('</c:barChart>', `${ext}</c:barChart>`);
    },
  });
  expect(filtered.code).toBe(FINDINGS_EXIT);
  expect(filtered.findings).toEqual([{ kind: 'chart', place: `${TORNADO}, series 2`, message: 'a chart series missing', expected: "values 'VfM Options'!$E$100:$E$103" }]);

  const added = await tampered('added', {
    'xl/charts/chart1.xml': (xml) => xml.replace(/(<c:ser>[\s\S]*?<\/c:ser>)/, (ser) => ser + ser.replace(/\$96/g, '$97').replace('<c:idx val="0"/><c:order val="0"/>', '<c:idx val="1"/><c:order val="1"/>')),
  });
  expect(added.code).toBe(FINDINGS_EXIT);
  expect(added.findings).toEqual([{
    kind: 'chart', place: `${NET}, series 2`, message: 'a chart series the product does not draw', expected: 'none',
    found: "name 'VfM Options'!$A$97, categories 'VfM Options'!$D$95:$H$95, values 'VfM Options'!$D$97:$H$97",
  }]);
});
