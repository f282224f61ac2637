/**
 * The fields of the 健康体检表 inside a host page's antd <Form> (names under ['form', …], as the schema's
 * paths), with a side column: section links and the live check (schema issues and evaluateHealthCheck's
 * errors and warnings, the BP, BMI and glucose it reads, and the findings it suggests for 健康评价).
 */
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Col,
  ConfigProvider,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ABDOMEN_ITEMS,
  BARREL_CHEST,
  bmi as computeBmi,
  DENTITION,
  DORSALIS_PEDIS,
  DRINKING_FREQUENCY,
  DRINKING_QUIT,
  evaluateHealthCheck,
  EXERCISE_FREQUENCY,
  fieldMessage,
  GLUCOSE_UNITS,
  GYNAECOLOGY_ITEMS,
  HEALTH_CHECK_SELF_CARE,
  HEALTH_EVALUATION,
  HEALTH_GUIDANCE,
  HEALTH_SELF_ASSESSMENT,
  healthCheckSchema,
  HEARING,
  HEART_RHYTHM,
  LIPS,
  LOWER_LIMB_OEDEMA,
  MEDICATION_ADHERENCE,
  MOTOR_FUNCTION,
  NEG_POS,
  OCCUPATIONAL_EXPOSURE,
  OCCUPATIONAL_HAZARDS,
  PHARYNX,
  programMessage,
  programRegistry,
  RISK_FACTOR_CONTROL,
  SCREEN_RESULT,
  SMOKING_STATUS,
  YES_NO,
  type HealthCheck,
  type HealthCheckEvaluation,
} from '@jkda/domain';
import { numberPad, rangeRule } from '../../forms/numberRange.ts';
import { collectIssues, type FieldIssue } from '../../forms/schemaIssues.ts';
import { numberBoundsAt } from '../../forms/schemaWalk.ts';
import { useI18n, type Lang, type MsgKey } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import {
  ageOn,
  applyExclusive,
  DESCRIBED_ITEMS,
  MULTI_ITEMS,
  needsText,
  toPayload,
  type Table,
  type Values,
} from './healthCheckModel.ts';
import { DateField } from '../../forms/DateField.tsx';

export interface FieldsProps {
  birthDate: string;
  sex: string;
  serviceDate: string;
  readOnly: boolean;
}

type P = (string | number)[];

export const SECTIONS = [
  'symptoms',
  'general',
  'lifestyle',
  'organs',
  'exam',
  'labs',
  'problems',
  'stays',
  'medications',
  'vaccinations',
  'evaluation',
  'guidance',
  'riskFactors',
] as const;

/** Words for an issue code: the health-check rule codes, else the shared field codes. */
export function issueWords(code: string, lang: Lang): string {
  return programRegistry.hasMessage(code) ? programMessage(code, lang) : fieldMessage(code, lang);
}

const LEAF_KEYS: Record<string, MsgKey> = {
  sbp: 'hc.sbp',
  dbp: 'hc.dbp',
  from: 'hc.stay.from',
  to: 'hc.stay.to',
  reason: 'hc.stay.reason',
  institution: 'hc.stay.institution',
  recordNo: 'hc.stay.recordNo',
  name: 'hc.med.name',
  route: 'hc.med.route',
  dose: 'hc.med.dose',
  duration: 'hc.med.duration',
  adherence: 'hc.med.adherence',
  date: 'hc.vac.date',
  substance: 'hc.hazard.substance',
  protection: 'hc.hazard.protection',
  other: 'hc.describe',
};
const VACCINATION_KEYS: Record<string, MsgKey> = {
  name: 'hc.vac.name',
  date: 'hc.vac.date',
  institution: 'hc.vac.institution',
};
const NAMED_PARTS: Record<string, { zh: string; en: string }> = Object.fromEntries(
  [...ABDOMEN_ITEMS, ...GYNAECOLOGY_ITEMS, ...OCCUPATIONAL_HAZARDS].map((i) => [i.key, i]),
);

/** A readable name for a dotted form path, e.g. 'hospitalisations.0.from' → 住院史 1 入院/建床（年月）. */
export function pathLabel(path: string, t: (k: MsgKey) => string, lang: Lang): string {
  const parts = path.split('.');
  let n = parts.length;
  while (n > 0 && !hasKey(`hc.f.${parts.slice(0, n).join('.')}`)) n--;
  const head = n > 0 ? t(`hc.f.${parts.slice(0, n).join('.')}` as MsgKey) : '';
  const rest = parts.slice(n).flatMap((p) => {
    if (/^\d+$/.test(p)) return [String(Number(p) + 1)];
    if (p === 'code' || p === 'codes') return [];
    const leaf = (parts[0] === 'vaccinations' ? VACCINATION_KEYS[p] : undefined) ?? LEAF_KEYS[p];
    if (leaf) return [t(leaf)];
    const named = NAMED_PARTS[p];
    return named ? [named[lang]] : [p];
  });
  return [head, ...rest].filter(Boolean).join(' ') || path;
}

// ---------------------------------------------------------------------------------------------------------
// Shared state of the fields
// ---------------------------------------------------------------------------------------------------------

interface Ctx {
  t: (k: MsgKey, vars?: Record<string, string | number>) => string;
  lang: Lang;
  readOnly: boolean;
  rule: (path: P) => Rule;
}
const FieldsContext = createContext<Ctx | null>(null);
const useCtx = (): Ctx => {
  const c = useContext(FieldsContext);
  if (!c) throw new Error('healthcheck fields outside HealthCheckFields');
  return c;
};

const opts = (table: Table, lang: Lang) => table.map((e) => ({ value: e.code, label: e[lang] }));

function fieldLabel(t: Ctx['t'], path: P): string {
  const k = `hc.f.${path.join('.')}`;
  return hasKey(k) ? t(k) : path.join('.');
}

/** The schema's range of the number at ['form', …path] (never clamped: the number input has no min or max). */
const boundsOf = (path: P) => numberBoundsAt(healthCheckSchema, path.join('.')) ?? { integer: false };

/**
 * The rules of the item at ['form', …path]: for a number, its range first (a value outside it shows the
 * range in words, and only that), then the schema and the rules.
 */
function useItemRules(path: P): { rules: Rule[]; validateFirst?: boolean } {
  const { t, rule } = useCtx();
  const bounds = numberBoundsAt(healthCheckSchema, path.join('.'));
  const own = rule(['form', ...path]);
  return bounds ? { rules: [rangeRule(bounds, t), own], validateFirst: true } : { rules: [own] };
}

/** A form item at ['form', …path], validated with the schema and the rules as the user types. */
function Item({
  path,
  label,
  children,
  preserve,
  noLabel,
}: {
  path: P;
  label?: ReactNode;
  children: ReactNode;
  preserve?: boolean;
  noLabel?: boolean;
}) {
  const { t } = useCtx();
  return (
    <Form.Item
      name={['form', ...path]}
      label={noLabel ? undefined : (label ?? fieldLabel(t, path))}
      {...useItemRules(path)}
      validateDebounce={250}
      preserve={preserve}
    >
      {children}
    </Form.Item>
  );
}

function useValue<T>(path: P): T | undefined {
  return Form.useWatch(['form', ...path], { preserve: true }) as T | undefined;
}

/** Checkboxes where the exclusive codes (无 / 未发现 / 正常) and the others clear each other. */
function MultiChoice({
  table,
  value,
  onChange,
  id,
}: {
  table: Table;
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  const { lang } = useCtx();
  return (
    <div id={id}>
      <Checkbox.Group
        value={value ?? []}
        options={opts(table, lang)}
        onChange={(next) => onChange?.(applyExclusive(table, value ?? [], next))}
      />
    </div>
  );
}

function OtherText({ path, preserve }: { path: P; preserve?: boolean }) {
  const { t } = useCtx();
  return (
    <Item path={[...path, 'other']} label={t('hc.describe')} preserve={preserve}>
      <Input maxLength={100} />
    </Item>
  );
}

/** A `{ codes, other? }` item of MULTI_ITEMS; the text input appears with a choice that needs it. */
function Multi({ path, preserve }: { path: string; preserve?: boolean }) {
  const table = MULTI_ITEMS[path]!;
  const p = path.split('.');
  const { t } = useCtx();
  const codes = useValue<string[]>([...p, 'codes']) ?? [];
  return (
    <>
      <Item path={[...p, 'codes']} label={fieldLabel(t, p)} preserve={preserve}>
        <MultiChoice table={table} />
      </Item>
      {codes.some((c) => needsText(table, c)) && <OtherText path={p} preserve={preserve} />}
    </>
  );
}

/** A `{ code, other? }` item of DESCRIBED_ITEMS. */
function Described({ path, label, preserve }: { path: string; label?: string; preserve?: boolean }) {
  const { t, lang } = useCtx();
  const table = DESCRIBED_ITEMS[path]!;
  const p = path.split('.');
  const code = useValue<string>([...p, 'code']);
  return (
    <Row gutter={12} align="bottom">
      <Col xs={24} md={14}>
        <Item path={[...p, 'code']} label={label ?? fieldLabel(t, p)} preserve={preserve}>
          <Radio.Group options={opts(table, lang)} />
        </Item>
      </Col>
      {needsText(table, code) && (
        <Col xs={24} md={10}>
          <OtherText path={p} preserve={preserve} />
        </Col>
      )}
    </Row>
  );
}

function Single({ path, table, preserve }: { path: string; table: Table; preserve?: boolean }) {
  const { lang } = useCtx();
  return (
    <Item path={path.split('.')} preserve={preserve}>
      <Radio.Group options={opts(table, lang)} />
    </Item>
  );
}

/** A number field: its range is the schema's, shown as an error when a value is outside it (not clamped). */
function Num({
  path,
  step,
  preserve,
  span = 6,
  disabled,
}: {
  path: string;
  step?: number;
  preserve?: boolean;
  span?: number;
  disabled?: boolean;
}) {
  const p = path.split('.');
  return (
    <Col xs={12} md={span}>
      <Item path={p} preserve={preserve}>
        <InputNumber
          step={step}
          style={{ width: '100%' }}
          disabled={disabled}
          {...numberPad(boundsOf(p).integer)}
        />
      </Item>
    </Col>
  );
}

/** A number inside a compact row (BP, glucose and its unit): no label of its own, the row's item shows its error. */
function InlineNum({
  path,
  placeholder,
  width,
  step,
}: {
  path: P;
  placeholder?: string;
  width: string;
  step?: number;
}) {
  return (
    <Form.Item noStyle name={['form', ...path]} {...useItemRules(path)} validateDebounce={250}>
      <InputNumber
        placeholder={placeholder}
        step={step}
        style={{ width }}
        {...numberPad(boundsOf(path).integer)}
      />
    </Form.Item>
  );
}

function Text({
  path,
  max = 100,
  span = 12,
  placeholder,
}: {
  path: string;
  max?: number;
  span?: number;
  placeholder?: string;
}) {
  return (
    <Col xs={24} md={span}>
      <Item path={path.split('.')}>
        <Input maxLength={max} placeholder={placeholder} />
      </Item>
    </Col>
  );
}

/** The delete button at the end of a row of a list (hospital stays, medications, abnormalities …). */
function RemoveRow({ onRemove }: { onRemove: () => void }) {
  const { t } = useCtx();
  return (
    <Col flex="none">
      <Form.Item label=" ">
        <Button icon={<DeleteOutlined />} aria-label={t('hc.remove')} onClick={onRemove} />
      </Form.Item>
    </Col>
  );
}

function Section({ id, children }: { id: (typeof SECTIONS)[number]; children: ReactNode }) {
  const { t } = useCtx();
  return (
    <Card
      size="small"
      id={`hc-${id}`}
      data-testid={`hc-${id}`}
      title={t(`hc.sec.${id}`)}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Card>
  );
}

/** A Form.List of at most `max` rows; `row` renders one row's items (names relative to the row). */
function Rows({
  path,
  max,
  blank,
  row,
}: {
  path: string;
  max: number;
  blank: Values;
  row: (
    index: number,
    item: (key: string, label: MsgKey, child: ReactNode, span: number) => ReactNode,
  ) => ReactNode;
}) {
  const { t, readOnly, rule } = useCtx();
  return (
    <Form.List name={['form', path]}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row gutter={8} key={f.key} align="bottom" data-testid={`hc-row-${path}`}>
              {row(f.name, (key, label, child, span) => (
                <Col xs={24} md={span} key={key}>
                  <Form.Item
                    name={[f.name, key]}
                    label={t(label)}
                    rules={[rule(['form', path, f.name, key])]}
                    validateDebounce={250}
                  >
                    {child}
                  </Form.Item>
                </Col>
              ))}
              {!readOnly && <RemoveRow onRemove={() => remove(f.name)} />}
            </Row>
          ))}
          {!readOnly && (
            <Space style={{ marginBottom: 12 }}>
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= max}
                onClick={() => add(structuredClone(blank))}
                data-testid={`hc-add-${path}`}
              >
                {t('hc.add')}
              </Button>
              <Typography.Text type="secondary">{t('hc.maxRows', { n: max })}</Typography.Text>
            </Space>
          )}
        </>
      )}
    </Form.List>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The fields
// ---------------------------------------------------------------------------------------------------------

const EMPTY: Values = {};

/** The health-check evaluation of the current values; never throws on a half-filled form. */
export function evaluate(
  values: Values,
  ctx: { birthDate: string; sex: string; serviceDate: string },
): { payload: Values; issues: FieldIssue[]; evaluation: HealthCheckEvaluation | null } {
  const payload = toPayload(values);
  const issues = collectIssues(healthCheckSchema, payload);
  const parsed = healthCheckSchema.safeParse(payload);
  let evaluation: HealthCheckEvaluation | null;
  try {
    evaluation = evaluateHealthCheck((parsed.success ? parsed.data : payload) as HealthCheck, ctx);
  } catch {
    // A half-filled value the rules do not expect: nothing to say yet.
    evaluation = null;
  }
  return { payload, issues, evaluation };
}

/** Up to the 4 lines of 健康评价: the first three findings, the rest joined on the fourth. */
export function abnormalityLines(found: readonly string[]): string[] {
  if (found.length <= 4) return [...found];
  return [...found.slice(0, 3), found.slice(3).join('、').slice(0, 100)];
}

export function HealthCheckFields({ birthDate, sex, serviceDate, readOnly }: FieldsProps) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();

  // The age on the service date; while the date is being edited (invalid) the last valid age holds.
  const lastAge = useRef<number | null>(null);
  const age = ageOn(birthDate, serviceDate) ?? lastAge.current;
  lastAge.current = age;
  const over65 = age !== null && age >= 65;
  const showFemale = sex !== '1';

  const ctxArgs = useMemo(() => ({ birthDate, sex, serviceDate }), [birthDate, sex, serviceDate]);

  // Inline validation: one evaluation of the whole form, looked up per item.
  const cache = useRef<{ key: string; issues: FieldIssue[] } | null>(null);
  const ctxRef = useRef(ctxArgs);
  ctxRef.current = ctxArgs;
  const ctx = useMemo<Ctx>(() => {
    const allIssues = (): FieldIssue[] => {
      const v = (form.getFieldValue('form') as Values | undefined) ?? EMPTY;
      const key = JSON.stringify([v, ctxRef.current]);
      if (cache.current?.key !== key) {
        const r = evaluate(v, ctxRef.current);
        const fromRules = (r.evaluation?.errors ?? []).map((e) => ({
          path: e.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
          code: e.code,
        }));
        cache.current = { key, issues: [...r.issues, ...fromRules] };
      }
      return cache.current.issues;
    };
    const rule = (path: P): Rule => ({
      validator: () => {
        const rel = path.slice(1);
        const found = allIssues().find((i) => rel.every((p, k) => i.path[k] === p));
        return found ? Promise.reject(new Error(issueWords(found.code, lang))) : Promise.resolve();
      },
    });
    return { t, lang, readOnly, rule };
  }, [form, t, lang, readOnly]);

  const bp = (arm: 'bpLeft' | 'bpRight') => (
    <Col xs={24} md={12}>
      <Form.Item label={fieldLabel(t, ['general', arm])} required={false}>
        <Space.Compact block>
          <InlineNum path={['general', arm, 'sbp']} placeholder={t('hc.sbp')} width="50%" />
          <InlineNum path={['general', arm, 'dbp']} placeholder={t('hc.dbp')} width="50%" />
        </Space.Compact>
      </Form.Item>
    </Col>
  );

  const nav = (
    <Card size="small" title={t('hc.nav')} style={{ marginBottom: 12 }}>
      <Space wrap size={[8, 4]}>
        {SECTIONS.map((s) => (
          <Typography.Link
            key={s}
            onClick={() =>
              document.getElementById(`hc-${s}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })
            }
          >
            {t(`hc.sec.${s}`)}
          </Typography.Link>
        ))}
      </Space>
    </Card>
  );

  return (
    <FieldsContext.Provider value={ctx}>
      <ConfigProvider componentDisabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} lg={17}>
            <Section id="symptoms">
              <Multi path="symptoms" />
            </Section>

            <Section id="general">
              <Row gutter={12}>
                <Num path="general.temperature" step={0.1} />
                <Num path="general.pulse" />
                <Num path="general.respiration" />
              </Row>
              <Row gutter={12}>
                {bp('bpLeft')}
                {bp('bpRight')}
              </Row>
              <Row gutter={12}>
                <Num path="general.heightCm" step={0.5} />
                <Num path="general.weightKg" step={0.5} />
                <Num path="general.waistCm" step={0.5} />
                <Col xs={12} md={6}>
                  <BmiItem />
                </Col>
              </Row>
              {over65 && (
                <div data-testid="hc-elderly">
                  <Typography.Text type="secondary">{t('hc.over65Only')}</Typography.Text>
                  <Single
                    path="general.healthSelfAssessment"
                    table={HEALTH_SELF_ASSESSMENT}
                    preserve={false}
                  />
                  <Single path="general.selfCare" table={HEALTH_CHECK_SELF_CARE} preserve={false} />
                  <Row gutter={12} align="bottom">
                    <Col xs={24} md={12}>
                      <Single path="general.cognition" table={SCREEN_RESULT} preserve={false} />
                    </Col>
                    <When path="general.cognition" test={(v) => v === '2'}>
                      <Num path="general.mmseScore" preserve={false} span={8} />
                    </When>
                  </Row>
                  <Row gutter={12} align="bottom">
                    <Col xs={24} md={12}>
                      <Single path="general.emotion" table={SCREEN_RESULT} preserve={false} />
                    </Col>
                    <When path="general.emotion" test={(v) => v === '2'}>
                      <Num path="general.depressionScore" preserve={false} span={8} />
                    </When>
                  </Row>
                </div>
              )}
            </Section>

            <Section id="lifestyle">
              <Single path="lifestyle.exercise.frequency" table={EXERCISE_FREQUENCY} />
              <When path="lifestyle.exercise.frequency" test={(v) => v !== undefined && v !== '4'}>
                <Row gutter={12}>
                  <Num path="lifestyle.exercise.minutesPerSession" />
                  <Num path="lifestyle.exercise.years" step={0.5} />
                  <Text path="lifestyle.exercise.mode" max={50} />
                </Row>
              </When>
              <Multi path="lifestyle.diet" />
              <Single path="lifestyle.smoking.status" table={SMOKING_STATUS} />
              <When path="lifestyle.smoking.status" test={(v) => v === '2' || v === '3'}>
                <Row gutter={12}>
                  <Num path="lifestyle.smoking.cigarettesPerDay" />
                  <Num path="lifestyle.smoking.startAge" />
                  <When path="lifestyle.smoking.status" test={(v) => v === '2'}>
                    <Num path="lifestyle.smoking.quitAge" />
                  </When>
                </Row>
              </When>
              <Single path="lifestyle.drinking.frequency" table={DRINKING_FREQUENCY} />
              <When path="lifestyle.drinking.frequency" test={(v) => v !== undefined && v !== '1'}>
                <div data-testid="hc-drinking-details">
                  <Row gutter={12}>
                    <Num path="lifestyle.drinking.liangPerDay" step={0.5} />
                    <Num path="lifestyle.drinking.startAge" />
                    <Col xs={12} md={6}>
                      <Single path="lifestyle.drinking.quit" table={DRINKING_QUIT} />
                    </Col>
                    <When path="lifestyle.drinking.quit" test={(v) => v === '2'}>
                      <Num path="lifestyle.drinking.quitAge" />
                    </When>
                  </Row>
                  <Single path="lifestyle.drinking.drunkPastYear" table={YES_NO} />
                  <Multi path="lifestyle.drinking.kinds" />
                </div>
              </When>
              <Single path="lifestyle.occupational.exposure" table={OCCUPATIONAL_EXPOSURE} />
              <When path="lifestyle.occupational.exposure" test={(v) => v === '2'}>
                <div data-testid="hc-occupational">
                  <Row gutter={12}>
                    <Text path="lifestyle.occupational.job" max={50} />
                    <Num path="lifestyle.occupational.years" step={0.5} />
                  </Row>
                  <Typography.Text strong>{t('hc.f.lifestyle.occupational.hazards')}</Typography.Text>
                  {OCCUPATIONAL_HAZARDS.map((h) => (
                    <Hazard key={h.key} hazardKey={h.key} label={h[lang]} />
                  ))}
                </div>
              </When>
            </Section>

            <Section id="organs">
              <Single path="organs.lips" table={LIPS} />
              <Item path={['organs', 'dentition', 'codes']} label={fieldLabel(t, ['organs', 'dentition'])}>
                <MultiChoice table={DENTITION} />
              </Item>
              <Row gutter={12}>
                <When path="organs.dentition.codes" test={has('2')}>
                  <Text path="organs.dentition.missingTeeth" max={50} span={8} />
                </When>
                <When path="organs.dentition.codes" test={has('3')}>
                  <Text path="organs.dentition.cariesTeeth" max={50} span={8} />
                </When>
                <When path="organs.dentition.codes" test={has('4')}>
                  <Text path="organs.dentition.dentureTeeth" max={50} span={8} />
                </When>
              </Row>
              <Single path="organs.pharynx" table={PHARYNX} />
              <Row gutter={12}>
                <Num path="organs.vision.left" step={0.1} />
                <Num path="organs.vision.right" step={0.1} />
                <Num path="organs.vision.leftCorrected" step={0.1} />
                <Num path="organs.vision.rightCorrected" step={0.1} />
              </Row>
              <Single path="organs.hearing" table={HEARING} />
              <Single path="organs.motor" table={MOTOR_FUNCTION} />
            </Section>

            <Section id="exam">
              <Described path="exam.fundus" />
              <Described path="exam.skin" />
              <Described path="exam.sclera" />
              <Described path="exam.lymphNodes" />
              <Typography.Title level={5}>{t('hc.f.exam.lungs')}</Typography.Title>
              <Single path="exam.lungs.barrelChest" table={BARREL_CHEST} />
              <Described path="exam.lungs.breathSounds" />
              <Described path="exam.lungs.rales" />
              <Typography.Title level={5}>{t('hc.f.exam.heart')}</Typography.Title>
              <Row gutter={12}>
                <Num path="exam.heart.rate" />
                <Col xs={24} md={18}>
                  <Single path="exam.heart.rhythm" table={HEART_RHYTHM} />
                </Col>
              </Row>
              <Described path="exam.heart.murmur" />
              <Typography.Title level={5}>{t('hc.f.exam.abdomen')}</Typography.Title>
              {ABDOMEN_ITEMS.map((i) => (
                <Described key={i.key} path={`exam.abdomen.${i.key}`} label={i[lang]} />
              ))}
              <Single path="exam.lowerLimbOedema" table={LOWER_LIMB_OEDEMA} />
              <Single path="exam.dorsalisPedis" table={DORSALIS_PEDIS} />
              <Described path="exam.digitalRectal" />
              <Multi path="exam.breast" />
              {showFemale && (
                <div data-testid="hc-gynaecology">
                  <Typography.Title level={5}>{t('hc.f.exam.gynaecology')}</Typography.Title>
                  {GYNAECOLOGY_ITEMS.map((i) => (
                    <Described
                      key={i.key}
                      path={`exam.gynaecology.${i.key}`}
                      label={i[lang]}
                      preserve={false}
                    />
                  ))}
                </div>
              )}
              <Row>
                <Text path="exam.other" max={200} span={24} />
              </Row>
            </Section>

            <Section id="labs">
              <Typography.Title level={5}>{t('hc.f.labs.bloodRoutine')}</Typography.Title>
              <Row gutter={12}>
                <Num path="labs.bloodRoutine.hemoglobin" />
                <Num path="labs.bloodRoutine.wbc" step={0.1} />
                <Num path="labs.bloodRoutine.platelets" />
                <Text path="labs.bloodRoutine.other" span={6} />
              </Row>
              <Typography.Title level={5}>{t('hc.f.labs.urineRoutine')}</Typography.Title>
              <Row gutter={12}>
                {(['protein', 'glucose', 'ketones', 'occultBlood'] as const).map((k) => (
                  <Text
                    key={k}
                    path={`labs.urineRoutine.${k}`}
                    max={20}
                    span={4}
                    placeholder={t('hc.urineHint')}
                  />
                ))}
                <Text path="labs.urineRoutine.other" span={8} />
              </Row>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('hc.f.labs.fastingGlucose')}>
                    <Space.Compact block>
                      <InlineNum path={['labs', 'fastingGlucose', 'value']} step={0.1} width="60%" />
                      <Form.Item noStyle name={['form', 'labs', 'fastingGlucose', 'unit']}>
                        <Select
                          style={{ width: '40%' }}
                          options={GLUCOSE_UNITS.map((u) => ({ value: u, label: u }))}
                          aria-label="unit"
                        />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                </Col>
                <Num path="labs.hba1c" step={0.1} />
                <Num path="labs.urineMicroalbumin" step={0.1} />
              </Row>
              <Described path="labs.ecg" />
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Single path="labs.faecalOccultBlood" table={NEG_POS} />
                </Col>
                <Col xs={24} md={12}>
                  <Single path="labs.hbsag" table={NEG_POS} />
                </Col>
              </Row>
              <Typography.Title level={5}>{t('hc.f.labs.liver')}</Typography.Title>
              <Row gutter={12}>
                <Num path="labs.liver.alt" />
                <Num path="labs.liver.ast" />
                <Num path="labs.liver.albumin" step={0.1} />
                <Num path="labs.liver.totalBilirubin" step={0.1} />
                <Num path="labs.liver.directBilirubin" step={0.1} />
              </Row>
              <Typography.Title level={5}>{t('hc.f.labs.kidney')}</Typography.Title>
              <Row gutter={12}>
                <Num path="labs.kidney.creatinine" />
                <Num path="labs.kidney.urea" step={0.1} />
                <Num path="labs.kidney.potassium" step={0.1} />
                <Num path="labs.kidney.sodium" />
              </Row>
              <Typography.Title level={5}>{t('hc.f.labs.lipids')}</Typography.Title>
              <Row gutter={12}>
                <Num path="labs.lipids.totalCholesterol" step={0.01} />
                <Num path="labs.lipids.triglycerides" step={0.01} />
                <Num path="labs.lipids.ldl" step={0.01} />
                <Num path="labs.lipids.hdl" step={0.01} />
              </Row>
              <Described path="labs.chestXray" />
              <Described path="labs.ultrasound.abdomen" />
              <Described path="labs.ultrasound.other" />
              {showFemale && <Described path="labs.cervicalSmear" preserve={false} />}
              <Row>
                <Text path="labs.other" max={200} span={24} />
              </Row>
            </Section>

            <Section id="problems">
              <Multi path="problems.cerebrovascular" />
              <Multi path="problems.kidney" />
              <Multi path="problems.heart" />
              <Multi path="problems.vascular" />
              <Multi path="problems.eye" />
              <Described path="problems.nervous" />
              <Described path="problems.otherSystems" />
            </Section>

            <Section id="stays">
              {(['hospitalisations', 'homeBeds'] as const).map((list) => (
                <div key={list}>
                  <Typography.Title level={5}>{t(`hc.f.${list}`)}</Typography.Title>
                  <Rows
                    path={list}
                    max={2}
                    blank={{}}
                    row={(_, item) => [
                      item('from', 'hc.stay.from', <Input type="month" />, 4),
                      item('to', 'hc.stay.to', <Input type="month" />, 4),
                      item('reason', 'hc.stay.reason', <Input maxLength={100} />, 5),
                      item('institution', 'hc.stay.institution', <Input maxLength={100} />, 5),
                      item('recordNo', 'hc.stay.recordNo', <Input maxLength={50} />, 4),
                    ]}
                  />
                </div>
              ))}
            </Section>

            <Section id="medications">
              <Rows
                path="medications"
                max={6}
                blank={{ adherence: '1' }}
                row={(_, item) => [
                  item('name', 'hc.med.name', <Input maxLength={50} />, 6),
                  item('route', 'hc.med.route', <Input maxLength={30} />, 3),
                  item('dose', 'hc.med.dose', <Input maxLength={50} />, 5),
                  item('duration', 'hc.med.duration', <Input maxLength={30} />, 4),
                  item(
                    'adherence',
                    'hc.med.adherence',
                    <Select options={opts(MEDICATION_ADHERENCE, lang)} />,
                    4,
                  ),
                ]}
              />
            </Section>

            <Section id="vaccinations">
              <Rows
                path="vaccinations"
                max={3}
                blank={{}}
                row={(_, item) => [
                  item('name', 'hc.vac.name', <Input maxLength={50} />, 8),
                  item('date', 'hc.vac.date', <DateField max={serviceDate} />, 6),
                  item('institution', 'hc.vac.institution', <Input maxLength={100} />, 8),
                ]}
              />
            </Section>

            <Section id="evaluation">
              <Item path={['evaluation', 'result']}>
                <Radio.Group options={opts(HEALTH_EVALUATION, lang)} />
              </Item>
              <When path="evaluation.result" test={(v) => v === '2'}>
                <Abnormalities />
              </When>
              {!readOnly && <FillSuggested args={ctxArgs} />}
            </Section>

            <Section id="guidance">
              <Item path={['guidance']}>
                <Checkbox.Group options={opts(HEALTH_GUIDANCE, lang)} />
              </Item>
            </Section>

            <Section id="riskFactors">
              <Item path={['riskFactors', 'codes']}>
                <Checkbox.Group options={opts(RISK_FACTOR_CONTROL, lang)} />
              </Item>
              <Row gutter={12}>
                <When path="riskFactors.codes" test={has('5')}>
                  <Num path="riskFactors.targetWeightKg" step={0.5} />
                </When>
                <When path="riskFactors.codes" test={has('6')}>
                  <Text path="riskFactors.vaccines" span={9} />
                </When>
                <When path="riskFactors.codes" test={has('7')}>
                  <Text path="riskFactors.other" span={9} />
                </When>
              </Row>
            </Section>
          </Col>
          <Col xs={24} lg={7}>
            <div style={{ position: 'sticky', top: 16 }}>
              {nav}
              <RulesPanel args={ctxArgs} />
            </div>
          </Col>
        </Row>
      </ConfigProvider>
    </FieldsContext.Provider>
  );
}

type EvalArgs = { birthDate: string; sex: string; serviceDate: string };

/** The live evaluation of all current values (re-renders only its own component). */
function useEvaluation(args: EvalArgs) {
  const values = (Form.useWatch(['form'], { preserve: true }) as Values | undefined) ?? EMPTY;
  return useMemo(() => evaluate(values, args), [values, args]);
}

/** Renders its children while the value at `path` passes `test` (watching only that value). */
function When({
  path,
  test,
  children,
}: {
  path: string;
  test: (v: unknown) => boolean;
  children: ReactNode;
}) {
  const v = useValue<unknown>(path.split('.'));
  return test(v) ? <>{children}</> : null;
}
const has = (code: string) => (v: unknown) => Array.isArray(v) && v.includes(code);

/** BMI, computed from height and weight as they change and stored with the form. */
function BmiItem() {
  const { t, readOnly } = useCtx();
  const form = Form.useFormInstance();
  const height = useValue<unknown>(['general', 'heightCm']);
  const weight = useValue<unknown>(['general', 'weightKg']);
  const bmiNow = typeof height === 'number' && typeof weight === 'number' ? computeBmi(height, weight) : null;
  // Not on the first render: a stored BMI without height or weight stays.
  const first = useRef(true);
  useEffect(() => {
    if (readOnly) return;
    const wasFirst = first.current;
    first.current = false;
    if (wasFirst && bmiNow === null) return;
    const current = form.getFieldValue(['form', 'general', 'bmi']) as unknown;
    if ((current ?? null) !== bmiNow) form.setFieldValue(['form', 'general', 'bmi'], bmiNow ?? undefined);
  }, [bmiNow, form, readOnly]);
  return (
    <Item path={['general', 'bmi']}>
      <InputNumber
        step={0.1}
        style={{ width: '100%' }}
        {...numberPad(false)}
        disabled={bmiNow !== null}
        title={t('hc.bmiAuto')}
      />
    </Item>
  );
}

function FillSuggested({ args }: { args: EvalArgs }) {
  const { t } = useCtx();
  const form = Form.useFormInstance();
  const suggested = useEvaluation(args).evaluation?.suggestedAbnormalities ?? [];
  const fill = () => {
    form.setFieldValue(['form', 'evaluation', 'result'], '2');
    form.setFieldValue(['form', 'evaluation', 'abnormalities'], abnormalityLines(suggested));
  };
  return (
    <Button onClick={fill} disabled={suggested.length === 0} data-testid="hc-fill-suggested">
      {t('hc.fillSuggested')}
      {suggested.length > 0 ? `（${suggested.length}）` : ''}
    </Button>
  );
}

function RulesPanel({ args }: { args: EvalArgs }) {
  const { t, lang } = useCtx();
  const { issues, evaluation } = useEvaluation(args);
  const suggested = evaluation?.suggestedAbnormalities ?? [];
  const errors = dedupe([
    ...issues.map((i) => ({ field: i.path.join('.'), code: i.code })),
    ...(evaluation?.errors ?? []),
  ]);
  const warnings = evaluation?.warnings ?? [];
  const line = (i: { field: string; code: string }) =>
    `${pathLabel(i.field, t, lang)}：${issueWords(i.code, lang)}`;

  return (
    <Card size="small" title={t('hc.rules')} data-testid="hc-rules">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('hc.rules.bp')}>
          <span data-testid="hc-bp">
            {evaluation?.sbp != null && evaluation.dbp != null
              ? `${evaluation.sbp}/${evaluation.dbp} mmHg`
              : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('hc.rules.bmi')}>
          <span data-testid="hc-bmi">{evaluation?.bmi ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('hc.rules.glucose')}>
          <span data-testid="hc-glucose">{evaluation?.fastingGlucoseMmol ?? '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {errors.length === 0 && warnings.length === 0 && (
        <Typography.Text type="success">{t('hc.rules.ok')}</Typography.Text>
      )}
      {errors.length > 0 && (
        <div data-testid="hc-errors">
          <Typography.Text strong>{t('hc.rules.errors')}</Typography.Text>
          <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
            {errors.map((e) => (
              <li key={`${e.field}|${e.code}`}>
                <Typography.Text type="danger">{line(e)}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div data-testid="hc-warnings">
          <Typography.Text strong>{t('hc.rules.warnings')}</Typography.Text>
          <ul style={{ paddingLeft: 18, margin: '4px 0 8px' }}>
            {warnings.map((w) => (
              <li key={`${w.field}|${w.code}`}>
                <Typography.Text type="warning">{line(w)}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {suggested.length > 0 && (
        <div data-testid="hc-suggested">
          <Typography.Text strong>{t('hc.rules.suggested')}</Typography.Text>
          <div>
            {suggested.map((s) => (
              <Tag key={s} color="orange" style={{ marginTop: 4 }}>
                {s}
              </Tag>
            ))}
          </div>
        </div>
      )}
    </Card>
  );
}

function Hazard({ hazardKey, label }: { hazardKey: string; label: string }) {
  const { t, lang } = useCtx();
  const base = ['lifestyle', 'occupational', 'hazards', hazardKey];
  const protection = useValue<string>([...base, 'protection', 'code']);
  const table = DESCRIBED_ITEMS[`lifestyle.occupational.hazards.${hazardKey}.protection`]!;
  return (
    <Row gutter={12} align="bottom">
      <Col xs={24} md={8}>
        <Item path={[...base, 'substance']} label={`${label} ${t('hc.hazard.substance')}`}>
          <Input maxLength={50} />
        </Item>
      </Col>
      <Col xs={24} md={6}>
        <Item path={[...base, 'protection', 'code']} label={t('hc.hazard.protection')}>
          <Radio.Group options={opts(table, lang)} />
        </Item>
      </Col>
      {protection === '2' && (
        <Col xs={24} md={10}>
          <OtherText path={[...base, 'protection']} />
        </Col>
      )}
    </Row>
  );
}

function Abnormalities() {
  const { t, readOnly, rule } = useCtx();
  return (
    <Form.List name={['form', 'evaluation', 'abnormalities']}>
      {(fields, { add, remove }) => (
        <div data-testid="hc-abnormalities">
          {fields.map((f, i) => (
            <Row gutter={8} key={f.key} align="bottom">
              <Col flex="auto">
                <Form.Item
                  name={f.name}
                  label={t('hc.abnormality', { n: i + 1 })}
                  rules={[rule(['form', 'evaluation', 'abnormalities', f.name])]}
                  validateDebounce={250}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              {!readOnly && <RemoveRow onRemove={() => remove(f.name)} />}
            </Row>
          ))}
          {!readOnly && (
            <Button
              icon={<PlusOutlined />}
              disabled={fields.length >= 4}
              onClick={() => add('')}
              style={{ marginBottom: 12, marginRight: 8 }}
            >
              {t('hc.add')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

function dedupe<T extends { field: string; code: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = `${x.field}|${x.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
