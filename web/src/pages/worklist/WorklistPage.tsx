/**
 * Follow-up worklist of the hypertension and diabetes programs: who is overdue, due this week or short
 * of 4 visits this year, per village; a row opens the follow-up form; print gives a day's home-visit list.
 */
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Input, Segmented, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PrinterOutlined } from '@ant-design/icons';
import { ageOn } from '@jkda/domain';
import { pathOf } from '../../app/routes.tsx';
import { useAreas, villagesOf } from '../../api/places.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  PROGRAMS,
  programsApi,
  type Program,
  type WorklistCategory,
  type WorklistItem,
} from '../followup/followup.api.ts';
import {
  actionWords,
  classificationWords,
  warningWords,
  type SavedNotice,
} from '../followup/FollowUpPage.tsx';
import './worklist.css';

const CATEGORIES: (WorklistCategory | 'all')[] = ['overdue', 'due_week', 'under_visited', 'all'];
const today = () => new Date().toISOString().slice(0, 10);

export function WorklistPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const program: Program = params.get('program') === 'diabetes' ? 'diabetes' : 'hypertension';
  const villageCode = params.get('village') ?? undefined;
  const category = (params.get('category') ?? 'overdue') as WorklistCategory | 'all';
  const [nameFilter, setNameFilter] = useState('');
  const areas = useAreas();
  const villages = villagesOf(areas);
  const villageName = useMemo(() => new Map(villages.map((v) => [v.code, v.name])), [villages]);
  const saved = (location.state as { saved?: SavedNotice } | null)?.saved;

  const { data, error, loading, reload } = useAsync(
    (s) =>
      programsApi.worklist({ program, villageCode, category: category === 'all' ? undefined : category }, s),
    [program, villageCode, category],
  );

  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const here = `${location.pathname}${location.search}`;
  const open = (r: WorklistItem) =>
    void navigate(pathOf('followup', { id: r.residentId, program }), { state: { from: here } });

  const columns: ColumnsType<WorklistItem> = [
    {
      title: t('wl.col.name'),
      dataIndex: 'name',
      render: (v: string, r) => <Link to={pathOf('resident', { id: r.residentId })}>{v}</Link>,
    },
    { title: t('wl.col.sex'), dataIndex: 'sex', render: (v: string) => codeLabel('sex', v, lang) },
    { title: t('wl.col.age'), dataIndex: 'birthDate', render: (v: string) => ageOn(v, today()) },
    { title: t('wl.col.phone'), dataIndex: 'phone' },
    {
      title: t('wl.col.village'),
      dataIndex: 'villageCode',
      render: (v: string) => villageName.get(v) ?? v,
    },
    {
      title: t('wl.col.lastVisit'),
      dataIndex: 'lastVisitDate',
      render: (v: string | null, r) =>
        v ? (
          <>
            {v}{' '}
            {r.lastClassification && (
              <Tag color={r.lastClassification === 'controlled' ? 'success' : 'warning'}>
                {classificationWords(r.lastClassification, lang)}
              </Tag>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('wl.never')}</Typography.Text>
        ),
    },
    {
      title: t('wl.col.lastBp'),
      key: 'bp',
      render: (_, r) => (r.lastSbp !== null ? `${r.lastSbp}/${r.lastDbp ?? ''}` : ''),
    },
    ...(program === 'diabetes'
      ? [
          {
            title: t('wl.col.lastGlucose'),
            dataIndex: 'lastFastingGlucose',
            render: (v: number | null) => v ?? '',
          },
        ]
      : []),
    { title: t('wl.col.due'), dataIndex: 'dueDate' },
    {
      title: t('wl.col.overdue'),
      dataIndex: 'overdueDays',
      render: (v: number) => (v > 0 ? <Tag color="error">{t('wl.overdueDays', { n: v })}</Tag> : ''),
    },
    { title: t('wl.col.visits'), dataIndex: 'visitsThisYear' },
    {
      title: t('common.actions'),
      key: 'act',
      className: 'no-print',
      render: (_, r) => (
        <Button size="small" type="primary" onClick={() => open(r)} data-testid="wl-followup">
          {t('wl.followUp')}
        </Button>
      ),
    },
  ];

  const q = nameFilter.trim();
  // Two signed visits on the same last date come back as two rows; keep the first (the earlier due date).
  const seen = new Set<number>();
  const rows = (data?.items ?? []).filter((r) => {
    if (seen.has(r.residentId)) return false;
    seen.add(r.residentId);
    return !q || r.name.includes(q);
  });
  const counts = data?.counts;
  const countOf = (c: WorklistCategory | 'all') =>
    counts ? (c === 'all' ? counts.total : counts[c]) : undefined;

  return (
    <Card className="wl-page">
      {saved && (
        <Alert
          className="no-print"
          type="success"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          data-testid="wl-saved"
          title={t('wl.saved', {
            name: saved.name,
            date: saved.nextVisitDate ?? '',
            action: actionWords(saved.nextAction, lang),
          })}
          description={
            saved.warnings.length ? saved.warnings.map((w) => warningWords(w, lang)).join('；') : undefined
          }
        />
      )}
      <div className="wl-print-only">
        <Typography.Title level={4}>
          {t('wl.printTitle', {
            program: t(`wl.program.${program}`),
            date: today(),
          })}
          {villageCode ? ` ${villageName.get(villageCode) ?? ''}` : ''}
        </Typography.Title>
      </div>
      <div className="page-toolbar no-print">
        <Segmented
          value={program}
          onChange={(v) => set('program', v)}
          options={PROGRAMS.map((p) => ({ value: p, label: t(`wl.program.${p}`) }))}
          data-testid="wl-program"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('wl.allVillages')}
          value={villageCode}
          onChange={(v: string | undefined) => set('village', v)}
          options={villages.map((v) => ({ value: v.code, label: v.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="wl-village"
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('wl.nameFilter')}
          value={nameFilter}
          onChange={(e) => setNameFilter(e.target.value)}
        />
        <div style={{ flex: 1 }} />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="wl-print">
          {t('common.print')}
        </Button>
      </div>
      <Tabs
        className="no-print"
        activeKey={category}
        onChange={(k) => set('category', k)}
        items={CATEGORIES.map((c) => ({
          key: c,
          label: (
            <span data-testid={`wl-tab-${c}`}>
              {t(`wl.tab.${c}`)} {countOf(c) !== undefined && <Tag>{countOf(c)}</Tag>}
            </span>
          ),
        }))}
      />
      {error ? (
        <ErrorResult error={error} onRetry={reload} />
      ) : (
        <Table<WorklistItem>
          rowKey="residentId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('wl.empty') }}
        />
      )}
      <div className="wl-print-only" style={{ marginTop: 24 }}>
        {t('wl.printSign')}
      </div>
    </Card>
  );
}
