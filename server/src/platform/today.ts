/** "Today" of the county: its local date in JKDA_TIME_ZONE (Asia/Shanghai unless configured). */
import { localDate } from '@jkda/domain';

const TIME_ZONE = process.env.JKDA_TIME_ZONE || 'Asia/Shanghai';

export function countyToday(at: Date = new Date()): string {
  return localDate(TIME_ZONE, at);
}
