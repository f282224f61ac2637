import { afterEach, describe, expect, it } from 'vitest';
import { countyTimeZone, countyToday, setCountyTimeZone } from './today.ts';

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
});
