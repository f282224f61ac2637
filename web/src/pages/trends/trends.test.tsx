/** The follow-ups timeline (time order, Chinese labels) and the trend chart option builders. */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n.tsx';
import type { ResidentServices, ServiceListItem } from '../services/services.api.ts';
import { ServiceTimeline } from './ServiceTimeline.tsx';
import {
  bpTrendOption,
  glucoseTrendOption,
  hasPoints,
  weightTrendOption,
  type TrendItem,
  type TrendOption,
} from './trendOptions.ts';

// ECharts draws on a canvas jsdom does not have: the lazy chart records the option it is given instead.
type Shown = {
  testId: string | undefined;
  option: TrendOption & { series: { markLine?: { data: { yAxis: number }[] } }[] };
};
const charts = vi.hoisted((): Shown[] => []);
vi.mock('./EChart.tsx', () => ({
  default: ({ option, testId }: { option: Shown['option']; testId?: string }) => {
    charts.push({ testId, option });
    return <div data-testid={testId} />;
  },
}));

const item = (p: Partial<TrendItem> & Pick<TrendItem, 'id' | 'serviceDate'>): TrendItem => ({
  type: 'hypertension_followup',
  delivery: 'clinic',
  status: 'signed',
  version: 1,
  sbp: null,
  dbp: null,
  fastingGlucose: null,
  classification: null,
  nextVisitDate: null,
  nextAction: null,
  ...p,
});

// Newest first, as the API answers.
const ITEMS: ServiceListItem[] = [
  item({
    id: 3,
    serviceDate: '2026-06-01',
    sbp: 158,
    dbp: 96,
    classification: 'uncontrolled',
    delivery: 'phone',
  }),
  item({
    id: 4,
    serviceDate: '2026-03-02',
    type: 'diabetes_followup',
    fastingGlucose: 8.2,
    classification: 'complication',
    delivery: 'home',
  }),
  item({ id: 1, serviceDate: '2026-01-05', sbp: 132, dbp: 82, classification: 'controlled' }),
];
const DATA: ResidentServices = {
  enrolments: [
    { id: 1, program: 'hypertension', status: 'managed', enrolledOn: '2025-12-01' },
    { id: 2, program: 'diabetes', status: 'managed', enrolledOn: '2026-03-01' },
  ],
  items: ITEMS,
};

describe('ServiceTimeline', () => {
  it('shows the programs, then every service oldest first with Chinese labels', () => {
    render(
      <I18nProvider>
        <ServiceTimeline data={DATA} />
      </I18nProvider>,
    );
    const enrolments = screen.getByTestId('enrolments').textContent ?? '';
    expect(enrolments).toContain('高血压 · 管理中');
    expect(enrolments).toContain('2型糖尿病 · 管理中');
    const rows = screen.getAllByTestId('timeline-item').map((e) => e.textContent ?? '');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^2026-01-05高血压随访门诊控制满意/);
    expect(rows[1]).toMatch(/^2026-03-022型糖尿病随访家庭并发症/);
    expect(rows[1]).toContain('8.2 mmol/L');
    expect(rows[2]).toMatch(/^2026-06-01高血压随访电话控制不满意/);
    expect(rows[2]).toContain('158/96 mmHg');
  });
});

describe('trend options', () => {
  const targets = (o: ReturnType<typeof bpTrendOption>) => o.series.map((s) => s.markLine.data[0]!.yAxis);

  it('puts the blood pressure targets at 140/90 below 65 and 150/90 from 65', () => {
    expect(targets(bpTrendOption(ITEMS, 64))).toEqual([140, 90]);
    expect(targets(bpTrendOption(ITEMS, 65))).toEqual([150, 90]);
    expect(bpTrendOption(ITEMS, 65).series.map((s) => s.markLine.lineStyle.type)).toEqual([
      'dashed',
      'dashed',
    ]);
  });

  it('plots the hypertension readings as [date, value] points on a time axis, oldest first', () => {
    const o = bpTrendOption(ITEMS, 50);
    expect(o.xAxis.type).toBe('time');
    expect(o.xAxis).not.toHaveProperty('data');
    expect(o.series[0]!.data).toEqual([
      ['2026-01-05', 132],
      ['2026-06-01', 158],
    ]);
    expect(o.series[1]!.data).toEqual([
      ['2026-01-05', 82],
      ['2026-06-01', 96],
    ]);
  });

  it('keeps the true spacing of uneven visits: x values are the dates, not positions', () => {
    const o = bpTrendOption(
      [
        item({ id: 1, serviceDate: '2026-01-01', sbp: 150, dbp: 90 }),
        item({ id: 2, serviceDate: '2026-01-15', sbp: 145, dbp: 88 }),
        item({ id: 3, serviceDate: '2026-04-15', sbp: 135, dbp: 85 }),
      ],
      50,
    );
    const days = o.series[0]!.data.map(([d]) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    expect(days[1]! - days[0]!).toBe(14);
    expect(days[2]! - days[1]!).toBe(90);
  });

  it('plots fasting glucose with a 7.0 target line on a time axis', () => {
    const o = glucoseTrendOption(ITEMS);
    expect(o.xAxis.type).toBe('time');
    expect(o.series[0]!.data).toEqual([['2026-03-02', 8.2]]);
    expect(o.series[0]!.markLine.data[0]!.yAxis).toBe(7);
  });

  it('plots weight (kg) from both programs on a time axis, one point per day, without a target line', () => {
    const o = weightTrendOption([
      item({ id: 5, serviceDate: '2026-06-01', weightKg: 70.5 }),
      item({ id: 6, serviceDate: '2026-06-01', type: 'diabetes_followup', weightKg: 70 }),
      item({ id: 2, serviceDate: '2026-02-10', type: 'diabetes_followup', weightKg: 73 }),
      item({ id: 1, serviceDate: '2026-01-05', weightKg: null }),
      item({ id: 0, serviceDate: '2025-12-01' }), // an older server without weightKg
    ]);
    expect(o.xAxis.type).toBe('time');
    expect(o.yAxis.name).toBe('kg');
    expect(o.series).toHaveLength(1);
    expect(o.series[0]!.name).toBe('体重');
    expect(o.series[0]!.data).toEqual([
      ['2026-02-10', 73],
      ['2026-06-01', 70],
    ]);
    expect(o.series[0]).not.toHaveProperty('markLine');
    expect(hasPoints(weightTrendOption(ITEMS))).toBe(false);
  });

  it('labels the axis pointer with the day', () => {
    const o = glucoseTrendOption(ITEMS);
    expect(o.xAxis.axisPointer.label.formatter({ value: new Date(2026, 2, 2).getTime() })).toBe('2026-03-02');
  });
});

describe('ResidentTrends', () => {
  it('shows the blood pressure, glucose and weight charts with time-axis options', async () => {
    const { ResidentTrends } = await import('./ResidentTrends.tsx');
    charts.length = 0;
    render(
      <I18nProvider>
        <ResidentTrends
          items={[...ITEMS, item({ id: 9, serviceDate: '2026-07-01', weightKg: 68 })]}
          age={70}
        />
      </I18nProvider>,
    );
    await screen.findByTestId('weight-trend');
    const byId: Record<string, Shown['option']> = {};
    for (const c of charts) byId[c.testId ?? ''] = c.option;
    expect(Object.keys(byId).sort()).toEqual(['bp-trend', 'glucose-trend', 'weight-trend']);
    for (const o of Object.values(byId)) expect(o.xAxis.type).toBe('time');
    expect(byId['bp-trend']!.series.map((s) => s.markLine?.data[0]?.yAxis)).toEqual([150, 90]);
    expect(byId['weight-trend']!.series[0]!.data).toEqual([['2026-07-01', 68]]);
  });

  it('leaves the weight chart out when no follow-up has a weight', async () => {
    const { ResidentTrends } = await import('./ResidentTrends.tsx');
    charts.length = 0;
    render(
      <I18nProvider>
        <ResidentTrends items={ITEMS} age={50} />
      </I18nProvider>,
    );
    await screen.findByTestId('bp-trend');
    expect(screen.queryByTestId('weight-trend')).toBeNull();
    expect(charts.map((c) => c.testId).sort()).toEqual(['bp-trend', 'glucose-trend']);
  });
});
