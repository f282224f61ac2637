/** Blood pressure, fasting glucose and weight trend charts; the ECharts code is loaded only when shown. */
import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Row, Skeleton } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { bpTargetLine, glucoseTargetLine } from '../../programs/index.ts';
import {
  bpTrendOption,
  glucoseTrendOption,
  hasPoints,
  weightTrendOption,
  type TrendItem,
  type TrendLabels,
  type TrendOption,
} from './trendOptions.ts';

const EChart = lazy(() => import('./EChart.tsx'));

export function ResidentTrends({ items, age }: { items: TrendItem[]; age: number | null | undefined }) {
  const { t } = useI18n();
  const labels: TrendLabels = useMemo(
    () => ({
      sbp: t('tr.sbp'),
      dbp: t('tr.dbp'),
      glucose: t('tr.fbg'),
      weight: t('tr.weightKg'),
      target: t('tr.target'),
    }),
    [t],
  );
  const bp = useMemo(() => bpTrendOption(items, age, labels), [items, age, labels]);
  const glucose = useMemo(() => glucoseTrendOption(items, labels), [items, labels]);
  const weight = useMemo(() => weightTrendOption(items, labels), [items, labels]);
  const target = bpTargetLine(age);
  const charts: { key: string; title: string; extra?: string; option: TrendOption }[] = [];
  if (hasPoints(bp))
    charts.push({
      key: 'bp-trend',
      title: t('tr.bp'),
      ...(target ? { extra: t('tr.bpTarget', { sbp: target.sbp, dbp: target.dbp }) } : {}),
      option: bp,
    });
  if (hasPoints(glucose))
    charts.push({
      key: 'glucose-trend',
      title: t('tr.glucose'),
      ...(glucoseTargetLine !== null
        ? { extra: t('tr.glucoseTarget', { t: glucoseTargetLine.toFixed(1) }) }
        : {}),
      option: glucose,
    });
  if (hasPoints(weight))
    charts.push({ key: 'weight-trend', title: t('tr.weight'), extra: 'kg', option: weight });
  if (charts.length === 0) return null;
  return (
    <Row gutter={[12, 12]}>
      {charts.map((c) => (
        <Col key={c.key} xs={24} lg={charts.length > 1 ? 12 : 24}>
          <Card size="small" title={c.title} extra={c.extra}>
            <Suspense fallback={<Skeleton active />}>
              <EChart option={c.option} testId={c.key} />
            </Suspense>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
