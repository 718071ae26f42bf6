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
 * Text as XML character data. Characters XML 1.0 cannot hold (control characters, lone
 * surrogates) are written as Excel writes them, `_xHHHH_`, and a literal `_xHHHH_` is itself
 * escaped, so the cell reads back as it was; a carriage return too, since XML would drop it.
 */
export function xmlText(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    // In a /u pattern a surrogate range matches only a lone surrogate; a pair is one character.
    .replace(/[\p{Cc}\uFFFE\uFFFF\uD800-\uDFFF]/gu, (c) => (c === '\t' || c === '\n' || c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f
      ? c
      : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text as an attribute value in double quotes. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** The text Excel meant by character data holding `_xHHHH_` escapes. */
export function unescapeExcelText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
