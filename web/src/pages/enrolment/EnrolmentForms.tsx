/** The three modal forms of the register entries: enrol, correct an entry, change its status. */
import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  App,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  type ButtonProps,
  type FormInstance,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { fieldErrorsOf, isApiError } from '../../api/errors.ts';
import type { Doctor } from '../../api/places.ts';
import { useSession } from '../../auth/session.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  ENROLMENT_STATUSES,
  enrolmentApi,
  type EnrolBody,
  type Enrolment,
  type EnrolmentStatus,
} from './enrolment.api.ts';
import { registerName } from './registerName.ts';

const DAY = 'YYYY-MM-DD';
const toDay = (d: Dayjs | null | undefined): string | undefined => (d ? d.format(DAY) : undefined);
const fromDay = (s: string | null): Dayjs | undefined => (s ? dayjs(s, DAY) : undefined);
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');
/** A test id on a modal's button. */
const testId = (id: string): ButtonProps => ({ 'data-testid': id });
const trimmed = (s: string | undefined): string | undefined => s?.trim() || undefined;

function useRules() {
  const { t } = useI18n();
  const required: Rule = { required: true, message: t('enr.required') };
  const pastDate: Rule = {
    validator: (_, v: Dayjs | null | undefined) =>
      v && notFuture(v) ? Promise.reject(new Error(t('enr.dateFuture'))) : Promise.resolve(),
  };
  return { required, pastDate };
}

/**
 * Runs a change: on success tells the user and calls onDone; field errors of the answer land on the
 * form's fields; a stale version (409 without field errors) says the entry changed and reloads.
 */
function useSubmit(form: FormInstance, fieldNames: readonly string[], onChanged: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const run = async (send: () => Promise<unknown>, success: string, onDone: () => void) => {
    setBusy(true);
    try {
      await send();
      void message.success(success);
      onDone();
      onChanged();
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.length) {
        form.setFields(fields);
        if (fields.some((f) => !fieldNames.includes(String(f.name[0])))) notifyError(e);
        // Already managed: the list on screen is out of date.
        if (isApiError(e) && e.status === 409) onChanged();
      } else if (isApiError(e) && e.status === 409 && e.code === 'stale_version') {
        void message.error(t('enr.stale'));
        onDone();
        onChanged();
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function DoctorSelect({ doctors, ...rest }: { doctors: Doctor[] | undefined; id?: string }) {
  return (
    <Select
      {...rest}
      allowClear
      loading={doctors === undefined}
      showSearch={{ optionFilterProp: 'label' }}
      options={(doctors ?? []).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}

function ModalButtons(t: (k: 'enr.save' | 'enr.cancel') => string) {
  return { okText: t('enr.save'), cancelText: t('enr.cancel') };
}

interface EnrolValues {
  program: string;
  diagnosisDate?: Dayjs | null;
  diagnosisSource?: string;
  managingDoctorId?: number | null;
}

export function EnrolModal({
  residentId,
  programs,
  initialProgram,
  doctors,
  onClose,
  onChanged,
}: {
  residentId: number;
  /** The registers the resident may be enrolled in now (not managed in them). */
  programs: string[];
  initialProgram: string;
  doctors: Doctor[] | undefined;
  onClose: () => void;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [form] = Form.useForm<EnrolValues>();
  const { required } = useRules();
  const { busy, run } = useSubmit(
    form,
    ['program', 'diagnosisDate', 'diagnosisSource', 'managingDoctorId'],
    onChanged,
  );
  const myId = me?.user.id;
  // Default to me, unless the list of doctors of the jurisdiction says I am not one of them.
  useEffect(() => {
    if (doctors && myId !== undefined && form.getFieldValue('managingDoctorId') === myId)
      if (!doctors.some((d) => d.id === myId)) form.setFieldValue('managingDoctorId', undefined);
  }, [doctors, myId, form]);

  const submit = (v: EnrolValues) => {
    const diagnosisDate = toDay(v.diagnosisDate);
    const diagnosisSource = trimmed(v.diagnosisSource);
    const body: EnrolBody = {
      // The server's enum is the registry's doctor registers.
      program: v.program as EnrolBody['program'],
      ...(diagnosisDate ? { diagnosisDate } : {}),
      ...(diagnosisSource ? { diagnosisSource } : {}),
      ...(v.managingDoctorId ? { managingDoctorId: v.managingDoctorId } : {}),
    };
    void run(
      () => enrolmentApi.enrol(residentId, body),
      t('enr.enrolled', { program: registerName(v.program, i18n) }),
      onClose,
    );
  };

  return (
    <Modal
      open
      title={t('enr.enrolTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={testId('enrol-save')}
      {...ModalButtons(t)}
    >
      <Form<EnrolValues>
        form={form}
        name="enrol"
        layout="vertical"
        onFinish={submit}
        initialValues={{ program: initialProgram, managingDoctorId: myId }}
      >
        <Form.Item name="program" label={t('enr.program')} rules={[required]}>
          <Radio.Group
            options={programs.map((p) => ({ value: p, label: registerName(p, i18n) }))}
            optionType="button"
          />
        </Form.Item>
        <DiagnosisFields doctors={doctors} />
      </Form>
    </Modal>
  );
}

/** Diagnosis date (not in the future) and source, and the managing doctor: enrolling and correcting. */
function DiagnosisFields({ doctors }: { doctors: Doctor[] | undefined }) {
  const { t } = useI18n();
  const { pastDate } = useRules();
  return (
    <>
      <Form.Item name="diagnosisDate" label={t('enr.diagnosisDate')} rules={[pastDate]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
      </Form.Item>
      <Form.Item name="diagnosisSource" label={t('enr.diagnosisSource')}>
        <Input maxLength={100} placeholder={t('enr.diagnosisSourceHint')} />
      </Form.Item>
      <Form.Item name="managingDoctorId" label={t('enr.doctor')}>
        <DoctorSelect doctors={doctors} />
      </Form.Item>
    </>
  );
}

interface EditValues {
  diagnosisDate?: Dayjs | null;
  diagnosisSource?: string;
  managingDoctorId?: number | null;
}

export function EditEnrolmentModal({
  entry,
  doctors,
  onClose,
  onChanged,
}: {
  entry: Enrolment;
  doctors: Doctor[] | undefined;
  onClose: () => void;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<EditValues>();
  const { busy, run } = useSubmit(form, ['diagnosisDate', 'diagnosisSource', 'managingDoctorId'], onChanged);
  const program = registerName(entry.program, i18n);

  const submit = (v: EditValues) => {
    const diagnosisDate = toDay(v.diagnosisDate);
    const diagnosisSource = trimmed(v.diagnosisSource);
    const body = {
      ...(diagnosisDate ? { diagnosisDate } : {}),
      ...(diagnosisSource ? { diagnosisSource } : {}),
      ...(v.managingDoctorId ? { managingDoctorId: v.managingDoctorId } : {}),
      version: entry.version,
    };
    void run(() => enrolmentApi.update(entry.id, body), t('enr.updated'), onClose);
  };

  return (
    <Modal
      open
      title={t('enr.editTitle', { program })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={testId('edit-save')}
      {...ModalButtons(t)}
    >
      <Form<EditValues>
        form={form}
        name="editEnrolment"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          diagnosisDate: fromDay(entry.diagnosisDate),
          diagnosisSource: entry.diagnosisSource ?? undefined,
          managingDoctorId: entry.managingDoctorId ?? undefined,
        }}
      >
        <DiagnosisFields doctors={doctors} />
      </Form>
    </Modal>
  );
}

interface StatusValues {
  status: EnrolmentStatus;
  date: Dayjs;
  reason?: string;
}

export function StatusModal({
  entry,
  onClose,
  onChanged,
}: {
  entry: Enrolment;
  onClose: () => void;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { modal } = App.useApp();
  const [form] = Form.useForm<StatusValues>();
  const { required, pastDate } = useRules();
  const { busy, run } = useSubmit(form, ['status', 'date', 'reason'], onChanged);
  const program = registerName(entry.program, i18n);

  const send = (v: StatusValues) => {
    const reason = trimmed(v.reason);
    const body = {
      status: v.status,
      date: v.date.format(DAY),
      ...(reason ? { reason } : {}),
      version: entry.version,
    };
    return run(
      () => enrolmentApi.setStatus(entry.id, body),
      t('enr.statusChanged', { status: t(`enr.status.${v.status}`) }),
      onClose,
    );
  };

  const submit = (v: StatusValues) => {
    if (entry.status === 'managed' && v.status !== 'managed') {
      const status = t(`enr.status.${v.status}`);
      modal.confirm({
        title: t('enr.leaveTitle', { program }),
        content: t('enr.leaveBody', { status }),
        okText: t('enr.leaveOk'),
        cancelText: t('enr.cancel'),
        okButtonProps: { danger: true, ...testId('leave-confirm') },
        onOk: () => send(v),
      });
    } else void send(v);
  };

  return (
    <Modal
      open
      title={t('enr.statusTitle', { program })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={testId('status-save')}
      {...ModalButtons(t)}
    >
      <Form<StatusValues>
        form={form}
        name="enrolmentStatus"
        layout="vertical"
        onFinish={submit}
        initialValues={{ date: dayjs() }}
      >
        <Form.Item name="status" label={t('enr.status')} rules={[required]}>
          <Radio.Group
            options={ENROLMENT_STATUSES.filter((s) => s !== entry.status).map((s) => ({
              value: s,
              label: t(`enr.status.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('enr.statusDate')} rules={[required, pastDate]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
        <Form.Item name="reason" label={t('enr.reason')}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
