// The readable summary the CLI prints: plain text tables that fit an 100-column terminal. Every
// line the command prints goes through terminalText, which shows control characters escaped.
import { Analysis, ClassifiedRow } from '../../core/analysis';
import { AmountColumn, ChosenBy, describeColumn } from '../../core/amount-columns';
import { said } from '../../core/assumption-table';
import { a1, columnName } from '../../core/cell';
import { isoDate } from '../../core/calendar-date';
import { CostTableInfo, subtotalTies } from '../../core/cost-table';
import { reasonWords } from '../../core/classification';
import { fyLabel } from '../../core/financial-year';
import { Exact, Money, ZERO, add, formatMoney, pence } from '../../core/money';
import { headline, inputValueWords } from '../../core/headline';
import { KeyInputName, keyInput, keyInputLabel } from '../../core/key-inputs';
import { describeWarning } from '../../core/problems';
import { formatRate } from '../../core/rate';
import { visible } from '../../core/visible';
import { SheetChoice } from './source-sheet';

const ROWS_SHOWN = 40;
/** Subtotals and section headings listed in the report; the JSON summary has them all. */
const PARTS_SHOWN = 20;
const NOTE_SHOWN = 80;
const money = (amount: Money) => formatMoney(amount, false);

/** Lines as printed: each shown through `visible` and ended by a newline. */
export function terminalText(lines: readonly string[]): string {
  return lines.map((line) => `${visible(line)}\n`).join('');
}

function table(header: string[], given: string[][], alignRight: boolean[]): string[] {
  const rows = given.map((row) => row.map(visible)); // widths as shown
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    '  ' + cells.map((cell, i) => (alignRight[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Text as shown, cut to `width` with an ellipsis; never within a character or its escape. */
const clip = (text: string, width: number) => {
  const shown = visible(text);
  if (shown.length <= width) return shown;
  let cut = '';
  for (const character of text) {
    const piece = visible(character);
    if (cut.length + piece.length > width - 1) break;
    cut += piece;
  }
  return `${cut}…`;
};

/** The assumptions that took a default, with their values: the reader should know what was not given. */
function assumedText({ assumptions: a, assumptionSources: sources }: Analysis): string {
  const shown: Partial<Record<keyof typeof sources, string>> = {
    noticeServedOn: `notice served ${isoDate(a.noticeServedOn)} (today)`,
    noticeMonths: `${a.noticeMonths} months' notice`,
    horizonYears: `a horizon of ${a.horizonYears} years`,
    discountRate: `the Green Book discount rate ${formatRate(a.discountRate)}`,
    indexation: `indexation ${formatRate(a.indexation)}`,
    baseYear: `base year ${fyLabel(a.baseYear)} (the year notice is served in)`,
    sharing: `sharing ${a.sharing}`,
  };
  return (Object.keys(shown) as (keyof typeof sources)[])
    .filter((name) => sources[name] === 'default' || sources[name] === 'today')
    .map((name) => shown[name])
    .join(', ');
}

/** Which sheet was weighed the most like cost rows, and the others, or which table --range named; nothing when the sheet was named. */
function choiceText(sheet: string, choice: SheetChoice | undefined): string[] {
  if (choice?.by === '--range') return [`Read ${choice.reason ?? 'the name'} given by --range, on sheet "${sheet}".`];
  if (!choice || choice.by !== 'weighing' || choice.passedOver.length === 0) return [];
  const others = choice.passedOver.map((other) => `"${other.sheet}" (${other.reason})`).join(', ');
  return [`Sheet "${sheet}" chosen as the most like cost rows (${choice.reason}); passed over ${others}. Name another with --sheet NAME.`];
}

const CHOSEN_BY: Readonly<Record<ChosenBy, string>> = {
  'the only one': 'the only column of amounts',
  given: 'chosen with --column',
  'base year': 'headed with the base year',
  'net of VAT': 'net of VAT, as councils report costs (they recover the VAT)',
};

const quoted = (text: string) => `"${text}"`;
const columnText = (column: AmountColumn) => `column ${describeColumn(column)}`;
const letters = (columns: readonly number[]) => `${columns.length === 1 ? 'column' : 'columns'} ${columns.map(columnName).join(', ')}`;
/** A list cut to `most` items, saying how many more there are. */
const listed = <T>(items: readonly T[], most: number, show: (item: T) => string) =>
  items.slice(0, most).map(show).join(', ') + (items.length > most ? `, … and ${items.length - most} more (all of them are in --json)` : '');

/**
 * Every choice the reader made (docs/conventions.md, "Guesses are never silent"): the
 * amount column and how it was chosen, the unit and where it is stated, the subtotals left out and
 * whether each agrees with its rows, the section headings, the columns of codes, notes and contract
 * ends. Hidden rows are named among the warnings.
 */
function readingText(analysis: Analysis): string[] {
  const { table: source, assumptions: a, assumptionSources: sources } = analysis;
  const { chosen, by, others } = source.columns;
  const passedOver = others.length === 0 ? '' : `; passed over ${others.map(describeColumn).join(', ')} (choose another with --column)`;
  const baseYear = sources.baseYear === 'column header' ? `; its header's year, ${fyLabel(a.baseYear)}, is the base year` : '';
  const { unit } = source;
  const scale = unit.factor === 1 ? '' : `: each amount multiplied by ${unit.factor.toLocaleString('en-GB')} to pounds`;
  const lines = [
    ['amounts', `${columnText(chosen)}, ${CHOSEN_BY[by]}${passedOver}${baseYear}`],
    ['unit', unit.cell === undefined ? 'pounds (the table states no unit)' : `${unit.label}, stated in ${unit.cell}${scale}`],
  ];
  if (source.headings.length > 0) {
    lines.push(['sections', listed(source.headings, PARTS_SHOWN, (heading) => `${quoted(heading.label)} (${heading.cell})`)]);
  }
  if (source.codeColumns.length > 0) lines.push(['codes', `${letters(source.codeColumns)}, not read as amounts`]);
  if (source.noteColumn !== undefined) lines.push(['notes', `${letters([source.noteColumn])}, shown under each row (a date by "ends" or "expires" is its contract's end)`]);
  if (source.endColumn !== undefined) lines.push(['ends', `${letters([source.endColumn])}: each row's contract end, shown under it${endCounts(source.contractEnds)}`]);
  const out = ['How the table was read', ...lines.map(([what, words]) => `  ${what.padEnd(11)}${words}`)];
  const { subtotals } = source;
  if (subtotals.length > 0) {
    out.push(`  ${'subtotals'.padEnd(11)}${subtotals.length} left out of the sum, each checked against the cost rows it covers:`);
    out.push(...table(
      ['  cell', 'label', '£', 'its rows'],
      subtotals.slice(0, PARTS_SHOWN).map((subtotal) => {
        const rows = subtotal.rows.length === 1 ? 'its row' : `its ${subtotal.rows.length} rows`;
        const found = subtotal.by === 'sum' ? ' (a subtotal by its amount)' : '';
        const verdict = subtotalTies(subtotal) ? `agrees with ${rows}` : `DISAGREES: ${rows} come to ${money(subtotal.sum)}`;
        return [`  ${subtotal.cell}`, clip(subtotal.label, 40), money(subtotal.amount), verdict + found];
      }),
      [false, false, true, false],
    ));
    if (subtotals.length > PARTS_SHOWN) out.push(`    … and ${subtotals.length - PARTS_SHOWN} more (all of them are in --json and the checks)`);
  }
  return [...out, ''];
}

/** How many contract ends were read, said to be none, and not understood (those are named among the warnings). */
function endCounts(counts: CostTableInfo['contractEnds']): string {
  if (counts === undefined) return '';
  const parts = [`${counts.read} read (a month and year is its last day)`];
  if (counts.noEnd > 0) parts.push(`${counts.noEnd} with none (blank, "Ongoing", "rolling", "n/a")`);
  if (counts.unread > 0) parts.push(`${counts.unread} not understood, named in the warnings`);
  return `; ${parts.join(', ')}`;
}

/** The cost rows as a table, each section's heading above its rows and each row's note and contract end under it. */
function rowsText(rows: readonly ClassifiedRow[], amountColumn: number): string[] {
  const [header, ...lines] = table(
    ['cell', 'item', '£', 'class', 'reason'],
    rows.map((row) => [a1(row.sheetRow, amountColumn), clip(row.item, 40), money(row.amount), row.class, reasonWords(row.reason)]),
    [false, false, true, false, false],
  );
  const under = ' '.repeat(2 + Math.max(4, ...rows.map((row) => a1(row.sheetRow, amountColumn).length)) + 2);
  const out = [header];
  let section: string | undefined;
  rows.forEach((row, i) => {
    if (row.section !== section && row.section !== undefined) out.push(`  Section: ${clip(row.section, NOTE_SHOWN)}`);
    section = row.section;
    out.push(lines[i]);
    const beside = [
      ...(row.note === undefined ? [] : [`note: ${clip(row.note, NOTE_SHOWN)}`]),
      ...(row.endsOn === undefined ? [] : [`contract ends ${isoDate(row.endsOn)}`]),
    ];
    if (beside.length > 0) out.push(`${under}${beside.join('; ')}`);
  });
  return out;
}

const INPUT_WORDS = (name: KeyInputName) => keyInputLabel(keyInput(name));
const valueWords = (name: KeyInputName, value: Exact) => inputValueWords(name, value).replace(/^£/, '');

/** The options against staying, the answer in a sentence, the tornado as a sorted table, and the switching values. */
function optionsText({ appraisal }: Analysis): string[] {
  const { options, preferred } = appraisal.options;
  const nominal = appraisal.model.prices === 'nominal' ? '; NPVs in real prices, year 0\'s' : '';
  const out = [`Options against staying in the partnership (business as usual); year 0 is ${fyLabel(appraisal.model.years[0])}${nominal}`];
  out.push(...table(
    ['option', 'notice served', 'expires', 'exit costs', 'replacement a year', 'bias', 'net saving', 'NPV', 'payback'],
    options.map((o) => [
      clip(o.option.name, 30), isoDate(o.option.noticeServedOn), isoDate(o.noticeExpiresOn),
      money(o.option.exitCosts.reduce((sum, c) => add(sum, c.amount), ZERO)), money(o.option.replacementCosts.reduce((sum, c) => add(sum, c.annual), ZERO)),
      formatRate(o.option.optimismBias), money(o.totalNetSaving), money(o.npv), o.paybackFy ? fyLabel(o.paybackFy) : 'none',
    ]),
    [false, false, false, true, true, true, true, true, false],
  ));
  out.push(`  Net saving by FY (after the costs of leaving):`);
  out.push(...table(
    ['  FY', ...options.map((o) => clip(o.option.name, 24))],
    appraisal.model.years.map((fy, t) => [`  ${fyLabel(fy)}`, ...options.map((o) => money(o.years[t].netSaving))]),
    [false, ...options.map(() => true)],
  ));
  out.push(`  ${headline(appraisal.options, appraisal.switchingValues)}`);
  const focus = options[appraisal.focus].option.name;
  out.push('', `How sure: the NPV of "${focus}" at the low and the high value of each input, all else held, the widest swing first`);
  out.push(...table(
    ['input', 'low', 'high', 'NPV at low', 'NPV at high', 'swing'],
    appraisal.sensitivity.map((row) => [
      INPUT_WORDS(row.input), valueWords(row.input, row.low), valueWords(row.input, row.high), money(row.npvLow), money(row.npvHigh), money(pence(Math.abs(row.npvHigh - row.npvLow))),
    ]),
    [false, true, true, true, true, true],
  ));
  const switchWhat = preferred === undefined ? `an option to become preferred over staying` : `"${focus}" to stop being preferred`;
  out.push('', `Switching values: the value of each input, all else held, for ${switchWhat}`);
  out.push(...table(
    ['input', 'now', 'switches at', 'change', 'then preferred'],
    appraisal.switchingValues.map((v) => {
      if (!v.value || !v.base) return [INPUT_WORDS(v.input), v.base ? valueWords(v.input, v.base) : '-', v.none ?? 'none in range', '', ''];
      const change = v.value.minus(v.base);
      return [
        INPUT_WORDS(v.input), valueWords(v.input, v.base), valueWords(v.input, v.value), `${change.gte(0) ? '+' : '-'}${valueWords(v.input, change.abs())}`,
        v.rival === undefined ? 'staying' : clip(options[v.rival].option.name, 30),
      ];
    }),
    [false, true, true, true, false],
  ));
  return out;
}

export function terminalSummary(analysis: Analysis, file: string, choice?: SheetChoice): string {
  const { table: source, assumptions: a, savings, membership } = analysis;
  const out: string[] = [];
  out.push(`VfM Scenarios: ${file}, sheet ${source.sheet}, ${source.range} (${analysis.rows.length} cost rows)`, ...choiceText(source.sheet, choice), '');
  out.push(...readingText(analysis));

  const shown = analysis.rows.slice(0, ROWS_SHOWN);
  out.push('Cost rows');
  out.push(...rowsText(shown, source.amountColumn));
  if (analysis.rows.length > shown.length) out.push(`  … and ${analysis.rows.length - shown.length} more rows (all of them are in --json)`);
  const tie = analysis.tieOut;
  const stated = source.statedTotal ? `stated ${money(source.statedTotal.amount)} in ${source.statedTotal.cell}` : 'no total row';
  const tieText = tie.status === 'mismatch' ? `MISMATCH by ${money(tie.difference)}` : tie.status;
  out.push(`  Total ${money(analysis.computedTotal)} (${stated}): tie-out ${tieText}`);
  out.push(`  A year: avoidable ${money(analysis.annual.avoidable)}, committed ${money(analysis.annual.committed)}`, '');

  out.push(
    `Savings if the council withdraws (${a.sharing}; notice served ${isoDate(a.noticeServedOn)}, ${a.noticeMonths} months, expires ${isoDate(savings.noticeExpiresOn)}; discount rate ${formatRate(a.discountRate)}; indexation ${formatRate(a.indexation)} from ${fyLabel(a.baseYear)})`,
  );
  const nominal = a.prices === 'nominal';
  if (nominal) out.push(`  Costs in cash (nominal prices), made real for the present values by the GDP deflator: ${said('gdpDeflator', a.gdpDeflator)}`);
  const assumed = assumedText(analysis);
  if (assumed) out.push(`  Not given, so assumed: ${assumed}. Set them with --assumptions.`);
  out.push(...table(
    ['FY', 'stay', 'withdraw', 'saving', 'cumulative', 'factor', ...(nominal ? ['real'] : []), 'present value', 'committed'],
    savings.years.map((y) => [
      fyLabel(y.fy), money(y.stay), money(y.withdraw), money(y.saving), money(y.cumulativeSaving),
      y.discountFactor.toFixed(4), ...(nominal ? [y.realPriceFactor.toFixed(4)] : []), money(y.presentValue), money(y.committed),
    ]),
    [false, true, true, true, true, true, ...(nominal ? [true] : []), true, true],
  ));
  out.push(`  Total saving ${money(savings.totalSaving)}   NPV ${money(savings.npv)}`, '');

  out.push(...optionsText(analysis), '');

  const poolText = membership.pool === undefined ? 'members in the base year not given' : `pool ${money(membership.pool)}`;
  out.push(`Membership (${membership.sharing}; ${poolText})`);
  out.push(...table(
    ['FY', 'members', 'per member', 'council stays'],
    membership.years.map((y) => [fyLabel(y.fy), y.members === undefined ? '-' : String(y.members), money(y.contributionPerMember), money(y.stayCost)]),
    [false, true, true, true],
  ));
  if (membership.perMember.length > 0) {
    out.push(`  Per member at base-year prices: ${membership.perMember.map((p) => `${p.members}: ${money(p.contribution)}`).join(', ')}`);
  }
  out.push('', 'Checks');
  for (const check of analysis.checks) out.push(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  if (analysis.warnings.length > 0) {
    out.push('', 'Warnings');
    for (const warning of analysis.warnings) out.push(`  ${describeWarning(warning)}`);
  }
  return terminalText(out);
}
