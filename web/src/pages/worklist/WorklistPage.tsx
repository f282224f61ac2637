/**
 * Worklist of the registers of the program registry: who is overdue, due this week, short of the visits a
 * year the register asks for, or without a health check this year (the categories the register shows);
 * for the doctor's own patients, a township or a village. A row of a register with its own follow-up page
 * opens it, other rows the resident record; print and the Excel export give a day's home-visit list. The
 * choices live in the URL.
 */
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Grid,
  Input,
  Segmented,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { programMessage, programRegistry } from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { useAreas, villagesOf } from '../../api/places.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { actionWordsOf, followUpRegisterOf, measuresOf, resultOf } from '../../programs/index.ts';
import type { SavedNotice } from '../../programs/program-ui.ts';
import { worklistApi, type WorklistItem } from './worklist.api.ts';
import { WorklistCards, type WorklistCardCells } from './WorklistCards.tsx';
import {
  parseWorklistState,
  tabsOf,
  toWorklistFilter,
  toWorklistParams,
  type WorklistState,
  type WorklistTab,
} from './worklistQuery.ts';
import './worklist.css';
import { countyToday } from '../../app/today.ts';
import { HelpPanel } from '../../components/HelpPanel.tsx';

const today = () => countyToday();

export function WorklistPage() {
  const { t, lang } = useI18n();
  const { me, can } = useSession();
  // Recording a follow-up or a due service needs service.write; a read-only user (the city inspector)
  // gets the record's follow-ups instead of a button that would end in "no permission".
  const canRecord = can('service.write');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseWorklistState(params), [params]);
  const { program, category } = state;
  const register = programRegistry.register(program)!;
  // A register with follow-ups lists the follow-up state; without, the health check due.
  const followUpType = register.followUpType;
  const followUpPage = !!followUpType && followUpRegisterOf(followUpType)?.program === program;
  const measures = measuresOf(followUpType);
  const [nameFilter, setNameFilter] = useState('');
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState(false);
  // On a phone the list is cards with the action on each (WorklistCards); printing keeps the table.
  const phone = Grid.useBreakpoint().md === false;
  const areas = useAreas();
  const villages = villagesOf(areas);
  const townships = (areas ?? []).filter((a) => a.level === 'township');
  const areaName = useMemo(() => new Map((areas ?? []).map((a) => [a.code, a.name])), [areas]);
  const jurisdiction = me?.user.jurisdiction;
  // Township and county users pick a township, then a village; a village doctor only villages.
  const widerThanVillages =
    !!jurisdiction && (jurisdiction.counties.length > 0 || jurisdiction.townships.length > 0);
  const villageChoices = state.township ? villages.filter((v) => v.parentCode === state.township) : villages;
  const saved = (location.state as { saved?: SavedNotice } | null)?.saved;

  // The name filter goes to the server (the whole list, not only the loaded rows), once typing pauses.
  const [nameQuery, setNameQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setNameQuery(nameFilter.trim()), 300);
    return () => clearTimeout(timer);
  }, [nameFilter]);
  const filter = { ...toWorklistFilter(state, me?.user.id), name: nameQuery || undefined };
  const key = JSON.stringify(filter);
  const { data, error, loading, reload } = useAsync((s) => worklistApi.list(filter, {}, s), [key]);
  // Rows past the first page, loaded on demand for the same filters.
  const [more, setMore] = useState<{ key: string; items: WorklistItem[] }>({ key: '', items: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more.key === key ? more.items : [];

  // The browser's own print command prints every loaded row, not just the table's page.
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const update = (patch: Partial<WorklistState>) =>
    void setParams(toWorklistParams({ ...state, ...patch }), { replace: true });
  const setProgram = (p: string) =>
    update({ program: p, category: tabsOf(p).includes(category) ? category : tabsOf(p)[0]! });

  const tabName = (c: WorklistTab) => t(`wl.tab.${c}`, { n: register.visitsPerYear ?? '' });

  const here = `${location.pathname}${location.search}`;
  // A scheduled register's row opens the form of the service due (the 6-month check, the next dose).
  const schedule = register.schedule;
  const opens = (r: WorklistItem): 'followup' | 'due' | 'record' =>
    canRecord && followUpPage ? 'followup' : canRecord && schedule && r.dueType ? 'due' : 'record';
  const open = (r: WorklistItem) =>
    void navigate(
      opens(r) === 'followup'
        ? pathOf('followup', { id: r.residentId, program })
        : opens(r) === 'due' && r.dueType
          ? pathOf('service-new', { id: r.residentId, type: r.dueType })
          : `${pathOf('resident', { id: r.residentId })}?tab=followups`,
      { state: { from: here } },
    );

  const onExport = async () => {
    setExporting(true);
    try {
      const file = await worklistApi.exportXlsx(filter, `worklist-${program}-${today()}.xlsx`);
      void message.success(t('wl.exported', { file }));
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  };

  const loaded = [...(data?.items ?? []), ...extra];
  const onMore = async () => {
    setLoadingMore(true);
    try {
      const next = await worklistApi.list(filter, { offset: loaded.length });
      setMore({ key, items: [...extra, ...next.items] });
    } catch (e) {
      notifyError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const dateOr = (v: string | null, none: string) =>
    v ?? <Typography.Text type="secondary">{none}</Typography.Text>;
  const lastResult = (r: WorklistItem) => resultOf(followUpType ?? '', r.lastClassification, lang);
  const followUpColumns: ColumnsType<WorklistItem> = [
    {
      title: t('wl.col.lastVisit'),
      dataIndex: 'lastVisitDate',
      className: 'wl-nowrap',
      render: (v: string | null, r) =>
        v ? (
          <>
            {v}{' '}
            {lastResult(r).text && (
              <Tag color={lastResult(r).tone === 'good' ? 'success' : 'warning'}>{lastResult(r).text}</Tag>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('wl.never')}</Typography.Text>
        ),
    },
    ...(measures.includes('bp')
      ? [
          {
            title: t('wl.col.lastBp'),
            key: 'bp',
            className: 'wl-nowrap',
            render: (_: unknown, r: WorklistItem) =>
              r.lastSbp !== null ? `${r.lastSbp}/${r.lastDbp ?? ''}` : '',
          },
        ]
      : []),
    ...(measures.includes('glucose')
      ? [
          {
            title: t('wl.col.lastGlucose'),
            dataIndex: 'lastFastingGlucose',
            render: (v: number | null) => v ?? '',
          },
        ]
      : []),
  ];
  const dueService = (r: WorklistItem) =>
    r.dueKey && schedule ? (
      <span data-testid="wl-due-service">
        {schedule.dueWords(r.dueKey, lang)}
        <br />
        <Typography.Text type="secondary">
          {r.dueDate}～{r.dueBy}
        </Typography.Text>
      </span>
    ) : (
      ''
    );
  const overdueTag = (r: WorklistItem) =>
    r.overdueDays > 0 ? <Tag color="error">{t('wl.overdueDays', { n: r.overdueDays })}</Tag> : '';
  const action = (r: WorklistItem) =>
    opens(r) === 'followup' ? (
      <Button size="small" type="primary" onClick={() => open(r)} data-testid="wl-followup">
        {t('wl.followUp')}
      </Button>
    ) : opens(r) === 'due' ? (
      <Button size="small" type="primary" onClick={() => open(r)} data-testid="wl-record-due">
        {t('wl.recordDue')}
      </Button>
    ) : (
      <Button size="small" type="primary" onClick={() => open(r)} data-testid="wl-open">
        {t('wl.openRecord')}
      </Button>
    );
  const cardCells: WorklistCardCells = {
    who: (r) => `${codeLabel('sex', r.sex, lang)} ${t('wl.ageYears', { n: r.age })}`,
    where: (r) => [areaName.get(r.villageCode) ?? r.villageCode, r.address].filter(Boolean).join(' '),
    due: (r) =>
      schedule ? (
        dueService(r)
      ) : (
        <>
          {followUpType ? t('wl.col.due') : t('wl.col.checkDue')}
          {t('common.colon')}
          {r.dueDate}
        </>
      ),
    overdue: overdueTag,
    action,
  };
  const columns: ColumnsType<WorklistItem> = [
    {
      title: t('wl.col.name'),
      dataIndex: 'name',
      className: 'wl-nowrap',
      render: (v: string, r) => <Link to={pathOf('resident', { id: r.residentId })}>{v}</Link>,
    },
    {
      title: t('wl.col.sex'),
      dataIndex: 'sex',
      className: 'wl-nowrap',
      render: (v: string) => codeLabel('sex', v, lang),
    },
    { title: t('wl.col.age'), dataIndex: 'age', className: 'wl-nowrap' },
    { title: t('wl.col.phone'), dataIndex: 'phone', className: 'wl-nowrap' },
    {
      title: t('wl.col.village'),
      dataIndex: 'villageCode',
      render: (v: string) => areaName.get(v) ?? v,
    },
    { title: t('wl.col.address'), dataIndex: 'address', className: 'wl-address' },
    ...(followUpType ? followUpColumns : []),
    {
      title: t('wl.col.lastCheck'),
      dataIndex: 'lastCheckDate',
      className: 'wl-nowrap',
      render: (v: string | null) => dateOr(v, t('wl.noCheck')),
    },
    ...(schedule
      ? [
          {
            title: t('wl.col.dueService'),
            key: 'dueService',
            render: (_: unknown, r: WorklistItem) => dueService(r),
          },
        ]
      : [
          {
            title: followUpType ? t('wl.col.due') : t('wl.col.checkDue'),
            dataIndex: 'dueDate',
            className: 'wl-nowrap',
          },
        ]),
    {
      title: t('wl.col.overdue'),
      dataIndex: 'overdueDays',
      render: (_: number, r) => overdueTag(r),
    },
    ...(register.visitsPerYear ? [{ title: t('wl.col.visits'), dataIndex: 'visitsThisYear' }] : []),
    {
      title: t('common.actions'),
      key: 'act',
      className: 'no-print',
      render: (_, r) => action(r),
    },
  ];

  const seen = new Set<number>();
  const rows = loaded.filter((r) => {
    if (seen.has(r.residentId)) return false;
    seen.add(r.residentId);
    return true;
  });
  const counts = data?.counts;
  const countOf = (c: WorklistTab) => (counts ? (c === 'all' ? counts.total : counts[c]) : undefined);
  const inTab = countOf(category) ?? 0;

  const scopeName = [
    state.township && areaName.get(state.township),
    state.village && areaName.get(state.village),
  ]
    .filter(Boolean)
    .join(' ');
  const print = () => {
    flushSync(() => setPrinting(true));
    try {
      window.print();
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Card className="wl-page">
      <HelpPanel page="worklist" />
      {saved && (
        <Alert
          className="no-print"
          type="success"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          data-testid="wl-saved"
          title={
            saved.nextVisitDate
              ? t('wl.saved', {
                  name: saved.name,
                  date: saved.nextVisitDate,
                  action: actionWordsOf(saved.type, saved.nextAction, lang),
                })
              : t('wl.savedNoVisit', {
                  name: saved.name,
                  action: actionWordsOf(saved.type, saved.nextAction, lang),
                })
          }
          description={
            saved.warnings.length || saved.others?.length ? (
              <>
                {(saved.others ?? []).map((o) => (
                  <div key={o.type} data-testid="wl-saved-other">
                    {t('wl.savedAlso', {
                      type: programRegistry.typeLabel(o.type, lang),
                      date: o.nextVisitDate ?? '—',
                      action: actionWordsOf(o.type, o.nextAction, lang),
                    })}
                    {o.warnings.length
                      ? `；${o.warnings.map((w) => programMessage(w.code, lang)).join('；')}`
                      : ''}
                  </div>
                ))}
                {saved.warnings.length > 0 && (
                  <div>{saved.warnings.map((w) => programMessage(w.code, lang)).join('；')}</div>
                )}
              </>
            ) : undefined
          }
        />
      )}
      <div className="wl-print-only">
        <Typography.Title level={4}>
          {t('wl.printTitle', { title: register.worklistTitle[lang], date: today() })}
          {scopeName ? ` ${scopeName}` : ''}
          {state.mine && me ? t('wl.printMine', { name: me.user.displayName }) : ''}
          {` · ${tabName(category)}`}
        </Typography.Title>
      </div>
      <div className="page-toolbar no-print">
        <Segmented
          value={program}
          onChange={(v) => setProgram(v)}
          options={programRegistry.registers.map((r) => ({ value: r.program, label: r.label[lang] }))}
          data-testid="wl-program"
          className="wl-programs"
        />
        <Checkbox
          checked={state.mine}
          onChange={(e) => update({ mine: e.target.checked })}
          data-testid="wl-mine"
        >
          {t('wl.mine')}
        </Checkbox>
        {widerThanVillages && (
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('wl.allTownships')}
            aria-label={t('wl.township')}
            value={state.township || undefined}
            onChange={(v: string | undefined) => {
              const village =
                v && villages.find((x) => x.code === state.village)?.parentCode !== v ? '' : state.village;
              update({ township: v ?? '', village });
            }}
            options={townships.map((a) => ({ value: a.code, label: a.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="wl-township"
          />
        )}
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('wl.allVillages')}
          aria-label={t('wl.village')}
          value={state.village || undefined}
          onChange={(v: string | undefined) => update({ village: v ?? '' })}
          options={villageChoices.map((v) => ({ value: v.code, label: v.name }))}
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
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void onExport()}
          data-testid="wl-export"
        >
          {t('wl.export')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={print} data-testid="wl-print">
          {t('common.print')}
        </Button>
      </div>
      <Tabs
        className="no-print"
        activeKey={category}
        onChange={(k) => update({ category: k as WorklistTab })}
        items={tabsOf(program).map((c) => ({
          key: c,
          label: (
            <span data-testid={`wl-tab-${c}`}>
              {tabName(c)} {countOf(c) !== undefined && <Tag>{countOf(c)}</Tag>}
            </span>
          ),
        }))}
      />
      {error ? (
        <ErrorResult error={error} onRetry={reload} />
      ) : phone && !printing ? (
        loading && rows.length === 0 ? (
          <Card loading size="small" />
        ) : (
          <WorklistCards rows={rows} cells={cardCells} empty={t('wl.empty')} />
        )
      ) : (
        <Table<WorklistItem>
          rowKey="residentId"
          onRow={() => ({ 'data-testid': 'wl-row' }) as React.HTMLAttributes<HTMLElement>}
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={printing ? false : { pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('wl.empty') }}
        />
      )}
      {!error && !loading && loaded.length < inTab && (
        <div className="no-print" style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={loadingMore} onClick={() => void onMore()} data-testid="wl-more">
            {t('wl.loadMore', { shown: loaded.length, total: inTab })}
          </Button>
        </div>
      )}
      <div className="wl-print-only" style={{ marginTop: 24 }}>
        {t('wl.printSign')}
      </div>
    </Card>
  );
}
