// The committee paragraph as a Word document (.docx, through the docx library): the document plan's
// headings, paragraphs and tables as they are, on A4 in Arial 11pt, each table a Word table with
// its columns aligned as planned. Nothing here decides what the document says.
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { DocumentPlan, DocumentTable } from '../layout/plan';

/** A4 in twentieths of a point, with margins of an inch. */
const A4 = { width: 11_906, height: 16_838, margin: 1_440 };
const FONT = 'Arial';
/** Half-points: 11pt text, 12pt headings and 14pt for the title. */
const SIZE = { text: 22, heading: 24, title: 28 };
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, centre: AlignmentType.CENTER } as const;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;

/**
 * Text as a Word document can hold it: XML 1.0 holds no control character below space but tab,
 * newline and return, no U+FFFE or U+FFFF and no half of a surrogate pair alone (in a /u pattern a
 * surrogate range matches only a lone half), and Word has no escape for them, so a label holding
 * one is shown without it.
 */
const wordText = (text: string) => text.replace(/(?![\t\n\r\u007f-\u009f])[\p{Cc}\uD800-\uDFFF\uFFFE\uFFFF]/gu, '');

function table({ columns, rows, total }: DocumentTable): Table {
  /** A row; the heading row repeats at the top of each page the table runs onto. */
  const line = (cells: readonly string[], bold: boolean, tableHeader = false) => new TableRow({
    tableHeader,
    children: cells.map((value, i) => new TableCell({
      borders: { top: RULE, bottom: RULE, left: RULE, right: RULE },
      margins: { left: 80, right: 80 },
      children: [new Paragraph({ alignment: ALIGN[columns[i].align], children: [new TextRun({ text: wordText(value), bold, font: FONT, size: SIZE.text })] })],
    })),
  });
  // The first column, of labels, takes half the width; the others share the rest.
  const width = A4.width - 2 * A4.margin;
  const first = columns.length > 1 ? Math.round(width / 2) : width;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns.map((_, i) => (i === 0 ? first : Math.floor((width - first) / (columns.length - 1)))),
    rows: [
      line(columns.map((c) => c.heading), true, true),
      ...rows.map((cells) => line(cells, false)),
      ...(total ? [line(total, true)] : []),
    ],
  });
}

/** The report as the bytes of a .docx file; `creator` names the product that drafted it. */
export async function reportDocx(doc: DocumentPlan, creator: string): Promise<Uint8Array> {
  const text = (words: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text: wordText(words), font: FONT, size: options.size ?? SIZE.text, bold: options.bold });
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { after: 200 }, children: [text(doc.title, { bold: true, size: SIZE.title })] })];
  for (const block of doc.blocks) {
    if ('heading' in block) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [text(block.heading, { bold: true, size: SIZE.heading })] }));
    else if ('paragraph' in block) children.push(new Paragraph({ spacing: { after: 160 }, children: [text(block.paragraph)] }));
    else children.push(table(block.table), new Paragraph({ spacing: { after: 160 }, children: [] }));
  }
  const document = new Document({
    creator,
    title: wordText(doc.title),
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
