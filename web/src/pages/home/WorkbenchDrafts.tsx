/**
 * The workbench's "drafts to finish": the signed-in user's unsigned service records (saved as drafts in a
 * home or at the desk), newest first, each opening its record to finish and sign. The list names residents:
 * the server audits it as a read of each.
 */
import { Link } from 'react-router';
import { Card, List, Skeleton, Typography } from 'antd';
import { programRegistry } from '@jkda/domain';
import { typedApi } from '../../api/client.ts';
import { draftPath } from '../followup/draftPath.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** How many drafts the card lists (the rest are counted). */
const SHOWN = 10;

export function WorkbenchDrafts() {
  const { t, lang } = useI18n();
  const { data, error, loading, reload } = useAsync(
    (signal) => typedApi.get('/api/services/drafts', { query: { limit: SHOWN }, signal }),
    [],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  return (
    <Card title={t('home.drafts')} data-testid="workbench-drafts">
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : !data || data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('home.draftsNone')}</Typography.Text>
      ) : (
        <>
          <List
            size="small"
            dataSource={data.items}
            renderItem={(d) => (
              <List.Item
                data-testid={`draft-${d.id}`}
                actions={[
                  <Link key="open" to={draftPath(d)}>
                    {t('home.draftContinue')}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={d.name}
                  description={`${programRegistry.typeLabel(d.type, lang)} · ${d.serviceDate}`}
                />
              </List.Item>
            )}
          />
          {data.total > data.items.length && (
            <Typography.Text type="secondary">
              {t('home.draftsMore', { n: data.total - data.items.length })}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
