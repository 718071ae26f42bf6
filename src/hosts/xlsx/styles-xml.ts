// The plan's cell styles added to a workbook's styles part, after the styles it has: the user's
// styles keep their numbers, so none of their cells changes. A font, fill, border, number format
// or cell format already there as the product would write it (from an earlier run) is used again
// rather than added twice.
import { Style } from '../../layout/plan';
import { NAMESPACE, XML_DECLARATION } from './ooxml';
import { XmlDocument, XmlElement, childOf, childrenOf, ensureChild, parseXmlDocument, serializeXml } from './xml';

/** A styles part with nothing in it but what Excel needs: the default font, the two fills Excel reserves, no border. */
export const EMPTY_STYLES = `${XML_DECLARATION}<styleSheet xmlns="${NAMESPACE.spreadsheet}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The order of a styles part's children (ECMA-376 18.8.39), to put a missing one in its place. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function fontXml(style: Style): string {
  return `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}<sz val="${style.size ?? 11}"/>${style.color ? `<color rgb="${argb(style.color)}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
}

function fillXml(style: Style): string | undefined {
  return style.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>` : undefined;
}

function borderXml(style: Style): string | undefined {
  if (!style.borderTop && !style.borderBottom) return undefined;
  const side = (name: string, kind?: string) => (kind ? `<${name} style="${kind}"><color indexed="64"/></${name}>` : `<${name}/>`);
  return `<border>${side('left')}${side('right')}${side('top', style.borderTop)}${side('bottom', style.borderBottom)}<diagonal/></border>`;
}

function alignmentXml(style: Style): string {
  const attributes = [
    style.horizontal ? `horizontal="${style.horizontal}"` : '',
    style.wrap ? 'vertical="top" wrapText="1"' : '',
  ].filter(Boolean).join(' ');
  return attributes ? `<alignment ${attributes}/>` : '';
}

/** A list element of the styles part (fonts, fills...), made when missing, with its `count` kept true. */
class StyleList {
  private readonly known = new Map<string, number>();
  private readonly itemName: string;
  constructor(private readonly document: XmlDocument, private readonly list: XmlElement) {
    const listName = list.localName ?? '';
    this.itemName = ({ numFmts: 'numFmt', cellXfs: 'xf' } as Record<string, string>)[listName] ?? listName.slice(0, -1);
    childrenOf(list, this.itemName).forEach((element, index) => {
      const key = canonical(element);
      if (!this.known.has(key)) this.known.set(key, index);
    });
  }

  get size(): number {
    return childrenOf(this.list, this.itemName).length;
  }

  /** The index of an element like `xml`, added at the end when there is none. */
  indexOf(xml: string): number {
    const element = this.parse(xml);
    const key = canonical(element);
    const found = this.known.get(key);
    if (found !== undefined) return found;
    const index = this.size;
    this.list.appendChild(element);
    this.list.setAttribute('count', String(index + 1));
    this.known.set(key, index);
    return index;
  }

  private parse(xml: string): XmlElement {
    const prefix = this.list.prefix ? `${this.list.prefix}:` : '';
    const wrapped = parseXmlDocument(`<root xmlns${this.list.prefix ? `:${this.list.prefix}` : ''}="${this.list.namespaceURI ?? NAMESPACE.spreadsheet}">${prefix ? xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`) : xml}</root>`, 'styles');
    return this.document.importNode(wrapped.documentElement!.firstChild as XmlElement, true) as XmlElement;
  }
}

/** An element's markup with namespace declarations dropped, to compare one written here with one in the file. */
function canonical(element: XmlElement): string {
  return serializeXml(element as unknown as XmlDocument).replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
}

/** A list of the styles part, made in its place when missing. */
function listOf(document: XmlDocument, root: XmlElement, name: string): XmlElement {
  const made = childOf(root, name) === undefined;
  const list = ensureChild(document, root, name, ORDER);
  if (made) list.setAttribute('count', '0');
  return list;
}

/** The first number a custom format may take (0–163 are Excel's built-in ones). */
const FIRST_CUSTOM_FORMAT = 164;

export interface MergedStyles {
  /** The styles part with the plan's styles in it. */
  readonly xml: string;
  /** The cell format (`s`) of a plan style with a number format. */
  readonly cellFormat: (style: string, numberFormat: string | undefined) => number;
}

/**
 * Adds to the styles part (or to an empty one) a cell format for each (style, number format) the
 * sheets use: `used` lists them as `[style, format]`.
 */
export function mergeStyles(stylesXml: string | undefined, styles: Readonly<Record<string, Style>>, used: Iterable<readonly [string, string | undefined]>): MergedStyles {
  const document = parseXmlDocument(stylesXml ?? EMPTY_STYLES, 'xl/styles.xml');
  const root = document.documentElement as XmlElement;
  const numFmtsElement = listOf(document, root, 'numFmts');
  const numFmts = new StyleList(document, numFmtsElement);
  const fonts = new StyleList(document, listOf(document, root, 'fonts'));
  const fills = new StyleList(document, listOf(document, root, 'fills'));
  const borders = new StyleList(document, listOf(document, root, 'borders'));
  const cellXfs = new StyleList(document, listOf(document, root, 'cellXfs'));

  const formatIds = new Map<string, number>();
  const existingFormats = childrenOf(numFmtsElement, 'numFmt').map((f) => ({ id: Number(f.getAttribute('numFmtId')), code: f.getAttribute('formatCode') ?? '' }));
  let nextFormat = Math.max(FIRST_CUSTOM_FORMAT - 1, ...existingFormats.map((f) => f.id)) + 1;
  const formatId = (code: string | undefined): number => {
    if (code === undefined || code === 'General') return 0;
    const known = formatIds.get(code) ?? existingFormats.find((f) => f.code === code)?.id;
    if (known !== undefined) return known;
    const id = nextFormat++;
    numFmts.indexOf(`<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/>`);
    formatIds.set(code, id);
    return id;
  };

  const made = new Map<string, number>();
  for (const [styleName, code] of used) {
    const key = `${styleName}\u0000${code ?? ''}`;
    if (made.has(key)) continue;
    const style = styles[styleName];
    const numFmtId = formatId(code);
    const fontId = fonts.indexOf(fontXml(style));
    const fill = fillXml(style);
    const border = borderXml(style);
    const fillId = fill ? fills.indexOf(fill) : 0;
    const borderId = border ? borders.indexOf(border) : 0;
    const alignment = alignmentXml(style);
    made.set(key, cellXfs.indexOf(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"${alignment ? ' applyAlignment="1"' : ''}>${alignment}</xf>`,
    ));
  }
  if (numFmts.size === 0) root.removeChild(numFmtsElement);
  return {
    xml: serializeXml(document),
    cellFormat: (style, numberFormat) => {
      const index = made.get(`${style}\u0000${numberFormat ?? ''}`);
      if (index === undefined) throw new Error(`no cell format was made for the style "${style}" with "${numberFormat ?? 'General'}"`);
      return index;
    },
  };
}
