/**
 * "Today" in the web app: the date in the county's time zone, which the server says on GET /api/auth/me
 * (JKDA_TIME_ZONE, Asia/Shanghai by default) — never the UTC date, nor the device's own zone.
 */
import { DEFAULT_TIME_ZONE, localDate } from '@jkda/domain';

let zone = DEFAULT_TIME_ZONE;

/** Takes the county's zone from the session; an unknown name keeps the one in use. */
export function setCountyTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    zone = timeZone;
  } catch {
    // Not an IANA zone this browser knows: keep the default rather than break every date.
  }
}

export const countyTimeZone = (): string => zone;

/** The county's date (YYYY-MM-DD) now, or at `at`. */
export const countyToday = (at: Date = new Date()): string => localDate(zone, at);

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as the county's clock shows it, in the one date form the app uses: `YYYY-MM-DD HH:mm`
 * (`:ss` with seconds), 24-hour, whatever the language or the device's zone. Empty for a missing or
 * unreadable value.
 */
export function countyDateTime(at: string | Date | null | undefined, withSeconds = false): string {
  if (at === null || at === undefined || at === '') return '';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  let f = partsFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormat.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  const hm = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  return withSeconds ? `${hm}:${p.second}` : hm;
}
