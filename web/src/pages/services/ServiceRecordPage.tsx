/**
 * One service record of any type the web has a form for (web/src/programs): a new record (save as draft or
 * sign at once), or an existing one shown read-only with its status, version and warnings, to amend (a new
 * version, with a reason) or sign. The form part is checked as the user types with the registry's own
 * check of the type (programRegistry.checkForm: schema, then rules, as the server runs it); the server's
 * field errors land on the fields and in a summary.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Space, Tag, Typography } from 'antd';
import { programRegistry } from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { fieldErrorsOf, isApiError } from '../../api/errors.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { SchemaItem, SchemaRuleContext } from '../../forms/SchemaItem.tsx';
import { codeText, pathOfField, unanswered, type FieldIssue } from '../../forms/schemaIssues.ts';
import { useLeaveGuard } from '../../forms/useLeaveGuard.ts';
import { useSchemaRules } from '../../forms/useSchemaRules.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import { useSession } from '../../auth/session.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { residentApi } from '../resident/resident.api.ts';
import { followUpRegisterOf, serviceFormOf } from '../../programs/index.ts';
import { PAPER_FORM, PaperFoot, PaperHead, PrintButton } from '../../components/PaperForm.tsx';
import { draftPath } from '../followup/draftPath.ts';
import type { ServiceFormDef } from '../../programs/program-ui.ts';
import { ServicePageCtx } from './serviceContext.ts';
import {
  DELIVERIES,
  servicesApi,
  type Delivery,
  type ServiceItem,
  type ServiceRecordFull,
} from './services.api.ts';
import { countyToday } from '../../app/today.ts';
import { showFirstError } from '../../forms/firstError.ts';
import { DateField } from '../../forms/DateField.tsx';

export const todayIso = () => countyToday();

export function ServiceRecordPage() {
  const params = useParams();
  const residentId = Number(params.id);
  const type = params.type ?? '';
  const serviceId = params.serviceId === undefined ? null : Number(params.serviceId);
  const def = serviceFormOf(type);
  if (!def || !Number.isInteger(residentId) || (serviceId !== null && !Number.isInteger(serviceId)))
    return <NotFoundPage />;
  const followUpRegister = followUpRegisterOf(type);
  if (serviceId === null && followUpRegister)
    return (
      <Navigate replace to={pathOf('followup', { id: residentId, program: followUpRegister.program })} />
    );
  return <Loader key={`${residentId}-${type}-${serviceId ?? 'new'}`} {...{ residentId, serviceId, def }} />;
}

function Loader({
  residentId,
  serviceId,
  def,
}: {
  residentId: number;
  serviceId: number | null;
  def: ServiceFormDef;
}) {
  const { data, error, loading, reload } = useAsync(
    async (signal) => {
      const [resident, list, record] = await Promise.all([
        residentApi.get(residentId, signal),
        servicesApi.list(residentId, signal),
        serviceId === null ? Promise.resolve(null) : servicesApi.get(serviceId, signal),
      ]);
      let last: Record<string, unknown> | null = null;
      if (!record) {
        const prev = list.items.find((s) => s.type === def.type && s.status === 'signed');
        if (prev) last = (await servicesApi.get(prev.id, signal)).form;
      }
      const registers = list.enrolments.filter((e) => e.status === 'managed').map((e) => e.program);
      return { resident, items: list.items, record, last, registers };
    },
    [residentId, serviceId, def.type],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !data) return <PageLoading />;
  if (data.record && (data.record.type !== def.type || data.record.residentId !== residentId))
    return <NotFoundPage />;
  return (
    <ServicePageCtx.Provider value={{ residentId, items: data.items }}>
      <ServiceRecordScreen
        def={def}
        resident={data.resident}
        items={data.items}
        loaded={data.record}
        last={data.last}
        registers={data.registers}
        reload={reload}
      />
    </ServicePageCtx.Provider>
  );
}

type Resident = Awaited<ReturnType<typeof residentApi.get>>;

interface ScreenProps {
  def: ServiceFormDef;
  resident: Resident;
  items: ServiceItem[];
  loaded: ServiceRecordFull | null;
  last: Record<string, unknown> | null;
  /** The registers the resident is managed in (their requirements of an annual check show as you type). */
  registers: string[];
  reload: () => void;
}

function ServiceRecordScreen(props: ScreenProps) {
  const [record, setRecord] = useState<ServiceRecordFull | null>(props.loaded);
  const [editing, setEditing] = useState(props.loaded === null);
  return (
    <RecordForm
      key={`${record?.id ?? 'new'}-${record?.version ?? 0}-${editing ? 'edit' : 'view'}`}
      {...props}
      record={record}
      editing={editing}
      setEditing={setEditing}
      setRecord={(r) => {
        setRecord(r);
        setEditing(false);
      }}
    />
  );
}

interface Values {
  serviceDate?: string;
  delivery?: Delivery;
  reason?: string;
  form?: Record<string, unknown>;
}

interface SummaryLine {
  path: string;
  text: string;
}

function RecordForm({
  def,
  resident,
  record,
  last,
  registers,
  editing,
  setEditing,
  setRecord,
  reload,
}: ScreenProps & {
  record: ServiceRecordFull | null;
  editing: boolean;
  setEditing: (v: boolean) => void;
  setRecord: (r: ServiceRecordFull) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const session = useSession();
  const canWrite = session.can('service.write');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<null | 'draft' | 'sign' | 'amend' | 'signOnly'>(null);
  const [summary, setSummary] = useState<SummaryLine[]>([]);
  const dirty = useRef(false);
  const type = def.type;
  // Recorded on its register's follow-up page: shown here only.
  const viewOnlyType = followUpRegisterOf(type) !== undefined;
  const today = todayIso();

  const initial = useMemo<Values>(
    () =>
      record
        ? { serviceDate: record.serviceDate, delivery: record.delivery, form: def.fromStored(record.form) }
        : {
            serviceDate: today,
            delivery: 'clinic',
            form: def.initialForm({ birthDate: resident.birthDate, sex: resident.sex, today, last }),
          },
    // The form is remounted (key) for each record version and mode.
    [],
  );

  const validate = useCallback(
    (raw: unknown): FieldIssue[] => {
      const v = raw as Values;
      const out: FieldIssue[] = [];
      if (!v.serviceDate) out.push({ path: ['serviceDate'], code: 'required' });
      else if (v.serviceDate > todayIso()) out.push({ path: ['serviceDate'], code: 'date_future' });
      else if (v.serviceDate < resident.birthDate)
        out.push({ path: ['serviceDate'], code: 'record_before_birth' });
      const payload = def.toPayload(v.form ?? {});
      const serviceDate =
        v.serviceDate && /^\d{4}-\d{2}-\d{2}$/.test(v.serviceDate) ? v.serviceDate : todayIso();
      const checked = programRegistry.checkForm(type, payload, {
        birthDate: resident.birthDate,
        sex: resident.sex,
        serviceDate,
        previousClassification: null,
        registers,
      });
      const formIssues = checked.errors.map((e) => ({ path: pathOfField(e.field), code: e.code }));
      out.push(...unanswered(formIssues, { form: payload }));
      if (record?.status === 'signed' && editing && !v.reason?.trim())
        out.push({ path: ['reason'], code: 'required' });
      return out;
    },
    [def, type, resident.birthDate, resident.sex, registers, record?.status, editing],
  );
  const { rule, allIssues } = useSchemaRules(form, validate);

  const isDirty = useCallback(() => editing && dirty.current, [editing]);
  useLeaveGuard(isDirty);

  const labelOf = (path: string): string => {
    if (def.fieldLabel)
      return def.fieldLabel(
        path
          .replace(/^form\./, '')
          .split('.')
          .filter((p) => !/^\d+$/.test(p))
          .join('.'),
        lang,
      );
    const key =
      path
        .replace(/^form\./, '')
        .split('.')
        .find((p) => !/^\d+$/.test(p)) ?? path;
    for (const k of [`svc.${key}`, ...(def.labelPrefixes ?? []).map((p) => `${p}${key}`)])
      if (hasKey(k)) return t(k);
    return path;
  };
  const issueLine = (i: FieldIssue): SummaryLine => {
    const path = i.path.join('.');
    return { path, text: path === 'reason' ? t('svc.reasonRequired') : codeText(i.code, lang) };
  };

  const showServerErrors = (e: unknown): boolean => {
    const fields = fieldErrorsOf(e);
    if (!fields.length) return false;
    form.setFields(fields);
    setSummary(fields.map((f) => ({ path: f.name.join('.'), text: f.errors.join('；') })));
    void message.error(t('svc.issues', { n: fields.length }));
    return true;
  };

  const onStale = () => {
    dirty.current = false;
    void message.error(t('svc.stale'));
    reload();
  };

  /** Checks the whole form; shows the issues on the fields and in the summary. */
  const check = async (): Promise<Values | null> => {
    const issues = allIssues();
    try {
      await form.validateFields();
    } catch {
      // The issues below say what is wrong.
    }
    if (issues.length) {
      setSummary(issues.map(issueLine));
      void message.error(t('svc.issues', { n: issues.length }));
      showFirstError(form);
      return null;
    }
    setSummary([]);
    return form.getFieldsValue(true) as Values;
  };

  const create = async (sign: boolean) => {
    const v = await check();
    if (!v) return;
    setBusy(sign ? 'sign' : 'draft');
    try {
      const saved = await servicesApi.create(resident.id, {
        type,
        serviceDate: v.serviceDate!,
        delivery: v.delivery ?? 'clinic',
        form: def.toPayload(v.form ?? {}),
        sign,
      });
      dirty.current = false;
      void message.success(sign ? t('svc.savedSigned') : t('svc.saved'));
      await navigate(pathOf('service', { id: resident.id, type, serviceId: saved.id }), { replace: true });
    } catch (e) {
      if (!showServerErrors(e)) notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const amend = async () => {
    if (!record) return;
    const v = await check();
    if (!v) return;
    setBusy('amend');
    try {
      const reason = v.reason?.trim();
      const saved = await servicesApi.amend(record.id, {
        serviceDate: v.serviceDate!,
        delivery: v.delivery ?? 'clinic',
        form: def.toPayload(v.form ?? {}),
        version: record.version,
        ...(reason ? { reason } : {}),
      });
      dirty.current = false;
      void message.success(t('svc.saved'));
      setRecord(saved);
    } catch (e) {
      if (isApiError(e) && e.status === 409 && !fieldErrorsOf(e).length) onStale();
      else if (!showServerErrors(e)) notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const sign = async () => {
    if (!record) return;
    setBusy('signOnly');
    try {
      const saved = await servicesApi.sign(record.id, record.version);
      void message.success(t('svc.signedOk'));
      setRecord(saved);
    } catch (e) {
      if (isApiError(e) && e.status === 409) onStale();
      else notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const readOnly = !editing;
  const Fields = def.Fields;
  const serviceDate = Form.useWatch<string | undefined>('serviceDate', form) ?? initial.serviceDate ?? today;

  const header = (
    <Space wrap>
      <span>{def.title[lang]}</span>
      <Typography.Text data-testid="svc-name">{resident.name}</Typography.Text>
      <Typography.Text type="secondary">
        {codeLabel('sex', resident.sex, lang)} · {t('svc.ageYears', { n: resident.age })}
      </Typography.Text>
      {record && (
        <>
          {record.status === 'signed' ? (
            <Tag color="success" data-testid="svc-status">
              {t('svc.signed')}
            </Tag>
          ) : (
            <Tag data-testid="svc-status">{t('svc.draft')}</Tag>
          )}
          <Typography.Text type="secondary" data-testid="svc-version">
            {t('svc.version', { n: record.version })}
          </Typography.Text>
          {record.signedAt && (
            <Typography.Text type="secondary">
              {t('svc.signedAt', { at: record.signedAt.slice(0, 16).replace('T', ' ') })}
            </Typography.Text>
          )}
        </>
      )}
    </Space>
  );

  const actions = (() => {
    if (!canWrite) return null;
    if (!record)
      return (
        <Space>
          <Button
            loading={busy === 'draft'}
            disabled={busy !== null}
            onClick={() => void create(false)}
            data-testid="svc-draft"
          >
            {t('svc.saveDraft')}
          </Button>
          <Button
            type="primary"
            loading={busy === 'sign'}
            disabled={busy !== null}
            onClick={() => void create(true)}
            data-testid="svc-sign-save"
          >
            {t('svc.saveSign')}
          </Button>
        </Space>
      );
    // A follow-up is recorded on its register's page: a draft of one is finished there.
    if (viewOnlyType)
      return record.status === 'draft' ? (
        <Link to={draftPath(record)}>
          <Button type="primary" data-testid="svc-continue-draft">
            {t('fu.continueDraft')}
          </Button>
        </Link>
      ) : null;
    if (editing)
      return (
        <Space>
          <Button
            disabled={busy !== null}
            onClick={() => {
              dirty.current = false;
              setEditing(false);
            }}
          >
            {t('svc.cancel')}
          </Button>
          <Button
            type="primary"
            loading={busy === 'amend'}
            onClick={() => void amend()}
            data-testid="svc-amend-save"
          >
            {t('svc.saveAmend')}
          </Button>
        </Space>
      );
    return (
      <Space>
        <Button onClick={() => setEditing(true)} data-testid="svc-amend">
          {t('svc.amend')}
        </Button>
        {record.status !== 'signed' && (
          <Button
            type="primary"
            loading={busy === 'signOnly'}
            onClick={() => void sign()}
            data-testid="svc-sign"
          >
            {t('svc.sign')}
          </Button>
        )}
      </Space>
    );
  })();

  // A saved record prints as its paper form (A4), for every role that may read it.
  const printable = record !== null && !editing;
  return (
    <Card
      className={PAPER_FORM}
      title={header}
      extra={
        printable || actions ? (
          <Space wrap>
            {printable && <PrintButton testId="svc-print" />}
            {actions}
          </Space>
        ) : null
      }
    >
      <PaperHead
        title={def.title[lang]}
        lines={[
          [t('paper.name'), resident.name],
          [t('paper.recordNumber'), resident.recordNumber],
        ]}
      />
      {viewOnlyType && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('svc.followUpOnly')} />
      )}
      {record && record.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="svc-warnings"
          title={t('svc.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {record.warnings.map((w, i) => (
                <li key={i}>
                  {labelOf(w.field)}：{codeText(w.code, lang)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {summary.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="svc-summary"
          title={t('svc.issues', { n: summary.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {summary.map((s, i) => (
                <li key={i}>
                  {labelOf(s.path)}：{s.text}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <SchemaRuleContext.Provider value={rule}>
        <Form
          form={form}
          name="svc"
          layout="vertical"
          initialValues={initial}
          disabled={readOnly}
          onValuesChange={() => {
            dirty.current = true;
          }}
        >
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <SchemaItem name={['serviceDate']} label={t('svc.serviceDate')} required>
                <DateField max={today} min={resident.birthDate} />
              </SchemaItem>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="delivery" label={t('svc.delivery')}>
                <Radio.Group
                  optionType="button"
                  options={DELIVERIES.map((d) => ({ value: d, label: t(`fu.delivery.${d}`) }))}
                />
              </Form.Item>
            </Col>
            {editing && record?.status === 'signed' && (
              <Col xs={24} md={8}>
                <SchemaItem name={['reason']} label={t('svc.reason')} required>
                  <Input maxLength={200} />
                </SchemaItem>
              </Col>
            )}
          </Row>
          <Fields
            birthDate={resident.birthDate}
            sex={resident.sex}
            serviceDate={serviceDate}
            readOnly={readOnly}
          />
        </Form>
      </SchemaRuleContext.Provider>
      <PaperFoot
        lines={[
          [t('paper.serviceDate'), record?.serviceDate ?? null],
          [t('paper.signature'), null],
        ]}
      />
    </Card>
  );
}
