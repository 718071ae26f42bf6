// A chart of the plan as DrawingML: the drawing part that places it over a sheet's cells and the
// chart part that draws bars from the sheet's cells by reference, so the chart follows the model
// when it recalculates.
import { absoluteReference } from '../../core/cell';
import { CellBlock, ChartPlan } from '../../layout/plan';
import { NAMESPACE, XML_DECLARATION } from './ooxml';
import { xmlAttribute, xmlText } from './xml';

/** A cell corner in a drawing: zero-based column and row. */
const corner = (tag: 'from' | 'to', column: number, row: number) =>
  `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** The drawing part of a sheet: each chart over its cells, each pointing at its chart part by relationship id. */
export function drawingXml(charts: readonly ChartPlan[], relationshipIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => [
    '<xdr:twoCellAnchor editAs="oneCell">',
    corner('from', chart.anchor.left - 1, chart.anchor.top - 1),
    corner('to', chart.anchor.right, chart.anchor.bottom),
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlAttribute(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
    `<a:graphic><a:graphicData uri="${NAMESPACE.chart}"><c:chart xmlns:c="${NAMESPACE.chart}" xmlns:r="${NAMESPACE.relationships}" r:id="${relationshipIds[i]}"/></a:graphicData></a:graphic>`,
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>',
  ].join(''));
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NAMESPACE.spreadsheetDrawing}" xmlns:a="${NAMESPACE.drawingMl}">${anchors.join('')}</xdr:wsDr>`;
}

/** A text as DrawingML paragraphs' runs. */
const rich = (text: string) => `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-GB" b="1"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich>`;

/** The chart part: a clustered bar chart (columns, or bars across for a tornado) of the plan's series. */
export function chartXml(chart: ChartPlan, sheet: string): string {
  const ref = (range: CellBlock) => xmlText(absoluteReference(sheet, range));
  const series = chart.series.map((s, i) => [
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`,
    s.name.cell ? `<c:tx><c:strRef><c:f>${ref(s.name.cell)}</c:f></c:strRef></c:tx>` : `<c:tx><c:v>${xmlText(s.name.text)}</c:v></c:tx>`,
    '<c:invertIfNegative val="0"/>',
    `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f></c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val>`,
    '</c:ser>',
  ].join(''));
  const across = chart.kind === 'bar';
  const format = xmlAttribute(chart.valueFormat ?? 'General');
  return `${XML_DECLARATION}<c:chartSpace xmlns:c="${NAMESPACE.chart}" xmlns:a="${NAMESPACE.drawingMl}" xmlns:r="${NAMESPACE.relationships}">`
    + '<c:roundedCorners val="0"/><c:chart>'
    + `<c:title><c:tx>${rich(chart.title)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    + '<c:plotArea><c:layout/>'
    + `<c:barChart><c:barDir val="${across ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}`
    + '<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
    + `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${across ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${across ? 'l' : 'b'}"/>`
    + '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
    + '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    + `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${across ? 'b' : 'l'}"/><c:majorGridlines/>`
    + `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`
    + '<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
    + '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
}
