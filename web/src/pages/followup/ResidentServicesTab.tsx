/**
 * The record page's services tab: the resident's programs and service records, a menu of the service
 * records that apply to this resident, and the follow-up buttons of the chronic registers.
 */
import { useNavigate } from 'react-router';
import { Button, Dropdown, Empty, Space, Table, Tag, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { pathOf } from '../../app/routeTable.tsx';
import { useSession } from '../../auth/session.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PROGRAMS, type Program } from './followup.api.ts';
import { actionWords, classificationWords } from './FollowUpPage.tsx';
import { EnrolmentPanel } from '../enrolment/EnrolmentPanel.tsx';
import { ResidentTrends } from '../trends/ResidentTrends.tsx';
import { ServiceTimeline } from '../trends/ServiceTimeline.tsx';
import { ELDERLY_TYPES, FOLLOW_UP_TYPES, SERVICE_FORMS } from '../services/serviceForms.ts';
import { resultWords, serviceTypeName } from '../services/serviceTypes.ts';
import { servicesApi, type Enrolment, type ServiceItem } from '../services/services.api.ts';

const isChronic = (program: string): program is Program => (PROGRAMS as string[]).includes(program);
const programOfType = (type: string): Program => (type === 'diabetes_followup' ? 'diabetes' : 'hypertension');

/** The service types to offer a resident: follow-ups of the chronic registers they are managed in, the
 * elderly forms from 65, and every other registered form. */
export function applicableTypes(enrolments: Enrolment[], age: number | null | undefined): string[] {
  const managed = new Set(enrolments.filter((e) => e.status === 'managed').map((e) => e.program));
  return [...SERVICE_FORMS.keys()].filter((type) => {
    if (FOLLOW_UP_TYPES.includes(type)) return managed.has(programOfType(type));
    if (ELDERLY_TYPES.includes(type)) return (age ?? 0) >= 65;
    return true;
  });
}

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
  const session = useSession();
  const { data, error, loading, reload } = useAsync((s) => servicesApi.list(residentId, s), [residentId]);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const enrolments = data?.enrolments ?? [];
  const managed = enrolments.filter((e) => e.status === 'managed');
  const from = `${pathOf('resident', { id: residentId })}?tab=followups`;
  const startNew = (type: string) => {
    if (FOLLOW_UP_TYPES.includes(type))
      void navigate(pathOf('followup', { id: residentId, program: programOfType(type) }), {
        state: { from },
      });
    else void navigate(pathOf('service-new', { id: residentId, type }));
  };
  const open = (s: ServiceItem) =>
    void navigate(pathOf('service', { id: residentId, type: s.type, serviceId: s.id }));
  const canWrite = !archived && session.can('service.write');
  const types = data ? applicableTypes(enrolments, age) : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="page-toolbar">
        {canWrite && types.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: types.map((type) => ({ key: type, label: serviceTypeName(type, lang) })),
              onClick: ({ key }) => startNew(key),
            }}
          >
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-service">
              {t('svc.new')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        {managed.length > 0 && <Typography.Text>{t('fu.enrolled')}</Typography.Text>}
        {managed.map((e) => (
          <Space key={e.id}>
            {isChronic(e.program) ? (
              <>
                <Tag color="processing">{t(`wl.program.${e.program}`)}</Tag>
                {canWrite && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    data-testid={`record-${e.program}`}
                    onClick={() =>
                      void navigate(pathOf('followup', { id: residentId, program: e.program }), {
                        state: { from },
                      })
                    }
                  >
                    {t('fu.record')}
                  </Button>
                )}
              </>
            ) : null}
          </Space>
        ))}
      </div>
      {data && (
        <EnrolmentPanel
          residentId={residentId}
          archived={archived}
          enrolments={enrolments}
          onChanged={reload}
        />
      )}
      {data && data.items.length > 0 && <ResidentTrends items={data.items} age={age} />}
      {data && <ServiceTimeline data={data} onOpen={open} />}
      <Table<ServiceItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('fu.noServices')} /> }}
        onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('fu.col.date'), dataIndex: 'serviceDate' },
          {
            title: t('fu.col.type'),
            dataIndex: 'type',
            render: (v: string) => serviceTypeName(v, lang),
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
            render: (v: string | null, r) => resultWords(r.type, v, lang) || classificationWords(v, lang),
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
