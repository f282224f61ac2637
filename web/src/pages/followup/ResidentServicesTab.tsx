/** The record page's follow-ups tab: the resident's programs and service records, and buttons to record one. */
import { useNavigate } from 'react-router';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { pathOf } from '../../app/routes.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { programsApi, type Program, type ServiceListItem } from './followup.api.ts';
import { actionWords, classificationWords } from './FollowUpPage.tsx';
import { ResidentTrends } from '../trends/ResidentTrends.tsx';
import { ServiceTimeline } from '../trends/ServiceTimeline.tsx';

export function ResidentServicesTab({
  residentId,
  archived,
  age,
}: {
  residentId: number;
  archived: boolean;
  age?: number | null;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync((s) => programsApi.services(residentId, s), [residentId]);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const managed = (data?.enrolments ?? []).filter((e) => e.status === 'managed');
  const programOf = (type: string): Program => (type === 'diabetes_followup' ? 'diabetes' : 'hypertension');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="page-toolbar">
        {managed.length > 0 && <Typography.Text>{t('fu.enrolled')}</Typography.Text>}
        {managed.map((e) => (
          <Space key={e.id}>
            <Tag color="processing">{t(`wl.program.${e.program as Program}`)}</Tag>
            {!archived && (
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                data-testid={`record-${e.program}`}
                onClick={() =>
                  void navigate(pathOf('followup', { id: residentId, program: e.program }), {
                    state: { from: `${pathOf('resident', { id: residentId })}?tab=followups` },
                  })
                }
              >
                {t('fu.record')}
              </Button>
            )}
          </Space>
        ))}
      </div>
      {data && data.items.length > 0 && <ResidentTrends items={data.items} age={age} />}
      {data && <ServiceTimeline data={data} />}
      <Table<ServiceListItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('fu.noServices')} /> }}
        columns={[
          { title: t('fu.col.date'), dataIndex: 'serviceDate' },
          {
            title: t('fu.col.type'),
            dataIndex: 'type',
            render: (v: string) => t(`wl.program.${programOf(v)}`),
          },
          {
            title: t('fu.delivery'),
            dataIndex: 'delivery',
            render: (v: string) =>
              v === 'clinic' || v === 'home' || v === 'phone' ? t(`fu.delivery.${v}`) : v,
          },
          {
            title: t('fu.col.values'),
            key: 'values',
            render: (_, r) =>
              [r.sbp !== null ? `${r.sbp}/${r.dbp ?? ''}` : '', r.fastingGlucose ?? '']
                .filter((x) => x !== '')
                .join(' · '),
          },
          {
            title: t('fu.classification'),
            dataIndex: 'classification',
            render: (v: string | null) => classificationWords(v, lang),
          },
          { title: t('fu.next'), dataIndex: 'nextVisitDate' },
          {
            title: t('fu.nextAction'),
            dataIndex: 'nextAction',
            render: (v: string | null) => actionWords(v, lang),
          },
          {
            title: t('fu.col.status'),
            dataIndex: 'status',
            render: (v: string) =>
              v === 'signed' ? <Tag color="success">{t('fu.signed')}</Tag> : <Tag>{t('fu.draft')}</Tag>,
          },
        ]}
      />
    </Space>
  );
}
