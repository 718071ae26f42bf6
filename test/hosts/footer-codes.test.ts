import { footerCodes, sectionCodes } from '../../src/hosts/footer-codes';

describe('a footer in Excel\'s codes', () => {
  it('writes each field as its code and text with every & doubled, so no text becomes a code', () => {
    expect(sectionCodes([{ text: 'Page ' }, { field: 'page' }, { text: ' of ' }, { field: 'pages' }])).toBe('Page &P of &N');
    expect(sectionCodes([{ field: 'sheet' }, { text: ' ' }, { field: 'file' }])).toBe('&A &F');
    expect(sectionCodes([{ text: 'R&D &P&N&&12 &"Arial" &' }])).toBe('R&&D &&P&&N&&&&12 &&"Arial" &&');
  });

  it('puts the sections after &L, &C and &R, leaving out an empty one', () => {
    expect(footerCodes({ left: [{ field: 'sheet' }], center: [{ text: 'A&B' }], right: [{ field: 'page' }] })).toBe('&L&A&CA&&B&R&P');
    expect(footerCodes({ left: [], center: [{ text: 'x' }], right: [] })).toBe('&Cx');
  });
});
