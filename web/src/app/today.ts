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
