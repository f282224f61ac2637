/**
 * "Today" is the county's date, not the server's UTC date: at 01:30 in Beijing (17:30 UTC the day before)
 * a baby born today is registered with its ID number, not refused as born in the future.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { describeEachDb } from './harness.ts';
import { buildResident, makeIdNumber } from './builders.ts';

describeEachDb('the county date in the registry', (env) => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes a newborn of the county day whose date is still tomorrow in UTC', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T17:30:00Z') });
    const birthDate = '2026-12-03';
    const res = await doc.post(
      '/api/residents',
      buildResident(e.villageA, {
        name: '林晓晨',
        birthDate,
        sex: '2',
        idNumber: makeIdNumber(birthDate, '2'),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });
});
