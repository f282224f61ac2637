/**
 * The resident's register entries (the registers of the program registry) on the record's services tab:
 * status, diagnosis, managing doctor and follow-up state of each, with enrol / correct (registers a doctor
 * enrols in) and change status for users who may write services on an active record.
 */
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { programRegistry } from '@jkda/domain';
import { EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useDoctors, type Doctor } from '../../api/places.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Enrolment, EnrolmentStatus } from './enrolment.api.ts';
import { EditEnrolmentModal, EnrolModal, StatusModal } from './EnrolmentForms.tsx';
import { enrolledByDoctor, registerName } from './registerName.ts';

export type { Enrolment } from './enrolment.api.ts';

export interface EnrolmentPanelProps {
  residentId: number;
  /** An archived record is read-only. */
  archived: boolean;
  /** `enrolments` of GET /api/residents/:id/services. */
  enrolments: Enrolment[];
  /** Called after every successful change (and when the entries on screen turn out stale): reload them. */
  onChanged: () => void;
  /** The resident's sex: a register for the other sex only (pregnancy care) is not offered. */
  sex?: string | undefined;
}

const STATUS_COLOR: Record<EnrolmentStatus, string> = {
  managed: 'processing',
  lost: 'warning',
  moved: 'default',
  deceased: 'default',
  ended: 'default',
};
/** The registers in the registry's order. */
const ORDER = programRegistry.registers.map((r) => r.program);

type Dialog =
  | { kind: 'enrol'; program: string }
  | { kind: 'edit'; entry: Enrolment }
  | { kind: 'status'; entry: Enrolment };

export function EnrolmentPanel({ residentId, archived, enrolments, onChanged, sex }: EnrolmentPanelProps) {
  const { t } = useI18n();
  const { can } = useSession();
  const doctors = useDoctors();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canWrite = !archived && can('service.write');
  const entries = [...enrolments].sort((a, b) => ORDER.indexOf(a.program) - ORDER.indexOf(b.program));
  const managed = new Set(enrolments.filter((e) => e.status === 'managed').map((e) => e.program));
  const enrollable = programRegistry.doctorRegisters
    .filter((r) => !r.sex || !sex || r.sex === sex)
    .map((r) => r.program)
    .filter((p) => !managed.has(p));
  const close = () => setDialog(null);

  return (
    <Card
      size="small"
      title={t('enr.title')}
      data-testid="enrolment-panel"
      extra={
        canWrite &&
        enrollable.length > 0 && (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            data-testid="enrol"
            onClick={() => setDialog({ kind: 'enrol', program: enrollable[0]! })}
          >
            {t('enr.enrol')}
          </Button>
        )
      }
    >
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enr.empty')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {entries.map((e) => (
            <EntryView
              key={e.id}
              entry={e}
              doctors={doctors}
              actions={
                canWrite && (
                  <Space wrap>
                    {enrolledByDoctor(e.program) && e.status !== 'managed' && (
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        data-testid={`enrol-${e.program}`}
                        onClick={() => setDialog({ kind: 'enrol', program: e.program })}
                      >
                        {t('enr.enrol')}
                      </Button>
                    )}
                    {enrolledByDoctor(e.program) && (
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        data-testid={`edit-${e.program}`}
                        onClick={() => setDialog({ kind: 'edit', entry: e })}
                      >
                        {t('enr.edit')}
                      </Button>
                    )}
                    <Button
                      size="small"
                      icon={<SwapOutlined />}
                      data-testid={`status-${e.program}`}
                      onClick={() => setDialog({ kind: 'status', entry: e })}
                    >
                      {t('enr.changeStatus')}
                    </Button>
                  </Space>
                )
              }
            />
          ))}
        </Space>
      )}
      {canWrite && dialog?.kind === 'enrol' && (
        <EnrolModal
          residentId={residentId}
          programs={enrollable}
          initialProgram={dialog.program}
          doctors={doctors}
          onClose={close}
          onChanged={onChanged}
        />
      )}
      {canWrite && dialog?.kind === 'edit' && (
        <EditEnrolmentModal entry={dialog.entry} doctors={doctors} onClose={close} onChanged={onChanged} />
      )}
      {canWrite && dialog?.kind === 'status' && (
        <StatusModal entry={dialog.entry} onClose={close} onChanged={onChanged} />
      )}
    </Card>
  );
}

function EntryView({
  entry: e,
  doctors,
  actions,
}: {
  entry: Enrolment;
  doctors: Doctor[] | undefined;
  actions: React.ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const none = t('enr.none');
  const doctor =
    e.managingDoctorId === null
      ? none
      : (doctors?.find((d) => d.id === e.managingDoctorId)?.name ??
        (doctors ? t('enr.doctorUnknown', { id: e.managingDoctorId }) : none));
  const diagnosis = [e.diagnosisDate, e.diagnosisSource].filter(Boolean).join(' · ') || none;
  const register = programRegistry.register(e.program);
  const perYear = register?.visitsPerYear;
  const managed = e.status === 'managed';
  const items = [
    { key: 'enrolledOn', label: t('enr.enrolledOn'), children: e.enrolledOn },
    ...(enrolledByDoctor(e.program)
      ? [
          { key: 'diagnosis', label: t('enr.diagnosis'), children: diagnosis },
          { key: 'doctor', label: t('enr.doctor'), children: doctor },
        ]
      : []),
    ...(register?.followUpType
      ? [
          { key: 'nextDue', label: t('enr.nextDue'), children: (managed && e.nextDueDate) || none },
          { key: 'lastVisit', label: t('enr.lastVisit'), children: e.lastVisitDate ?? t('enr.never') },
        ]
      : []),
    ...(perYear
      ? [
          {
            key: 'visits',
            label: t('enr.visitsThisYear'),
            children: (
              <Typography.Text type={managed && e.visitsThisYear < perYear ? 'warning' : undefined}>
                {`${e.visitsThisYear}/${perYear}`}
              </Typography.Text>
            ),
          },
        ]
      : []),
    { key: 'lastCheck', label: t('enr.lastCheck'), children: e.lastCheckDate ?? t('enr.never') },
  ];
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`enrolment-${e.program}`}
      title={
        <Space wrap>
          <span>{registerName(e.program, i18n)}</span>
          <Tag color={STATUS_COLOR[e.status]} data-testid={`enrolment-status-${e.program}`}>
            {t(`enr.status.${e.status}`)}
          </Tag>
          {e.statusDate && !managed && (
            <Typography.Text type="secondary">{t('enr.statusSince', { date: e.statusDate })}</Typography.Text>
          )}
        </Space>
      }
      extra={actions}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}
