/**
 * Finding a household: by its number, the head's name (characters, pinyin or initials) or part of the
 * address, within a village; newest first. Typing searches after a short pause; the rows open the household.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Input, Select, Space, Table, Typography } from 'antd';
import { pathOf } from '../../app/routeTable.tsx';
import type { Area } from '../../api/places.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { householdsApi, type HouseholdList } from './households.api.ts';

const SEARCH_DELAY_MS = 300;
const PAGE_SIZE = 10;

type Row = HouseholdList['items'][number];

export function HouseholdSearch({ villages }: { villages: readonly Area[] }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [villageCode, setVillageCode] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const query = { q: q || undefined, villageCode, page, pageSize: PAGE_SIZE };
  const { data, error, loading, reload } = useAsync(
    (signal) => householdsApi.search(query, signal),
    [JSON.stringify(query)],
  );
  if (error && !data) return <ErrorResult error={error} onRetry={reload} />;
  const columns = [
    {
      key: 'id',
      title: t('hh.colNumber'),
      render: (_: unknown, r: Row) => <Link to={pathOf('household', { id: r.id })}>{r.id}</Link>,
    },
    { key: 'head', title: t('hh.colHead'), render: (_: unknown, r: Row) => r.head?.name ?? t('hh.noHead') },
    { key: 'village', title: t('hh.village'), dataIndex: 'villageName' },
    { key: 'address', title: t('hh.address'), render: (_: unknown, r: Row) => r.address ?? '—' },
    {
      key: 'members',
      title: t('hh.colMembers'),
      render: (_: unknown, r: Row) => t('hh.membersN', { n: r.members }),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Search
          allowClear
          placeholder={t('hh.findPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          data-testid="household-search"
        />
        {villages.length > 1 && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 140 }}
            placeholder={t('hh.village')}
            value={villageCode}
            onChange={(v: string | undefined) => {
              setVillageCode(v);
              setPage(1);
            }}
            options={villages.map((v) => ({ value: v.code, label: v.name }))}
          />
        )}
      </Space.Compact>
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: loading ? ' ' : <Typography.Text type="secondary">{t('hh.empty')}</Typography.Text>,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => (
            <span data-testid="household-total">
              {data?.totalExact === false ? t('hh.totalAtLeast', { n }) : t('hh.total', { n })}
            </span>
          ),
          onChange: setPage,
        }}
      />
    </Space>
  );
}
