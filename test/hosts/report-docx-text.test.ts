// The Word report holds what a label can: emoji and right-to-left text as they are, and the
// characters a Word document cannot hold (control characters, U+FFFE, U+FFFF, half of a surrogate
// pair alone) left out, so that the document is well-formed and Word opens it.
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { reportDocx } from '../../src/hosts/report-docx';

it('keeps emoji and right-to-left text, and leaves out what XML cannot hold', async () => {
  const label = (text: string) => `Core team\u0000\u0001 ${text} \ufffe\uffff\ud83d`;
  const bytes = await reportDocx({
    title: label('title'),
    blocks: [
      { heading: label('heading') },
      { paragraph: label('CRM 📞 شبكة תמיכה \u202eeulav\u202c') },
      { table: { columns: [{ heading: label('item'), align: 'left' }], rows: [[label('row')]], total: [label('total')] } },
    ],
  }, 'VfM Scenarios');
  const zip = await JSZip.loadAsync(bytes);
  for (const name of ['word/document.xml', 'docProps/core.xml']) {
    const xml = await zip.file(name)!.async('string');
    expect(() => new SaxesParser({ xmlns: true }).write(xml).close()).not.toThrow();
  }
  const document = await zip.file('word/document.xml')!.async('string');
  for (const text of ['title', 'heading', 'CRM 📞 شبكة תמיכה \u202eeulav\u202c', 'item', 'row', 'total']) expect(document).toContain(`>Core team ${text} </w:t>`);
});
