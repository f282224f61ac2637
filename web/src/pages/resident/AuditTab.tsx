/** Who viewed or changed this record (administrators, ability audit.read). */
import { useState } from 'react';
import { Button, Table } from 'antd';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { auditColumns } from '../audit/auditColumns.tsx';
import { residentApi, type AuditEntry } from './resident.api.ts';

export function AuditTab({ residentId }: { residentId: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(
    (s) => residentApi.audit(residentId, page, s),
    [residentId, page],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
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
        columns={auditColumns('record', t)}
      />
      <div style={{ marginTop: 12, display: 'flex', gap: 8 }}>
        {page > 1 && <Button onClick={() => setPage(page - 1)}>{t('common.prevPage')}</Button>}
        {data?.hasMore && <Button onClick={() => setPage(page + 1)}>{t('common.nextPage')}</Button>}
      </div>
    </>
  );
}
