// Applies a layout plan to a workbook package: the plan's sheets become new worksheet parts, and
// only the workbook-level parts that must list them change (the workbook, its relationships, the
// content types and the styles). Every other part of the user's file is copied as it was stored,
// byte for byte: charts, pivot tables, Excel tables, comments, images, macros, external links.
// A sheet the plan removes (the product's own, from an earlier run) goes with its part. Every
// decision about what to write is in the plan; this file only knows how a package holds it.
import { CellRange, Grid, absoluteReference, sheetReference } from '../../core/cell';
import { ChartPlan, SheetPlan, WorkbookPlan } from '../../layout/plan';
import { chartXml, drawingXml } from './chart-xml';
import { CONTENT_TYPE, NAMESPACE, RELATIONSHIP, XML_DECLARATION } from './ooxml';
import { Package, PackageError, PartContent, packageInMemory, relationshipsOf, relationshipsPart, resolveTarget, savePackage } from './package';
import { workbookParts } from './read-package';
import { SheetRows, plannedRows, sheetExtent, sheetXml, valuesSheet } from './sheet-xml';
import { EMPTY_STYLES, mergeStyles } from './styles-xml';
import { XmlDocument, XmlElement, childOf, childrenOf, createChild, ensureChild, parseXmlDocument, serializeXml } from './xml';

/** The order of the workbook part's children (ECMA-376 18.2.28), to put a missing one in its place. */
const WORKBOOK_ORDER = ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** A name for a new part, in `folder`, that the package does not have. */
function freshPart(pkg: Package, folder: string, stem: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const part = `${folder}${stem}${n}.xml`;
    if (!pkg.has(part) && !taken.has(part)) {
      taken.add(part);
      return part;
    }
  }
}

/**
 * The package with the plan applied, as the bytes of a file. The plan's sheets follow the
 * workbook's own; the sheets it removes go with their own names, and so do the names it lists.
 */
export async function writeIntoPackage(pkg: Package, plan: WorkbookPlan): Promise<Uint8Array> {
  return writeSheets(pkg, plan, []);
}

/** The package with the plan applied, `first` written before the plan's sheets: sheets whose rows are made as they are written. */
async function writeSheets(pkg: Package, plan: WorkbookPlan, first: readonly { sheet: SheetPlan; rows: SheetRows }[]): Promise<Uint8Array> {
  const parts = await workbookParts(pkg);
  const put = new Map<string, PartContent>();
  const remove = new Set<string>();

  const workbookDocument = parseXmlDocument(await pkg.text(parts.workbook), parts.workbook);
  const workbook = workbookDocument.documentElement as XmlElement;
  if (workbook.namespaceURI !== NAMESPACE.spreadsheet) {
    throw new PackageError('it is saved as "Strict Open XML", which vfm cannot add sheets to; save it from Excel as an Excel Workbook (.xlsx)');
  }
  const relsPart = relationshipsPart(parts.workbook);
  const relsDocument = parseXmlDocument(await pkg.text(relsPart), relsPart);
  const rels = relsDocument.documentElement as XmlElement;
  const typesDocument = parseXmlDocument(await pkg.text('[Content_Types].xml'), '[Content_Types].xml');
  const types = typesDocument.documentElement as XmlElement;
  const folder = parts.workbook.slice(0, parts.workbook.lastIndexOf('/') + 1);
  const relationshipElements = childrenOf(rels, 'Relationship');
  const dropRelationship = (id: string) => relationshipElements.filter((r) => r.getAttribute('Id') === id).forEach((r) => rels.removeChild(r));
  // Part names are compared without regard to case, as the Open Packaging Conventions compare them.
  const dropOverride = (part: string) => childrenOf(types, 'Override').filter((o) => (o.getAttribute('PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase()).forEach((o) => types.removeChild(o));
  // A part goes with its relationships; the content types of both go at the end, with every part removed.
  const dropPart = (part: string) => {
    remove.add(part);
    if (pkg.has(relationshipsPart(part))) remove.add(relationshipsPart(part));
  };

  // The product's sheets of an earlier run, and what points at them.
  const sheetsElement = ensureChild(workbookDocument, workbook, 'sheets', WORKBOOK_ORDER);
  const sheetElements = childrenOf(sheetsElement, 'sheet');
  const removedNames = new Set(plan.remove);
  const newIndex: (number | undefined)[] = [];
  let kept = 0;
  for (const element of sheetElements) {
    const name = element.getAttribute('name') ?? '';
    if (!removedNames.has(name)) {
      newIndex.push(kept++);
      continue;
    }
    newIndex.push(undefined);
    const sheet = parts.sheets.find((s) => s.name === name);
    if (sheet) {
      dropRelationship(sheet.relationshipId);
      // Its drawing and the charts in it go with it: no other part refers to them.
      for (const drawing of (await relationshipsOf(pkg, sheet.part)).filter((rel) => rel.kind === 'drawing')) {
        for (const chart of (await relationshipsOf(pkg, drawing.part)).filter((rel) => rel.kind === 'chart')) dropPart(chart.part);
        dropPart(drawing.part);
      }
      dropPart(sheet.part);
    }
    sheetsElement.removeChild(element);
  }
  if (removedNames.size > 0) {
    // The calculation chain lists the cells of the removed sheets; Excel makes it anew when it is missing.
    const chain = relationshipElements.find((r) => (r.getAttribute('Type') ?? '').endsWith('/calcChain'));
    if (chain) {
      dropRelationship(chain.getAttribute('Id') ?? '');
      dropPart(resolveTarget(parts.workbook, chain.getAttribute('Target') ?? ''));
    }
  }
  const renumber = (value: string | null): string | undefined => {
    if (value === null) return undefined;
    const index = newIndex[Number(value)];
    return index === undefined ? undefined : String(index);
  };
  const bookViews = childOf(workbook, 'bookViews');
  for (const view of bookViews ? childrenOf(bookViews, 'workbookView') : []) {
    for (const attribute of ['activeTab', 'firstSheet']) {
      if (view.hasAttribute(attribute)) view.setAttribute(attribute, renumber(view.getAttribute(attribute)) ?? '0');
    }
  }

  // Defined names: a removed sheet's own go with it, and those the plan names; every other stays as it was.
  const names = ensureChild(workbookDocument, workbook, 'definedNames', WORKBOOK_ORDER);
  const lower = (text: string) => text.toLowerCase();
  const sheetNamed = sheetElements.map((e) => e.getAttribute('name') ?? '');
  const retired = plan.removeNames ?? [];
  const planned = new Set(plan.names.map((n) => lower(n.name)));
  for (const element of childrenOf(names, 'definedName')) {
    const local = element.getAttribute('localSheetId');
    const name = lower(element.getAttribute('name') ?? '');
    const scope = local === null ? undefined : sheetNamed[Number(local)];
    const named = retired.some((r) => lower(r.name) === name && (r.scope === undefined ? local === null : scope !== undefined && lower(r.scope) === lower(scope)));
    if (named || (local !== null && renumber(local) === undefined)) {
      names.removeChild(element);
      continue;
    }
    // The plan is made so that none of its names is the workbook's already; two of one name would spoil the file.
    if (local === null && planned.has(name)) throw new Error(`the plan defines the name ${element.getAttribute('name')}, which the workbook has and the plan does not remove`);
    if (local !== null) element.setAttribute('localSheetId', renumber(local) as string);
  }

  // Styles: the plan's added to the workbook's.
  // Each sheet's rows are made twice, once for the styles and extent and once as they are written, and never held whole.
  const sheets = [...first, ...plan.sheets.map((sheet) => ({ sheet, rows: plannedRows(sheet) }))];
  const extents = sheets.map(({ rows }) => sheetExtent(rows));
  const used = extents.flatMap((extent) => extent.used);
  let stylesPart = parts.styles;
  if (!stylesPart || !pkg.has(stylesPart)) {
    stylesPart = `${folder}styles.xml`;
    addRelationship(relsDocument, rels, RELATIONSHIP.styles, 'styles.xml');
    addOverride(typesDocument, types, stylesPart, CONTENT_TYPE.styles);
  }
  const styles = mergeStyles(pkg.has(stylesPart) ? await pkg.text(stylesPart) : undefined, plan.styles, used);
  put.set(stylesPart, styles.xml);

  // The plan's sheets, after the workbook's own.
  const firstIndex = kept;
  let sheetId = Math.max(0, ...sheetElements.map((e) => Number(e.getAttribute('sheetId')) || 0));
  const taken = new Set<string>();
  const rPrefix = workbook.lookupPrefix(NAMESPACE.relationships) ?? 'r';
  sheets.forEach(({ sheet, rows }, i) => {
    const part = freshPart(pkg, `${folder}worksheets/`, 'sheet', taken);
    const drawing = sheet.charts && sheet.charts.length > 0 ? addCharts(pkg, folder, part, sheet.name, sheet.charts, taken, put, typesDocument, types) : undefined;
    put.set(part, { chunks: () => sheetXml(sheet, rows, extents[i], styles.cellFormat, { drawing, date1904: parts.date1904 }) });
    const id = addRelationship(relsDocument, rels, RELATIONSHIP.worksheet, part.slice(folder.length));
    addOverride(typesDocument, types, part, CONTENT_TYPE.worksheet);
    const element = createChild(workbookDocument, sheetsElement, 'sheet');
    element.setAttribute('name', sheet.name);
    element.setAttribute('sheetId', String(++sheetId));
    element.setAttributeNS(NAMESPACE.relationships, `${rPrefix}:id`, id);
    sheetsElement.appendChild(element);
  });
  const define = (name: string, reference: string, localSheetId?: number) => {
    const element = createChild(workbookDocument, names, 'definedName');
    element.setAttribute('name', name);
    if (localSheetId !== undefined) element.setAttribute('localSheetId', String(localSheetId));
    element.appendChild(workbookDocument.createTextNode(reference));
    names.appendChild(element);
  };
  for (const name of plan.names) define(name.name, absoluteReference(name.sheet, name as CellRange));
  // A sheet's print area and title rows are names of its own, Excel's built-in ones (ECMA-376 Part 1, 18.2.5).
  sheets.forEach(({ sheet }, i) => {
    if (!sheet.print) return;
    define('_xlnm.Print_Area', absoluteReference(sheet.name, sheet.print.area), firstIndex + i);
    const titles = sheet.print.titleRows;
    if (titles) define('_xlnm.Print_Titles', `${sheetReference(sheet.name)}!$${titles.first}:$${titles.last}`, firstIndex + i);
  });
  if (childrenOf(names, 'definedName').length === 0) workbook.removeChild(names);

  // Excel calculates every formula on opening, since the new sheets hold no results.
  ensureChild(workbookDocument, workbook, 'calcPr', WORKBOOK_ORDER).setAttribute('fullCalcOnLoad', '1');

  // A content type is given to no part that is gone (LibreOffice gives one to every relationships part).
  for (const part of remove) dropOverride(part);

  put.set(parts.workbook, serializeXml(workbookDocument));
  put.set(relsPart, serializeXml(relsDocument));
  put.set('[Content_Types].xml', serializeXml(typesDocument));
  return savePackage(pkg, { put, remove });
}

/** A part listing relationships, each to a target of one type. */
function relationshipsXml(type: string, targets: readonly string[]): string {
  const each = targets.map((target, i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${NAMESPACE.packageRelationships}">${each}</Relationships>`;
}

/**
 * A sheet's charts as a drawing part and a chart part each, related to the sheet; returns the
 * relationship id by which the sheet names its drawing.
 */
function addCharts(pkg: Package, folder: string, sheetPart: string, sheetName: string, charts: readonly ChartPlan[], taken: Set<string>, put: Map<string, PartContent>, typesDocument: XmlDocument, types: XmlElement): string {
  const drawing = freshPart(pkg, `${folder}drawings/`, 'drawing', taken);
  const chartParts = charts.map(() => freshPart(pkg, `${folder}charts/`, 'chart', taken));
  const base = (part: string) => part.slice(part.lastIndexOf('/') + 1);
  put.set(relationshipsPart(sheetPart), relationshipsXml(RELATIONSHIP.drawing, [`../drawings/${base(drawing)}`]));
  put.set(drawing, drawingXml(charts, chartParts.map((_, i) => `rId${i + 1}`)));
  put.set(relationshipsPart(drawing), relationshipsXml(RELATIONSHIP.chart, chartParts.map((part) => `../charts/${base(part)}`)));
  addOverride(typesDocument, types, drawing, CONTENT_TYPE.drawing);
  charts.forEach((chart, i) => {
    put.set(chartParts[i], chartXml(chart, sheetName));
    addOverride(typesDocument, types, chartParts[i], CONTENT_TYPE.chart);
  });
  return 'rId1';
}

function addRelationship(document: XmlDocument, rels: XmlElement, type: string, target: string): string {
  const ids = new Set(childrenOf(rels, 'Relationship').map((r) => r.getAttribute('Id')));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const element = createChild(document, rels, 'Relationship');
  element.setAttribute('Id', `rId${n}`);
  element.setAttribute('Type', type);
  element.setAttribute('Target', target);
  rels.appendChild(element);
  return `rId${n}`;
}

function addOverride(document: XmlDocument, types: XmlElement, part: string, contentType: string): void {
  const element = createChild(document, types, 'Override');
  element.setAttribute('PartName', `/${part}`);
  element.setAttribute('ContentType', contentType);
  types.appendChild(element);
}

/** The few parts of a workbook with no sheets, to which `writeIntoPackage` adds them. */
function emptyWorkbook(): Package {
  return packageInMemory(new Map([
    ['[Content_Types].xml', `${XML_DECLARATION}<Types xmlns="${NAMESPACE.contentTypes}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`],
    ['_rels/.rels', relationshipsXml(RELATIONSHIP.officeDocument, ['xl/workbook.xml'])],
    ['xl/workbook.xml', `${XML_DECLARATION}<workbook xmlns="${NAMESPACE.spreadsheet}" xmlns:r="${NAMESPACE.relationships}"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`],
    ['xl/_rels/workbook.xml.rels', relationshipsXml(RELATIONSHIP.styles, ['styles.xml'])],
    ['xl/styles.xml', EMPTY_STYLES],
  ]));
}

/** The host's own style for the values copied from the source: the workbook's default look. */
const SOURCE_STYLE = 'source values';

/**
 * A new .xlsx for a file vfm cannot edit in place (.xls, .ods, .csv): the source sheet's values
 * as its first sheet, under the same name and in the same cells, so the plan's links read them;
 * then the plan's sheets.
 */
export async function newWorkbookWithSource(source: Grid, plan: WorkbookPlan): Promise<Uint8Array> {
  return writeSheets(emptyWorkbook(), { ...plan, remove: [], styles: { ...plan.styles, [SOURCE_STYLE]: {} } }, [valuesSheet(source, SOURCE_STYLE)]);
}
