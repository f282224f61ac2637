/** The record's versions: who changed which fields when, old → new, in words (field names and code labels). */
import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useAreas, useDoctors } from '../../api/places.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import { fieldLabel, fieldValueText, type ValueLookups } from '../../record/fields.ts';
import { paren } from '../../record/format.ts';
import type { HistoryEntry } from '../../record/types.ts';
import { residentApi } from './resident.api.ts';
import { countyDateTime } from '../../app/today.ts';

/** Versions past this many changed fields (a creation) start folded. */
const FOLD_OVER = 8;

function VersionCard({ entry, lookups }: { entry: HistoryEntry; lookups: ValueLookups }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [open, setOpen] = useState(entry.changes.length <= FOLD_OVER);
  const actionKey = `history.action.${entry.action}`;
  const action = hasKey(actionKey) ? t(actionKey) : entry.action;
  const when = countyDateTime(entry.changedAt, true);
  const rows = entry.changes.map((c) => ({
    key: c.field,
    field: fieldLabel(c.field, t),
    old: fieldValueText(c.field, c.old, i18n, lookups),
    new: fieldValueText(c.field, c.new, i18n, lookups),
  }));
  return (
    <Card
      size="small"
      data-testid="history-version"
      title={
        <Space wrap>
          <Tag color={entry.action === 'create' ? 'green' : 'blue'}>
            {t('history.version', { v: entry.version })}
          </Tag>
          <span>{t('history.by', { name: entry.changedBy?.name ?? t('history.system'), action })}</span>
          <Typography.Text type="secondary">{when}</Typography.Text>
        </Space>
      }
      extra={
        entry.changes.length > FOLD_OVER ? (
          <Button type="link" size="small" onClick={() => setOpen(!open)}>
            {open ? t('common.close') : t('common.view') + paren(String(entry.changes.length), lang)}
          </Button>
        ) : null
      }
    >
      {open && (
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { key: 'field', dataIndex: 'field', title: t('history.field'), width: '30%' },
            {
              key: 'old',
              dataIndex: 'old',
              title: t('history.old'),
              width: '35%',
              render: (v: string) => (
                <Typography.Text delete type="secondary">
                  {v}
                </Typography.Text>
              ),
            },
            {
              key: 'new',
              dataIndex: 'new',
              title: t('history.new'),
              width: '35%',
              render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
            },
          ]}
        />
      )}
    </Card>
  );
}

export function HistoryTab({ residentId, version }: { residentId: number; version: number }) {
  const { t } = useI18n();
  const areas = useAreas();
  const doctors = useDoctors();
  const { data, error, loading, reload } = useAsync(
    (s) => residentApi.history(residentId, s),
    [residentId, version],
  );
  const lookups: ValueLookups = {
    villageName: (code) => areas?.find((a) => a.code === code)?.name,
    doctorName: (id) => doctors?.find((d) => d.id === id)?.name,
  };
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  if (!data?.length) return <Empty description={t('history.empty')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {data.map((e) => (
        <VersionCard key={e.version} entry={e} lookups={lookups} />
      ))}
    </Space>
  );
}
