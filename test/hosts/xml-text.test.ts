// Text written into a workbook's XML: any text a cell can hold (control characters, emoji, lone
// halves of surrogate pairs, right-to-left text, what looks like Excel's own `_xHHHH_` escapes)
// makes a well-formed part, and reads back as it was, as ECMA-376 asks of ST_Xstring.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { unescapeExcelText, xmlText } from '../../src/hosts/xlsx/xml';

/** The character data of `<t>` holding `escaped`, as an XML 1.0 parser reads it; a part that is not well-formed throws. */
function parsed(escaped: string): string {
  let text = '';
  const parser = new SaxesParser();
  parser.on('text', (t) => void (text += t));
  parser.write(`<?xml version="1.0"?><t xml:space="preserve">${escaped}</t>`).close();
  return text;
}
const roundTrip = (text: string) => unescapeExcelText(parsed(xmlText(text)));

describe('text in a workbook part', () => {
  it('writes the characters XML 1.0 cannot hold as Excel does, _xHHHH_', () => {
    expect(xmlText('Core team\u0000 \u0001\u001f\r')).toBe('Core team_x0000_ _x0001__x001F__x000D_');
    expect(xmlText('CRM \uD83D \uFFFF')).toBe('CRM _xD83D_ _xFFFF_');
    for (const text of ['Core team\u0000', 'a\u0001b', '\uD83D', '\uDCDE', '\uFFFE']) expect(roundTrip(text)).toBe(text);
  });

  it('keeps emoji, right-to-left text and bidi overrides as they are', () => {
    for (const text of ['CRM 📞', '📞📠💷', 'شبكة الاتصالات', 'תמיכה טכנית', 'Email \u202Eeulav\u202C', '\u2066CRM\u2069 \u2067x\u2068y\u2069', 'tab\tnew\nline']) {
      expect(xmlText(text)).toBe(text);
      expect(roundTrip(text)).toBe(text);
    }
  });

  it('escapes an underscore that would start _xHHHH_ as _x005F_, and no other, so that it reads back as written', () => {
    expect(xmlText('Line _x0041_ rental')).toBe('Line _x005F_x0041_ rental');
    expect(unescapeExcelText('Line _x005F_x0041_ rental')).toBe('Line _x0041_ rental');
    // Two that share an underscore, and one whose closing underscore is an escaped character's.
    expect(xmlText('_x0041_x0042_')).toBe('_x005F_x0041_x005F_x0042_');
    expect(xmlText('_x0041\u0000')).toBe('_x005F_x0041_x0000_');
    // Excel takes _x005F_ only before xHHHH_ (it repairs a workbook that has it elsewhere).
    for (const text of ['Data_x2020', 'snake_case', '_x004', '_x0041 ']) expect(xmlText(text)).toBe(text);
    expect(xmlText('\uD83Dx005F_')).toBe('_xD83D_x005F_');
    for (const text of ['\uD83Dx005F_', '_x0041_x0042_', '_x0041\u0001', '_x005F_', '__x0041__', '_x004\u0001', '_x0041', 'x0041_', '_X0041_', '_x00e9_']) {
      expect(roundTrip(text)).toBe(text);
    }
  });

  it('makes a well-formed part that reads back as it was, for any text', () => {
    const characters = fc.oneof(
      fc.string({ unit: 'binary' }),
      // Pieces of escapes, so that they meet as a hostile or unlucky label would have them meet.
      fc.array(fc.constantFrom('_', '_x', 'x', '0041', '005F', '00', 'F', '_x0041_', '\u0000', '\u0001', '\r', '\n', '📞', '\uD83D', '\u202E', 'ش', '&', '<')).map((parts) => parts.join('')),
    );
    fc.assert(fc.property(characters, (text) => {
      const written = xmlText(text);
      // The escapes as a reader finds them, left to right: `_xD83D_x005F_` is one, then plain text.
      const escapedUnderscores = [...written.matchAll(/_x([0-9A-Fa-f]{4})_/g)].filter((m) => m[1].toUpperCase() === '005F').map((m) => written.slice(m.index + 7));
      return unescapeExcelText(parsed(written)) === text && escapedUnderscores.every((after) => /^x[0-9A-Fa-f]{4}_/.test(after));
    }), { numRuns: 2000 });
  });
});
