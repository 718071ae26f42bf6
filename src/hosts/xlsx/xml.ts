// The small XML parts of a package (workbook, relationships, content types, styles, tables) as
// DOM trees, and the escaping of text written into XML. Elements are found by local name, so a
// producer that writes prefixed elements (`<x:sheet>`) reads like one that does not.
import { DOMParser, Document, Element, XMLSerializer, onErrorStopParsing } from '@xmldom/xmldom';
import { PackageError } from './package-error';

export type XmlElement = Element;
export type XmlDocument = Document;

export function parseXmlDocument(text: string, part: string): Document {
  try {
    const document = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
    if (!document.documentElement) throw new Error('no root element');
    return document;
  } catch {
    throw new PackageError(`the part ${part} is not well-formed XML`);
  }
}

export function parseXml(text: string, part: string): Element {
  return parseXmlDocument(text, part).documentElement as Element;
}

export function serializeXml(document: Document): string {
  return new XMLSerializer().serializeToString(document);
}

/** The element's children of that local name, in order. */
export function childrenOf(element: Element, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === localName) found.push(node as Element);
  }
  return found;
}

export function childOf(element: Element, localName: string): Element | undefined {
  return childrenOf(element, localName)[0];
}

/** A new element of the parent's namespace, written with the parent's prefix. */
export function createChild(document: Document, parent: Element, localName: string): Element {
  return document.createElementNS(parent.namespaceURI, parent.prefix ? `${parent.prefix}:${localName}` : localName);
}

/**
 * The root's child of that local name; when it has none, a new one, put in its place by the
 * schema's `order` of the root's children (before the first child that comes after it).
 */
export function ensureChild(document: Document, root: Element, localName: string, order: readonly string[]): Element {
  const existing = childOf(root, localName);
  if (existing) return existing;
  const element = createChild(document, root, localName);
  const after = order.slice(order.indexOf(localName) + 1);
  let before: Element | null = null;
  for (let node = root.firstChild; node && !before; node = node.nextSibling) {
    if (node.nodeType === 1 && after.includes((node as Element).localName ?? '')) before = node as Element;
  }
  root.insertBefore(element, before);
  return element;
}

/** The text of an element and its descendants. */
export function textOf(element: Element): string {
  return element.textContent ?? '';
}

/**
 * The characters XML 1.0 cannot hold (control characters but tab and newline, U+FFFE, U+FFFF, half
 * of a surrogate pair alone: in a /u pattern a surrogate range matches only a lone half), and a
 * carriage return, which XML reads as a newline.
 */
const UNWRITABLE = '[\\u0000-\\u0008\\u000b-\\u001f\\uD800-\\uDFFF\\uFFFE\\uFFFF]';
/**
 * An underscore that would start `_xHHHH_` where the text is written: before `x`, four hex digits
 * and an underscore, or a character that is written as an escape (which starts with one).
 */
const LEADING_UNDERSCORE = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${UNWRITABLE}))`, 'gu');
const UNWRITABLE_CHARACTER = new RegExp(UNWRITABLE, 'gu');

/**
 * Text as XML character data (ECMA-376's ST_Xstring). The characters XML cannot hold are written
 * as Excel writes them, `_xHHHH_`, and an underscore that would start `_xHHHH_` in what is written
 * is itself escaped, `_x005F_` (Excel takes `_x005F_` nowhere else), so the cell reads back as it
 * was: `_x0041_x0042_` as `_x005F_x0041_x005F_x0042_`, `_x0041` before a NUL as
 * `_x005F_x0041_x0000_`.
 */
export function xmlText(text: string): string {
  return text
    .replace(LEADING_UNDERSCORE, '_x005F_')
    .replace(UNWRITABLE_CHARACTER, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text as an attribute value in double quotes. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Text as XML character data spells it: the five named entities and character references decoded; any other left as it is. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, name: string) => {
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : undefined;
    if (code === undefined) return ENTITIES[name] ?? whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text Excel meant by character data holding `_xHHHH_` escapes. */
export function unescapeExcelText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
