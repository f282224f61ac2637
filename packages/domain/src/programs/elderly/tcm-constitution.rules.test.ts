import { describe, it, expect } from 'vitest';
import {
  BIASED_CONSTITUTIONS,
  CONSTITUTIONS,
  TCM_GUIDANCE,
  TCM_QUESTIONS,
  assessTcmConstitution,
  constitutionScores,
  constitutionsOfQuestion,
  judgeBalanced,
  judgeBiased,
  q9AnswerFromBmi,
  tcmAnswersSchema,
  tcmGuidanceSchema,
  tcmResultMismatches,
  type Constitution,
  type TcmJudgement,
} from './tcm-constitution.rules.ts';

/** 33 answers, all `base` except the given question numbers. */
const answers = (set: Record<number, number> = {}, base = 1): number[] =>
  Array.from({ length: 33 }, (_, i) => set[i + 1] ?? base);

const judgements = (a: number[]) =>
  Object.fromEntries(assessTcmConstitution(a).results.map((r) => [r.constitution, r.judgement])) as Record<
    Constitution,
    TcmJudgement
  >;

describe('question bank (FACTS §3.11)', () => {
  it('has 33 questions numbered 1–33, each with Chinese and English text', () => {
    expect(TCM_QUESTIONS.map((q) => q.no)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    for (const q of TCM_QUESTIONS) {
      expect(q.zh).toMatch(/[吗？]$/);
      expect(q.en.length).toBeGreaterThan(5);
    }
  });

  it.each([
    ['qi_deficiency', [2, 3, 4, 14], []],
    ['yang_deficiency', [11, 12, 13, 29], []],
    ['yin_deficiency', [10, 21, 26, 31], []],
    ['phlegm_dampness', [9, 16, 28, 32], []],
    ['damp_heat', [23, 25, 27, 30], []],
    ['blood_stasis', [19, 22, 24, 33], []],
    ['qi_stagnation', [5, 6, 7, 8], []],
    ['inherited_special', [15, 17, 18, 20], []],
    ['balanced', [1, 2, 4, 5, 13], [2, 4, 5, 13]],
  ] as [Constitution, number[], number[]][])('%s items %j, reversed %j', (key, items, reversed) => {
    const c = CONSTITUTIONS.find((x) => x.key === key)!;
    expect(c.items).toEqual(items);
    expect(c.reversed).toEqual(reversed);
  });

  it('every question counts for a constitution; only 2, 4, 5, 13 count for two', () => {
    for (let no = 1; no <= 33; no++) {
      const n = constitutionsOfQuestion(no).length;
      expect(n, `Q${no}`).toBe([2, 4, 5, 13].includes(no) ? 2 : 1);
    }
    expect(constitutionsOfQuestion(13)).toEqual(['yang_deficiency', 'balanced']);
  });

  it('has the special answer bands for Q9, Q14, Q17 and Q28', () => {
    expect(TCM_QUESTIONS.filter((q) => q.options).map((q) => q.no)).toEqual([9, 14, 17, 28]);
    expect(TCM_QUESTIONS[13]!.options!.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lists 8 biased types', () => expect(BIASED_CONSTITUTIONS).toHaveLength(8));
});

describe('q9AnswerFromBmi: 1 < 24, 2 24–<25, 3 25–<26, 4 26–<28, 5 ≥ 28', () => {
  it.each([
    [18, 1],
    [23.9, 1],
    [24, 2],
    [24.9, 2],
    [25, 3],
    [25.9, 3],
    [26, 4],
    [27.9, 4],
    [28, 5],
    [35, 5],
  ])('BMI %d → %i', (b, want) => expect(q9AnswerFromBmi(b)).toBe(want));
  it('rejects a non-positive BMI', () => expect(() => q9AnswerFromBmi(0)).toThrow(RangeError));
});

describe('constitutionScores', () => {
  it('all 1: biased 4 each, 平和质 1 + 4×5 = 21', () => {
    const s = constitutionScores(answers());
    for (const k of BIASED_CONSTITUTIONS) expect(s[k]).toBe(4);
    expect(s.balanced).toBe(21);
  });

  it('all 5: biased 20 each, 平和质 5 + 4×1 = 9', () => {
    const s = constitutionScores(answers({}, 5));
    for (const k of BIASED_CONSTITUTIONS) expect(s[k]).toBe(20);
    expect(s.balanced).toBe(9);
  });

  it.each([
    [1, 5],
    [2, 4],
    [3, 3],
    [4, 2],
    [5, 1],
  ])('Q2 = %i counts %i for 平和质 (reversed) and as-is for 气虚质', (a, rev) => {
    const s = constitutionScores(answers({ 2: a }));
    expect(s.balanced).toBe(1 + rev + 5 + 5 + 5);
    expect(s.qi_deficiency).toBe(a + 3);
  });

  it.each([[32], [34], [0]])('rejects %i answers (no skipping)', (n) =>
    expect(() => constitutionScores(Array.from({ length: n }, () => 1))).toThrow(RangeError),
  );
  it.each([0, 6, 2.5, Number.NaN])('rejects the answer %d', (a) =>
    expect(() => constitutionScores(answers({ 7: a }))).toThrow(RangeError),
  );
});

describe('judgeBiased: ≥ 11 是, 9–10 倾向是, ≤ 8 否', () => {
  it.each([
    [4, 'no'],
    [8, 'no'],
    [9, 'tendency'],
    [10, 'tendency'],
    [11, 'yes'],
    [20, 'yes'],
  ] as [number, TcmJudgement][])('%i → %s', (s, want) => expect(judgeBiased(s)).toBe(want));

  it.each([
    [{ 10: 2, 21: 2, 26: 2, 31: 2 }, 8, 'no'],
    [{ 10: 3, 21: 2, 26: 2, 31: 2 }, 9, 'tendency'],
    [{ 10: 3, 21: 3, 26: 2, 31: 2 }, 10, 'tendency'],
    [{ 10: 3, 21: 3, 26: 3, 31: 2 }, 11, 'yes'],
  ] as [Record<number, number>, number, TcmJudgement][])(
    '阴虚质 from answers %j: %i → %s',
    (set, score, want) => {
      const r = assessTcmConstitution(answers(set)).results.find((x) => x.constitution === 'yin_deficiency')!;
      expect(r.score).toBe(score);
      expect(r.judgement).toBe(want);
    },
  );
});

describe('平和质: ≥ 17 and all others ≤ 8 → 是; ≥ 17 and all others ≤ 10 → 基本是; else 否', () => {
  it.each([
    [21, [4, 4], 'yes'],
    [17, [8, 8], 'yes'],
    [16, [4, 4], 'no'],
    [17, [8, 9], 'basically_yes'],
    [17, [10, 10], 'basically_yes'],
    [17, [10, 11], 'no'],
    [25, [11], 'no'],
    [9, [20], 'no'],
  ] as [number, number[], TcmJudgement][])('score %i, others %j → %s', (s, others, want) =>
    expect(judgeBalanced(s, others)).toBe(want),
  );

  // Q13 = 5 brings 平和质 from 21 to 17 and 阳虚质 from 4 to 8; Q11 then moves 阳虚质 alone.
  it.each([
    ['平和 21, others ≤ 8', {}, 21, 4, 'yes', 'no'],
    ['平和 17, 阳虚 8', { 13: 5 }, 17, 8, 'yes', 'no'],
    ['平和 16 (Q2 = 2), others ≤ 8', { 13: 5, 2: 2 }, 16, 8, 'no', 'no'],
    ['平和 17, 阳虚 9', { 13: 5, 11: 2 }, 17, 9, 'basically_yes', 'tendency'],
    ['平和 17, 阳虚 10', { 13: 5, 11: 3 }, 17, 10, 'basically_yes', 'tendency'],
    ['平和 17, 阳虚 11', { 13: 5, 11: 4 }, 17, 11, 'no', 'yes'],
  ] as [string, Record<number, number>, number, number, TcmJudgement, TcmJudgement][])(
    '%s',
    (_n, set, balanced, yang, jb, jy) => {
      const s = constitutionScores(answers(set));
      expect(s.balanced).toBe(balanced);
      expect(s.yang_deficiency).toBe(yang);
      const j = judgements(answers(set));
      expect(j.balanced).toBe(jb);
      expect(j.yang_deficiency).toBe(jy);
    },
  );
});

describe('assessTcmConstitution: guidance list and re-check', () => {
  it('平和质 only', () => {
    const r = assessTcmConstitution(answers());
    expect(r.guidanceFor).toEqual(['balanced']);
    expect(r.primary).toBe('balanced');
    expect(r.recheck).toEqual([]);
    expect(r.results.map((x) => x.constitution)).toEqual(CONSTITUTIONS.map((c) => c.key));
  });

  it('mixed types: highest score first, ties in form order', () => {
    const yin11 = { 10: 3, 21: 3, 26: 3, 31: 2 };
    const dampHeat12 = { 23: 3, 25: 3, 27: 3, 30: 3 };
    const phlegm11 = { 9: 3, 16: 3, 28: 3, 32: 2 };
    const stasis9 = { 19: 3, 22: 2, 24: 2, 33: 2 };
    const r = assessTcmConstitution(answers({ ...yin11, ...dampHeat12, ...phlegm11, ...stasis9 }));
    expect(r.guidanceFor).toEqual(['damp_heat', 'yin_deficiency', 'phlegm_dampness', 'blood_stasis']);
    expect(r.primary).toBe('damp_heat');
    expect(r.recheck).toEqual([]);
  });

  it('平和质 基本是 with a tendency', () =>
    expect(assessTcmConstitution(answers({ 13: 5, 11: 2 })).guidanceFor).toEqual([
      'yang_deficiency',
      'balanced',
    ]));

  it('no type at all → re-check', () => {
    // 平和 = 1 + 3 + 3 + 3 + 3 = 13; 气虚 = 3 + 1 + 3 + 1 = 8; 阳虚 6; 气郁 6.
    const r = assessTcmConstitution(answers({ 2: 3, 4: 3, 5: 3, 13: 3 }));
    expect(r.results.every((x) => x.judgement === 'no')).toBe(true);
    expect(r.guidanceFor).toEqual([]);
    expect(r.primary).toBeNull();
    expect(r.recheck).toEqual(['no_type']);
  });

  it.each([
    [
      '阴虚 是 + 阳虚 倾向是',
      { 10: 3, 21: 3, 26: 3, 31: 2, 11: 3, 12: 3, 29: 2 },
      ['yin_yang_contradiction'],
    ],
    ['阴虚 倾向是 + 阳虚 8', { 10: 3, 21: 2, 26: 2, 31: 2, 11: 2, 12: 2, 29: 3 }, []],
    ['all 5', {}, ['yin_yang_contradiction']],
  ] as [string, Record<number, number>, string[]][])('%s → recheck %j', (name, set, want) => {
    const a = name === 'all 5' ? answers({}, 5) : answers(set);
    expect(assessTcmConstitution(a).recheck).toEqual(want);
  });
});

describe('tcmResultMismatches', () => {
  const a = answers({ 13: 5, 11: 2 }); // 平和 17 基本是, 阳虚 9 倾向是
  it('no mismatch when the record agrees', () =>
    expect(
      tcmResultMismatches(a, {
        balanced: { score: 17, judgement: 'basically_yes' },
        yang_deficiency: { score: 9, judgement: 'tendency' },
        qi_deficiency: { score: 4 },
      }),
    ).toEqual([]));
  it('lists constitutions whose recorded score or judgement differs', () =>
    expect(
      tcmResultMismatches(a, {
        balanced: { score: 17, judgement: 'yes' },
        yang_deficiency: { score: 10 },
        yin_deficiency: { score: null, judgement: null },
      }),
    ).toEqual(['yang_deficiency', 'balanced']));
});

describe('schemas', () => {
  it('tcmAnswersSchema wants 33 answers 1–5', () => {
    expect(tcmAnswersSchema.safeParse(answers()).success).toBe(true);
    expect(tcmAnswersSchema.safeParse(answers().slice(1)).success).toBe(false);
    expect(tcmAnswersSchema.safeParse(answers({ 3: 6 })).success).toBe(false);
    expect(tcmAnswersSchema.safeParse(answers({ 3: 1.5 })).success).toBe(false);
  });

  it('guidance codes 1–6', () =>
    expect(TCM_GUIDANCE.map((g) => `${g.code} ${g.zh}`)).toEqual([
      '1 情志调摄',
      '2 饮食调养',
      '3 起居调摄',
      '4 运动保健',
      '5 穴位保健',
      '6 其他',
    ]));

  it.each([
    [{ constitution: 'qi_deficiency', codes: ['1', '2'] }, true],
    [{ constitution: 'balanced', codes: [] }, false],
    [{ constitution: 'balanced', codes: ['1', '1'] }, false],
    [{ constitution: 'balanced', codes: ['7'] }, false],
    [{ constitution: 'balanced', codes: ['6'] }, false],
    [{ constitution: 'balanced', codes: ['6'], otherText: '药膳' }, true],
    [{ constitution: 'normal', codes: ['1'] }, false],
  ])('guidance %j valid = %s', (v, ok) => expect(tcmGuidanceSchema.safeParse(v).success).toBe(ok));
});
