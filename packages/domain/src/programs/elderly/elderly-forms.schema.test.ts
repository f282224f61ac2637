import { describe, it, expect } from 'vitest';
import {
  evaluateSelfCareForm,
  evaluateTcmForm,
  selfCareFormSchema,
  tcmFormSchema,
  type SelfCareForm,
} from './elderly-forms.schema.ts';
import { assessSelfCare, type SelfCareAnswers } from './self-care.rules.ts';
import { assessTcmConstitution } from './tcm-constitution.rules.ts';

const allIndependent: SelfCareAnswers = {
  eating: 'independent',
  grooming: 'independent',
  dressing: 'independent',
  toileting: 'independent',
  activity: 'independent',
};

describe('self-care form', () => {
  // Scores per FACTS §3.10: eating 0/0/3/5, grooming 0/1/3/7, dressing 0/0/3/5, toileting 0/1/5/10, activity 0/1/5/10.
  it.each<[string, Partial<SelfCareAnswers>, number, string, string]>([
    ['all independent', {}, 0, 'independent', '1'],
    [
      'three mild items (3, the top of 可自理)',
      { grooming: 'mild', toileting: 'mild', activity: 'mild' },
      3,
      'independent',
      '1',
    ],
    ['mild eating and dressing score 0', { eating: 'mild', dressing: 'mild' }, 0, 'independent', '1'],
    ['grooming moderate + toileting mild (4)', { grooming: 'moderate', toileting: 'mild' }, 4, 'mild', '2'],
    [
      'mixed (1 + 3 + 1 + 5 = 10)',
      { grooming: 'mild', dressing: 'moderate', toileting: 'mild', activity: 'moderate' },
      10,
      'moderate',
      '3',
    ],
    [
      'toileting and activity dependent (20)',
      { toileting: 'dependent', activity: 'dependent' },
      20,
      'dependent',
      '4',
    ],
    [
      'everything dependent (37)',
      {
        eating: 'dependent',
        grooming: 'dependent',
        dressing: 'dependent',
        toileting: 'dependent',
        activity: 'dependent',
      },
      37,
      'dependent',
      '4',
    ],
  ])('%s → %i %s (code %s)', (_n, set, total, category, code) => {
    const form = selfCareFormSchema.parse({ answers: { ...allIndependent, ...set } });
    const r = evaluateSelfCareForm(form);
    expect(r).toEqual({ errors: [], total, category, code });
    expect(r.total).toBe(assessSelfCare(form.answers).total);
  });

  const answers: SelfCareAnswers = { ...allIndependent, grooming: 'moderate', toileting: 'mild' }; // 4, mild
  it.each<[string, Partial<SelfCareForm>, { field: string; code: string }[]]>([
    ['matching total and category', { total: 4, category: 'mild' }, []],
    ['total off by one', { total: 3 }, [{ field: 'total', code: 'score_mismatch' }]],
    ['wrong category', { category: 'independent' }, [{ field: 'category', code: 'score_mismatch' }]],
    [
      'both wrong',
      { total: 9, category: 'moderate' },
      [
        { field: 'total', code: 'score_mismatch' },
        { field: 'category', code: 'score_mismatch' },
      ],
    ],
  ])('%s', (_n, extra, errors) => {
    expect(evaluateSelfCareForm(selfCareFormSchema.parse({ answers, ...extra })).errors).toEqual(errors);
  });

  it.each<[string, unknown]>([
    ['a missing item', { answers: { ...allIndependent, activity: undefined } }],
    ['an unknown level', { answers: { ...allIndependent, eating: 'severe' } }],
    ['a total above 37', { answers: allIndependent, total: 38 }],
    ['an unknown field', { answers: allIndependent, note: 'x' }],
  ])('rejects %s', (_n, input) => expect(selfCareFormSchema.safeParse(input).success).toBe(false));
});

/** 33 answers, all `base` except the given question numbers. */
const tcm = (set: Record<number, number> = {}, base = 1): number[] =>
  Array.from({ length: 33 }, (_, i) => set[i + 1] ?? base);

// All 1: 平和质 = 1 + 5·4 = 21, every biased type 4 → 平和质 是 only.
const balancedOnly = tcm();
// Q2, Q3, Q4, Q14 = 3: 气虚质 12 (是); 平和质 = 1 + 3 + 3 + 5 + 5 = 17 but 气虚 > 10 → 否.
const qiDeficient = tcm({ 2: 3, 3: 3, 4: 3, 14: 3 });
// 阳虚质 (11, 12, 13, 29) = 12 → 是; 湿热质 (23, 25, 27, 30) = 3 + 3 + 2 + 2 = 10 → 倾向是.
const yangAndDampHeat = tcm({ 11: 3, 12: 3, 13: 3, 29: 3, 23: 3, 25: 3, 27: 2, 30: 2 });

const guide = (constitution: string, codes: string[] = ['1', '2']) => ({ constitution, codes });

describe('TCM form', () => {
  it.each<[string, number[], string[]]>([
    ['all answers 1', balancedOnly, ['balanced']],
    ['qi deficiency', qiDeficient, ['qi_deficiency']],
    ['yang deficiency, then damp-heat tendency', yangAndDampHeat, ['yang_deficiency', 'damp_heat']],
  ])('%s → guidance for %j', (_n, answers, guidanceFor) => {
    const form = tcmFormSchema.parse({ answers, guidance: guidanceFor.map((c) => guide(c)) });
    const r = evaluateTcmForm(form);
    expect(r.assessment.guidanceFor).toEqual(guidanceFor);
    expect(r.assessment).toEqual(assessTcmConstitution(answers));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('the scores behind the answer sets are the ones stated', () => {
    const score = (a: number[], c: string) =>
      assessTcmConstitution(a).results.find((r) => r.constitution === c)!;
    expect(score(balancedOnly, 'balanced')).toMatchObject({ score: 21, judgement: 'yes' });
    expect(score(qiDeficient, 'qi_deficiency')).toMatchObject({ score: 12, judgement: 'yes' });
    expect(score(qiDeficient, 'balanced')).toMatchObject({ score: 17, judgement: 'no' });
    expect(score(yangAndDampHeat, 'damp_heat')).toMatchObject({ score: 10, judgement: 'tendency' });
  });

  it('a constitution found without guidance is an error on guidance', () => {
    const r = evaluateTcmForm(
      tcmFormSchema.parse({ answers: yangAndDampHeat, guidance: [guide('yang_deficiency')] }),
    );
    expect(r.errors).toEqual([{ field: 'guidance', code: 'guidance_missing', constitution: 'damp_heat' }]);
  });

  it('no guidance at all: one error per constitution found', () => {
    const r = evaluateTcmForm(tcmFormSchema.parse({ answers: yangAndDampHeat }));
    expect(r.errors.map((e) => e.constitution)).toEqual(['yang_deficiency', 'damp_heat']);
  });

  it('guidance for a constitution not found is a warning at its row', () => {
    const r = evaluateTcmForm(
      tcmFormSchema.parse({
        answers: qiDeficient,
        guidance: [guide('qi_deficiency'), guide('blood_stasis')],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { field: 'guidance.1.constitution', code: 'guidance_not_indicated', constitution: 'blood_stasis' },
    ]);
  });

  it.each<[string, unknown, string, string]>([
    ['32 answers', { answers: tcm().slice(1) }, 'answers', 'too_small'],
    ['an answer of 6', { answers: tcm({ 7: 6 }) }, 'answers.6', 'too_big'],
    [
      'the same constitution twice',
      { answers: balancedOnly, guidance: [guide('balanced'), guide('balanced')] },
      'guidance',
      'choice_duplicate',
    ],
    [
      'other guidance without text',
      { answers: balancedOnly, guidance: [guide('balanced', ['6'])] },
      'guidance.0.otherText',
      'required',
    ],
    [
      'guidance without options',
      { answers: balancedOnly, guidance: [guide('balanced', [])] },
      'guidance.0.codes',
      'choice_required',
    ],
  ])('rejects %s', (_n, input, path, code) => {
    const r = tcmFormSchema.safeParse(input);
    expect(r.success).toBe(false);
    const got = r.error!.issues.map((i) => [
      i.path.join('.'),
      /^[a-z_]+$/.test(i.message) ? i.message : i.code,
    ]);
    expect(got).toContainEqual([path, code]);
  });
});
