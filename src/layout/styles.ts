// How the product's sheets look: inputs stand out from calculations (FAST, ICAEW), links to other
// sheets are green, checks show TRUE or FALSE, money is £ with pence.

export const STYLES = {
  title: { bold: true, size: 14, color: '#1F3864' },
  subtitle: { italic: true, color: '#595959' },
  heading: { bold: true, color: '#1F3864', borderBottom: 'medium' },
  header: { bold: true, fill: '#D9E1F2', borderBottom: 'thin', wrap: true },
  label: {},
  strong: { bold: true },
  unit: { color: '#595959' },
  note: { italic: true, color: '#595959' },
  input: { color: '#0000CC', fill: '#FFF2CC' },
  calc: {},
  link: { color: '#00703C' },
  output: { bold: true, fill: '#E2EFDA' },
  total: { bold: true, borderTop: 'thin', borderBottom: 'double' },
  check: { bold: true, horizontal: 'center' },
  /** A sentence of the report, wrapped in its cell. */
  prose: { wrap: true },
  /** The report's tables: a column of figures stands to the right, a column of short words in the centre. */
  headerRight: { bold: true, fill: '#D9E1F2', borderBottom: 'thin', wrap: true, horizontal: 'right' },
  linkRight: { color: '#00703C', horizontal: 'right' },
  totalRight: { bold: true, borderTop: 'thin', borderBottom: 'double', horizontal: 'right' },
  headerCentre: { bold: true, fill: '#D9E1F2', borderBottom: 'thin', wrap: true, horizontal: 'center' },
  linkCentre: { color: '#00703C', horizontal: 'center' },
  totalCentre: { bold: true, borderTop: 'thin', borderBottom: 'double', horizontal: 'center' },
  /** Long text kept to its own cell (wrapped, not spilling across the page): a record for the machine as much as the reader. */
  wrapped: { wrap: true, color: '#595959' },
} as const satisfies Record<string, import('./plan').Style>;

export type StyleName = keyof typeof STYLES;

export const FORMATS = {
  money: '"£"#,##0.00;[Red]-"£"#,##0.00',
  /** Whole pounds, for a chart's value axis. */
  moneyAxis: '"£"#,##0;-"£"#,##0',
  /** Pounds, in billions from a billion up: the largest amounts an input may take. */
  moneyLimit: '[>=1000000000]"£"#,##0,,,"bn";"£"#,##0',
  date: 'd mmm yyyy',
  percent: '0.00%',
  factor: '0.0000',
  whole: '0',
  /** The same, showing nothing for zero: the blank rows of an input table's workings. */
  wholeOrBlank: '0;-0;',
  factorOrBlank: '0.0000;-0.0000;',
  dateOrBlank: 'd mmm yyyy;;',
  percentOrBlank: '0.00%;-0.00%;',
  text: '@',
} as const;
