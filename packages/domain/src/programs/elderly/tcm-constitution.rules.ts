/**
 * 老年人中医药健康管理服务记录表 (TCM constitution identification for residents 65+) — FACTS §3.11. 33 questions
 * about the past year, each answered 1 没有 … 5 总是, scored into 9 constitutions (中医体质). This is the
 * 33-item instrument of the national spec, not the 60/66-item 中华中医药学会 questionnaire with transformed
 * scores (FACTS §3.11: do not mix).
 *
 * Question wording as printed on the form (seen in the public implementations FACTS cites, R1/R3); the item
 * mapping, reverse scoring, answer bands of Q9/Q14/Q17 and the judgement thresholds are FACTS §3.11's.
 */
import { z } from 'zod';
import type { CodeEntry } from '../../code-tables.ts';

export type Constitution =
  | 'qi_deficiency'
  | 'yang_deficiency'
  | 'yin_deficiency'
  | 'phlegm_dampness'
  | 'damp_heat'
  | 'blood_stasis'
  | 'qi_stagnation'
  | 'inherited_special'
  | 'balanced';

export interface ConstitutionDef {
  readonly key: Constitution;
  readonly zh: string;
  readonly en: string;
  /** Question numbers (1–33) that add up to this constitution's score. */
  readonly items: readonly number[];
  /** Items scored in reverse for this constitution (1↔5, 2↔4, 3=3). */
  readonly reversed: readonly number[];
}

/** The 9 constitutions in the order of the form's result table (8 biased types, then 平和质). */
export const CONSTITUTIONS: readonly ConstitutionDef[] = [
  { key: 'qi_deficiency', zh: '气虚质', en: 'Qi deficiency', items: [2, 3, 4, 14], reversed: [] },
  { key: 'yang_deficiency', zh: '阳虚质', en: 'Yang deficiency', items: [11, 12, 13, 29], reversed: [] },
  { key: 'yin_deficiency', zh: '阴虚质', en: 'Yin deficiency', items: [10, 21, 26, 31], reversed: [] },
  { key: 'phlegm_dampness', zh: '痰湿质', en: 'Phlegm-dampness', items: [9, 16, 28, 32], reversed: [] },
  { key: 'damp_heat', zh: '湿热质', en: 'Damp-heat', items: [23, 25, 27, 30], reversed: [] },
  { key: 'blood_stasis', zh: '血瘀质', en: 'Blood stasis', items: [19, 22, 24, 33], reversed: [] },
  { key: 'qi_stagnation', zh: '气郁质', en: 'Qi stagnation', items: [5, 6, 7, 8], reversed: [] },
  { key: 'inherited_special', zh: '特禀质', en: 'Inherited special', items: [15, 17, 18, 20], reversed: [] },
  { key: 'balanced', zh: '平和质', en: 'Balanced', items: [1, 2, 4, 5, 13], reversed: [2, 4, 5, 13] },
];

export const BIASED_CONSTITUTIONS = CONSTITUTIONS.filter((c) => c.key !== 'balanced').map((c) => c.key);

export type TcmAnswer = 1 | 2 | 3 | 4 | 5;

export interface TcmAnswerOption {
  readonly value: TcmAnswer;
  readonly zh: string;
  readonly en: string;
}

/** The default answer scale. */
export const TCM_ANSWER_OPTIONS: readonly TcmAnswerOption[] = [
  { value: 1, zh: '没有（根本不/从来没有）', en: 'Never' },
  { value: 2, zh: '很少（有一点/偶尔）', en: 'Rarely' },
  { value: 3, zh: '有时（有些/少数时间）', en: 'Sometimes' },
  { value: 4, zh: '经常（相当/多数时间）', en: 'Often' },
  { value: 5, zh: '总是（非常/每天）', en: 'Always' },
];

type Label = readonly [zh: string, en: string];
const options = (labels: readonly [Label, Label, Label, Label, Label]): readonly TcmAnswerOption[] =>
  labels.map(([zh, en], i) => ({ value: (i + 1) as TcmAnswer, zh, en }));

export interface TcmQuestion {
  /** 1–33. */
  readonly no: number;
  readonly zh: string;
  /** The form's explanation in brackets, if any. */
  readonly hint?: string;
  readonly en: string;
  /** Answer bands that replace the default scale (Q9, Q14, Q17, Q28). */
  readonly options?: readonly TcmAnswerOption[];
}

export const TCM_QUESTIONS: readonly TcmQuestion[] = [
  { no: 1, zh: '您精力充沛吗？', hint: '指精神头足，乐于做事', en: 'Are you full of energy?' },
  {
    no: 2,
    zh: '您容易疲乏吗？',
    hint: '指体力如何，是否稍微活动一下或做一点家务劳动就感到累',
    en: 'Do you tire easily?',
  },
  { no: 3, zh: '您容易气短，呼吸短促，接不上气吗？', en: 'Are you easily short of breath?' },
  { no: 4, zh: '您说话声音低弱无力吗？', hint: '指说话没有力气', en: 'Is your voice weak and low?' },
  {
    no: 5,
    zh: '您感到闷闷不乐、情绪低沉吗？',
    hint: '指心情不愉快，情绪低落',
    en: 'Do you feel gloomy or low?',
  },
  {
    no: 6,
    zh: '您容易精神紧张、焦虑不安吗？',
    hint: '指遇事是否心情紧张',
    en: 'Do you get tense or anxious easily?',
  },
  {
    no: 7,
    zh: '您因为生活状态改变而感到孤独、失落吗？',
    en: 'Do you feel lonely or lost because your life has changed?',
  },
  { no: 8, zh: '您容易感到害怕或受到惊吓吗？', en: 'Are you easily frightened?' },
  {
    no: 9,
    zh: '您感到身体超重不轻松吗？',
    hint: '感觉身体沉重；BMI = 体重(kg) / 身高²(m)',
    en: 'Do you feel overweight and heavy? (by BMI)',
    options: options([
      ['BMI < 24', 'BMI < 24'],
      ['24 ≤ BMI < 25', '24 ≤ BMI < 25'],
      ['25 ≤ BMI < 26', '25 ≤ BMI < 26'],
      ['26 ≤ BMI < 28', '26 ≤ BMI < 28'],
      ['BMI ≥ 28', 'BMI ≥ 28'],
    ]),
  },
  { no: 10, zh: '您眼睛干涩吗？', en: 'Are your eyes dry?' },
  {
    no: 11,
    zh: '您手脚发凉吗？',
    hint: '不包含因周围温度低或穿的少导致的手脚发冷',
    en: 'Are your hands and feet cold?',
  },
  {
    no: 12,
    zh: '您胃脘部、背部或腰膝部怕冷吗？',
    hint: '指上腹部、背部、腰部或膝关节等，有一处或多处怕冷',
    en: 'Do your upper belly, back, waist or knees feel the cold?',
  },
  {
    no: 13,
    zh: '您比一般人耐受不了寒冷吗？',
    hint: '指比别人容易害怕冬天或是夏天的冷空调、电扇等',
    en: 'Do you bear the cold less well than others?',
  },
  {
    no: 14,
    zh: '您容易患感冒吗？',
    hint: '指每年感冒的次数',
    en: 'Do you catch colds easily? (colds a year)',
    options: options([
      ['一年感冒少于2次', 'Fewer than 2 a year'],
      ['一年感冒2～4次', '2–4 a year'],
      ['一年感冒5～6次', '5–6 a year'],
      ['一年8次以上', '8 or more a year'],
      ['几乎每月都感冒', 'Almost every month'],
    ]),
  },
  { no: 15, zh: '您没有感冒时也会鼻塞、流鼻涕吗？', en: 'Is your nose blocked or runny without a cold?' },
  { no: 16, zh: '您有口粘口腻，或睡眠打鼾吗？', en: 'Does your mouth feel sticky, or do you snore?' },
  {
    no: 17,
    zh: '您容易过敏（对药物、食物、气味、花粉或在季节交替、气候变化时）吗？',
    en: 'Are you prone to allergies (drugs, food, smells, pollen, change of season or weather)?',
    options: options([
      ['从来没有', 'Never'],
      ['一年1、2次', '1–2 times a year'],
      ['一年3、4次', '3–4 times a year'],
      ['一年5、6次', '5–6 times a year'],
      ['每次遇到上述原因都过敏', 'Every time'],
    ]),
  },
  {
    no: 18,
    zh: '您的皮肤容易起荨麻疹吗？',
    hint: '包括风团、风疹块、风疙瘩',
    en: 'Do you get hives easily?',
  },
  {
    no: 19,
    zh: '您的皮肤在不知不觉中会出现青紫瘀斑、皮下出血吗？',
    hint: '指皮肤在没有外伤的情况下出现青一块紫一块的情况',
    en: 'Do bruises appear on your skin without injury?',
  },
  {
    no: 20,
    zh: '您的皮肤一抓就红，并出现抓痕吗？',
    hint: '指被指甲或钝物划过后皮肤的反应',
    en: 'Does your skin redden and show marks when scratched?',
  },
  { no: 21, zh: '您皮肤或口唇干吗？', en: 'Are your skin or lips dry?' },
  {
    no: 22,
    zh: '您有肢体麻木或固定部位疼痛的感觉吗？',
    en: 'Do you have numb limbs or pain in a fixed place?',
  },
  {
    no: 23,
    zh: '您面部或鼻部有油腻感或者油亮发光吗？',
    hint: '指脸上或鼻子',
    en: 'Is your face or nose oily or shiny?',
  },
  {
    no: 24,
    zh: '您面色或目眶晦黯，或出现褐色斑块/斑点吗？',
    en: 'Is your complexion or are your eye sockets dark, or do you have brown patches or spots?',
  },
  { no: 25, zh: '您有皮肤湿疹、疮疖吗？', en: 'Do you have eczema, sores or boils?' },
  {
    no: 26,
    zh: '您感到口干咽燥、总想喝水吗？',
    en: 'Are your mouth and throat dry, always wanting to drink?',
  },
  {
    no: 27,
    zh: '您感到口苦或嘴里有异味吗？',
    hint: '指口苦或口臭',
    en: 'Do you have a bitter taste or bad breath?',
  },
  {
    no: 28,
    zh: '您腹部肥大吗？',
    hint: '指腹部脂肪肥厚',
    en: 'Is your belly large? (by waist)',
    // Waist bands as printed on the form in the public implementations; FACTS §3.11 does not list them.
    options: options([
      ['腹围 < 80 cm（2.4尺）', 'Waist < 80 cm'],
      ['腹围 80～85 cm（2.4～2.55尺）', 'Waist 80–85 cm'],
      ['腹围 86～90 cm（2.56～2.7尺）', 'Waist 86–90 cm'],
      ['腹围 91～105 cm（2.71～3.15尺）', 'Waist 91–105 cm'],
      ['腹围 > 105 cm（3.15尺以上）', 'Waist > 105 cm'],
    ]),
  },
  {
    no: 29,
    zh: '您吃（喝）凉的东西会感到不舒服或者怕吃（喝）凉的东西吗？',
    hint: '指不喜欢吃凉的食物，或吃了凉的食物后会不舒服',
    en: 'Do cold food and drinks make you uncomfortable, or do you avoid them?',
  },
  {
    no: 30,
    zh: '您有大便黏滞不爽、解不尽的感觉吗？',
    hint: '大便容易粘在马桶或便坑壁上',
    en: 'Are your stools sticky, with a feeling of incomplete emptying?',
  },
  { no: 31, zh: '您容易大便干燥吗？', en: 'Are your stools often dry?' },
  {
    no: 32,
    zh: '您舌苔厚腻或有舌苔厚厚的感觉吗？',
    hint: '如果自我感觉不清楚可由调查员观察后填写',
    en: 'Is your tongue coating thick and greasy?',
  },
  {
    no: 33,
    zh: '您舌下静脉瘀紫或增粗吗？',
    hint: '可由调查员辅助观察后填写',
    en: 'Are the veins under your tongue dark purple or swollen?',
  },
];

export const TCM_QUESTION_COUNT = 33;

/** Constitutions each question counts for (Q2, Q4, Q5 and Q13 count twice: once reversed for 平和质). */
export function constitutionsOfQuestion(no: number): Constitution[] {
  return CONSTITUTIONS.filter((c) => c.items.includes(no)).map((c) => c.key);
}

/** Q9 answer from BMI: 1 < 24, 2 24–<25, 3 25–<26, 4 26–<28, 5 ≥ 28 (FACTS §3.11). */
export function q9AnswerFromBmi(bmi: number): TcmAnswer {
  if (!Number.isFinite(bmi) || bmi <= 0) throw new RangeError(`BMI must be a positive number: ${bmi}`);
  if (bmi < 24) return 1;
  if (bmi < 25) return 2;
  if (bmi < 26) return 3;
  if (bmi < 28) return 4;
  return 5;
}

/** 33 answers, index 0 = question 1; no question may be skipped (FACTS §3.11). */
export const tcmAnswersSchema = z.array(z.int().min(1).max(5)).length(TCM_QUESTION_COUNT);

function requireAnswers(answers: readonly number[]): void {
  if (answers.length !== TCM_QUESTION_COUNT)
    throw new RangeError(`expected ${TCM_QUESTION_COUNT} answers, got ${answers.length}`);
  answers.forEach((a, i) => {
    if (!Number.isInteger(a) || a < 1 || a > 5) throw new RangeError(`answer ${i + 1} must be 1–5: ${a}`);
  });
}

/** Raw score of each constitution: the sum of its items, reversed items counted as 6 − answer. */
export function constitutionScores(answers: readonly number[]): Record<Constitution, number> {
  requireAnswers(answers);
  const scores = {} as Record<Constitution, number>;
  for (const c of CONSTITUTIONS)
    scores[c.key] = c.items.reduce((sum, no) => {
      const a = answers[no - 1]!;
      return sum + (c.reversed.includes(no) ? 6 - a : a);
    }, 0);
  return scores;
}

/** 是 / 基本是 (平和质 only) / 倾向是 (biased types only) / 否. */
export type TcmJudgement = 'yes' | 'basically_yes' | 'tendency' | 'no';

export const TCM_JUDGEMENT = [
  { key: 'yes', zh: '是', en: 'Yes' },
  { key: 'basically_yes', zh: '基本是', en: 'Basically yes' },
  { key: 'tendency', zh: '倾向是', en: 'Tendency' },
  { key: 'no', zh: '否', en: 'No' },
] as const satisfies readonly { key: TcmJudgement; zh: string; en: string }[];

/** A biased type: ≥ 11 是, 9–10 倾向是, ≤ 8 否. */
export function judgeBiased(score: number): 'yes' | 'tendency' | 'no' {
  if (score >= 11) return 'yes';
  if (score >= 9) return 'tendency';
  return 'no';
}

/** 平和质: score ≥ 17 and every biased type ≤ 8 → 是; score ≥ 17 and every biased type ≤ 10 → 基本是; else 否. */
export function judgeBalanced(
  score: number,
  biasedScores: readonly number[],
): 'yes' | 'basically_yes' | 'no' {
  if (score < 17) return 'no';
  const highest = Math.max(0, ...biasedScores);
  if (highest <= 8) return 'yes';
  if (highest <= 10) return 'basically_yes';
  return 'no';
}

export type TcmRecheckReason = 'no_type' | 'yin_yang_contradiction';

export interface ConstitutionResult {
  constitution: Constitution;
  score: number;
  judgement: TcmJudgement;
}

export interface TcmAssessment {
  /** All 9 constitutions in the form's order. */
  results: ConstitutionResult[];
  /**
   * Constitutions to give guidance for: the biased types judged 是 or 倾向是, highest score first (ties in form
   * order), then 平和质 when judged 是 or 基本是. FACTS §3.11: record all, guide by the highest score.
   */
  guidanceFor: Constitution[];
  /** The first of guidanceFor, or null. */
  primary: Constitution | null;
  /**
   * Reasons to re-check the answers (and re-collect after 2 weeks if needed), FACTS §3.11: no type at all,
   * or both 阴虚质 and 阳虚质 judged 是/倾向是 (the contradiction FACTS names; no other pair is checked).
   */
  recheck: TcmRecheckReason[];
}

export function assessTcmConstitution(answers: readonly number[]): TcmAssessment {
  const scores = constitutionScores(answers);
  const biasedScores = BIASED_CONSTITUTIONS.map((k) => scores[k]);
  const results: ConstitutionResult[] = CONSTITUTIONS.map((c) => ({
    constitution: c.key,
    score: scores[c.key],
    judgement: c.key === 'balanced' ? judgeBalanced(scores[c.key], biasedScores) : judgeBiased(scores[c.key]),
  }));
  const positive = results.filter((r) => r.judgement !== 'no');
  const biased = positive.filter((r) => r.constitution !== 'balanced');
  // Array.prototype.sort is stable, so equal scores keep the form's order.
  biased.sort((a, b) => b.score - a.score);
  const guidanceFor = biased.map((r) => r.constitution);
  if (positive.some((r) => r.constitution === 'balanced')) guidanceFor.push('balanced');
  const recheck: TcmRecheckReason[] = [];
  if (positive.length === 0) recheck.push('no_type');
  if (guidanceFor.includes('yin_deficiency') && guidanceFor.includes('yang_deficiency'))
    recheck.push('yin_yang_contradiction');
  return { results, guidanceFor, primary: guidanceFor[0] ?? null, recheck };
}

/**
 * For the audit (FACTS §9.3 "TCM result not equal to recomputed scores"): the constitutions whose recorded
 * score or judgement differs from what the answers give. Recorded entries that are missing are not compared.
 */
export function tcmResultMismatches(
  answers: readonly number[],
  recorded: Partial<Record<Constitution, { score?: number | null; judgement?: TcmJudgement | null }>>,
): Constitution[] {
  const { results } = assessTcmConstitution(answers);
  return results
    .filter((r) => {
      const rec = recorded[r.constitution];
      if (!rec) return false;
      return (
        (rec.score !== null && rec.score !== undefined && rec.score !== r.score) ||
        (rec.judgement !== null && rec.judgement !== undefined && rec.judgement !== r.judgement)
      );
    })
    .map((r) => r.constitution);
}

/** 中医药保健指导 options, ticked per constitution (FACTS §3.11). */
export const TCM_GUIDANCE = [
  { code: '1', zh: '情志调摄', en: 'Emotional regulation' },
  { code: '2', zh: '饮食调养', en: 'Diet' },
  { code: '3', zh: '起居调摄', en: 'Daily routine' },
  { code: '4', zh: '运动保健', en: 'Exercise' },
  { code: '5', zh: '穴位保健', en: 'Acupoint care' },
  { code: '6', zh: '其他', en: 'Other', needsText: true },
] as const satisfies readonly CodeEntry[];
export type TcmGuidanceCode = (typeof TCM_GUIDANCE)[number]['code'];

/** Guidance given for one constitution: at least one option, no repeats; 其他 needs its text. */
export const tcmGuidanceSchema = z
  .object({
    constitution: z.enum([
      'qi_deficiency',
      'yang_deficiency',
      'yin_deficiency',
      'phlegm_dampness',
      'damp_heat',
      'blood_stasis',
      'qi_stagnation',
      'inherited_special',
      'balanced',
    ]),
    codes: z
      .array(z.enum(['1', '2', '3', '4', '5', '6']))
      .min(1, { message: 'choice_required' })
      .refine((a) => new Set(a).size === a.length, { message: 'choice_duplicate' }),
    otherText: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.codes.includes('6') && !v.otherText)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['otherText'] });
  });
export type TcmGuidanceInput = z.infer<typeof tcmGuidanceSchema>;
