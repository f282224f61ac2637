/** "Today" of the county: its local date in JKDA_TIME_ZONE (Asia/Shanghai unless configured). */
import { localDate } from '@jkda/domain';

const TIME_ZONE = process.env.JKDA_TIME_ZONE || 'Asia/Shanghai';

/** The county's time zone (IANA name): the web app computes its "today" in it too (GET /api/auth/me). */
export const countyTimeZone = (): string => TIME_ZONE;

export function countyToday(at: Date = new Date()): string {
  return localDate(TIME_ZONE, at);
}
