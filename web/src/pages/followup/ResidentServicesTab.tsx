/**
 * The record page's services tab: the resident's registers and service records, a menu of the service
 * records that apply to this resident (the registry's applicability: registers managed in, age …), and the
 * follow-up buttons of the registers that have their own follow-up page.
 */
import { useNavigate } from 'react-router';
import { Button, Dropdown, Empty, Space, Table, Tag, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { programRegistry } from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { useSession } from '../../auth/session.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  actionWordsOf,
  followUpRegisterOf,
  visitPartnersOf,
  formTypes,
  PROGRAM_UIS,
  registerLabel,
  resultOf,
} from '../../programs/index.ts';
import { EnrolmentPanel } from '../enrolment/EnrolmentPanel.tsx';
import { LinkedRecords, SchedulePlans } from './SchedulePlans.tsx';
import { ResidentTrends } from '../trends/ResidentTrends.tsx';
import { ServiceTimeline } from '../trends/ServiceTimeline.tsx';
import { servicesApi, type Enrolment, type ServiceItem } from '../services/services.api.ts';
import { countyToday } from '../../app/today.ts';

const today = () => countyToday();

/** The service types to offer a resident today that the web has a form for, in the registry's order. */
export function applicableTypes(
  resident: { birthDate: string; sex: string },
  enrolments: readonly Enrolment[],
  on: string = today(),
): string[] {
  const registers = enrolments.filter((e) => e.status === 'managed').map((e) => e.program);
  const offered = new Set(programRegistry.applicableTypes({ ...resident, registers }, on));
  return formTypes.filter((t) => offered.has(t));
}

/** The managed registers that have their own follow-up page (their follow-up type has a follow-up form). */
const hasFollowUpPage = (program: string): boolean => {
  const type = programRegistry.register(program)?.followUpType;
  return !!type && followUpRegisterOf(type)?.program === program;
};

export function ResidentServicesTab({
  residentId,
  archived,
  age,
  birthDate,
  sex,
}: {
  residentId: number;
  archived: boolean;
  age?: number | null;
  /** The resident's birth date and sex, for the registry's applicability. */
  birthDate: string;
  sex: string;
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
    const register = followUpRegisterOf(type);
    if (register)
      void navigate(pathOf('followup', { id: residentId, program: register.program }), {
        state: { from },
      });
    else void navigate(pathOf('service-new', { id: residentId, type }));
  };
  const openRecord = (type: string, serviceId: number) =>
    void navigate(pathOf('service', { id: residentId, type, serviceId }));
  const open = (s: ServiceItem) => openRecord(s.type, s.id);
  const canWrite = !archived && session.can('service.write');
  const types = data ? applicableTypes({ birthDate, sex }, enrolments) : [];
  // A patient of registers whose follow-ups are one visit (two chronic registers): one form for all.
  const managedPrograms = managed.map((e) => e.program);
  const [combinedFrom, partners] = managedPrograms
    .map((p) => [p, visitPartnersOf(p, managedPrograms)] as const)
    .find(([, with_]) => with_.length > 0) ?? [undefined, []];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="page-toolbar">
        {canWrite && types.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: types.map((type) => ({ key: type, label: programRegistry.typeLabel(type, lang) })),
              onClick: ({ key }) => startNew(key),
            }}
          >
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-service">
              {t('svc.new')} <DownOutlined />
            </Button>
          </Dropdown>
        )}
        {managed.some((e) => hasFollowUpPage(e.program)) && (
          <Typography.Text>{t('fu.enrolled')}</Typography.Text>
        )}
        {managed.map((e) => (
          <Space key={e.id}>
            {hasFollowUpPage(e.program) ? (
              <>
                <Tag color="processing">{registerLabel(e.program, lang)}</Tag>
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
        {canWrite && combinedFrom && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            data-testid="record-combined"
            onClick={() =>
              void navigate(
                `${pathOf('followup', { id: residentId, program: combinedFrom })}?with=${partners.map((p) => p.program).join(',')}`,
                { state: { from } },
              )
            }
          >
            {t('fu.recordCombined', {
              programs: [combinedFrom, ...partners.map((p) => p.program)]
                .map((p) => registerLabel(p, lang))
                .join('+'),
            })}
          </Button>
        )}
      </div>
      {data && (
        <EnrolmentPanel
          residentId={residentId}
          archived={archived}
          enrolments={enrolments}
          onChanged={reload}
          sex={sex}
        />
      )}
      {data && (
        <SchedulePlans plans={data.plans} onRecord={canWrite ? startNew : undefined} onOpen={openRecord} />
      )}
      {data && <LinkedRecords linked={data.linked} />}
      {data && data.items.length > 0 && <ResidentTrends items={data.items} age={age} />}
      {data &&
        PROGRAM_UIS.map(
          (p) =>
            p.RecordPanel && (
              <p.RecordPanel
                key={p.program}
                birthDate={birthDate}
                sex={sex}
                items={data.items}
                enrolments={data.enrolments}
              />
            ),
        )}
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
            render: (v: string) => programRegistry.typeLabel(v, lang),
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
            render: (v: string | null, r) => resultOf(r.type, v, lang).text,
          },
          { title: t('fu.next'), dataIndex: 'nextVisitDate' },
          {
            title: t('fu.nextAction'),
            dataIndex: 'nextAction',
            render: (v: string | null, r) => actionWordsOf(r.type, v, lang),
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
