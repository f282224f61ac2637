/**
 * The workbench's "today" card: for each register of the registry that has anyone on its list in the user's
 * jurisdiction, how many are overdue, due this week (and the register's other categories), each number a
 * link to that tab of the worklist. Counts only: the lists they lead to are the audited reads.
 */
import { Link } from 'react-router';
import { Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import { programRegistry } from '@jkda/domain';
import { typedApi } from '../../api/client.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { registerLabel } from '../../programs/index.ts';

export function WorkbenchCounts() {
  const { t, lang } = useI18n();
  const { data, error, loading, reload } = useAsync(
    (signal) => typedApi.get('/api/worklists/summary', { signal }),
    [],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const shown = data?.registers.filter((r) => r.counts.total > 0) ?? [];
  return (
    <Card title={t('home.today')} data-testid="workbench-counts">
      {loading && !data ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Empty description={t('wl.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {shown.map((r) => {
            const register = programRegistry.register(r.program);
            return (
              <Col key={r.program} xs={24} sm={12} lg={8}>
                <Card size="small" title={registerLabel(r.program, lang)} data-testid={`wb-${r.program}`}>
                  <Row gutter={8}>
                    {(register?.worklist ?? []).map((c) => (
                      <Col key={c} span={12}>
                        <Link
                          to={`/worklist?program=${r.program}&category=${c}`}
                          data-testid={`wb-${r.program}-${c}`}
                        >
                          <Statistic
                            title={t(`wl.tab.${c}`, { n: register?.visitsPerYear ?? '' })}
                            value={r.counts[c]}
                            styles={{
                              content: { color: c === 'overdue' && r.counts[c] > 0 ? '#cf1322' : undefined },
                            }}
                          />
                        </Link>
                      </Col>
                    ))}
                  </Row>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}
