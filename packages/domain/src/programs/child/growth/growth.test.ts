import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DAYS_PER_MONTH,
  GROWTH_GRADES,
  adjustedLengthCm,
  ageInDays,
  growthGrade,
  growthReference,
  growthZ,
  sdLines,
  type GrowthIndicator,
  type GrowthInput,
  type SdLinePoint,
} from './index.ts';

/** WHO's published SD lines (pygrowup's tables, see data/SOURCES.md), one row per age or length. */
interface Published {
  indicator: GrowthIndicator;
  sex: '1' | '2';
  unit: string;
  x: number;
  sd: number[];
  source: string;
}
const published: Published[] = readFileSync(new URL('./data/who-published-sd.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [indicator, sex, unit, x, ...rest] = line.split(',');
    const source = rest.pop() ?? '';
    return {
      indicator: indicator as GrowthIndicator,
      sex: sex as '1' | '2',
      unit: unit ?? '',
      x: Number(x),
      sd: rest.map(Number),
      source,
    };
  });

const values = (p: SdLinePoint) => [p.sdNeg3, p.sdNeg2, p.sdNeg1, p.sd0, p.sd1, p.sd2, p.sd3];
const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The chart point for a published row. Weeks are whole days; months are month × 30.4375 days, which the
 * lines interpolate between days, except where the 2006 tables cannot: 24 months (730.5 days, between the
 * length row 730 and the height row 731) and 60 months (1826.25 days, past the last row 1826), where the
 * nearest day is compared within 0.1.
 */
function pointFor(row: Published): { point: SdLinePoint | undefined; tolerance: number } {
  if (row.indicator === 'wflh') {
    const lines = sdLines(
      'wflh',
      row.sex,
      row.unit === 'length' ? 0 : 731,
      row.unit === 'length' ? 730 : 1826,
    );
    return { point: lines.find((p) => p.x === row.x), tolerance: 0 };
  }
  let days = row.unit === 'week' ? row.x * 7 : row.x * DAYS_PER_MONTH;
  let tolerance = 0;
  if (row.x === 24 && row.unit !== 'week') [days, tolerance] = [row.unit === 'month-length' ? 730 : 731, 0.1];
  if (row.x === 60 && row.unit !== 'week') [days, tolerance] = [1826, 0.1];
  return { point: sdLines(row.indicator, row.sex, days, days)[0], tolerance };
}

describe("sdLines reproduces WHO's published SD lines (2006 standards)", () => {
  const groups = new Map<string, Published[]>();
  for (const row of published) groups.set(row.source, [...(groups.get(row.source) ?? []), row]);
  it('covers every table of both sexes', () => {
    expect(published.length).toBe(1088);
    expect(groups.size).toBe(24);
  });
  for (const [source, rows] of groups) {
    it(`${source}: every row, −3 … +3 SD to the published 0.1`, () => {
      for (const row of rows) {
        const { point, tolerance } = pointFor(row);
        expect(point, `${source} x=${row.x}`).toBeDefined();
        values(point!).forEach((v, i) => {
          const label = `${source} x=${row.x} SD${i - 3}`;
          const expected = row.sd[i] ?? NaN;
          // WHO rounded values computed at the month's own L, M, S; ours interpolate between days, a few
          // 1e-4 away. Where that is within 0.001 of a rounding half (about 2 % of the values), either side is right.
          const nearHalf = Math.abs(Math.abs(v * 10 - Math.trunc(v * 10)) - 0.5) < 0.01;
          if (tolerance === 0 && !nearHalf) expect(round1(v), label).toBe(expected);
          else expect(Math.abs(v - expected), label).toBeLessThanOrEqual(Math.max(tolerance, 0.05) + 0.001);
        });
      }
    });
  }
});

describe('growthZ at the SD lines', () => {
  // A measurement on an SD line gives back that z, for each indicator, sex and some ages.
  const cases: [GrowthIndicator, '1' | '2', number][] = [
    ['wfa', '1', 0],
    ['wfa', '2', 300],
    ['lhfa', '1', 100],
    ['lhfa', '2', 1500],
    ['bfa', '1', 900],
    ['hcfa', '2', 45],
    ['wfa', '2', 2500],
    ['lhfa', '1', 2500],
  ];
  it.each(cases)('%s sex %s at %i days', (indicator, sex, ageDays) => {
    const p = sdLines(indicator, sex, ageDays, ageDays)[0]!;
    const at = (v: number): GrowthInput =>
      indicator === 'wfa'
        ? { indicator, sex, ageDays, weightKg: v }
        : indicator === 'hcfa'
          ? { indicator, sex, ageDays, headCm: v }
          : indicator === 'bfa'
            ? { indicator, sex, ageDays, weightKg: v, lengthCm: 100 }
            : { indicator, sex, ageDays, lengthCm: v };
    expect(values(p).map((v) => growthZ(at(v)))).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });
});

describe('growthZ: hand computations with the LMS formula', () => {
  // Rows from the tables: weianthro boys day 0 L 0.3487 M 3.3464 S 0.14602; day 365 L 0.0645 M 9.646
  // S 0.10925; lenanthro boys day 365 L 1 M 75.7391 S 0.03137; hcanthro girls day 1000 L 1 M 48.2269
  // S 0.02923; bmianthro girls day 1000 L −0.5684 M 15.4604 S 0.08465.
  it.each<[string, GrowthInput, number]>([
    // Above +3 SD: SD3 = 5.0306, SD2 = 4.4194; z = 3 + (6 − 5.0306)/(5.0306 − 4.4194) = 4.59 (plain LMS: 4.43).
    ['wfa tail above +3', { indicator: 'wfa', sex: '1', ageDays: 0, weightKg: 6 }, 4.59],
    // Below −3 SD: z = −3 + (5 − SD−3)/(SD−2 − SD−3) = −5.36 (plain LMS: −5.89).
    ['wfa tail below −3', { indicator: 'wfa', sex: '1', ageDays: 365, weightKg: 5 }, -5.36],
    // Length has no tail rule: (100/75.7391 − 1)/0.03137 = 10.21.
    ['lhfa no tail rule', { indicator: 'lhfa', sex: '1', ageDays: 365, lengthCm: 100 }, 10.21],
    ['hcfa', { indicator: 'hcfa', sex: '2', ageDays: 1000, headCm: 50 }, 1.26],
    // BMI on the adjusted height: 95 cm recumbent at 1000 days → 94.3 cm; 14 / 0.943² = 15.744 → 0.21.
    [
      'bfa, recumbent from 731 days',
      { indicator: 'bfa', sex: '2', ageDays: 1000, weightKg: 14, lengthCm: 95, measured: 'recumbent' },
      0.21,
    ],
    // Weight-for-length between rows: 80.25 cm = halfway between 80.2 (M 10.1298, S 0.08937) and 80.3
    // (M 10.1503, S 0.08936), L −0.3833: M 10.14005, S 0.089365; 11 kg → 0.90.
    [
      'wflh interpolated length',
      { indicator: 'wflh', sex: '2', ageDays: 400, weightKg: 11, lengthCm: 80.25 },
      0.9,
    ],
    // Age 730.5 days rounds to 731 (WHO Anthro): height table, so 87.1303 cm standing is the median.
    [
      '730.5 days is 731',
      { indicator: 'lhfa', sex: '1', ageDays: 730.5, lengthCm: 87.1303, measured: 'standing' },
      0,
    ],
  ])('%s', (_name, input, expected) => {
    expect(growthZ(input)).toBe(expected);
  });
});

describe('length and height: ±0.7 cm at 730/731 days', () => {
  // lenanthro boys: day 730 (length) M 87.8018 S 0.03479; day 731 (height) M 87.1303 S 0.03508.
  it.each<[number, number, 'recumbent' | 'standing' | null, number]>([
    [730, 87.8018, 'recumbent', 0],
    [730, 87.1018, 'standing', 0], // + 0.7 → 87.8018
    [730, 87.8018, 'standing', 0.23], // 88.5018: (88.5018/87.8018 − 1)/0.03479 = 0.229
    [730, 87.8018, null, 0], // position unknown: not adjusted
    [731, 87.1303, 'standing', 0],
    [731, 87.8303, 'recumbent', 0], // − 0.7 → 87.1303
    [731, 87.1303, 'recumbent', -0.23], // 86.4303: (86.4303/87.1303 − 1)/0.03508 = −0.229
  ])('%i days, %f cm %s → %f', (ageDays, lengthCm, measured, z) => {
    expect(growthZ({ indicator: 'lhfa', sex: '1', ageDays, lengthCm, measured })).toBe(z);
  });

  it('adjusts the length used by weight-for-length/height and BMI too, and picks the table by age', () => {
    // 65.3 cm standing at 730 days is 66.0 cm of length; the same child at 731 days is 65.3 cm of height.
    const wfl = growthZ({
      indicator: 'wflh',
      sex: '1',
      ageDays: 730,
      weightKg: 8,
      lengthCm: 65.3,
      measured: 'standing',
    });
    const wflDirect = growthZ({ indicator: 'wflh', sex: '1', ageDays: 700, weightKg: 8, lengthCm: 66 });
    expect(wfl).toBe(wflDirect);
    expect(growthZ({ indicator: 'wflh', sex: '1', ageDays: 731, weightKg: 8, lengthCm: 64.9 })).toBeNull();
    expect(growthZ({ indicator: 'wflh', sex: '1', ageDays: 731, weightKg: 8, lengthCm: 65 })).not.toBeNull();
  });

  it('ignores a standing measurement under 9 months, as WHO Anthro does', () => {
    expect(adjustedLengthCm(200, 65, 'standing')).toBe(65);
    expect(adjustedLengthCm(280, 70, 'standing')).toBe(70.7);
    expect(adjustedLengthCm(800, 85, 'recumbent')).toBeCloseTo(84.3, 10);
    expect(adjustedLengthCm(800, 85, 'standing')).toBe(85);
  });
});

describe('WHO 2007 from 60 months', () => {
  // 2200 days = 72.279 months: between the 72 and 73 month rows, 0.279 of the way.
  // hfawho2007 boys 72: M 115.9509 S 0.04249; 73: M 116.4432 S 0.04257 → 120 cm: z = 0.79.
  // bfawho2007 boys 72: L −0.9921 M 15.3062 S 0.08682; 73: L −1.0144 M 15.3169 S 0.08711 → 22 kg, 120 cm: −0.02.
  // wfawho2007 girls 72: L −0.5013 M 20.1639 S 0.149; 73: L −0.5043 M 20.3377 S 0.14955 → 40 kg: z 3.87 by
  // LMS, beyond +3 so the tail rule: 4.15.
  it.each<[string, GrowthInput, number]>([
    [
      'height-for-age',
      { indicator: 'lhfa', sex: '1', ageDays: 2200, lengthCm: 120, measured: 'standing' },
      0.79,
    ],
    [
      'height-for-age, recumbent − 0.7',
      { indicator: 'lhfa', sex: '1', ageDays: 2200, lengthCm: 120.7, measured: 'recumbent' },
      0.79,
    ],
    ['BMI-for-age', { indicator: 'bfa', sex: '1', ageDays: 2200, weightKg: 22, lengthCm: 120 }, -0.02],
    ['weight-for-age, tail rule', { indicator: 'wfa', sex: '2', ageDays: 2200, weightKg: 40 }, 4.15],
    // The bridge 60–61 months: 1840 days = 60.452 months, rows 60 (M 109.7265 S 0.04156) and 61
    // (M 110.2647 S 0.04164) → 108 cm: −0.43.
    ['60–61 months (bridge)', { indicator: 'lhfa', sex: '1', ageDays: 1840, lengthCm: 108 }, -0.43],
  ])('%s', (_name, input, expected) => {
    expect(growthZ(input)).toBe(expected);
  });

  it('uses the 2006 standards to day 1826 and WHO 2007 after', () => {
    expect(growthReference('lhfa', 1826)).toBe('who2006');
    expect(growthReference('lhfa', 1827)).toBe('who2007');
    expect(growthReference('wfa', 3652)).toBe('who2007'); // 119.98 months
    expect(growthReference('wfa', 3653)).toBeNull(); // 120.02 months
    expect(growthReference('lhfa', 6939)).toBe('who2007'); // 227.98 months
    expect(growthReference('lhfa', 6940)).toBeNull(); // 228.01 months
    expect(growthReference('wflh', 1827)).toBeNull();
    expect(growthReference('hcfa', 1827)).toBeNull();
  });

  it('the median of month 61 (hfawho2007 boys M 110.2647) is z 0', () => {
    expect(growthZ({ indicator: 'lhfa', sex: '1', ageDays: 61 * DAYS_PER_MONTH, lengthCm: 110.2647 })).toBe(
      0,
    );
  });
});

describe('out of range or missing → null', () => {
  it.each<[string, GrowthInput]>([
    ['wfl below 45 cm', { indicator: 'wflh', sex: '1', ageDays: 100, weightKg: 3, lengthCm: 44.9 }],
    ['wfl above 110 cm', { indicator: 'wflh', sex: '1', ageDays: 700, weightKg: 20, lengthCm: 110.1 }],
    ['wfh above 120 cm', { indicator: 'wflh', sex: '2', ageDays: 1500, weightKg: 25, lengthCm: 120.1 }],
    ['wflh past 60 months', { indicator: 'wflh', sex: '2', ageDays: 1830, weightKg: 18, lengthCm: 110 }],
    ['hcfa past 60 months', { indicator: 'hcfa', sex: '2', ageDays: 1827, headCm: 50 }],
    ['wfa past 120 months', { indicator: 'wfa', sex: '1', ageDays: 3653, weightKg: 30 }],
    ['lhfa past 228 months', { indicator: 'lhfa', sex: '1', ageDays: 6940, lengthCm: 175 }],
    ['negative age', { indicator: 'wfa', sex: '1', ageDays: -1, weightKg: 3 }],
    ['age not a number', { indicator: 'wfa', sex: '1', ageDays: Number.NaN, weightKg: 3 }],
    ['weight missing', { indicator: 'wfa', sex: '1', ageDays: 10, weightKg: null }],
    ['weight zero', { indicator: 'wfa', sex: '1', ageDays: 10, weightKg: 0 }],
    ['length missing for BMI', { indicator: 'bfa', sex: '1', ageDays: 10, weightKg: 3 }],
    ['head missing', { indicator: 'hcfa', sex: '1', ageDays: 10, weightKg: 3 }],
    ['sex not 1 or 2', { indicator: 'wfa', sex: '9' as '1', ageDays: 10, weightKg: 3 }],
  ])('%s', (_name, input) => {
    expect(growthZ(input)).toBeNull();
  });

  it('the range bounds themselves are in', () => {
    expect(growthZ({ indicator: 'wflh', sex: '1', ageDays: 100, weightKg: 2.441, lengthCm: 45 })).toBe(0);
    expect(growthZ({ indicator: 'wflh', sex: '2', ageDays: 1500, weightKg: 22.8173, lengthCm: 120 })).toBe(0);
  });
});

describe('growthGrade: the ±2 SD cut-offs', () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [Number.NaN, null],
    [-2.01, '下'],
    [-2, '中'],
    [0, '中'],
    [2, '中'],
    [2.01, '上'],
  ])('%s → %s', (z, grade) => {
    expect(growthGrade(z)).toBe(grade);
  });

  it('has an English code and label for each grade', () => {
    expect(Object.entries(GROWTH_GRADES).map(([zh, g]) => [zh, g.code])).toEqual([
      ['上', 'upper'],
      ['中', 'middle'],
      ['下', 'lower'],
    ]);
  });
});

describe('sdLines', () => {
  it('has a point a week in the first year, a month after, and both ends', () => {
    const lines = sdLines('wfa', '1', 0, 1826);
    const xs = lines.map((p) => p.x);
    expect(xs.slice(0, 3)).toEqual([0, 7, 14]);
    expect(xs.filter((x) => x < 365)).toHaveLength(53);
    expect(xs).toContain(12 * DAYS_PER_MONTH);
    expect(xs).toContain(730);
    expect(xs).toContain(731);
    expect(xs).not.toContain(730.5);
    expect(xs.at(-1)).toBe(1826);
    expect(lines.length).toBeLessThan(110);
    expect(lines.every((p) => p.reference === 'who2006')).toBe(true);
  });

  it('continues by month with WHO 2007 past 60 months, to 120 months for weight', () => {
    const lines = sdLines('wfa', '2', 1800, 4000);
    expect(lines.find((p) => p.x === 61 * DAYS_PER_MONTH)?.reference).toBe('who2007');
    expect(lines.at(-1)?.x).toBe(120 * DAYS_PER_MONTH);
    expect(sdLines('hcfa', '2', 1800, 4000).at(-1)?.x).toBe(1826);
  });

  it('puts the length lines in the measured kind when asked', () => {
    const [asLength] = sdLines('lhfa', '1', 700, 700);
    const [asStanding] = sdLines('lhfa', '1', 700, 700, 'standing');
    expect(asStanding!.sd0).toBeCloseTo(asLength!.sd0 - 0.7, 10);
    const wfh = sdLines('wflh', '1', 800, 800, 'recumbent');
    expect(wfh[0]?.x).toBe(65.7);
    expect(wfh).toHaveLength(111);
  });

  it('is empty for a range it cannot draw', () => {
    expect(sdLines('wfa', '1', 100, 50)).toEqual([]);
    expect(sdLines('wflh', '1', 1900, 2000)).toEqual([]);
    expect(sdLines('wfa', '1', -5, 10)).toEqual([]);
  });
});

describe('ageInDays', () => {
  it.each([
    ['2020-02-29', '2020-02-29', 0],
    ['2020-02-29', '2022-03-01', 731],
    ['2024-01-31', '2024-03-01', 30],
    ['2024-03-01', '2024-02-29', -1],
  ])('%s → %s = %i', (birth, on, days) => {
    expect(ageInDays(birth, on)).toBe(days);
  });
});
