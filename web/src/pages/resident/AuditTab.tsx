/** Who viewed or changed this record (administrators, ability audit.read). */
import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { auditWords } from '../audit/auditWords.ts';
import { residentApi, type AuditEntry } from './resident.api.ts';

export function AuditTab({ residentId }: { residentId: number }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(
    (s) => residentApi.audit(residentId, page, s),
    [residentId, page],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const words = auditWords(t, lang);
  return (
    <>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'at',
            title: t('audit.at'),
            dataIndex: 'at',
            width: 170,
            render: words.at,
          },
          {
            key: 'user',
            title: t('audit.user'),
            width: 130,
            render: (_, e) => e.actor.displayName ?? e.actor.username ?? '—',
          },
          { key: 'action', title: t('audit.action'), dataIndex: 'action', width: 140, render: words.action },
          {
            key: 'fields',
            title: t('audit.fields'),
            dataIndex: 'fields',
            render: words.fields,
          },
          {
            key: 'outcome',
            title: t('audit.outcome'),
            dataIndex: 'outcome',
            width: 80,
            render: (o: string) => <Tag color={o === 'ok' ? 'success' : 'error'}>{words.outcome(o)}</Tag>,
          },
          { key: 'ip', title: t('audit.ip'), dataIndex: 'ip', width: 120 },
          {
            key: 'requestId',
            title: t('common.requestId'),
            dataIndex: 'requestId',
            width: 120,
            ellipsis: true,
          },
        ]}
      />
      <div style={{ marginTop: 12, display: 'flex', gap: 8 }}>
        {page > 1 && <Button onClick={() => setPage(page - 1)}>{t('common.prevPage')}</Button>}
        {data?.hasMore && <Button onClick={() => setPage(page + 1)}>{t('common.nextPage')}</Button>}
      </div>
    </>
  );
}
