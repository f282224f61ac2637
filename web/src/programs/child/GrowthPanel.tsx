/**
 * The record's growth chart of a child under 7: weight-for-age on the WHO Child Growth Standards' lines
 * (−3 to +3 SD; the 2007 reference from 61 months), with the child's weights from the signed check records.
 */
import { lazy, Suspense, useMemo } from 'react';
import { Card, List, Skeleton, Tag, Typography } from 'antd';
import {
  ageInDays,
  DAYS_PER_MONTH,
  GROWTH_GRADES,
  growthGrade,
  growthZ,
  sdLines,
} from '@jkda/domain/programs/child/growth/index';
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

/** Each signed check's weighing read against the standard: its weight-for-age z-score and the 上/中/下 grade, newest first. */
export function growthRows(birthDate: string, sex: string, items: RecordPanelProps['items']) {
  return items
    .filter((i) => CHILD_TYPES.has(i.type) && i.status === 'signed' && i.weightKg !== null)
    .map((i) => {
      const ageDays = ageInDays(birthDate, i.serviceDate);
      const z =
        sex === '1' || sex === '2' ? growthZ({ indicator: 'wfa', sex, ageDays, weightKg: i.weightKg }) : null;
      return {
        id: i.id,
        date: i.serviceDate,
        months: Math.round((ageDays / DAYS_PER_MONTH) * 10) / 10,
        weightKg: i.weightKg!,
        z: z === null ? null : Math.round(z * 100) / 100,
        grade: growthGrade(z),
      };
    })
    .sort((a, b) => (a.date < b.date ? 1 : -1));
}

export function GrowthPanel({ birthDate, sex, items }: RecordPanelProps) {
  const { lang } = useI18n();
  const today = countyToday();
  const days = ageInDays(birthDate, today);
  const rows = useMemo(() => growthRows(birthDate, sex, items), [birthDate, sex, items]);
  // The chart's points: [age in months, weight in kg], oldest first.
  const points = useMemo(() => rows.map((r) => [r.months, r.weightKg]).reverse(), [rows]);
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
      {rows.length > 0 && (
        <List
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item key={r.id} data-testid="growth-point">
              <Typography.Text>
                {r.date} · {lang === 'zh' ? `${r.months}月龄` : `${r.months} months`} · {r.weightKg} kg
                {r.z !== null && ` · Z ${r.z.toFixed(2)}`}
              </Typography.Text>
              {r.grade && (
                <Tag color={r.grade === '中' ? 'success' : 'warning'}>
                  {lang === 'zh' ? r.grade : GROWTH_GRADES[r.grade].en}
                </Tag>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
