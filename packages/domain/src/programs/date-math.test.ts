import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  completedYears,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
  parseCalendarDate,
} from './date-math.ts';

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2023, false],
    [2024, true],
    [1900, false],
    [2000, true],
    [2100, false],
  ])('%i leap = %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
    expect(daysInMonth(y, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    [1, 31],
    [4, 30],
    [6, 30],
    [7, 31],
    [9, 30],
    [11, 30],
    [12, 31],
  ])('month %i has %i days', (m, n) => expect(daysInMonth(2023, m)).toBe(n));
});

describe('parseCalendarDate', () => {
  it.each(['2024-02-29', '2023-12-31', '0001-01-01'])('accepts %s', (s) =>
    expect(isCalendarDate(s)).toBe(true),
  );

  it.each([
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-1-01',
    '24-01-01',
    '',
    '2024-01-01T00:00',
  ])('rejects %j', (s) => expect(parseCalendarDate(s)).toBeNull());
});

describe('addDays (14 days = "within 2 weeks")', () => {
  it.each([
    ['2024-02-20', 14, '2024-03-05'], // leap year: 29 Feb in between
    ['2023-02-20', 14, '2023-03-06'],
    ['2024-12-25', 14, '2025-01-08'], // year end
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 0, '2024-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i → %s', (d, n, want) => expect(addDays(d, n)).toBe(want));

  it('throws on a bad date or fractional days', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('addMonths (calendar months, clamped to the end of a shorter month)', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-01-31', 2, '2023-03-31'], // clamp is computed from the start date
    ['2023-03-31', 1, '2023-04-30'],
    ['2023-11-30', 3, '2024-02-29'], // 3 months over a leap February
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-10-15', 3, '2025-01-15'], // year change
    ['2024-01-15', 3, '2024-04-15'],
    ['2024-05-31', -3, '2024-02-29'],
    ['2024-01-15', -1, '2023-12-15'],
  ])('%s + %i months → %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));
});

describe('daysBetween', () => {
  it.each([
    ['2024-01-01', '2024-12-31', 365],
    ['2023-01-01', '2023-12-31', 364],
    ['2024-03-05', '2024-02-20', -14],
  ])('%s → %s = %i', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
});

describe('completedYears', () => {
  it.each([
    ['1959-06-15', '2024-06-14', 64],
    ['1959-06-15', '2024-06-15', 65],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
  ])('born %s, on %s → %i', (b, on, n) => expect(completedYears(b, on)).toBe(n));
});
