/** Pure ECharts option builders for a resident's follow-up trends (blood pressure, fasting glucose). */
import type { ServiceListItem } from '../followup/followup.api.ts';

export interface TrendLabels {
  sbp: string;
  dbp: string;
  glucose: string;
  target: string;
}

export const ZH_LABELS: TrendLabels = { sbp: '收缩压', dbp: '舒张压', glucose: '空腹血糖', target: '目标' };

/** Blood pressure targets: 150/90 from 65 years on, 140/90 below (national hypertension guideline). */
export function bpTargets(age: number | null | undefined): { sbp: number; dbp: number } {
  return { sbp: age != null && age >= 65 ? 150 : 140, dbp: 90 };
}

export const GLUCOSE_TARGET = 7.0;

/** Oldest first; the list endpoint answers newest first. Stable on equal dates (by id). */
export function chronological<T extends { serviceDate: string; id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.id - b.id);
}

const isHypertension = (s: ServiceListItem) => s.type !== 'diabetes_followup';

function targetLine(name: string, value: number, color: string) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, color },
    label: { formatter: `${name} ${value}`, position: 'insideEndTop' as const },
    data: [{ yAxis: value, name }],
  };
}

const base = (dates: string[], unit: string) => ({
  animation: false,
  tooltip: { trigger: 'axis' as const },
  legend: { top: 0 },
  grid: { left: 48, right: 24, top: 36, bottom: 28 },
  xAxis: { type: 'category' as const, data: dates, boundaryGap: false },
  yAxis: { type: 'value' as const, name: unit, scale: true },
});

/** SBP and DBP over the service dates (every service with a reading), with target lines by age. */
export function bpTrendOption(
  items: readonly ServiceListItem[],
  age: number | null | undefined,
  labels: TrendLabels = ZH_LABELS,
) {
  const rows = chronological(items).filter((s) => isHypertension(s) && (s.sbp !== null || s.dbp !== null));
  const t = bpTargets(age);
  return {
    ...base(
      rows.map((s) => s.serviceDate),
      'mmHg',
    ),
    yAxis: {
      type: 'value' as const,
      name: 'mmHg',
      min: 40,
      max: (v: { max: number }) => Math.max(180, v.max + 10),
    },
    series: [
      {
        name: labels.sbp,
        type: 'line' as const,
        data: rows.map((s) => s.sbp),
        connectNulls: true,
        markLine: targetLine(labels.target, t.sbp, '#cf1322'),
      },
      {
        name: labels.dbp,
        type: 'line' as const,
        data: rows.map((s) => s.dbp),
        connectNulls: true,
        markLine: targetLine(labels.target, t.dbp, '#d46b08'),
      },
    ],
  };
}

/** Fasting glucose over the service dates, with the 7.0 mmol/L target line. */
export function glucoseTrendOption(items: readonly ServiceListItem[], labels: TrendLabels = ZH_LABELS) {
  const rows = chronological(items).filter((s) => s.fastingGlucose !== null);
  return {
    ...base(
      rows.map((s) => s.serviceDate),
      'mmol/L',
    ),
    series: [
      {
        name: labels.glucose,
        type: 'line' as const,
        data: rows.map((s) => s.fastingGlucose),
        markLine: targetLine(labels.target, GLUCOSE_TARGET, '#cf1322'),
      },
    ],
  };
}

export type TrendOption = ReturnType<typeof bpTrendOption> | ReturnType<typeof glucoseTrendOption>;
