/** Blood pressure and fasting glucose trend charts; the ECharts code is loaded only when they are shown. */
import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Row, Skeleton } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ServiceListItem } from '../followup/followup.api.ts';
import {
  bpTargets,
  bpTrendOption,
  GLUCOSE_TARGET,
  glucoseTrendOption,
  type TrendLabels,
  type TrendOption,
} from './trendOptions.ts';

const EChart = lazy(() => import('./EChart.tsx'));

export function ResidentTrends({ items, age }: { items: ServiceListItem[]; age: number | null | undefined }) {
  const { t } = useI18n();
  const labels: TrendLabels = useMemo(
    () => ({ sbp: t('tr.sbp'), dbp: t('tr.dbp'), glucose: t('tr.fbg'), target: t('tr.target') }),
    [t],
  );
  const bp = useMemo(() => bpTrendOption(items, age, labels), [items, age, labels]);
  const glucose = useMemo(() => glucoseTrendOption(items, labels), [items, labels]);
  const hasBp = bp.xAxis.data.length > 0;
  const hasGlucose = items.some((s) => s.type === 'diabetes_followup') && glucose.xAxis.data.length > 0;
  if (!hasBp && !hasGlucose) return null;
  const target = bpTargets(age);
  const chart = (option: TrendOption, testId: string) => (
    <Suspense fallback={<Skeleton active />}>
      <EChart option={option} testId={testId} />
    </Suspense>
  );
  return (
    <Row gutter={[12, 12]}>
      {hasBp && (
        <Col xs={24} lg={hasGlucose ? 12 : 24}>
          <Card
            size="small"
            title={t('tr.bp')}
            extra={t('tr.bpTarget', { sbp: target.sbp, dbp: target.dbp })}
          >
            {chart(bp, 'bp-trend')}
          </Card>
        </Col>
      )}
      {hasGlucose && (
        <Col xs={24} lg={hasBp ? 12 : 24}>
          <Card
            size="small"
            title={t('tr.glucose')}
            extra={t('tr.glucoseTarget', { t: GLUCOSE_TARGET.toFixed(1) })}
          >
            {chart(glucose, 'glucose-trend')}
          </Card>
        </Col>
      )}
    </Row>
  );
}
