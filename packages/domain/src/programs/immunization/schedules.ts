/**
 * The schedule versions shipped with jkda, each checked by the schema when this module loads. A newer
 * national version is one more data file and one more line here; which one applies to a child is chosen
 * by birth date (scheduleFor).
 */
import data2021 from './schedule-2021.json' with { type: 'json' };
import { parseSchedule, scheduleFor, type Schedule } from './schedule.schema.ts';

export const SCHEDULE_2021: Schedule = parseSchedule(data2021);

export const SCHEDULES: readonly Schedule[] = [SCHEDULE_2021];

/** The shipped version that applies to a child born on `birthDate`, or null (born before all of them). */
export function shippedScheduleFor(birthDate: string): Schedule | null {
  return scheduleFor(birthDate, SCHEDULES);
}

/** The newest shipped version (the vaccine list a form offers; each child's doses are checked by their own). */
export const LATEST_SCHEDULE: Schedule = SCHEDULES.at(-1)!;
