/**
 * Follow-ups in the generic page: shown read-only (they are recorded on FollowUpPage). The stored form is
 * listed as labelled values; labels come from the follow-up dictionary where there is one.
 */
import { Descriptions, Form } from 'antd';
import { EMERGENCY_CRITERION_MESSAGES, VISIT_CLASSIFICATION, type Words } from '@jkda/domain';
import { useI18n, type MsgKey } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import type { ServiceFormDef } from '../program-ui.ts';

/** Follow-up form keys → the follow-up page's label keys. */
const LABELS: Record<string, string> = {
  outcome: 'fu.outcome',
  lostReason: 'fu.lostReason',
  'death.date': 'fu.deathDate',
  'death.cause': 'fu.deathCause',
  valuesSource: 'fu.valuesReported',
  'symptoms.codes': 'fu.symptoms',
  'symptoms.other': 'fu.symptomsOther',
  emergencyFlags: 'fu.emergencyFlags',
  sbp: 'fu.sbp',
  dbp: 'fu.dbp',
  heartRate: 'fu.heartRate',
  heightCm: 'fu.height',
  weightKg: 'fu.weight',
  targetWeightKg: 'fu.targetWeight',
  fastingGlucose: 'fu.fastingGlucose',
  hba1c: 'fu.hba1c',
  hba1cDate: 'fu.hba1cDate',
  otherTests: 'fu.otherTests',
  medicationAdherence: 'fu.adherence',
  classification: 'fu.classification',
  notes: 'fu.notes',
  signsOther: 'fu.signsOther',
  saltIntake: 'fu.salt',
  saltTarget: 'fu.saltTarget',
  complication: 'fu.complication',
  'lifestyle.cigarettesPerDay': 'fu.cigarettes',
  'lifestyle.alcoholLiangPerDay': 'fu.alcohol',
  'lifestyle.exerciseTimesPerWeek': 'fu.exerciseTimes',
  'lifestyle.exerciseMinutes': 'fu.exerciseMinutes',
  'insulin.kind': 'fu.insulinKind',
  'insulin.usage': 'fu.insulinUsage',
  'referral.reason': 'fu.referralReason',
  'referral.institution': 'fu.referralInstitution',
};

const LEVEL: MsgKey[] = ['fu.level.good', 'fu.level.fair', 'fu.level.poor'];
const SALT: MsgKey[] = ['fu.salt.light', 'fu.salt.medium', 'fu.salt.heavy'];
/** The stored codes 1, 2, 3 of a field → the words the form offers. */
const CODE_WORDS: Record<string, MsgKey[]> = {
  medicationAdherence: ['fu.adh.regular', 'fu.adh.intermittent', 'fu.adh.none'],
  'lifestyle.psychology': LEVEL,
  'lifestyle.compliance': LEVEL,
  saltIntake: SALT,
  saltTarget: SALT,
  hypoglycemia: ['fu.hypo.none', 'fu.hypo.occasional', 'fu.hypo.frequent'],
};

/** Flattens the stored form into [path, text] rows (arrays of scalars joined; arrays of rows one row each). */
export function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) {
    if (value.every((x) => typeof x !== 'object' || x === null))
      return value.length ? [[prefix, value.join('、')]] : [];
    return value.flatMap((x, i) => flatten(x, `${prefix}.${i + 1}`));
  }
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  if (typeof value === 'boolean') return [[prefix, value ? '✓' : '✗']];
  return [
    [prefix, typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)],
  ];
}

/**
 * A stored value in the words the form offers (症状 无症状、头痛头晕; 控制满意; 规律 …), as the paper form
 * and its print show it; the value itself where the form has no list.
 */
function useWordsOf(symptoms: readonly MsgKey[]) {
  const { t, lang } = useI18n();
  const code = (keys: readonly MsgKey[], c: string) => {
    const k = keys[Number(c) - 1];
    return k ? t(k) : c;
  };
  return (path: string, raw: unknown): unknown => {
    const list = Array.isArray(raw) ? raw.map(String) : null;
    if (path === 'symptoms.codes' && list) return list.map((c) => code(symptoms, c));
    if (path === 'emergencyFlags' && list)
      return list.map(
        (f) =>
          EMERGENCY_CRITERION_MESSAGES[f as keyof typeof EMERGENCY_CRITERION_MESSAGES]?.[
            lang === 'zh' ? 0 : 1
          ] ?? f,
      );
    if (typeof raw !== 'string') return raw;
    if (path === 'classification') return VISIT_CLASSIFICATION.find((c) => c.code === raw)?.[lang] ?? raw;
    if (path === 'outcome' || path === 'dorsalisPedis') {
      const k = `${path === 'outcome' ? 'fu.outcome' : 'fu.dp'}.${raw}`;
      return hasKey(k) ? t(k) : raw;
    }
    if (path === 'valuesSource') return raw === 'reported' ? t('common.yes') : t('common.no');
    const keys = CODE_WORDS[path];
    return keys ? code(keys, raw) : raw;
  };
}

/** The stored form with its codes in words (useWordsOf), before flattening. */
function inWords(stored: Record<string, unknown>, words: (path: string, raw: unknown) => unknown) {
  const walk = (v: unknown, prefix: string): unknown => {
    const said = words(prefix, v);
    if (said !== v) return said;
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [
          k,
          walk(x, prefix ? `${prefix}.${k}` : k),
        ]),
      );
    return v;
  };
  return walk(stored, '') as Record<string, unknown>;
}

function FollowUpStoredFields({ symptoms }: { symptoms: readonly MsgKey[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const stored = (Form.useWatch(['form'], { form, preserve: true }) ?? {}) as Record<string, unknown>;
  const rows = flatten(inWords(stored, useWordsOf(symptoms)));
  const label = (path: string) => {
    const k = LABELS[path];
    return k && hasKey(k) ? t(k) : path;
  };
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="followup-stored">
      {rows.map(([path, text]) => (
        <Descriptions.Item key={path} label={label(path)}>
          {text}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * A follow-up type shown read-only on the generic page (and printed from it): the stored form as labelled
 * values in words; `symptoms` are the dictionary keys of the type's own list of symptoms, code 1 first.
 */
export function followUpView(type: string, title: Words, symptoms: readonly MsgKey[]): ServiceFormDef {
  function Fields() {
    return <FollowUpStoredFields symptoms={symptoms} />;
  }
  return {
    type,
    title,
    initialForm: () => ({}),
    toPayload: (v) => v,
    fromStored: (s) => s,
    Fields,
  };
}
