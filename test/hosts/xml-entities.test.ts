// Character data as an .xlsx's shared strings spell it: the named entities and character references
// decoded, and a reference to no character (past U+10FFFF) left as it is written, not a fault.
import path from 'path';
import { decodeEntities } from '../../src/hosts/xlsx/xml';
import { readBack, temporaryDirectory, writeWorkbookStoring } from '../support/workbooks';

describe('XML character data', () => {
  it.each([
    ['R&amp;D &lt;x&gt; &quot;q&quot; &apos;s', 'R&D <x> "q" \'s'],
    ['&#9;&#x0A;&#x1F4DE;', '\t\n📞'],
    ['&nbsp; &#x110000; &#99999999;', '&nbsp; &#x110000; &#99999999;'],
  ])('%j reads as %j', (text, expected) => {
    expect(decodeEntities(text)).toBe(expected);
  });

  it('reads a shared string holding a reference to no character', async () => {
    const file = await writeWorkbookStoring(path.join(temporaryDirectory(), 'in.xlsx'), [{ name: 'Costs', rows: [['Item', '£'], ['LABEL', 100]] }], { LABEL: 'CRM &#x110000;' });
    const grid = await (await readBack(file)).grid('Costs');
    expect(grid.values[1]).toEqual(['CRM &#x110000;', 100]);
  });
});
