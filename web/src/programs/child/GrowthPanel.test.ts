/** The growth list under the chart: each signed weighing with its weight-for-age z-score and grade. */
import { describe, expect, it } from 'vitest';
import { growthRows } from './GrowthPanel.tsx';

const item = (id: number, type: string, serviceDate: string, weightKg: number | null, status = 'signed') =>
  ({ id, type, serviceDate, weightKg, status }) as never;

describe('growthRows', () => {
  // A boy born 2026-01-01: at 183 days (2026-07-03) WHO's median weight-for-age is about 7.9 kg.
  const rows = growthRows('2026-01-01', '1', [
    item(1, 'child_check_infant', '2026-07-03', 7.9),
    item(2, 'child_check_infant', '2026-09-01', 6.0),
    item(3, 'child_check_infant', '2026-10-01', 9.0, 'draft'),
    item(4, 'child_tcm', '2026-07-03', null),
    item(5, 'hypertension_followup', '2026-07-03', 70),
  ]);

  it('reads the signed child checks only, newest first', () => {
    expect(rows.map((r) => r.id)).toEqual([2, 1]);
  });

  it('gives the z-score and the grade: the median is 中, far below −2 SD is 下', () => {
    expect(rows[1]).toMatchObject({ months: 6, weightKg: 7.9, grade: '中' });
    expect(Math.abs(rows[1]!.z!)).toBeLessThan(0.15);
    expect(rows[0]!.z!).toBeLessThan(-2);
    expect(rows[0]!.grade).toBe('下');
  });

  it('gives no z-score for a sex the standard does not have', () => {
    expect(
      growthRows('2026-01-01', '9', [item(1, 'child_check_infant', '2026-07-03', 7.9)])[0],
    ).toMatchObject({
      z: null,
      grade: null,
    });
  });
});
