import { afterEach, describe, expect, it } from 'vitest';
import { countyDateTime, countyTimeZone, countyToday, setCountyTimeZone } from './today.ts';

describe("the web app's today", () => {
  afterEach(() => setCountyTimeZone('Asia/Shanghai'));

  it.each([
    // 20:30 UTC on 1 December is already 2 December in Beijing.
    ['Asia/Shanghai', '2026-12-01T20:30:00Z', '2026-12-02'],
    ['Asia/Shanghai', '2026-12-01T15:59:59Z', '2026-12-01'],
    ['Asia/Shanghai', '2026-12-01T16:00:00Z', '2026-12-02'],
    ['Asia/Urumqi', '2026-12-01T17:59:59Z', '2026-12-01'],
    ['Asia/Urumqi', '2026-12-01T18:00:00Z', '2026-12-02'],
    ['UTC', '2026-12-01T20:30:00Z', '2026-12-01'],
  ])('in %s at %s is %s', (zone, at, day) => {
    setCountyTimeZone(zone);
    expect(countyToday(new Date(at))).toBe(day);
  });

  it('keeps the zone in use when the server names one the browser does not know', () => {
    setCountyTimeZone('Asia/Urumqi');
    setCountyTimeZone('Mars/Olympus');
    expect(countyTimeZone()).toBe('Asia/Urumqi');
  });

  it.each([
    // The county's clock, 24-hour, YYYY-MM-DD: 20:30 UTC is 04:30 the next morning in Beijing.
    ['Asia/Shanghai', '2026-12-01T20:30:05Z', false, '2026-12-02 04:30'],
    ['Asia/Shanghai', '2026-12-01T20:30:05Z', true, '2026-12-02 04:30:05'],
    ['Asia/Shanghai', '2026-01-05T16:00:00Z', false, '2026-01-06 00:00'],
    ['Asia/Urumqi', '2026-12-01T20:30:05Z', false, '2026-12-02 02:30'],
    ['UTC', '2026-03-09T07:08:09.123Z', true, '2026-03-09 07:08:09'],
  ])('in %s, %s reads (seconds %s) %s', (zone, at, seconds, shown) => {
    setCountyTimeZone(zone);
    expect(countyDateTime(at, seconds)).toBe(shown);
    expect(countyDateTime(new Date(at), seconds)).toBe(shown);
  });

  it('shows nothing for a missing or unreadable moment', () => {
    for (const v of [null, undefined, '', 'not a date']) expect(countyDateTime(v)).toBe('');
  });
});
