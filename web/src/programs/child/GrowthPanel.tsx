/**
 * The record's growth chart of a child under 7: weight-for-age on the WHO Child Growth Standards' lines
 * (−3 to +3 SD; the 2007 reference from 61 months), with the child's weights from the signed check records.
 */
import { lazy, Suspense, useMemo } from 'react';
import { Card, Skeleton } from 'antd';
import { ageInDays, DAYS_PER_MONTH, sdLines } from '@jkda/domain/programs/child/growth/index';
import { CHILD_TYPE_IDS as T } from '@jkda/domain/programs/child/child.register-schedule';
import { countyToday } from '../../app/today.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RecordPanelProps } from '../program-ui.ts';

const EChart = lazy(() => import('../../pages/trends/EChart.tsx'));

// The records that weigh the child (the TCM guidance does not).
const CHILD_TYPES: ReadonlySet<string> = new Set([T.newborn, T.infant, T.toddler, T.preschool]);
const LINES = [
  ['sdNeg3', '-3SD', '#cf1322'],
  ['sdNeg2', '-2SD', '#fa8c16'],
  ['sd0', '0', '#389e0d'],
  ['sd2', '+2SD', '#fa8c16'],
  ['sd3', '+3SD', '#cf1322'],
] as const;

/** The chart's points: [age in months, weight in kg] of the signed child checks with a weight. */
export function growthPoints(birthDate: string, items: RecordPanelProps['items']): [number, number][] {
  return items
    .filter((i) => CHILD_TYPES.has(i.type) && i.status === 'signed' && i.weightKg !== null)
    .map(
      (i) =>
        [Math.round((ageInDays(birthDate, i.serviceDate) / DAYS_PER_MONTH) * 10) / 10, i.weightKg!] as [
          number,
          number,
        ],
    )
    .sort((a, b) => a[0] - b[0]);
}

export function GrowthPanel({ birthDate, sex, items }: RecordPanelProps) {
  const { lang } = useI18n();
  const today = countyToday();
  const days = ageInDays(birthDate, today);
  const points = useMemo(() => growthPoints(birthDate, items), [birthDate, items]);
  const option = useMemo(() => {
    const to = Math.min(1856, Math.max(365, days + 60));
    const lines = sdLines('wfa', sex as '1' | '2', 0, to);
    const month = (d: number) => Math.round((d / DAYS_PER_MONTH) * 10) / 10;
    const step = Math.max(1, Math.floor(lines.length / 150));
    const sampled = lines.filter((_, i) => i % step === 0);
    return {
      animation: false,
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'value',
        name: lang === 'zh' ? '月龄' : 'Months',
        nameLocation: 'middle',
        nameGap: 22,
        min: 0,
      },
      yAxis: { type: 'value', name: 'kg', scale: true },
      series: [
        ...LINES.map(([key, name, color]) => ({
          type: 'line',
          name,
          showSymbol: false,
          lineStyle: { width: 1, color },
          itemStyle: { color },
          data: sampled.map((p) => [month(p.x), Math.round(p[key] * 100) / 100]),
        })),
        {
          type: 'line',
          name: lang === 'zh' ? '本儿童' : 'This child',
          symbolSize: 8,
          lineStyle: { width: 2, color: '#1677ff' },
          itemStyle: { color: '#1677ff' },
          data: points,
        },
      ],
    };
  }, [days, sex, lang, points]);
  if (days < 0 || days >= 7 * 366 || (sex !== '1' && sex !== '2')) return null;
  return (
    <Card
      size="small"
      data-testid="growth-chart"
      title={
        lang === 'zh'
          ? '生长曲线：年龄别体重（WHO儿童生长标准）'
          : 'Growth: weight-for-age (WHO Child Growth Standards)'
      }
    >
      <Suspense fallback={<Skeleton active />}>
        <EChart option={option} testId="growth-wfa" height={280} />
      </Suspense>
    </Card>
  );
}
