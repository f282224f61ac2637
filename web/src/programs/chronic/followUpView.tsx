/**
 * Follow-ups in the generic page: shown read-only (they are recorded on FollowUpPage). The stored form is
 * listed as labelled values; labels come from the follow-up dictionary where there is one.
 */
import { Descriptions, Form } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasKey } from '../../i18n/messages.ts';
import type { Words } from '@jkda/domain';
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

function FollowUpStoredFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const stored = (Form.useWatch(['form'], { form, preserve: true }) ?? {}) as Record<string, unknown>;
  const rows = flatten(stored);
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

/** A follow-up type shown read-only on the generic page: the stored form as labelled values. */
export const followUpView = (type: string, title: Words): ServiceFormDef => ({
  type,
  title,
  initialForm: () => ({}),
  toPayload: (v) => v,
  fromStored: (s) => s,
  Fields: FollowUpStoredFields,
});
