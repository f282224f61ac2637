/**
 * Pure ECharts option builders for a resident's trends of the values the service list carries (blood
 * pressure, fasting glucose, weight), whatever the type of record; the target lines come from the programs
 * that set them (web program registry). The x axis is a time axis with [date, value] points, so uneven
 * visit intervals keep their true spacing.
 */
import { bpTargetLine, glucoseTargetLine } from '../../programs/index.ts';
import type { ServiceListItem } from '../services/services.api.ts';

/** A list item as the trends read it; `weightKg` is optional until every server answers with it. */
export type TrendItem = ServiceListItem;

export interface TrendLabels {
  sbp: string;
  dbp: string;
  glucose: string;
  weight: string;
  target: string;
}

export const ZH_LABELS: TrendLabels = {
  sbp: '收缩压',
  dbp: '舒张压',
  glucose: '空腹血糖',
  weight: '体重',
  target: '目标',
};

/** Oldest first; the list endpoint answers newest first. Stable on equal dates (by id). */
export function chronological<T extends { serviceDate: string; id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.id - b.id);
}

const isNum = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** One point of a time series: the service date (YYYY-MM-DD) and the value. */
export type TimePoint = [string, number];

/** A dashed target line; no line when no program sets the target. */
function targetLine(name: string, value: number | undefined, color: string) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, color },
    label: { formatter: `${name} ${value}`, position: 'insideEndTop' as const },
    data: value === undefined ? [] : [{ yAxis: value, name }],
  };
}

/** A time axis value (ms, local time as ECharts parses 'YYYY-MM-DD') as YYYY-MM-DD. */
export function dayLabel(value: number | string | Date): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const base = (unit: string) => ({
  animation: false,
  tooltip: { trigger: 'axis' as const },
  legend: { top: 0 },
  grid: { left: 48, right: 24, top: 36, bottom: 28 },
  xAxis: {
    type: 'time' as const,
    axisLabel: { formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true },
    axisPointer: { label: { formatter: (p: { value: number | string }) => dayLabel(p.value) } },
  },
  yAxis: { type: 'value' as const, name: unit, scale: true },
});

/** SBP and DBP at the service dates (every service with a reading), with the target lines for the age. */
export function bpTrendOption(
  items: readonly ServiceListItem[],
  age: number | null | undefined,
  labels: TrendLabels = ZH_LABELS,
) {
  const rows = chronological(items).filter((s) => isNum(s.sbp) || isNum(s.dbp));
  const t = bpTargetLine(age);
  const points = (pick: (s: ServiceListItem) => number | null): TimePoint[] =>
    rows.flatMap((s) => {
      const v = pick(s);
      return isNum(v) ? [[s.serviceDate, v] as TimePoint] : [];
    });
  return {
    ...base('mmHg'),
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
        data: points((s) => s.sbp),
        markLine: targetLine(labels.target, t?.sbp, '#cf1322'),
      },
      {
        name: labels.dbp,
        type: 'line' as const,
        data: points((s) => s.dbp),
        markLine: targetLine(labels.target, t?.dbp, '#d46b08'),
      },
    ],
  };
}

/** Fasting glucose at the service dates, with the target line (7.0 mmol/L). */
export function glucoseTrendOption(items: readonly ServiceListItem[], labels: TrendLabels = ZH_LABELS) {
  const rows = chronological(items).filter((s) => isNum(s.fastingGlucose));
  return {
    ...base('mmol/L'),
    series: [
      {
        name: labels.glucose,
        type: 'line' as const,
        data: rows.map((s): TimePoint => [s.serviceDate, s.fastingGlucose!]),
        markLine: targetLine(labels.target, glucoseTargetLine ?? undefined, '#cf1322'),
      },
    ],
  };
}

/**
 * Body weight (kg) at the service dates of every record that carries it; a resident seen twice on one day
 * has one point (the later record's).
 */
export function weightTrendOption(items: readonly TrendItem[], labels: TrendLabels = ZH_LABELS) {
  const byDate = new Map<string, number>();
  for (const s of chronological(items)) if (isNum(s.weightKg)) byDate.set(s.serviceDate, s.weightKg);
  return {
    ...base('kg'),
    series: [
      {
        name: labels.weight,
        type: 'line' as const,
        data: [...byDate].map(([date, kg]): TimePoint => [date, kg]),
      },
    ],
  };
}

export type TrendOption =
  | ReturnType<typeof bpTrendOption>
  | ReturnType<typeof glucoseTrendOption>
  | ReturnType<typeof weightTrendOption>;

/** Whether a chart has anything to plot. */
export const hasPoints = (o: TrendOption) => o.series.some((s) => s.data.length > 0);
