/**
 * Checks of a 健康体检表 beyond its schema (FACTS §3.5, §9.3): impossible values (errors), unusual values and
 * inconsistencies with the resident (warnings), the key values other parts of the system read (BP, BMI,
 * glucose, weight), and a list of findings to offer for the 健康评价 异常 lines.
 *
 * Field paths are dot-separated and relative to the form, e.g. 'general.bpLeft.sbp'.
 */
import {
  bmi as computeBmi,
  plausibility,
  type PlausibilityField,
  type PlausibilityValues,
} from '../chronic/chronic.rules.ts';
import { completedYears } from '../date-math.ts';
import type { HealthCheck } from './health-check.schema.ts';

export interface HealthCheckIssue {
  field: string;
  code: string;
}

export interface HealthCheckContext {
  birthDate: string;
  /** SEX code: '1' male, '2' female; other codes skip the sex checks. */
  sex: string;
  serviceDate: string;
}

export interface HealthCheckEvaluation {
  errors: HealthCheckIssue[];
  warnings: HealthCheckIssue[];
  /** Computed from height and weight (one decimal), else the recorded BMI, else null. */
  bmi: number | null;
  /** The arm with the higher systolic reading (see pickArm). */
  sbp: number | null;
  dbp: number | null;
  fastingGlucoseMmol: number | null;
  weightKg: number | null;
  /** Short Chinese texts for values outside normal; may be longer than the 4 lines of 健康评价. */
  suggestedAbnormalities: string[];
}

/** Above this difference between the recorded and the computed BMI the record is wrong (ours). */
export const BMI_TOLERANCE = 0.5;
/** 1 mmol/L glucose = 18 mg/dL (the usual clinical factor; FACTS §9.3 and chronic.rules.ts use it). */
export const GLUCOSE_MG_PER_MMOL = 18;

/**
 * Our own ranges (not from the spec; FACTS gives none) for values that chronic.rules.ts PLAUSIBLE_RANGES
 * does not cover. As there: outside `possible` is an error (below_possible / above_possible), outside
 * `usual` a warning (unusually_low / unusually_high); both bounds inclusive. Temperature and waist use
 * PLAUSIBLE_RANGES (35–41 °C, 50–150 cm usual), pulse and heart rate its heartRate range.
 *
 * | value                     | unit      | possible     | usual        |
 * |---------------------------|-----------|--------------|--------------|
 * | respiration               | /min      | 4–80         | 10–30        |
 * | hemoglobin                | g/L       | 20–250       | 60–200       |
 * | wbc                       | ×10⁹/L    | 0.1–300      | 2–30         |
 * | platelets                 | ×10⁹/L    | 1–2000       | 50–600       |
 * | urineMicroalbumin         | mg/dL     | 0–1000       | 0–30         |
 * | hba1c                     | %         | 2–25         | 4–15         |
 * | alt, ast                  | U/L       | 0–5000       | 0–200        |
 * | albumin                   | g/L       | 5–80         | 25–55        |
 * | totalBilirubin            | µmol/L    | 0–800        | 0–80         |
 * | directBilirubin           | µmol/L    | 0–600        | 0–40         |
 * | creatinine                | µmol/L    | 10–3000      | 30–400       |
 * | urea                      | mmol/L    | 0.5–100      | 1.5–20       |
 * | potassium                 | mmol/L    | 1–10         | 3–6          |
 * | sodium                    | mmol/L    | 90–200       | 125–155      |
 * | totalCholesterol          | mmol/L    | 0.5–30       | 2–10         |
 * | triglycerides             | mmol/L    | 0.1–60       | 0.3–10       |
 * | ldl                       | mmol/L    | 0.1–20       | 0.5–7        |
 * | hdl                       | mmol/L    | 0.1–6        | 0.5–3        |
 */
export const HEALTH_CHECK_RANGES = {
  respiration: { path: 'general.respiration', possible: [4, 80], usual: [10, 30] },
  hemoglobin: { path: 'labs.bloodRoutine.hemoglobin', possible: [20, 250], usual: [60, 200] },
  wbc: { path: 'labs.bloodRoutine.wbc', possible: [0.1, 300], usual: [2, 30] },
  platelets: { path: 'labs.bloodRoutine.platelets', possible: [1, 2000], usual: [50, 600] },
  urineMicroalbumin: { path: 'labs.urineMicroalbumin', possible: [0, 1000], usual: [0, 30] },
  hba1c: { path: 'labs.hba1c', possible: [2, 25], usual: [4, 15] },
  alt: { path: 'labs.liver.alt', possible: [0, 5000], usual: [0, 200] },
  ast: { path: 'labs.liver.ast', possible: [0, 5000], usual: [0, 200] },
  albumin: { path: 'labs.liver.albumin', possible: [5, 80], usual: [25, 55] },
  totalBilirubin: { path: 'labs.liver.totalBilirubin', possible: [0, 800], usual: [0, 80] },
  directBilirubin: { path: 'labs.liver.directBilirubin', possible: [0, 600], usual: [0, 40] },
  creatinine: { path: 'labs.kidney.creatinine', possible: [10, 3000], usual: [30, 400] },
  urea: { path: 'labs.kidney.urea', possible: [0.5, 100], usual: [1.5, 20] },
  potassium: { path: 'labs.kidney.potassium', possible: [1, 10], usual: [3, 6] },
  sodium: { path: 'labs.kidney.sodium', possible: [90, 200], usual: [125, 155] },
  totalCholesterol: { path: 'labs.lipids.totalCholesterol', possible: [0.5, 30], usual: [2, 10] },
  triglycerides: { path: 'labs.lipids.triglycerides', possible: [0.1, 60], usual: [0.3, 10] },
  ldl: { path: 'labs.lipids.ldl', possible: [0.1, 20], usual: [0.5, 7] },
  hdl: { path: 'labs.lipids.hdl', possible: [0.1, 6], usual: [0.5, 3] },
} as const satisfies Record<
  string,
  { path: string; possible: readonly [number, number]; usual: readonly [number, number] }
>;
export type HealthCheckRangeKey = keyof typeof HEALTH_CHECK_RANGES;

const clean = (x: number): number => Math.round(x * 1e6) / 1e6;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The value at a dotted path of the form, or undefined. */
function at(form: unknown, path: string): unknown {
  let cur = form;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Glucose in mmol/L, converting mg/dL (÷ 18), rounded to 2 decimals; null when not recorded. */
export function fastingGlucoseMmol(g: HealthCheck['labs']['fastingGlucose']): number | null {
  if (!g || !isNum(g.value)) return null;
  const mmol = g.unit === 'mg/dL' ? g.value / GLUCOSE_MG_PER_MMOL : g.value;
  return Math.round(mmol * 100) / 100;
}

/**
 * The BP reading to report when both arms were measured: the arm with the higher systolic value (guidelines
 * take the higher arm as the reference for diagnosis and follow-up; FACTS §3.5 only lists both arms). On
 * equal systolic readings, the arm with the higher diastolic; an arm with one value missing is ignored.
 */
export function pickArm(
  left: { sbp?: number; dbp?: number } | undefined,
  right: { sbp?: number; dbp?: number } | undefined,
): { sbp: number; dbp: number } | null {
  const arms = [left, right].filter(
    (a): a is { sbp: number; dbp: number } => !!a && isNum(a.sbp) && isNum(a.dbp),
  );
  if (arms.length === 0) return null;
  arms.sort((a, b) => b.sbp - a.sbp || b.dbp - a.dbp);
  return { sbp: arms[0]!.sbp, dbp: arms[0]!.dbp };
}

const ELDERLY_ITEMS = [
  'healthSelfAssessment',
  'selfCare',
  'cognition',
  'mmseScore',
  'emotion',
  'depressionScore',
] as const;

export function evaluateHealthCheck(form: HealthCheck, ctx: HealthCheckContext): HealthCheckEvaluation {
  const errors: HealthCheckIssue[] = [];
  const warnings: HealthCheckIssue[] = [];
  const g = form.general ?? {};
  const labs = form.labs ?? {};

  // Values checked with the shared plausibility ranges, each under its own path.
  const check = (values: PlausibilityValues, paths: Partial<Record<PlausibilityField, string>>) => {
    const r = plausibility(values);
    for (const e of r.errors)
      if (e.code !== 'bmi_mismatch') errors.push({ field: paths[e.field] ?? e.field, code: e.code });
    for (const w of r.warnings) warnings.push({ field: paths[w.field] ?? w.field, code: w.code });
  };
  for (const arm of ['bpLeft', 'bpRight'] as const) {
    const a = g[arm];
    if (a) check({ sbp: a.sbp, dbp: a.dbp }, { sbp: `general.${arm}.sbp`, dbp: `general.${arm}.dbp` });
  }
  check(
    {
      heightCm: g.heightCm,
      weightKg: g.weightKg,
      bmi: g.bmi,
      waistCm: g.waistCm,
      temperature: g.temperature,
      heartRate: g.pulse,
    },
    {
      heightCm: 'general.heightCm',
      weightKg: 'general.weightKg',
      bmi: 'general.bmi',
      waistCm: 'general.waistCm',
      temperature: 'general.temperature',
      heartRate: 'general.pulse',
    },
  );
  check({ heartRate: form.exam?.heart?.rate }, { heartRate: 'exam.heart.rate' });
  const glucose = fastingGlucoseMmol(labs.fastingGlucose);
  check({ glucose }, { glucose: 'labs.fastingGlucose.value' });

  // Our own ranges.
  for (const { path, possible, usual } of Object.values(HEALTH_CHECK_RANGES)) {
    const v = at(form, path);
    if (!isNum(v)) continue;
    const x = clean(v);
    if (x < possible[0]) errors.push({ field: path, code: 'below_possible' });
    else if (x > possible[1]) errors.push({ field: path, code: 'above_possible' });
    else if (x < usual[0]) warnings.push({ field: path, code: 'unusually_low' });
    else if (x > usual[1]) warnings.push({ field: path, code: 'unusually_high' });
  }
  const liver = labs.liver;
  if (liver && isNum(liver.directBilirubin) && isNum(liver.totalBilirubin))
    if (clean(liver.directBilirubin) > clean(liver.totalBilirubin))
      errors.push({ field: 'labs.liver.directBilirubin', code: 'direct_bilirubin_above_total' });

  // BMI: recorded vs weight / height².
  const computed = isNum(g.heightCm) && isNum(g.weightKg) ? computeBmi(g.heightCm, g.weightKg) : null;
  if (computed !== null && isNum(g.bmi) && Math.abs(g.bmi - computed) > BMI_TOLERANCE + 1e-9)
    errors.push({ field: 'general.bmi', code: 'bmi_mismatch' });

  // Elderly self-assessments under 65: possible (a doctor may use them), so a warning.
  const age = completedYears(ctx.birthDate, ctx.serviceDate);
  if (age < 65)
    for (const k of ELDERLY_ITEMS)
      if (g[k] !== undefined) warnings.push({ field: `general.${k}`, code: 'elderly_item_too_young' });

  // Sex-specific items (FACTS §9.3).
  const exam = form.exam ?? {};
  if (ctx.sex === '1') {
    if (exam.gynaecology)
      for (const [k, v] of Object.entries(exam.gynaecology))
        if (v !== undefined) warnings.push({ field: `exam.gynaecology.${k}`, code: 'female_item_for_male' });
    if (labs.cervicalSmear) warnings.push({ field: 'labs.cervicalSmear', code: 'female_item_for_male' });
    // Men can have breast findings (lumps); mastectomy and abnormal discharge are the ones that do not fit.
    if (exam.breast?.codes.some((x) => x === '2' || x === '3'))
      warnings.push({ field: 'exam.breast.codes', code: 'female_item_for_male' });
  }
  if (ctx.sex === '2' && exam.digitalRectal?.code === '4')
    warnings.push({ field: 'exam.digitalRectal.code', code: 'male_item_for_female' });

  // Dates after the check.
  const month = ctx.serviceDate.slice(0, 7);
  for (const list of ['hospitalisations', 'homeBeds'] as const)
    (form[list] ?? []).forEach((row, i) => {
      if (row.from > month) errors.push({ field: `${list}.${i}.from`, code: 'date_after_service' });
      if (row.to && row.to > month) errors.push({ field: `${list}.${i}.to`, code: 'date_after_service' });
    });
  (form.vaccinations ?? []).forEach((row, i) => {
    if (row.date > ctx.serviceDate)
      errors.push({ field: `vaccinations.${i}.date`, code: 'date_after_service' });
  });

  const arm = pickArm(g.bpLeft, g.bpRight);
  const bmiValue = computed ?? (isNum(g.bmi) ? g.bmi : null);
  const suggestedAbnormalities = suggestAbnormalities(form, ctx.sex, { arm, bmi: bmiValue, glucose });
  // "Nothing abnormal" beside values outside the normal ranges is a classic audit finding (FACTS §9.3).
  // (Optional chaining: the web form evaluates half-filled forms as the user types.)
  if (
    (form.evaluation as HealthCheck['evaluation'] | undefined)?.result === '1' &&
    suggestedAbnormalities.length > 0
  )
    warnings.push({ field: 'evaluation.result', code: 'evaluation_contradicts_values' });
  return {
    errors,
    warnings,
    bmi: bmiValue,
    sbp: arm?.sbp ?? null,
    dbp: arm?.dbp ?? null,
    fastingGlucoseMmol: glucose,
    weightKg: isNum(g.weightKg) ? g.weightKg : null,
    suggestedAbnormalities,
  };
}

const positiveUrine = (s: string | undefined): boolean => !!s && /^(?:±|\+{1,4})$/.test(s);

/**
 * Findings to offer for 健康评价 → 有异常. Thresholds are the usual Chinese adult cut-offs (ours to pick, not
 * FACTS'): BP ≥ 140/90 偏高, < 90/60 偏低; BMI < 18.5 / ≥ 24 / ≥ 28 (WS/T 428); waist ≥ 90 cm men, ≥ 85 cm
 * women; fasting glucose ≥ 7.0 偏高, 6.1–6.9 受损, < 3.9 偏低; HbA1c ≥ 6.5 %; TC ≥ 6.2, TG ≥ 2.3, LDL-C ≥ 4.1,
 * HDL-C < 1.0 mmol/L; Hb < 120 g/L men, < 110 g/L women; ALT or AST > 40 U/L; heart rate > 100 or < 60;
 * and every coded item answered 异常/阳性/阳性粗筛. Values that are impossible still produce findings; the
 * errors make the user fix them first.
 */
function suggestAbnormalities(
  form: HealthCheck,
  sex: string,
  v: { arm: { sbp: number; dbp: number } | null; bmi: number | null; glucose: number | null },
): string[] {
  const out: string[] = [];
  const add = (cond: unknown, text: string) => {
    if (cond) out.push(text);
  };
  const g = form.general ?? {};
  const exam = form.exam ?? {};
  const labs = form.labs ?? {};
  const { arm, bmi, glucose } = v;
  add(arm && (arm.sbp >= 140 || arm.dbp >= 90), '血压偏高');
  add(arm && arm.sbp < 140 && arm.dbp < 90 && (arm.sbp < 90 || arm.dbp < 60), '血压偏低');
  if (bmi !== null) {
    add(bmi >= 28, '肥胖');
    add(bmi >= 24 && bmi < 28, '超重');
    add(bmi < 18.5, '体重过低');
  }
  if (isNum(g.waistCm)) add(sex === '1' ? g.waistCm >= 90 : sex === '2' && g.waistCm >= 85, '腰围超标');
  if (glucose !== null) {
    add(glucose >= 7.0, '空腹血糖偏高');
    add(glucose >= 6.1 && glucose < 7.0, '空腹血糖受损');
    add(glucose < 3.9, '空腹血糖偏低');
  }
  add(isNum(labs.hba1c) && labs.hba1c >= 6.5, '糖化血红蛋白偏高');
  const lip = labs.lipids ?? {};
  add(isNum(lip.totalCholesterol) && lip.totalCholesterol >= 6.2, '总胆固醇偏高');
  add(isNum(lip.triglycerides) && lip.triglycerides >= 2.3, '甘油三酯偏高');
  add(isNum(lip.ldl) && lip.ldl >= 4.1, '低密度脂蛋白胆固醇偏高');
  add(isNum(lip.hdl) && lip.hdl < 1.0, '高密度脂蛋白胆固醇偏低');
  const hb = labs.bloodRoutine?.hemoglobin;
  if (isNum(hb)) add(sex === '1' ? hb < 120 : sex === '2' && hb < 110, '血红蛋白偏低');
  const liver = labs.liver ?? {};
  add((isNum(liver.alt) && liver.alt > 40) || (isNum(liver.ast) && liver.ast > 40), '转氨酶偏高');
  add(positiveUrine(labs.urineRoutine?.protein), '尿蛋白阳性');
  add(positiveUrine(labs.urineRoutine?.glucose), '尿糖阳性');
  add(labs.hbsag === '2', '乙肝表面抗原阳性');
  add(labs.faecalOccultBlood === '2', '大便潜血阳性');
  add(labs.ecg?.code === '2', '心电图异常');
  add(labs.chestXray?.code === '2', '胸片异常');
  add(labs.ultrasound?.abdomen?.code === '2', '腹部B超异常');
  add(labs.ultrasound?.other?.code === '2', 'B超（其他）异常');
  add(labs.cervicalSmear?.code === '2', '宫颈涂片异常');
  const rate = exam.heart?.rate;
  add(isNum(rate) && rate > 100, '心动过速');
  add(isNum(rate) && rate < 60, '心动过缓');
  add(exam.heart?.rhythm === '2' || exam.heart?.rhythm === '3', '心律不齐');
  add(exam.heart?.murmur?.code === '2', '心脏杂音');
  add(exam.fundus?.code === '2', '眼底异常');
  add(g.cognition === '2', '认知功能粗筛阳性');
  add(g.emotion === '2', '情感状态粗筛阳性');
  return out;
}
