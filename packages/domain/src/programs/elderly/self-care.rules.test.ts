import { describe, it, expect } from 'vitest';
import {
  SELF_CARE_ITEMS,
  SELF_CARE_MAX_TOTAL,
  assessSelfCare,
  selfCareAnswersSchema,
  selfCareCategory,
  selfCareItemScore,
  selfCareTotal,
  type SelfCareAnswers,
  type SelfCareItemKey,
  type SelfCareLevel,
} from './self-care.rules.ts';

const all = (level: SelfCareLevel): SelfCareAnswers => ({
  eating: level,
  grooming: level,
  dressing: level,
  toileting: level,
  activity: level,
});

describe('item scores (FACTS §3.10)', () => {
  it.each([
    ['eating', [0, 0, 3, 5]],
    ['grooming', [0, 1, 3, 7]],
    ['dressing', [0, 0, 3, 5]],
    ['toileting', [0, 1, 5, 10]],
    ['activity', [0, 1, 5, 10]],
  ] as [SelfCareItemKey, number[]][])('%s scores %j', (key, scores) => {
    const levels: SelfCareLevel[] = ['independent', 'mild', 'moderate', 'dependent'];
    expect(levels.map((l) => selfCareItemScore(key, l))).toEqual(scores);
    expect(SELF_CARE_ITEMS.find((i) => i.key === key)!.options.map((o) => o.score)).toEqual(scores);
  });

  it('has the five items in the form order', () =>
    expect(SELF_CARE_ITEMS.map((i) => i.zh)).toEqual(['进餐', '梳洗', '穿衣', '如厕', '活动']));

  it('throws on an unknown answer', () =>
    expect(() => selfCareItemScore('eating', 'sometimes' as SelfCareLevel)).toThrow(RangeError));
});

describe('selfCareCategory: 0–3 可自理, 4–8 轻度依赖, 9–18 中度依赖, ≥ 19 不能自理', () => {
  it.each([
    [0, 'independent'],
    [3, 'independent'],
    [4, 'mild'],
    [8, 'mild'],
    [9, 'moderate'],
    [18, 'moderate'],
    [19, 'dependent'],
    [37, 'dependent'],
  ] as [number, SelfCareLevel][])('%i → %s', (total, want) => expect(selfCareCategory(total)).toBe(want));

  it.each([-1, 38, 3.5, Number.NaN])('rejects %d', (t) =>
    expect(() => selfCareCategory(t)).toThrow(RangeError),
  );
});

describe('assessSelfCare', () => {
  it.each([
    ['all independent', all('independent'), 0, 'independent', '1'],
    ['all mild = 0+1+0+1+1', all('mild'), 3, 'independent', '1'],
    ['mild + grooming moderate = 5', { ...all('mild'), grooming: 'moderate' }, 5, 'mild', '2'],
    ['eating moderate only = 3', { ...all('independent'), eating: 'moderate' }, 3, 'independent', '1'],
    [
      'eating + dressing moderate = 6',
      { ...all('independent'), eating: 'moderate', dressing: 'moderate' },
      6,
      'mild',
      '2',
    ],
    [
      'toileting moderate + grooming moderate = 8',
      { ...all('independent'), toileting: 'moderate', grooming: 'moderate' },
      8,
      'mild',
      '2',
    ],
    [
      'toileting moderate + grooming moderate + activity mild = 9',
      { ...all('independent'), toileting: 'moderate', grooming: 'moderate', activity: 'mild' },
      9,
      'moderate',
      '3',
    ],
    ['all moderate = 19', all('moderate'), 19, 'dependent', '4'],
    ['all moderate but activity mild = 15', { ...all('moderate'), activity: 'mild' }, 15, 'moderate', '3'],
    [
      'toileting + activity dependent = 20',
      { ...all('independent'), toileting: 'dependent', activity: 'dependent' },
      20,
      'dependent',
      '4',
    ],
    [
      'toileting dependent + activity moderate + grooming moderate = 18',
      { ...all('independent'), toileting: 'dependent', activity: 'moderate', grooming: 'moderate' },
      18,
      'moderate',
      '3',
    ],
    ['all dependent = 37', all('dependent'), SELF_CARE_MAX_TOTAL, 'dependent', '4'],
  ] as [string, SelfCareAnswers, number, SelfCareLevel, string][])(
    '%s',
    (_n, answers, total, category, code) => {
      const r = assessSelfCare(answers);
      expect(r.total).toBe(total);
      expect(selfCareTotal(answers)).toBe(total);
      expect(r.category).toBe(category);
      expect(r.code).toBe(code);
    },
  );

  it('returns the item scores', () =>
    expect(
      assessSelfCare({ ...all('independent'), grooming: 'dependent', toileting: 'mild' }).scores,
    ).toEqual({
      eating: 0,
      grooming: 7,
      dressing: 0,
      toileting: 1,
      activity: 0,
    }));
});

describe('selfCareAnswersSchema', () => {
  it('accepts a full answer set', () =>
    expect(selfCareAnswersSchema.safeParse(all('mild')).success).toBe(true));
  it('rejects a missing item', () => {
    const { activity: _a, ...rest } = all('mild');
    expect(selfCareAnswersSchema.safeParse(rest).success).toBe(false);
  });
  it('rejects unknown levels and keys', () => {
    expect(selfCareAnswersSchema.safeParse({ ...all('mild'), eating: 'x' }).success).toBe(false);
    expect(selfCareAnswersSchema.safeParse({ ...all('mild'), bathing: 'mild' }).success).toBe(false);
  });
});
