// The day and moment of a run, in UK local time (Europe/London): the default notice date and the
// audit's run time always name the same day, GMT in winter and BST in summer. The core reads no
// clock: the caller passes the instant (a face reads it, or a test fixes it).
import { CalendarDate } from './calendar-date';

export const UK_TIME_ZONE = 'Europe/London';

/** What a face reads the clock through: the day of the run and its moment. */
export interface Clock {
  /** The UK calendar date of the run, the default notice date. */
  readonly today: () => CalendarDate;
  /** The moment of the run in UK local time with its offset, e.g. `2026-07-01T00:30:00+01:00`. */
  readonly now: () => string;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

interface UkParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

function ukParts(instant: Date): UkParts {
  const out: Record<string, number> = {};
  for (const part of PARTS.formatToParts(instant)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out as unknown as UkParts;
}

/** The UK calendar date at an instant. */
export function ukDate(instant: Date): CalendarDate {
  const { year, month, day } = ukParts(instant);
  return { year, month, day };
}

/** An instant as UK local time with its offset from UTC, to the second: `2026-07-01T00:30:00+01:00`. */
export function ukTimestamp(instant: Date): string {
  const p = ukParts(instant);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSeconds) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}

/** A clock fixed at, or reading, the given instant source. */
export function clockAt(instant: () => Date): Clock {
  return { today: () => ukDate(instant()), now: () => ukTimestamp(instant()) };
}
