// The readable summary the CLI prints: plain text tables that fit an 100-column terminal. Every
// line the command prints goes through terminalText, which shows control characters escaped.
import { Analysis } from '../../core/analysis';
import { a1 } from '../../core/cell';
import { isoDate } from '../../core/calendar-date';
import { reasonWords } from '../../core/classification';
import { fyLabel } from '../../core/financial-year';
import { Money, formatMoney } from '../../core/money';
import { describeWarning } from '../../core/problems';
import { formatRate } from '../../core/rate';
import { SheetChoice } from './source-sheet';

const ROWS_SHOWN = 40;
const money = (amount: Money) => formatMoney(amount, false);

// Characters a terminal acts on rather than shows: C0 and C1 controls and DEL (ESC starts sequences
// that clear the screen or set the window title; a newline breaks a table), line and paragraph
// separators, and the marks and overrides that reorder the text of a line.
const CONTROLS = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a workbook or the user as the terminal shows it: each control character written as its
 * escape in JavaScript's manner, `\n`, `\r`, `\t`, `\x1b` (ESC) or `\u202e`, so that a label
 * holding ESC [2J shows as `\x1b[2J` instead of clearing the screen. Backslashes are left as they
 * are, so the result holds no control character and escaping it again changes nothing.
 */
export function visible(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

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

const clip = (text: string, width: number) => {
  const shown = visible(text);
  return shown.length > width ? `${shown.slice(0, width - 1)}…` : shown;
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

export function terminalSummary(analysis: Analysis, file: string, choice?: SheetChoice): string {
  const { table: source, assumptions: a, savings, membership } = analysis;
  const out: string[] = [];
  out.push(`VfM Scenarios: ${file}, sheet ${source.sheet}, ${source.range} (${analysis.rows.length} cost rows)`, ...choiceText(source.sheet, choice), '');

  const shown = analysis.rows.slice(0, ROWS_SHOWN);
  out.push('Cost rows');
  out.push(...table(
    ['cell', 'item', '£', 'class', 'reason'],
    shown.map((row) => [a1(row.sheetRow, source.amountColumn), clip(row.item, 40), money(row.amount), row.class, reasonWords(row.reason)]),
    [false, false, true, false, false],
  ));
  if (analysis.rows.length > shown.length) out.push(`  … and ${analysis.rows.length - shown.length} more rows (all of them are in --json)`);
  const tie = analysis.tieOut;
  const stated = source.statedTotal ? `stated ${money(source.statedTotal.amount)} in ${source.statedTotal.cell}` : 'no total row';
  const tieText = tie.status === 'mismatch' ? `MISMATCH by ${money(tie.difference)}` : tie.status;
  out.push(`  Total ${money(analysis.computedTotal)} (${stated}): tie-out ${tieText}`);
  out.push(`  A year: avoidable ${money(analysis.annual.avoidable)}, committed ${money(analysis.annual.committed)}`, '');

  out.push(
    `Savings if the council withdraws (${a.sharing}; notice served ${isoDate(a.noticeServedOn)}, ${a.noticeMonths} months, expires ${isoDate(savings.noticeExpiresOn)}; discount rate ${formatRate(a.discountRate)}; indexation ${formatRate(a.indexation)} from ${fyLabel(a.baseYear)})`,
  );
  const assumed = assumedText(analysis);
  if (assumed) out.push(`  Not given, so assumed: ${assumed}. Set them with --assumptions.`);
  out.push(...table(
    ['FY', 'stay', 'withdraw', 'saving', 'cumulative', 'factor', 'present value', 'committed'],
    savings.years.map((y) => [
      fyLabel(y.fy), money(y.stay), money(y.withdraw), money(y.saving), money(y.cumulativeSaving),
      y.discountFactor.toFixed(4), money(y.presentValue), money(y.committed),
    ]),
    [false, true, true, true, true, true, true, true],
  ));
  out.push(`  Total saving ${money(savings.totalSaving)}   NPV ${money(savings.npv)}`, '');

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
