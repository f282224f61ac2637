/**
 * The chronic follow-up form (随访服务记录表) the chronic programs share (chronic.rules.ts): prefilled
 * from the last follow-up, checked as the user types with the registry's own check of the type (schema,
 * then rules), with the live assessment (control, expected classification, next visit, emergency
 * referral). Each program gives its symptoms, emergency flags, control line and its own fields (hooks).
 * Saving signs the record and returns to the worklist with the server's next visit date.
 */
import {
  useCallback,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ComponentType,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  EMERGENCY_CRITERION_MESSAGES,
  FOLLOW_UP_OUTCOMES,
  VISIT_CLASSIFICATION,
  chronicActionWords,
} from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { numberPad, outOfRange, rangeRule, type NumberRange } from '../../forms/numberRange.ts';
import { codeText } from '../../forms/schemaIssues.ts';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n, type MsgKey } from '../../i18n/i18n.tsx';
import { DELIVERIES, servicesApi } from '../../pages/services/services.api.ts';
import type { FollowUpFormProps, ResidentView, SavedNotice } from '../program-ui.ts';
import {
  assess,
  carryOver,
  expectedCode,
  possible,
  toFormPayload,
  type FollowUpValues,
} from './followUpModel.ts';
import { countyToday } from '../../app/today.ts';
import { showFirstError } from '../../forms/firstError.ts';
import { useLeaveGuard } from '../../forms/useLeaveGuard.ts';
import './followUp.css';
import { HelpPanel } from '../../components/HelpPanel.tsx';
import { DateField } from '../../forms/DateField.tsx';

/** A field's status for <Form.Item>: an issue once the field (or one of `alsoAfter`) was touched. */
export type ItemStatus = (
  name: (string | number)[],
  alsoAfter?: string[],
) => { validateStatus?: 'error'; help?: string };

/**
 * A number field of the form part (a grid column): a value outside `min`–`max` (the server's own range) is
 * kept as typed and shown on the field with the range in words.
 */
export type NumberItem = (
  name: string[],
  label: MsgKey,
  extra?: NumberRange & { step?: number },
) => ReactNode;

/** What a program's own fields get from the form. */
export interface SectionProps {
  item: ItemStatus;
  n: NumberItem;
  level: (keys: MsgKey[]) => { value: string; label: string }[];
  resident: ResidentView;
  today: string;
}

/** What a chronic program gives the shared follow-up form. */
export interface ChronicFollowUpHooks {
  /** Dictionary keys of the form's symptoms, code 1 (无症状) … 10 (其他). */
  symptoms: readonly MsgKey[];
  /** The symptom flags of the program's emergency referral list, in the spec's order. */
  emergencyFlags: readonly string[];
  /** The control line of the live panel: its label and the target in words for the age. */
  control: { label: MsgKey; target(age: number | null): string };
  /** The program's own fields: after the signs, in the lifestyle row, the tests, the adherence row, after the drugs. */
  Signs?: ComponentType<SectionProps>;
  Lifestyle?: ComponentType<SectionProps>;
  Tests?: ComponentType<SectionProps>;
  Adherence?: ComponentType<SectionProps>;
  AfterMedications?: ComponentType<SectionProps>;
}

const today = () => countyToday();

/** 每日次数 of a drug (followup-base.schema.ts). */
const TIMES_PER_DAY: NumberRange = { min: 0, max: 12 };

function valueAt(values: unknown, path: readonly (string | number)[]): unknown {
  let cur = values;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

export function ChronicFollowUpForm({
  type,
  register,
  title,
  resident,
  last,
  lastRecord,
  hooks,
}: FollowUpFormProps & { hooks: ChronicFollowUpHooks }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<FollowUpValues>();
  // Below the large breakpoint (a phone, a small tablet) the assessment and save sit in a bar at the bottom.
  const wide = Grid.useBreakpoint().lg !== false;
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [classChosen, setClassChosen] = useState(false);
  const [referralChosen, setReferralChosen] = useState(false);
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
  const previous = last?.classification ?? null;
  const a = assess(type, { ...merged, form: payload }, resident, previous);
  const issues = a.issues;

  const issueAt = (path: string) => issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  const issueText = (code: string) => codeText(code, lang);
  /** Field status; `alsoAfter` names fields whose entry shows this one's issue (HbA1c → its date). */
  const item = (name: (string | number)[], alsoAfter: string[] = []) => {
    const path = name.join('.');
    const server = serverErrors[path];
    if (server?.length) return { validateStatus: 'error' as const, help: server.join('；') };
    if (!submitted && !touched.has(path) && !alsoAfter.some((p) => touched.has(p))) return {};
    const found = issueAt(path);
    return found.length ? { validateStatus: 'error' as const, help: issueText(found[0]!.code) } : {};
  };

  // Something typed and not saved: leaving the page (Back, the menu, closing the tab) asks first.
  const dirty = useRef(false);
  useLeaveGuard(useCallback(() => dirty.current, []));

  const onValuesChange = (changed: Partial<FollowUpValues>) => {
    dirty.current = true;
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
    // The doctor's own say on the referral: the switch, or its details typed.
    const referralTouched =
      'referralNeeded' in changed || (changed.form !== undefined && 'referral' in changed.form);
    if (referralTouched) setReferralChosen(true);
    // The classification follows the values until the doctor chooses one; so does the referral switch, which
    // turns on with the emergency-referral alert (and off when the values no longer call for it).
    const assessNow = () => {
      const now = form.getFieldsValue(true) as FollowUpValues;
      const nowForm = toFormPayload({ ...now, form: { ...initial.form, ...now.form } });
      return { now, nowForm, assessed: assess(type, { ...now, form: nowForm }, resident, previous) };
    };
    if (!classChosen && !(changed.form && 'classification' in changed.form)) {
      const { nowForm, assessed } = assessNow();
      const code = expectedCode(assessed.expected);
      if (code && code !== nowForm.classification) form.setFieldValue(['form', 'classification'], code);
    }
    // After the classification: the next visit and the emergency criteria are judged with it.
    if (!referralChosen && !referralTouched) {
      const { now, assessed } = assessNow();
      const refer = assessed.emergency.length > 0 || assessed.plan?.referral === true;
      if (refer !== (now.referralNeeded === true)) form.setFieldValue('referralNeeded', refer);
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
    // The number fields' range rules: their errors show on the fields, and nothing is sent.
    const inRange = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!inRange || issues.length) {
      void message.error(t('fu.issues', { n: issues.length }));
      showFirstError(form);
      return;
    }
    setBusy(true);
    try {
      const saved = await servicesApi.create(resident.id, {
        type,
        serviceDate: merged.serviceDate,
        delivery: merged.delivery,
        form: payload,
        sign: true,
      });
      const notice: SavedNotice = {
        type,
        residentId: resident.id,
        name: resident.name,
        nextVisitDate: saved.nextVisitDate,
        nextAction: saved.nextAction,
        warnings: saved.warnings,
      };
      const back =
        (location.state as { from?: string } | null)?.from ??
        `${pathOf('worklist')}?program=${register.program}`;
      dirty.current = false;
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
  const symptoms = hooks.symptoms.map((k, i) => ({ value: String(i + 1), label: t(k) }));
  /** A number item's status: its range rule's error while the value is outside it, else the form's. */
  const numberStatus = (name: (string | number)[], range: NumberRange) =>
    outOfRange(valueAt(merged, name), range) ? {} : item(name);
  const n: NumberItem = (name, label, { step, ...range } = {}) => (
    <Col xs={12} md={6} key={name.join('.')}>
      <Form.Item
        name={['form', ...name]}
        label={t(label)}
        rules={[rangeRule(range, t)]}
        {...numberStatus(['form', ...name], range)}
      >
        {/* No min or max: the input would clamp what was typed. */}
        <InputNumber style={{ width: '100%' }} step={step} {...numberPad(range.integer)} />
      </Form.Item>
    </Col>
  );
  const kit: SectionProps = { item, n, level, resident, today: today() };
  const { Signs, Lifestyle, Tests, Adherence, AfterMedications } = hooks;
  const codes = (merged.form.symptoms as { codes?: string[] } | undefined)?.codes ?? [];
  const criterionWords = (c: keyof typeof EMERGENCY_CRITERION_MESSAGES) =>
    EMERGENCY_CRITERION_MESSAGES[c][lang === 'zh' ? 0 : 1];
  const flagOptions = hooks.emergencyFlags.map((f) => ({
    value: f,
    label: criterionWords(f as keyof typeof EMERGENCY_CRITERION_MESSAGES),
  }));
  const adverse = (merged.form.adverseReaction as { has?: boolean } | undefined)?.has === true;
  // The details go with the switch (they are saved only when it is on): shown when it is.
  const referralShown = merged.referralNeeded === true;
  const actionLabel = (key: string | null | undefined) => (key ? chronicActionWords(key, lang) || key : '');
  const outcome = (merged.form.outcome as string | undefined) ?? 'visited';
  const visited = outcome === 'visited';
  const phone = merged.delivery === 'phone';
  const clsLabel = (key: string | null) => VISIT_CLASSIFICATION.find((x) => x.key === key)?.[lang] ?? '—';

  const closedPanel = (
    <Alert
      type={outcome === 'died' ? 'warning' : 'info'}
      showIcon
      data-testid="closed-visit"
      title={`${t('fu.outcome')}：${t(`fu.outcome.${outcome}` as MsgKey)}`}
      description={outcome === 'died' ? t('fu.deathNotice') : t('fu.closedNotice')}
    />
  );
  const saveButton = (props: { block?: boolean; style?: CSSProperties }) => (
    <Button type="primary" loading={busy} onClick={() => void save()} data-testid="fu-save" {...props}>
      {t('fu.save')}
    </Button>
  );
  const panel = (
    <Card size="small" title={t('fu.status')} data-testid="assessment" className="fu-assessment">
      {!visited && closedPanel}
      <Descriptions column={1} size="small" style={visited ? undefined : { display: 'none' }}>
        <Descriptions.Item label={t(hooks.control.label)}>
          {a.controlled === null ? (
            <Typography.Text type="secondary">{t('fu.waiting')}</Typography.Text>
          ) : (
            <Tag color={a.controlled ? 'success' : 'error'} data-testid="control-status">
              {a.controlled ? t('fu.controlled') : t('fu.notControlled')} (
              {t('fu.target', { t: hooks.control.target(a.age) })})
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
      {wide && saveButton({ block: true, style: { marginTop: 12 } })}
    </Card>
  );
  const controlTag =
    a.controlled === null ? (
      <Typography.Text type="secondary">{t('fu.waiting')}</Typography.Text>
    ) : (
      <Tag color={a.controlled ? 'success' : 'error'}>
        {a.controlled ? t('fu.controlled') : t('fu.notControlled')}
      </Tag>
    );
  const phoneBar = (
    <div className="fu-bar" data-testid="fu-bar">
      <div className="fu-bar-status">
        {visited ? (
          <>
            {controlTag}
            <span>
              {t('fu.next')} <strong data-testid="fu-bar-next">{a.plan?.dueDate ?? '—'}</strong>
            </span>
            {a.emergency.length > 0 && <Tag color="error">{t('fu.emergencyAlert')}</Tag>}
          </>
        ) : (
          <span>{t(`fu.outcome.${outcome}` as MsgKey)}</span>
        )}
      </div>
      {saveButton({})}
    </div>
  );

  return (
    <Card
      title={
        <Space wrap>
          <span>{title[lang]}</span>
          <Typography.Text data-testid="fu-name">{resident.name}</Typography.Text>
          <Typography.Text type="secondary">
            {codeLabel('sex', resident.sex, lang)} · {t('common.ageYears', { n: resident.age })}
          </Typography.Text>
        </Space>
      }
    >
      <HelpPanel page="followUp" />
      {last && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('fu.prefilled', { date: last.serviceDate })}
        />
      )}
      <Form
        form={form}
        name="fu"
        layout="vertical"
        initialValues={initial}
        onValuesChange={onValuesChange}
        className={wide ? undefined : 'fu-form-phone'}
      >
        <Row gutter={16}>
          <Col xs={24} lg={17}>
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name="serviceDate" label={t('fu.serviceDate')} {...item(['serviceDate'])}>
                  <DateField max={today()} />
                </Form.Item>
              </Col>
              <Col xs={24} md={18}>
                <Form.Item name="delivery" label={t('fu.delivery')}>
                  <Radio.Group
                    optionType="button"
                    options={DELIVERIES.map((d) => ({
                      value: d,
                      label: t(`fu.delivery.${d}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name={['form', 'outcome']} label={t('fu.outcome')}>
              <Radio.Group
                optionType="button"
                data-testid="fu-outcome"
                options={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: t(`fu.outcome.${o}`) }))}
              />
            </Form.Item>
            {outcome === 'lost' && (
              <Form.Item
                name={['form', 'lostReason']}
                label={t('fu.lostReason')}
                {...item(['form', 'lostReason'], ['form.outcome'])}
              >
                <Input maxLength={200} data-testid="fu-lost-reason" />
              </Form.Item>
            )}
            {outcome === 'died' && (
              <Row gutter={12}>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={['form', 'death', 'date']}
                    label={t('fu.deathDate')}
                    {...item(['form', 'death', 'date'], ['form.outcome'])}
                  >
                    <DateField max={merged.serviceDate || today()} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item
                    name={['form', 'death', 'cause']}
                    label={t('fu.deathCause')}
                    {...item(['form', 'death', 'cause'], ['form.outcome'])}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            {outcome === 'died' &&
              issueAt('form.death').some((i) => i.path === 'form.death') &&
              submitted && <Typography.Text type="danger">{issueText('required')}</Typography.Text>}
            {visited && (
              <>
                <Form.Item
                  name={['form', 'symptoms', 'codes']}
                  label={t('fu.symptoms')}
                  {...item(['form', 'symptoms', 'codes'])}
                >
                  <Checkbox.Group options={symptoms} />
                </Form.Item>
                {codes.includes('10') && (
                  <Form.Item
                    name={['form', 'symptoms', 'other']}
                    label={t('fu.symptomsOther')}
                    {...item(['form', 'symptoms', 'other'], ['form.symptoms.codes'])}
                  >
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
                {phone && (
                  <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('fu.phoneValues')} />
                )}
                {!phone && (
                  <Form.Item
                    name={['form', 'valuesSource']}
                    valuePropName="checked"
                    getValueProps={(v: unknown) => ({ checked: v === 'reported' })}
                    normalize={(checked: boolean) => (checked ? 'reported' : undefined)}
                  >
                    <Checkbox>{t('fu.valuesReported')}</Checkbox>
                  </Form.Item>
                )}
                <Row gutter={12}>
                  {n(['sbp'], 'fu.sbp', possible('sbp', true))}
                  {n(['dbp'], 'fu.dbp', possible('dbp', true))}
                  {n(['heartRate'], 'fu.heartRate', possible('heartRate', true))}
                  {n(['heightCm'], 'fu.height', possible('heightCm'))}
                  {n(['weightKg'], 'fu.weight', { ...possible('weightKg'), step: 0.5 })}
                  {n(['targetWeightKg'], 'fu.targetWeight', { min: 1, max: 400, step: 0.5 })}
                  {Signs && <Signs {...kit} />}
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
                  {n(['lifestyle', 'exerciseTargetTimesPerWeek'], 'fu.exerciseTargetTimes', {
                    min: 0,
                    max: 50,
                  })}
                  {n(['lifestyle', 'exerciseTargetMinutes'], 'fu.exerciseTargetMinutes', {
                    min: 0,
                    max: 600,
                  })}
                  {Lifestyle && <Lifestyle {...kit} />}
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
                  {Tests && <Tests {...kit} />}
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
                      <Form.Item
                        name={['form', 'adverseReaction', 'description']}
                        label={t('fu.adverseDesc')}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                  )}
                  {adverse && (
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={['form', 'adverseReaction', 'uncontrollable']}
                        label={t('fu.adverseUncontrollable')}
                        valuePropName="checked"
                      >
                        <Switch data-testid="adverse-uncontrollable" />
                      </Form.Item>
                    </Col>
                  )}
                  {Adherence && <Adherence {...kit} />}
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
                      {fields.map((f, i) => (
                        // Every row keeps its labels (a filled box shows no placeholder); on a phone the
                        // drug's name takes the row and its frequency and dose share the next.
                        <Row gutter={8} key={f.key} align="top" data-testid={`fu-drug-${i}`}>
                          <Col xs={24} sm={10}>
                            <Form.Item
                              name={[f.name, 'name']}
                              label={t('fu.drugName')}
                              {...item(['form', 'medications', f.name, 'name'])}
                            >
                              <Input maxLength={50} />
                            </Form.Item>
                          </Col>
                          <Col xs={10} sm={5}>
                            <Form.Item
                              name={[f.name, 'timesPerDay']}
                              label={t('fu.timesPerDay')}
                              rules={[rangeRule(TIMES_PER_DAY, t)]}
                              {...numberStatus(['form', 'medications', f.name, 'timesPerDay'], TIMES_PER_DAY)}
                            >
                              <InputNumber style={{ width: '100%' }} {...numberPad(TIMES_PER_DAY.integer)} />
                            </Form.Item>
                          </Col>
                          <Col xs={10} sm={6}>
                            <Form.Item name={[f.name, 'dose']} label={t('fu.dose')}>
                              <Input maxLength={30} />
                            </Form.Item>
                          </Col>
                          <Col xs={4} sm={3}>
                            <Form.Item label=" " colon={false}>
                              <Button
                                icon={<DeleteOutlined />}
                                aria-label={t('fu.removeDrug')}
                                onClick={() => remove(f.name)}
                              />
                            </Form.Item>
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
                {AfterMedications && <AfterMedications {...kit} />}
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
              </>
            )}
            <Form.Item name={['form', 'notes']} label={t('fu.notes')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={7}>
            <div style={{ position: 'sticky', top: 16 }}>{panel}</div>
          </Col>
        </Row>
        {!wide && phoneBar}
      </Form>
    </Card>
  );
}
