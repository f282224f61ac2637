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
import type { FollowUpFormProps, FollowUpPart, ResidentView, SavedNotice } from '../program-ui.ts';
import {
  assess,
  carryOver,
  carryOverAll,
  expectedCode,
  fieldPathOf,
  partValues,
  possible,
  toFormPayload,
  type Assessment,
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

/**
 * The follow-up form of one chronic register, or of a combined visit of several (a patient of two chronic
 * registers seen once): the readings, lifestyle, adherence, referral and notes
 * entered once, each program's own fields once, and for each type its symptoms, emergency flags,
 * classification and drugs; each type assessed by its own rules; saved as one signed record of each type in
 * one call.
 */
export function ChronicFollowUpForm({
  resident,
  parts,
  hooksOf,
}: FollowUpFormProps & { hooksOf: (type: string) => ChronicFollowUpHooks }) {
  const combined = parts.length > 1;
  const first = parts[0]!;
  /** The name of a field a type keeps for itself (PER_TYPE_FIELDS): under `per.<type>` in a combined visit. */
  const own = (part: FollowUpPart, path: (string | number)[]): (string | number)[] =>
    combined ? ['per', part.type, ...path] : ['form', ...path];
  /** A test id of a type's own block: as it is for one type, with the register's id in a combined visit. */
  const tid = (base: string, part: FollowUpPart) => (combined ? `${base}-${part.register.program}` : base);
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
  // The types whose classification the doctor chose (it no longer follows the values).
  const draft = combined ? undefined : first.draft;
  // A draft's classification counts as the doctor's choice only when it is not the one its values give.
  const [classChosen, setClassChosen] = useState<ReadonlySet<string>>(() => {
    if (!draft?.form.classification) return new Set();
    const v: FollowUpValues = { serviceDate: draft.serviceDate, delivery: draft.delivery, form: draft.form };
    const given = expectedCode(
      assess(first.type, { ...v, form: toFormPayload(v) }, resident, first.last?.classification ?? null)
        .expected,
    );
    return new Set(given === draft.form.classification ? [] : [first.type]);
  });
  // A draft being finished: its referral switch is what was saved.
  const [referralChosen, setReferralChosen] = useState(draft !== undefined);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});

  const initial = useMemo<FollowUpValues>(() => {
    const ownStart = { symptoms: { codes: ['1'] }, emergencyFlags: [] };
    // A draft: the values it was saved with.
    if (draft)
      return {
        serviceDate: draft.serviceDate,
        delivery: draft.delivery,
        referralNeeded: draft.form.referral !== undefined,
        form: { ...draft.form },
      };
    return {
      serviceDate: today(),
      delivery: 'clinic',
      referralNeeded: false,
      form: {
        medicationAdherence: '1',
        adverseReaction: { has: false },
        complication: false,
        ...(combined
          ? // The last records oldest first: what both hold (height, target weight) comes from the newer.
            carryOverAll(
              [...parts]
                .sort((a, b) =>
                  (a.lastRecord?.serviceDate ?? '').localeCompare(b.lastRecord?.serviceDate ?? ''),
                )
                .map((p) => p.lastRecord?.form),
            )
          : carryOver(first.lastRecord?.form)),
        // Per visit, never carried over.
        ...(combined ? {} : ownStart),
      },
      ...(combined
        ? {
            per: Object.fromEntries(
              parts.map((p) => [
                p.type,
                { ...ownStart, medications: carryOver(p.lastRecord?.form).medications ?? [] },
              ]),
            ),
          }
        : {}),
    };
  }, [parts, first, combined, draft]);
  const values = (Form.useWatch([], form) as FollowUpValues | undefined) ?? initial;
  /** Values over the initial ones, field by field (the form part and each type's own part too). */
  const withInitial = (v: FollowUpValues): FollowUpValues => ({
    ...initial,
    ...v,
    form: { ...initial.form, ...v.form },
    ...(v.per || initial.per
      ? {
          per: Object.fromEntries(
            parts.map((p) => [p.type, { ...initial.per?.[p.type], ...v.per?.[p.type] }]),
          ),
        }
      : {}),
  });
  const merged = withInitial(values);
  /** The values in the form's store now (what was typed last may not have been rendered yet). */
  const now = (): FollowUpValues => withInitial(form.getFieldsValue(true) as FollowUpValues);
  /** A type's envelope form, and its live assessment with the result of its last follow-up. */
  const payloadOf = (v: FollowUpValues, part: FollowUpPart) => toFormPayload(partValues(v, part.type));
  const assessOf = (v: FollowUpValues, part: FollowUpPart): Assessment =>
    assess(
      part.type,
      { ...partValues(v, part.type), form: payloadOf(v, part) },
      resident,
      part.last?.classification ?? null,
    );
  const assessments = parts.map((p) => assessOf(merged, p));
  // Each type's issues at the place of the field in the form; a shared field's once.
  const issues = [
    ...new Map(
      assessments
        .flatMap((x, i) =>
          x.issues.map((is) => ({ ...is, path: fieldPathOf(is.path, parts[i]!.type, combined) })),
        )
        .map((is) => [`${is.path} ${is.code}`, is]),
    ).values(),
  ];

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
    /** What changed of a type's own fields. */
    const ownChanged = (part: FollowUpPart) => (combined ? changed.per?.[part.type] : changed.form);
    const chosenNow = new Set(classChosen);
    for (const p of parts) if (ownChanged(p) && 'classification' in ownChanged(p)!) chosenNow.add(p.type);
    if (chosenNow.size !== classChosen.size) setClassChosen(chosenNow);
    // The doctor's own say on the referral: the switch, or its details typed.
    const referralTouched =
      'referralNeeded' in changed || (changed.form !== undefined && 'referral' in changed.form);
    if (referralTouched) setReferralChosen(true);
    // Each type's classification follows the values until the doctor chooses one; so does the referral
    // switch, which turns on with an emergency-referral alert (and off when the values no longer call for it).
    for (const p of parts) {
      if (chosenNow.has(p.type)) continue;
      const v = now();
      const code = expectedCode(assessOf(v, p).expected);
      if (code && code !== payloadOf(v, p).classification)
        form.setFieldValue(own(p, ['classification']), code);
    }
    // After the classification: the next visit and the emergency criteria are judged with it.
    if (!referralChosen && !referralTouched) {
      const v = now();
      const refer = parts.some((p) => {
        const x = assessOf(v, p);
        return x.emergency.length > 0 || x.plan?.referral === true;
      });
      if (refer !== (v.referralNeeded === true)) form.setFieldValue('referralNeeded', refer);
    }
    for (const p of parts) {
      const changedCodes = (ownChanged(p)?.symptoms as { codes?: string[] } | undefined)?.codes;
      if (changedCodes) {
        const codes = changedCodes.slice();
        if (codes.length > 1 && codes.includes('1')) {
          // 无 is exclusive: the last choice wins.
          const next = codes[codes.length - 1] === '1' ? ['1'] : codes.filter((c) => c !== '1');
          form.setFieldValue(own(p, ['symptoms', 'codes']), next);
        }
      }
    }
  };

  /** Signs and saves (or, with sign false, keeps it as a draft to finish later: one type only). */
  const save = async (sign = true) => {
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
      const sent = now();
      const envelope = { serviceDate: sent.serviceDate, delivery: sent.delivery, sign };
      // A combined visit: one call, one signed record of each type (all or none). A draft finished: its
      // values and the signature in one call (or saved again as a draft).
      const all = combined
        ? (
            await servicesApi.recordVisit(resident.id, {
              ...envelope,
              records: parts.map((p) => ({ type: p.type, form: payloadOf(sent, p) })),
            })
          ).items
        : [];
      const saved = combined
        ? all[0]!
        : draft
          ? await servicesApi.amend(draft.id, {
              ...envelope,
              form: payloadOf(sent, first),
              version: draft.version,
            })
          : await servicesApi.create(resident.id, {
              ...envelope,
              type: first.type,
              form: payloadOf(sent, first),
            });
      if (!sign) {
        void message.success(t('fu.draftSaved'));
        dirty.current = false;
        await navigate(pathOf('home'));
        return;
      }
      const notice: SavedNotice = {
        type: first.type,
        residentId: resident.id,
        name: resident.name,
        nextVisitDate: saved.nextVisitDate,
        nextAction: saved.nextAction,
        warnings: saved.warnings,
        // A combined visit: the other records' next visits and warnings too.
        others: all.slice(1).map((x) => ({
          type: x.type,
          nextVisitDate: x.nextVisitDate,
          nextAction: x.nextAction,
          warnings: x.warnings,
        })),
      };
      const back =
        (location.state as { from?: string } | null)?.from ??
        `${pathOf('worklist')}?program=${first.register.program}`;
      dirty.current = false;
      await navigate(back, { state: { saved: notice } });
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.length) {
        // A combined visit's problems name the record (records.1.form.fastingGlucose): the field in the form.
        const placeOf = (name: (string | number)[]) => {
          const path = name.join('.');
          const m = /^records\.(\d+)\.(.+)$/.exec(path);
          const part = m ? parts[Number(m[1])] : undefined;
          return part ? fieldPathOf(m![2]!, part.type, combined) : path;
        };
        setServerErrors(Object.fromEntries(fields.map((f) => [placeOf(f.name), f.errors])));
        void message.error(fields.flatMap((f) => f.errors).join('；'));
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const level = (keys: MsgKey[]) => keys.map((k, i) => ({ value: String(i + 1), label: t(k) }));
  const good = level(['fu.level.good', 'fu.level.fair', 'fu.level.poor']);
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
  /** Each type's own fields (its hooks), in the order of the parts. */
  const hooksOfParts = parts.map((p) => ({ part: p, hooks: hooksOf(p.type) }));
  const section = (key: keyof ChronicFollowUpHooks & ('Signs' | 'Lifestyle' | 'Tests' | 'Adherence')) =>
    hooksOfParts.map(({ part, hooks }) => {
      const Section = hooks[key];
      return Section ? <Section key={part.type} {...kit} /> : null;
    });
  const criterionWords = (c: keyof typeof EMERGENCY_CRITERION_MESSAGES) =>
    EMERGENCY_CRITERION_MESSAGES[c][lang === 'zh' ? 0 : 1];
  const adverse = (merged.form.adverseReaction as { has?: boolean } | undefined)?.has === true;
  // The details go with the switch (they are saved only when it is on): shown when it is.
  const referralShown = merged.referralNeeded === true;
  const actionLabel = (key: string | null | undefined) => (key ? chronicActionWords(key, lang) || key : '');
  const outcome = (merged.form.outcome as string | undefined) ?? 'visited';
  const visited = outcome === 'visited';
  const phone = merged.delivery === 'phone';
  const clsLabel = (key: string | null) => VISIT_CLASSIFICATION.find((x) => x.key === key)?.[lang] ?? '—';
  /** A label of a type's own field: with the register's name in a combined visit (症状（高血压）). */
  const ownLabel = (key: MsgKey, part: FollowUpPart) =>
    combined ? `${t(key)}（${part.register.label[lang]}）` : t(key);

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
  // One type's follow-up can be kept unsigned, to finish later (the workbench lists it).
  const draftButton = (props: { block?: boolean; style?: CSSProperties }) =>
    combined ? null : (
      <Button loading={busy} onClick={() => void save(false)} data-testid="fu-draft" {...props}>
        {t('fu.saveDraft')}
      </Button>
    );
  /** One type's assessment: control, expected classification, next visit and step, emergency referral. */
  const assessment = (part: FollowUpPart, x: Assessment, hooks: ChronicFollowUpHooks) => (
    <div key={part.type} data-testid={combined ? `assessment-${part.register.program}` : undefined}>
      {combined && <Typography.Title level={5}>{part.register.label[lang]}</Typography.Title>}
      <Descriptions column={1} size="small" style={visited ? undefined : { display: 'none' }}>
        <Descriptions.Item label={t(hooks.control.label)}>
          {x.controlled === null ? (
            <Typography.Text type="secondary">{t('fu.waiting')}</Typography.Text>
          ) : (
            <Tag color={x.controlled ? 'success' : 'error'} data-testid={tid('control-status', part)}>
              {x.controlled ? t('fu.controlled') : t('fu.notControlled')} (
              {t('fu.target', { t: hooks.control.target(x.age) })})
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.expected')}>
          <span data-testid={tid('expected-class', part)}>{clsLabel(x.expected)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.next')}>
          <strong data-testid={tid('next-visit', part)}>{x.plan?.dueDate ?? '—'}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('fu.nextAction')}>
          <span data-testid={tid('next-action', part)}>{x.plan ? actionLabel(x.plan.action) : '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {visited && x.emergency.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid={tid('emergency-alert', part)}
          title={t('fu.emergencyAlert')}
          description={
            <>
              <div>
                {t('fu.emergency')}：{x.emergency.map(criterionWords).join('；')}
              </div>
              <div>{t('fu.emergencyAdvice')}</div>
            </>
          }
        />
      )}
      {visited && x.chosen && x.expected && x.chosen !== x.expected && (
        <Alert type="warning" showIcon title={`${t('fu.expected')}：${clsLabel(x.expected)}`} />
      )}
    </div>
  );
  const panel = (
    <Card size="small" title={t('fu.status')} data-testid="assessment" className="fu-assessment">
      {!visited && closedPanel}
      {hooksOfParts.map(({ part, hooks }, i) => assessment(part, assessments[i]!, hooks))}
      {wide && saveButton({ block: true, style: { marginTop: 12 } })}
      {wide && draftButton({ block: true, style: { marginTop: 8 } })}
    </Card>
  );
  const controlTag = (x: Assessment) =>
    x.controlled === null ? (
      <Typography.Text type="secondary">{t('fu.waiting')}</Typography.Text>
    ) : (
      <Tag color={x.controlled ? 'success' : 'error'}>
        {x.controlled ? t('fu.controlled') : t('fu.notControlled')}
      </Tag>
    );
  const phoneBar = (
    <div className="fu-bar" data-testid="fu-bar">
      <div className="fu-bar-status">
        {visited ? (
          parts.map((p, i) => {
            const x = assessments[i]!;
            return (
              <span className="fu-bar-part" key={p.type}>
                {combined && <span>{p.register.label[lang]}</span>}
                {controlTag(x)}
                <span>
                  {t('fu.next')} <strong data-testid={tid('fu-bar-next', p)}>{x.plan?.dueDate ?? '—'}</strong>
                </span>
                {x.emergency.length > 0 && <Tag color="error">{t('fu.emergencyAlert')}</Tag>}
              </span>
            );
          })
        ) : (
          <span>{t(`fu.outcome.${outcome}` as MsgKey)}</span>
        )}
      </div>
      {draftButton({})}
      {saveButton({})}
    </div>
  );
  /** A type's symptoms, their other text and its emergency flags. */
  const symptomsOf = (part: FollowUpPart, hooks: ChronicFollowUpHooks) => {
    const mine = (combined ? merged.per?.[part.type] : merged.form) ?? {};
    const codes = (mine.symptoms as { codes?: string[] } | undefined)?.codes ?? [];
    return (
      <div key={part.type}>
        <Form.Item
          name={own(part, ['symptoms', 'codes'])}
          label={ownLabel('fu.symptoms', part)}
          {...item(own(part, ['symptoms', 'codes']))}
        >
          <Checkbox.Group options={hooks.symptoms.map((k, i) => ({ value: String(i + 1), label: t(k) }))} />
        </Form.Item>
        {codes.includes('10') && (
          <Form.Item
            name={own(part, ['symptoms', 'other'])}
            label={t('fu.symptomsOther')}
            {...item(own(part, ['symptoms', 'other']), [own(part, ['symptoms', 'codes']).join('.')])}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item
          name={own(part, ['emergencyFlags'])}
          label={ownLabel('fu.emergencyFlags', part)}
          {...item(own(part, ['emergencyFlags']))}
        >
          <Checkbox.Group
            options={hooks.emergencyFlags.map((f) => ({
              value: f,
              label: criterionWords(f as keyof typeof EMERGENCY_CRITERION_MESSAGES),
            }))}
            data-testid={tid('emergency-flags', part)}
          />
        </Form.Item>
      </div>
    );
  };
  /** A type's classification. */
  const classificationOf = (part: FollowUpPart) => (
    <Form.Item
      key={part.type}
      name={own(part, ['classification'])}
      label={ownLabel('fu.classification', part)}
      {...item(own(part, ['classification']))}
    >
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        data-testid={combined ? `fu-class-${part.register.program}` : undefined}
        options={VISIT_CLASSIFICATION.map((c) => ({ value: c.code, label: c[lang] }))}
      />
    </Form.Item>
  );
  /** A type's drugs (and what its program adds after them: insulin). */
  const medicationsOf = (part: FollowUpPart, hooks: ChronicFollowUpHooks) => {
    const AfterMedications = hooks.AfterMedications;
    const base = own(part, ['medications']);
    return (
      <div key={part.type} data-testid={combined ? `fu-drugs-${part.register.program}` : undefined}>
        <Typography.Title level={5}>{ownLabel('fu.medications', part)}</Typography.Title>
        <Form.List name={base}>
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
                      {...item([...base, f.name, 'name'])}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={5}>
                    <Form.Item
                      name={[f.name, 'timesPerDay']}
                      label={t('fu.timesPerDay')}
                      rules={[rangeRule(TIMES_PER_DAY, t)]}
                      {...numberStatus([...base, f.name, 'timesPerDay'], TIMES_PER_DAY)}
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
      </div>
    );
  };

  return (
    <Card
      title={
        <Space wrap>
          <span>{parts.map((p) => p.title[lang]).join(' + ')}</span>
          {combined && <Tag color="processing">{t('fu.combined')}</Tag>}
          <Typography.Text data-testid="fu-name">{resident.name}</Typography.Text>
          <Typography.Text type="secondary">
            {codeLabel('sex', resident.sex, lang)} · {t('common.ageYears', { n: resident.age })}
          </Typography.Text>
        </Space>
      }
    >
      <HelpPanel page="followUp" />
      {draft && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="fu-draft-notice"
          title={t('fu.draftOf', { date: draft.serviceDate })}
        />
      )}
      {parts.map(
        (p) =>
          p.last &&
          !p.draft && (
            <Alert
              key={p.type}
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={
                (combined ? `${p.register.label[lang]}：` : '') +
                t('fu.prefilled', { date: p.last.serviceDate })
              }
            />
          ),
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
                {hooksOfParts.map(({ part, hooks }) => symptomsOf(part, hooks))}
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
                  {section('Signs')}
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
                  {section('Lifestyle')}
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
                  {section('Tests')}
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
                  {section('Adherence')}
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
                {parts.map(classificationOf)}
                {hooksOfParts.map(({ part, hooks }) => medicationsOf(part, hooks))}
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
