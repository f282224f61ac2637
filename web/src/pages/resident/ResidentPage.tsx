/**
 * The resident's record: cover and basic information in read mode, tabs reserved for the service
 * programs, the version history, and (for administrators) the audit trail. The cover and basic information
 * print as the paper 个人基本信息表 (A4, components/PaperForm.tsx).
 */
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PrinterOutlined, TeamOutlined } from '@ant-design/icons';
import { pathOf } from '../../app/routeTable.tsx';
import { useSession } from '../../auth/session.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PAPER_FORM, PaperHead, PrintButton } from '../../components/PaperForm.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ArchiveActions } from './ArchiveActions.tsx';
import { AuditTab } from './AuditTab.tsx';
import { BasicInfoView } from './BasicInfoView.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { ResidentServicesTab } from '../followup/ResidentServicesTab.tsx';
import { RecordCover } from './RecordCover.tsx';
import { residentApi } from './resident.api.ts';

export function ResidentPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const { data: r, error, loading, reload } = useAsync((s) => residentApi.get(id, s), [id]);
  // Printing the record prints its basic-information tab (the cover and the 个人基本信息表) as the paper form:
  // once that tab is the one drawn.
  const [printAsked, setPrintAsked] = useState(false);
  const tab = params.get('tab') ?? 'basic';
  useEffect(() => {
    // The tab changes in a transition: print once the basic information is the tab drawn.
    if (!printAsked || tab !== 'basic') return;
    setPrintAsked(false);
    window.print();
  }, [printAsked, tab]);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !r) return <PageLoading />;

  const printBasic = () => {
    if (tab !== 'basic') setParams({}, { replace: true });
    setPrintAsked(true);
  };
  const archived = r.status === 'archived';
  const tabs = [
    {
      key: 'basic',
      label: t('record.tab.basic'),
      children: (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <RecordCover r={r} />
          <BasicInfoView r={r} />
        </Space>
      ),
    },
    {
      key: 'followups',
      label: t('record.tab.followups'),
      children: (
        <ResidentServicesTab
          residentId={r.id}
          archived={archived}
          age={r.age}
          birthDate={r.birthDate}
          sex={r.sex}
        />
      ),
    },
    {
      key: 'history',
      label: t('record.tab.history'),
      children: <HistoryTab residentId={r.id} version={r.version} />,
    },
    ...(can('audit.read')
      ? [{ key: 'audit', label: t('record.tab.audit'), children: <AuditTab residentId={r.id} /> }]
      : []),
  ];

  return (
    <Card className={PAPER_FORM}>
      <PaperHead
        title={t('paper.basicInfo')}
        lines={[
          [t('paper.name'), r.name],
          [t('paper.recordNumber'), r.recordNumber],
        ]}
      />
      <div className="page-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="record-name">
          {r.name}
        </Typography.Title>
        <Typography.Text type="secondary">
          {codeLabel('sex', r.sex, lang)} · {t('common.ageYears', { n: r.age })} · {r.recordNumber}
        </Typography.Text>
        <Tag color={archived ? 'default' : 'success'}>{codeLabel('recordStatus', r.status, lang)}</Tag>
        <div style={{ flex: 1 }} />
        {r.householdId && (
          <Link to={pathOf('household', { id: r.householdId })}>
            <Button icon={<TeamOutlined />}>{t('record.household')}</Button>
          </Link>
        )}
        <Link to={pathOf('record-card', { id: r.id })}>
          <Button icon={<PrinterOutlined />}>{t('record.printCard')}</Button>
        </Link>
        <PrintButton testId="record-print-basic" label={t('record.printBasic')} onClick={printBasic} />
        {can('resident.archive') && (
          <ArchiveActions residentId={r.id} version={r.version} archived={archived} onChanged={reload} />
        )}
        {can('resident.update') && !archived && (
          <Link to={pathOf('resident-edit', { id: r.id })}>
            <Button type="primary" icon={<EditOutlined />}>
              {t('common.edit')}
            </Button>
          </Link>
        )}
      </div>
      {archived && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('record.archivedBanner', {
            reason: codeLabel('archiveReason', r.archiveReason, lang),
            date: r.archiveDate ?? '',
          })}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'basic' ? {} : { tab: k }, { replace: true })}
        items={tabs}
      />
    </Card>
  );
}
