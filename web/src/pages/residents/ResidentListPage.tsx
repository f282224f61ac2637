/**
 * Finding residents: one search box (the server understands ID numbers, record numbers, phones, names
 * and pinyin initials), filters, server-side paging (only one page is ever in the browser), and the
 * Excel export for administrators.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Input, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { pathOf } from '../../app/routeTable.tsx';
import { useAreas } from '../../api/places.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import { residentColumns } from './columns.tsx';
import { ListFilters } from './ListFilters.tsx';
import {
  hasFilters,
  PAGE_SIZES,
  parseListState,
  toApiQuery,
  toSearchParams,
  type ListState,
} from './listQuery.ts';
import { residentsApi } from './residents.api.ts';
import { countyToday } from '../../app/today.ts';
import { HelpPanel } from '../../components/HelpPanel.tsx';

const SEARCH_DELAY_MS = 350;

export function ResidentListPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const areas = useAreas();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params), [params]);
  const [text, setText] = useState(state.q);
  const [exporting, setExporting] = useState(false);

  const update = (patch: Partial<ListState>, replace = false) => {
    const next = { ...state, page: 1, ...patch };
    void setParams(toSearchParams(next), { replace });
  };

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    if (text === state.q) return;
    const timer = setTimeout(() => update({ q: text }, true), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => setText(state.q), [state.q]);

  const apiQuery = toApiQuery(state);
  const key = JSON.stringify(apiQuery);
  const { data, error, loading, reload } = useAsync((signal) => residentsApi.list(apiQuery, signal), [key]);
  const columns = useMemo(() => residentColumns({ t, lang }), [t, lang]);
  // Past the list's count cap, administrators get the exact number in a second request (once per query,
  // not per page); the list does not wait for it.
  const countQuery = toApiQuery(state, false);
  const countKey = data?.totalExact === false && can('resident.export') ? JSON.stringify(countQuery) : null;
  const exact = useAsync(
    (signal) => (countKey ? residentsApi.count(countQuery, signal) : Promise.resolve(null)),
    [countKey],
  );
  const exactTotal = countKey ? exact.data?.total : undefined;

  const onExport = async () => {
    setExporting(true);
    try {
      const date = countyToday();
      const file = await residentsApi.exportXlsx(toApiQuery(state, false), `residents-${date}.xlsx`);
      void message.success(t('list.exported', { file }));
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  };

  if (error && !data) return <ErrorResult error={error} onRetry={reload} />;

  const empty = state.q
    ? t('list.emptySearch', { q: state.q })
    : hasFilters(state)
      ? t('list.emptyFilters')
      : t('list.emptyNone');
  const kindKey = `list.kind.${data?.queryKind ?? ''}`;
  const understood = state.q && data && hasKey(kindKey) ? t('list.understoodAs', { kind: t(kindKey) }) : null;
  const total = exactTotal ?? data?.total ?? 0;
  const totalExact = exactTotal !== undefined || data?.totalExact !== false;
  // Past the server's count cap (and until an exact count came), keep one more page reachable while pages
  // come back full.
  const pagingTotal =
    data && !totalExact
      ? Math.max(
          total,
          (state.page - 1) * state.pageSize +
            data.items.length +
            (data.items.length === state.pageSize ? state.pageSize : 0),
        )
      : total;

  return (
    <Card>
      <HelpPanel page="residents" />
      <div className="page-toolbar">
        <Input.Search
          allowClear
          enterButton={t('common.search')}
          placeholder={t('list.searchPlaceholder')}
          style={{ maxWidth: 460 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() })}
          loading={loading && !!state.q}
          data-testid="resident-search"
        />
        <div style={{ flex: 1 }} />
        {can('resident.export') && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
            {t('list.export')}
          </Button>
        )}
        {can('resident.create') && (
          <Link to={pathOf('resident-new')}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('nav.residentNew')}
            </Button>
          </Link>
        )}
      </div>
      <div className="page-toolbar">
        <ListFilters state={state} areas={areas} onChange={(patch) => update(patch)} />
        <Button onClick={() => void setParams(new URLSearchParams())}>{t('common.reset')}</Button>
      </div>
      {error ? <ErrorResult error={error} onRetry={reload} /> : null}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 1040 }}
        locale={{ emptyText: loading ? ' ' : <Typography.Text type="secondary">{empty}</Typography.Text> }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: pagingTotal,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showQuickJumper: true,
          showTotal: () => (
            <span data-testid="list-total">
              {understood ? understood + t('punct.comma') : ''}
              {!totalExact ? t('list.totalAtLeast', { n: total }) : t('list.total', { n: total })}
            </span>
          ),
          onChange: (page, pageSize) => update({ page: pageSize !== state.pageSize ? 1 : page, pageSize }),
        }}
      />
    </Card>
  );
}
