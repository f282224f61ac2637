/**
 * The hypertension / type 2 diabetes follow-up form: prefilled from the last follow-up, validated as the
 * user types with the domain schema, with the live assessment (control, expected classification, next
 * visit). Saving signs the record and returns to the worklist with the server's next visit date.
 */
import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  classificationFromCode,
  EMERGENCY_CRITERION_MESSAGES,
  fieldMessage,
  NEXT_VISIT_ACTION,
  programMessage,
  VISIT_CLASSIFICATION,
} from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { fieldErrorsOf } from '../../api/errors.ts';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n, type MsgKey } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import { residentApi } from '../resident/resident.api.ts';
import { programsApi, type Program } from './followup.api.ts';
import {
  assess,
  carryOver,
  emergencyFlagsOf,
  expectedCode,
  formIssues,
  toFormPayload,
  typeOf,
  type FollowUpValues,
} from './followupModel.ts';

const today = () => new Date().toISOString().slice(0, 10);

export interface SavedNotice {
  residentId: number;
  name: string;
  nextVisitDate: string | null;
  nextAction: string | null;
  warnings: { field: string; code: string }[];
}

export function FollowUpPage() {
  const params = useParams();
  const id = Number(params.id);
  const program: Program = params.program === 'diabetes' ? 'diabetes' : 'hypertension';
  const { data, error, loading, reload } = useAsync(
    async (signal) => {
      const [resident, services] = await Promise.all([
        residentApi.get(id, signal),
        programsApi.services(id, signal),
      ]);
      const last = services.items.find((s) => s.type === typeOf(program) && s.status === 'signed');
      const lastRecord = last ? await programsApi.service(last.id, signal) : undefined;
      return { resident, last, lastRecord };
    },
    [id, program],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !data) return <PageLoading />;
  return <FollowUpForm key={`${id}-${program}`} program={program} {...data} />;
}

type Loaded = {
  resident: Awaited<ReturnType<typeof residentApi.get>>;
  last: { serviceDate: string; classification: string | null } | undefined;
  lastRecord: { form: Record<string, unknown> } | undefined;
};

function FollowUpForm({ program, resident, last, lastRecord }: Loaded & { program: Program }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<FollowUpValues>();
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [classChosen, setClassChosen] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});

  const initial = useMemo<FollowUpValues>(
    () => ({
      serviceDate: today(),
      delivery: 'clinic',
      referralNeeded: false,
      form: {
        symptoms: { codes: ['1'] },
        medicationAdherence: '1',
        adverseReaction: { has: false },
        complication: false,
        ...carryOver(lastRecord?.form),
        // Per visit, never carried over.
        emergencyFlags: [],
      },
    }),
    [lastRecord],
  );
  const values = (Form.useWatch([], form) as FollowUpValues | undefined) ?? initial;
  const merged: FollowUpValues = { ...initial, ...values, form: { ...initial.form, ...values.form } };
  const payload = toFormPayload(merged);
  const issues = formIssues(program, payload, { birthDate: resident.birthDate, today: today() });
  const previous = last?.classification ? (last.classification as never) : null;
  const a = assess(program, { ...merged, form: payload }, resident.birthDate, previous);

  const issueAt = (path: string) => issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  const issueText = (code: string) => {
    const k = `fu.issue.${code}`;
    return hasKey(k) ? t(k) : fieldMessage(code, lang);
  };
  /** Field status; `alsoAfter` names fields whose entry shows this one's issue (HbA1c → its date). */
  const item = (name: (string | number)[], alsoAfter: string[] = []) => {
    const path = name.join('.');
    const server = serverErrors[path];
    if (server?.length) return { validateStatus: 'error' as const, help: server.join('；') };
    if (!submitted && !touched.has(path) && !alsoAfter.some((p) => touched.has(p))) return {};
    const found = issueAt(path);
    return found.length ? { validateStatus: 'error' as const, help: issueText(found[0]!.code) } : {};
  };

  const onValuesChange = (changed: Partial<FollowUpValues>) => {
    const paths = new Set(touched);
    const walk = (o: unknown, prefix: string[]) => {
      if (o && typeof o === 'object' && !Array.isArray(o))
        for (const [k, v] of Object.entries(o)) walk(v, [...prefix, k]);
      else paths.add(prefix.join('.'));
    };
    walk(changed, []);
    setTouched(paths);
    setServerErrors({});
    if (changed.form && 'classification' in changed.form) setClassChosen(true);
    // The classification follows the values until the doctor chooses one.
    if (!classChosen && !(changed.form && 'classification' in changed.form)) {
      const now = form.getFieldsValue(true) as FollowUpValues;
      const nowForm = toFormPayload({ ...now, form: { ...initial.form, ...now.form } });
      const e = assess(program, { ...now, form: nowForm }, resident.birthDate, previous).expected;
      const code = expectedCode(e);
      if (code && code !== nowForm.classification) form.setFieldValue(['form', 'classification'], code);
    }
    const changedCodes = (changed.form?.symptoms as { codes?: string[] } | undefined)?.codes;
    if (changedCodes) {
      const codes = changedCodes.slice();
      if (codes.length > 1 && codes.includes('1')) {
        // 无 is exclusive: the last choice wins.
        const next = codes[codes.length - 1] === '1' ? ['1'] : codes.filter((c) => c !== '1');
        form.setFieldValue(['form', 'symptoms', 'codes'], next);
      }
    }
  };

  const save = async () => {
    setSubmitted(true);
    if (issues.length) {
      void message.error(t('fu.issues', { n: issues.length }));
      return;
    }
    setBusy(true);
    try {
      const saved = await programsApi.record(resident.id, {
        type: typeOf(program),
        serviceDate: merged.serviceDate,
        delivery: merged.delivery,
        form: payload,
        sign: true,
      });
      const notice: SavedNotice = {
        residentId: resident.id,
        name: resident.name,
        nextVisitDate: saved.nextVisitDate,
        nextAction: saved.nextAction,
        warnings: saved.warnings,
      };
      const back =
        (location.state as { from?: string } | null)?.from ?? `${pathOf('worklist')}?program=${program}`;
      await navigate(back, { state: { saved: notice } });
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.length) {
        setServerErrors(Object.fromEntries(fields.map((f) => [f.name.join('.'), f.errors])));
        void message.error(fields.flatMap((f) => f.errors).join('；'));
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const level = (keys: MsgKey[]) => keys.map((k, i) => ({ value: String(i + 1), label: t(k) }));
  const good = level(['fu.level.good', 'fu.level.fair', 'fu.level.poor']);
  const salt = level(['fu.salt.light', 'fu.salt.medium', 'fu.salt.heavy']);
  const symPrefix = program === 'hypertension' ? 'h' : 'd';
  const symptoms = Array.from({ length: 10 }, (_, i) => ({
    value: String(i + 1),
    label: t(`fu.sym.${symPrefix}${i + 1}` as MsgKey),
  }));
  const n = (name: string[], label: MsgKey, extra: { min?: number; max?: number; step?: number } = {}) => (
    <Col xs={12} md={6} key={name.join('.')}>
      <Form.Item name={['form', ...name]} label={t(label)} {...item(['form', ...name])}>
        <InputNumber style={{ width: '100%' }} {...extra} />
      </Form.Item>
    </Col>
  );
  const codes = (merged.form.symptoms as { codes?: string[] } | undefined)?.codes ?? [];
  const criterionWords = (c: keyof typeof EMERGENCY_CRITERION_MESSAGES) =>
    EMERGENCY_CRITERION_MESSAGES[c][lang === 'zh' ? 0 : 1];
  const flagOptions = emergencyFlagsOf(program).map((f) => ({
    value: f,
    label: criterionWords(f as keyof typeof EMERGENCY_CRITERION_MESSAGES),
  }));
  const adverse = (merged.form.adverseReaction as { has?: boolean } | undefined)?.has === true;
  const referralShown = merged.referralNeeded === true || a.plan?.referral === true;
  const actionLabel = (key: string | null | undefined) =>
    NEXT_VISIT_ACTION.find((x) => x.key === key)?.[lang] ?? key ?? '';
  const clsLabel = (key: string | null) => VISIT_CLASSIFICATION.find((x) => x.key === key)?.[lang] ?? '—';

  const panel = (
    <Card size="small" title={t('fu.status')} data-testid="assessment" className="fu-assessment">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={program === 'hypertension' ? t('fu.bp') : t('fu.glucose')}>
          {a.controlled === null ? (
            <Typography.Text type="secondary">{t('fu.waiting')}</Typography.Text>
          ) : (
            <Tag color={a.controlled ? 'success' : 'error'} data-testid="control-status">
              {a.controlled ? t('fu.controlled') : t('fu.notControlled')} ({t('fu.target', { t: a.target })})
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.expected')}>
          <span data-testid="expected-class">{clsLabel(a.expected)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.next')}>
          <strong data-testid="next-visit">{a.plan?.dueDate ?? '—'}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.nextAction')}>
          <span data-testid="next-action">{a.plan ? actionLabel(a.plan.action) : '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {a.emergency.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="emergency-alert"
          title={t('fu.emergencyAlert')}
          description={
            <>
              <div>
                {t('fu.emergency')}：{a.emergency.map(criterionWords).join('；')}
              </div>
              <div>{t('fu.emergencyAdvice')}</div>
            </>
          }
        />
      )}
      {a.chosen && a.expected && a.chosen !== a.expected && (
        <Alert type="warning" showIcon title={`${t('fu.expected')}：${clsLabel(a.expected)}`} />
      )}
      <Button
        type="primary"
        block
        style={{ marginTop: 12 }}
        loading={busy}
        onClick={() => void save()}
        data-testid="fu-save"
      >
        {t('fu.save')}
      </Button>
    </Card>
  );

  return (
    <Card
      title={
        <Space wrap>
          <span>{t(`fu.title.${program}`)}</span>
          <Typography.Text data-testid="fu-name">{resident.name}</Typography.Text>
          <Typography.Text type="secondary">
            {codeLabel('sex', resident.sex, lang)} · {t('common.ageYears', { n: resident.age })}
          </Typography.Text>
        </Space>
      }
    >
      {last && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('fu.prefilled', { date: last.serviceDate })}
        />
      )}
      <Form form={form} name="fu" layout="vertical" initialValues={initial} onValuesChange={onValuesChange}>
        <Row gutter={16}>
          <Col xs={24} lg={17}>
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name="serviceDate" label={t('fu.serviceDate')} {...item(['serviceDate'])}>
                  <Input type="date" max={today()} />
                </Form.Item>
              </Col>
              <Col xs={24} md={18}>
                <Form.Item name="delivery" label={t('fu.delivery')}>
                  <Radio.Group
                    optionType="button"
                    options={(['clinic', 'home', 'phone'] as const).map((d) => ({
                      value: d,
                      label: t(`fu.delivery.${d}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name={['form', 'symptoms', 'codes']}
              label={t('fu.symptoms')}
              {...item(['form', 'symptoms', 'codes'])}
            >
              <Checkbox.Group options={symptoms} />
            </Form.Item>
            {codes.includes('10') && (
              <Form.Item name={['form', 'symptoms', 'other']} label={t('fu.symptomsOther')}>
                <Input maxLength={100} />
              </Form.Item>
            )}
            <Form.Item
              name={['form', 'emergencyFlags']}
              label={t('fu.emergencyFlags')}
              {...item(['form', 'emergencyFlags'])}
            >
              <Checkbox.Group options={flagOptions} data-testid="emergency-flags" />
            </Form.Item>
            <Typography.Title level={5}>{t('fu.signs')}</Typography.Title>
            <Row gutter={12}>
              {n(['sbp'], 'fu.sbp', { min: 0, max: 400 })}
              {n(['dbp'], 'fu.dbp', { min: 0, max: 300 })}
              {n(['heartRate'], 'fu.heartRate', { min: 0, max: 350 })}
              {n(['heightCm'], 'fu.height', { min: 30, max: 260 })}
              {n(['weightKg'], 'fu.weight', { min: 1, max: 400, step: 0.5 })}
              {n(['targetWeightKg'], 'fu.targetWeight', { min: 1, max: 400, step: 0.5 })}
              {program === 'diabetes' && (
                <Col xs={12} md={6}>
                  <Form.Item name={['form', 'dorsalisPedis']} label={t('fu.dorsalisPedis')}>
                    <Select
                      allowClear
                      options={[
                        { value: 'normal', label: t('fu.dp.normal') },
                        { value: 'weak_both', label: t('fu.dp.weak_both') },
                        { value: 'weak_left', label: t('fu.dp.weak_left') },
                        { value: 'weak_right', label: t('fu.dp.weak_right') },
                        { value: 'absent_both', label: t('fu.dp.absent_both') },
                        { value: 'absent_left', label: t('fu.dp.absent_left') },
                        { value: 'absent_right', label: t('fu.dp.absent_right') },
                      ]}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name={['form', 'signsOther']} label={t('fu.signsOther')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={5}>{t('fu.lifestyle')}</Typography.Title>
            <Row gutter={12}>
              {n(['lifestyle', 'cigarettesPerDay'], 'fu.cigarettes', { min: 0, max: 200 })}
              {n(['lifestyle', 'cigarettesTarget'], 'fu.cigarettesTarget', { min: 0, max: 200 })}
              {n(['lifestyle', 'alcoholLiangPerDay'], 'fu.alcohol', { min: 0, max: 100 })}
              {n(['lifestyle', 'alcoholTarget'], 'fu.alcoholTarget', { min: 0, max: 100 })}
              {n(['lifestyle', 'exerciseTimesPerWeek'], 'fu.exerciseTimes', { min: 0, max: 50 })}
              {n(['lifestyle', 'exerciseMinutes'], 'fu.exerciseMinutes', { min: 0, max: 600 })}
              {n(['lifestyle', 'exerciseTargetTimesPerWeek'], 'fu.exerciseTargetTimes', { min: 0, max: 50 })}
              {n(['lifestyle', 'exerciseTargetMinutes'], 'fu.exerciseTargetMinutes', { min: 0, max: 600 })}
              {program === 'hypertension' ? (
                <>
                  <Col xs={12} md={6}>
                    <Form.Item name={['form', 'saltIntake']} label={t('fu.salt')}>
                      <Radio.Group optionType="button" options={salt} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={['form', 'saltTarget']} label={t('fu.saltTarget')}>
                      <Radio.Group optionType="button" options={salt} />
                    </Form.Item>
                  </Col>
                </>
              ) : (
                <>
                  {n(['stapleGramsPerDay'], 'fu.staple', { min: 0, max: 2000 })}
                  {n(['stapleTarget'], 'fu.stapleTarget', { min: 0, max: 2000 })}
                </>
              )}
              <Col xs={12} md={6}>
                <Form.Item name={['form', 'lifestyle', 'psychology']} label={t('fu.psychology')}>
                  <Radio.Group optionType="button" options={good} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={['form', 'lifestyle', 'compliance']} label={t('fu.compliance')}>
                  <Radio.Group optionType="button" options={good} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={5}>{t('fu.tests')}</Typography.Title>
            <Row gutter={12}>
              {program === 'diabetes' &&
                n(['fastingGlucose'], 'fu.fastingGlucose', { min: 0, max: 60, step: 0.1 })}
              {program === 'diabetes' && n(['hba1c'], 'fu.hba1c', { min: 0, max: 25, step: 0.1 })}
              {program === 'diabetes' && (
                <Col xs={12} md={6}>
                  <Form.Item
                    name={['form', 'hba1cDate']}
                    label={t('fu.hba1cDate')}
                    {...item(['form', 'hba1cDate'], ['form.hba1c'])}
                  >
                    <Input type="date" min={resident.birthDate} max={today()} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={12}>
                <Form.Item name={['form', 'otherTests']} label={t('fu.otherTests')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['form', 'medicationAdherence']}
                  label={t('fu.adherence')}
                  {...item(['form', 'medicationAdherence'])}
                >
                  <Radio.Group
                    optionType="button"
                    options={level(['fu.adh.regular', 'fu.adh.intermittent', 'fu.adh.none'])}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={['form', 'adverseReaction', 'has']} label={t('fu.adverse')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: false, label: t('common.no') },
                      { value: true, label: t('common.yes') },
                    ]}
                  />
                </Form.Item>
              </Col>
              {adverse && (
                <Col xs={12} md={6}>
                  <Form.Item name={['form', 'adverseReaction', 'description']} label={t('fu.adverseDesc')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              )}
              {program === 'diabetes' && (
                <Col xs={12} md={6}>
                  <Form.Item name={['form', 'hypoglycemia']} label={t('fu.hypoglycemia')}>
                    <Radio.Group
                      optionType="button"
                      options={level(['fu.hypo.none', 'fu.hypo.occasional', 'fu.hypo.frequent'])}
                    />
                  </Form.Item>
                </Col>
              )}
              <Col xs={12} md={6}>
                <Form.Item
                  name={['form', 'complication']}
                  label={t('fu.complication')}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name={['form', 'classification']}
              label={t('fu.classification')}
              {...item(['form', 'classification'])}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={VISIT_CLASSIFICATION.map((c) => ({ value: c.code, label: c[lang] }))}
              />
            </Form.Item>
            <Typography.Title level={5}>{t('fu.medications')}</Typography.Title>
            <Form.List name={['form', 'medications']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={8} key={f.key} align="top">
                      <Col span={10}>
                        <Form.Item name={[f.name, 'name']} {...item(['form', 'medications', f.name, 'name'])}>
                          <Input placeholder={t('fu.drugName')} maxLength={50} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item
                          name={[f.name, 'timesPerDay']}
                          {...item(['form', 'medications', f.name, 'timesPerDay'])}
                        >
                          <InputNumber
                            placeholder={t('fu.timesPerDay')}
                            min={0}
                            max={12}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={6}>
                        <Form.Item name={[f.name, 'dose']}>
                          <Input placeholder={t('fu.dose')} maxLength={30} />
                        </Form.Item>
                      </Col>
                      <Col span={3}>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                      </Col>
                    </Row>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', timesPerDay: 1, dose: '' })}
                    style={{ marginBottom: 16 }}
                  >
                    {t('fu.addDrug')}
                  </Button>
                </>
              )}
            </Form.List>
            {program === 'diabetes' && (
              <Row gutter={12}>
                <Col xs={12} md={8}>
                  <Form.Item
                    name={['form', 'insulin', 'kind']}
                    label={t('fu.insulinKind')}
                    {...item(['form', 'insulin', 'kind'], ['form.insulin.usage'])}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name={['form', 'insulin', 'usage']}
                    label={t('fu.insulinUsage')}
                    {...item(['form', 'insulin', 'usage'])}
                  >
                    <Input maxLength={50} placeholder={t('fu.insulinUsageHint')} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Form.Item name="referralNeeded" label={t('fu.referralNeeded')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {referralShown && (
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['form', 'referral', 'reason']}
                    label={t('fu.referralReason')}
                    {...item(['form', 'referral', 'reason'])}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={['form', 'referral', 'institution']}
                    label={t('fu.referralInstitution')}
                    {...item(['form', 'referral', 'institution'])}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['form', 'referral', 'contact']} label={t('fu.referralContact')}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Form.Item name={['form', 'notes']} label={t('fu.notes')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={7}>
            <div style={{ position: 'sticky', top: 16 }}>{panel}</div>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

export const classificationWords = (code: string | null, lang: 'zh' | 'en') => {
  const key = code && code.length === 1 ? classificationFromCode(code) : code;
  return VISIT_CLASSIFICATION.find((x) => x.key === key)?.[lang] ?? '';
};

export const actionWords = (key: string | null, lang: 'zh' | 'en') =>
  NEXT_VISIT_ACTION.find((x) => x.key === key)?.[lang] ?? '';

export const warningWords = (w: { field: string; code: string }, lang: 'zh' | 'en') =>
  programMessage(w.code, lang);
