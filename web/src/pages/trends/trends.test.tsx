/** The follow-ups timeline (time order, Chinese labels) and the trend chart option builders. */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n.tsx';
import type { ResidentServices, ServiceListItem } from '../followup/followup.api.ts';
import { ServiceTimeline } from './ServiceTimeline.tsx';
import { bpTrendOption, glucoseTrendOption } from './trendOptions.ts';

const item = (
  p: Partial<ServiceListItem> & Pick<ServiceListItem, 'id' | 'serviceDate'>,
): ServiceListItem => ({
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
  });

  it('plots the hypertension readings in date order', () => {
    const o = bpTrendOption(ITEMS, 50);
    expect(o.xAxis.data).toEqual(['2026-01-05', '2026-06-01']);
    expect(o.series[0]!.data).toEqual([132, 158]);
    expect(o.series[1]!.data).toEqual([82, 96]);
  });

  it('plots fasting glucose with a 7.0 target line', () => {
    const o = glucoseTrendOption(ITEMS);
    expect(o.xAxis.data).toEqual(['2026-03-02']);
    expect(o.series[0]!.data).toEqual([8.2]);
    expect(o.series[0]!.markLine.data[0]!.yAxis).toBe(7);
  });
});
