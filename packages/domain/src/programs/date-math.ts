/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC, with no time zones and no time of day. Used by the
 * follow-up schedules of the programs (next visit dates, visits per year, annual checks).
 *
 * Month rule: adding months keeps the day of the month and, when the target month is shorter, clamps to its
 * last day (31 Jan + 1 month → 28 Feb, or 29 Feb in a leap year; 31 Mar + 1 month → 30 Apr). The clamp is
 * computed from the start date each time, so 31 Jan + 2 months → 31 Mar (not 28/29 Mar).
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a 'YYYY-MM-DD' date, or null when the text is not such a date or the date does not exist. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null;
}

/** Parses or throws a RangeError naming the argument. */
export function requireCalendarDate(text: string, name = 'date'): CalendarDate {
  const d = parseCalendarDate(text);
  if (!d) throw new RangeError(`${name} is not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return d;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toEpochDay({ year, month, day }: CalendarDate): number {
  const t = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / DAY_MS);
}

function fromEpochDay(epochDay: number): CalendarDate {
  const t = new Date(epochDay * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** date + days (days may be negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return formatCalendarDate(fromEpochDay(toEpochDay(requireCalendarDate(date)) + days));
}

/** date + months by the calendar, clamping to the end of a shorter month (see the module comment). */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const d = requireCalendarDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatCalendarDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(requireCalendarDate(to, 'to')) - toEpochDay(requireCalendarDate(from, 'from'));
}

/** Age in completed years on a date; a 29 Feb birthday is completed on 1 Mar in common years. */
export function completedYears(birthDate: string, on: string): number {
  const b = requireCalendarDate(birthDate, 'birthDate');
  const o = requireCalendarDate(on, 'on');
  return o.year - b.year - (o.month < b.month || (o.month === b.month && o.day < b.day) ? 1 : 0);
}

/**
 * The calendar date (YYYY-MM-DD) at an instant in a time zone: "today" of a county is its local date,
 * not the UTC date (from 00:00 to 08:00 in Beijing the UTC date is still yesterday).
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(timeZone: string = DEFAULT_TIME_ZONE, at: Date = new Date()): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
