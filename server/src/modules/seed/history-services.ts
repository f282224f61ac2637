/**
 * The rest of the demo service history (pure, deterministic): the annual health check (健康体检) for the
 * elderly and the chronic patients — most years, not all, so "annual check missing" means something — with
 * the elderly self-care assessment and TCM constitution identification on the same day, and occasional
 * encounter records (接诊记录) for anyone. Values follow the same distributions as the follow-ups.
 */
import {
  addDays,
  ageOn,
  assessSelfCare,
  assessTcmConstitution,
  bmi,
  evaluateHealthCheck,
  type HealthCheck,
  type SelfCareAnswers,
  type SelfCareLevel,
} from '@jkda/domain';
import { deriveSeed, Rng } from './random.ts';

export interface SeedService {
  residentId: number;
  type: 'health_check' | 'elderly_self_care' | 'elderly_tcm' | 'encounter';
  serviceDate: string;
  delivery: 'clinic' | 'home' | 'phone';
  sbp: number | null;
  dbp: number | null;
  fastingGlucose: number | null;
  weightKg: number | null;
  classification: string | null;
  form: Record<string, unknown>;
}

export interface ServicePatient {
  residentId: number;
  sex: string;
  birthDate: string;
  recordDate: string;
  /** Year the resident entered a chronic register (hypertension or diabetes), if any. */
  chronicSince: string | null;
  diabetic: boolean;
}

const ENCOUNTER_NOTES = [
  ['咳嗽3天，无发热', '咽部充血，双肺呼吸音清', '急性上呼吸道感染', '多饮水，对症治疗，3天不愈复诊'],
  ['腰腿痛1周', '腰椎压痛，直腿抬高试验阴性', '腰肌劳损', '休息，局部热敷，避免久坐'],
  ['头晕2天', '血压稍高，神经系统查体阴性', '头晕待查', '监测血压，必要时转上级医院'],
  ['皮肤瘙痒', '躯干散在红色丘疹', '湿疹', '外用药膏，避免搔抓'],
  ['失眠半月', '精神可，查体无异常', '睡眠障碍', '睡眠卫生指导，2周后随访'],
] as const;

function selfCareAnswers(rng: Rng, age: number): SelfCareAnswers {
  const frail = age >= 85 ? 0.35 : age >= 75 ? 0.15 : 0.05;
  const level = (): SelfCareLevel =>
    rng.chance(frail) ? rng.pick(['mild', 'moderate', 'dependent'] as const) : 'independent';
  return { eating: level(), grooming: level(), dressing: level(), toileting: level(), activity: level() };
}

export function generateServices(
  p: ServicePatient,
  seed: number,
  today: string,
  years: number,
): SeedService[] {
  const out: SeedService[] = [];
  const rng = new Rng(deriveSeed(seed, 'services', p.residentId));
  const heightCm = Math.round(p.sex === '1' ? rng.normal(166, 6) : rng.normal(155, 5));
  let weightKg = Math.round(p.sex === '1' ? rng.normal(66, 8) : rng.normal(57, 7));
  const firstYear = Number(today.slice(0, 4)) - years + 1;
  for (let year = firstYear; year <= Number(today.slice(0, 4)); year++) {
    const seen = addDays(`${year}-01-10`, rng.int(0, 340));
    if (rng.chance(0.15) && seen <= today && seen >= p.recordDate)
      out.push(encounter(rng, p.residentId, seen));
    const date = addDays(`${year}-03-01`, rng.int(0, 240));
    if (date > today || date < p.recordDate) continue;
    const age = ageOn(p.birthDate, date);
    const elderly = age >= 65;
    const chronic = p.chronicSince !== null && p.chronicSince <= date;
    if (!(elderly || chronic) || !rng.chance(0.78)) continue;
    weightKg = Math.max(35, Math.round(weightKg + rng.normal(0, 1.5)));
    const high = rng.chance(chronic ? 0.35 : 0.15);
    const sbp = Math.round(high ? rng.normal(150, 9) : rng.normal(128, 8));
    const dbp = Math.min(sbp - 25, Math.round(high ? rng.normal(92, 6) : rng.normal(79, 5)));
    const glucose = Math.round((p.diabetic ? rng.normal(7.4, 1.4) : rng.normal(5.3, 0.5)) * 10) / 10;
    const b = bmi(heightCm, weightKg);
    const answers = elderly ? selfCareAnswers(rng, age) : null;
    const selfCare = answers ? assessSelfCare(answers) : null;
    const form: Record<string, unknown> = {
      symptoms: { codes: rng.chance(0.7) ? ['1'] : [rng.pick(['3', '13', '14', '22'])] },
      general: {
        temperature: Math.round(rng.normal(36.5, 0.2) * 10) / 10,
        pulse: Math.round(rng.normal(76, 7)),
        respiration: rng.int(16, 20),
        bpLeft: { sbp, dbp },
        bpRight: { sbp: sbp - rng.int(0, 6), dbp: dbp - rng.int(0, 4) },
        heightCm,
        weightKg,
        waistCm: Math.round(p.sex === '1' ? rng.normal(86, 7) : rng.normal(80, 7)),
        ...(b !== null ? { bmi: b } : {}),
        ...(elderly
          ? {
              healthSelfAssessment: rng.pick(['1', '2', '2', '3']),
              selfCare: selfCare!.code,
              cognition: '1',
              emotion: '1',
            }
          : {}),
      },
      lifestyle: {
        exercise: { frequency: rng.pick(['1', '3', '4', '4']) },
        smoking: { status: '1' },
        drinking: { frequency: '1' },
      },
      organs: { lips: '1', dentition: { codes: ['1'] }, pharynx: '1', hearing: '1', motor: '1' },
      exam: { skin: { code: '1' }, sclera: { code: '1' }, lymphNodes: { code: '1' }, lowerLimbOedema: '1' },
      labs: {
        fastingGlucose: { value: glucose, unit: 'mmol/L' },
        ...(elderly
          ? {
              bloodRoutine: { hemoglobin: rng.int(115, 150), wbc: 6.1, platelets: rng.int(150, 300) },
              urineRoutine: {
                protein: '-',
                glucose: glucose >= 10 ? '+' : '-',
                ketones: '-',
                occultBlood: '-',
              },
              ecg: rng.chance(0.8) ? { code: '1' } : { code: '2', other: '窦性心动过缓' },
            }
          : {}),
      },
      evaluation: { result: '1' },
      guidance: chronic ? ['1'] : [],
      riskFactors: { codes: b !== null && b >= 24 ? ['3', '4'] : [] },
    };
    // The evaluation as a careful doctor writes it: the abnormal findings the rules point out (at most 4).
    const abnormal = evaluateHealthCheck(form as unknown as HealthCheck, {
      birthDate: p.birthDate,
      sex: p.sex,
      serviceDate: date,
    }).suggestedAbnormalities.slice(0, 4);
    if (abnormal.length) form.evaluation = { result: '2', abnormalities: abnormal };
    const delivery = 'clinic' as const;
    out.push({
      residentId: p.residentId,
      type: 'health_check',
      serviceDate: date,
      delivery,
      sbp,
      dbp,
      fastingGlucose: glucose,
      weightKg,
      classification: null,
      form,
    });
    if (!answers || !selfCare) continue;
    const sc = selfCare;
    out.push(
      withoutValues(p.residentId, 'elderly_self_care', date, sc.category, {
        answers,
        total: sc.total,
        category: sc.category,
      }),
    );
    if (!rng.chance(0.85)) continue;
    const lean = rng.next();
    const tcm = Array.from({ length: 33 }, () =>
      rng.chance(lean < 0.6 ? 0.15 : 0.4) ? rng.int(3, 5) : rng.int(1, 2),
    );
    const assessment = assessTcmConstitution(tcm);
    out.push(
      withoutValues(p.residentId, 'elderly_tcm', date, assessment.primary, {
        answers: tcm,
        guidance: assessment.guidanceFor.map((constitution) => ({ constitution, codes: ['1', '2', '4'] })),
      }),
    );
  }
  return out;
}

/** A clinic record without measured values (assessments, encounters). */
function withoutValues(
  residentId: number,
  type: SeedService['type'],
  serviceDate: string,
  classification: string | null,
  form: Record<string, unknown>,
): SeedService {
  return {
    residentId,
    type,
    serviceDate,
    delivery: 'clinic',
    sbp: null,
    dbp: null,
    fastingGlucose: null,
    weightKg: null,
    classification,
    form,
  };
}

function encounter(rng: Rng, residentId: number, date: string): SeedService {
  const [subjective, objective, assessment, plan] = rng.pick(ENCOUNTER_NOTES);
  return withoutValues(residentId, 'encounter', date, null, { subjective, objective, assessment, plan });
}
