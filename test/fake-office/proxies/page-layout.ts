// A worksheet's printing (ExcelApi 1.9): its page layout (orientation, zoom, paper size, print area,
// title rows), the footer of every page (headersFooters.defaultForAllPages) and its manual
// horizontal page breaks (worksheet.horizontalPageBreaks).

import { MAX_COLUMNS, Rect } from '../address';
import { EntityObject, ExecScope, ObjectInit } from '../client-object';
import { invalidArgument, notImplemented } from '../errors';
import type { PageFooter, PageZoom, SheetModel } from '../model';
import { numberIn, oneOf, record, text } from '../validate';
import { Range, resolveAddress } from './range';

/** Excel.PaperType. */
export const PAPER_TYPES = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5',
  'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14',
  'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65',
  'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS',
  'FanfoldStdGerman', 'FanfoldLegalGerman',
] as const;

/** A header's or footer's sections together, in the codes a file holds them in, are at most 255 characters (MS-XLS 2.4.136). */
export const MAX_FOOTER = 255;

/** The cells a Range or an address on the sheet names: one rectangle (several areas are not modelled). */
function rectOn(sheet: SheetModel, target: unknown, scope: ExecScope, location: string): Rect {
  if (target instanceof Range) {
    const entity = target.live(scope);
    if (entity.sheet !== sheet) throw invalidArgument('the range is on another sheet', location);
    return entity.rect;
  }
  if (typeof target === 'string' && target.includes(',')) throw notImplemented(`${location} with several areas`);
  return resolveAddress(scope.model, sheet, target, location);
}

interface PageLayoutScalars {
  orientation: 'Portrait' | 'Landscape';
  zoom: PageZoom;
  paperSize: string;
}

export class PageLayout extends EntityObject<SheetModel, PageLayoutScalars> {
  private readonly nav: { headersFooters?: HeaderFooterGroup } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, { orientation: (s) => s.orientation, zoom: (s) => ({ ...s.zoom }), paperSize: (s) => s.paperSize });
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  get orientation(): 'Portrait' | 'Landscape' {
    return this.get('orientation');
  }
  set orientation(v: unknown) {
    this.queueSet('orientation', v, (s, value) => {
      s.orientation = oneOf(value, ['Portrait', 'Landscape'] as const, this.location('orientation'));
    });
  }
  /** `{ scale }` (10–400) or `{ horizontalFitToPages, verticalFitToPages }` (0 = automatic). */
  get zoom(): PageZoom {
    return this.get('zoom');
  }
  set zoom(v: unknown) {
    this.queueSet('zoom', v, (s, value) => {
      const location = this.location('zoom');
      const rec = record(value, ['scale', 'horizontalFitToPages', 'verticalFitToPages'], location);
      const zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } = {};
      if (rec.scale !== undefined) zoom.scale = numberIn(rec.scale, 10, 400, location, true);
      if (rec.horizontalFitToPages !== undefined) zoom.horizontalFitToPages = numberIn(rec.horizontalFitToPages, 0, 32_767, location, true);
      if (rec.verticalFitToPages !== undefined) zoom.verticalFitToPages = numberIn(rec.verticalFitToPages, 0, 32_767, location, true);
      if (Object.keys(zoom).length === 0) throw invalidArgument('zoom needs scale or fit-to-pages', location);
      if (zoom.scale !== undefined && Object.keys(zoom).length > 1) throw invalidArgument('zoom is either a scale or fit-to-pages, not both', location);
      s.zoom = zoom;
    });
  }
  /** One of Excel.PaperType. */
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(v: unknown) {
    this.queueSet('paperSize', v, (s, value) => {
      s.paperSize = oneOf(value, PAPER_TYPES, this.location('paperSize'));
    });
  }

  /** The header and footer of the sheet's pages; only `defaultForAllPages` is modelled. */
  get headersFooters(): HeaderFooterGroup {
    this.nav.headersFooters ??= this.spawn('property', 'headersFooters', [], 'HeaderFooterGroup', false, (init) => new HeaderFooterGroup(init, (scope) => this.live(scope)));
    return this.nav.headersFooters;
  }

  /** The print area: a Range on the sheet or an address ("A1:K40", "'My sheet'!A1:K40", a name on the sheet). */
  setPrintArea(printArea: unknown): void {
    this.queueMethod('setPrintArea', [printArea], (s, scope) => {
      s.printArea = rectOn(s, printArea, scope, this.location('setPrintArea'));
    });
  }

  /** The rows repeated at the top of every printed page: "the range must span the entire row" ("$5:$6", "5:5"). */
  setPrintTitleRows(printTitleRows: unknown): void {
    this.queueMethod('setPrintTitleRows', [printTitleRows], (s, scope) => {
      const location = this.location('setPrintTitleRows');
      const rect = rectOn(s, printTitleRows, scope, location);
      if (rect.column !== 0 || rect.columnCount !== MAX_COLUMNS) throw invalidArgument('the title rows must span entire rows ("5:5")', location);
      s.printTitleRows = rect;
    });
  }
}

export class HeaderFooterGroup extends EntityObject<SheetModel, Record<string, never>> {
  private readonly nav: { defaultForAllPages?: HeaderFooter } = {};

  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, {});
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  /** The header and footer of every page, unless first, odd or even pages have their own (not modelled). */
  get defaultForAllPages(): HeaderFooter {
    this.nav.defaultForAllPages ??= this.spawn('property', 'defaultForAllPages', [], 'HeaderFooter', false, (init) => new HeaderFooter(init, (scope) => this.live(scope)));
    return this.nav.defaultForAllPages;
  }
}

type FooterScalars = { leftFooter: string; centerFooter: string; rightFooter: string };
const SECTIONS = { leftFooter: 'left', centerFooter: 'center', rightFooter: 'right' } as const satisfies Record<keyof FooterScalars, keyof PageFooter>;

/** A footer's sections: text in Excel's codes. The headers are not modelled. */
export class HeaderFooter extends EntityObject<SheetModel, FooterScalars> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, { leftFooter: (s) => s.footer.left, centerFooter: (s) => s.footer.center, rightFooter: (s) => s.footer.right });
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  private setSection(name: keyof FooterScalars, v: unknown): void {
    this.queueSet(name, v, (s, value) => {
      const location = this.location(name);
      const footer = { ...s.footer, [SECTIONS[name]]: text(value, location) };
      const codes = (['left', 'center', 'right'] as const).map((section, i) => (footer[section] === '' ? '' : `&${'LCR'[i]}${footer[section]}`)).join('');
      if (codes.length > MAX_FOOTER) throw invalidArgument(`a footer is at most ${MAX_FOOTER} characters with its section codes (this one would be ${codes.length})`, location);
      s.footer = footer;
    });
  }

  get leftFooter(): string {
    return this.get('leftFooter');
  }
  set leftFooter(v: unknown) {
    this.setSection('leftFooter', v);
  }
  get centerFooter(): string {
    return this.get('centerFooter');
  }
  set centerFooter(v: unknown) {
    this.setSection('centerFooter', v);
  }
  get rightFooter(): string {
    return this.get('rightFooter');
  }
  set rightFooter(v: unknown) {
    this.setSection('rightFooter', v);
  }
}

/** The sheet's manual horizontal page breaks; only `add` is modelled. */
export class PageBreakCollection extends EntityObject<SheetModel, Record<string, never>> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, {});
  }

  protected override alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  /** A break above the top-left cell of the range ("the range immediately after the page break"); none can stand above row 1. */
  add(pageBreakRange: unknown): PageBreak {
    const made: { sheet?: SheetModel } = {};
    this.queueMethod('add', [pageBreakRange], (s, scope) => {
      const location = this.location('add');
      const rect = rectOn(s, pageBreakRange, scope, location);
      if (rect.row === 0) throw invalidArgument('no page break can stand above row 1', location);
      s.rowBreaks.add(rect.row);
      made.sheet = s;
    });
    return this.spawn('method', 'add', [pageBreakRange], 'PageBreak', false, (init) => new PageBreak(init, () => made.sheet ?? null));
  }
}

/** A page break as `add` returns it; none of its members is modelled. */
export class PageBreak extends EntityObject<SheetModel, Record<string, never>> {
  constructor(init: ObjectInit, locator: (scope: ExecScope) => SheetModel | null) {
    super(init, locator, {});
  }
}
