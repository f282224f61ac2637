/**
 * 老年人生活自理能力评估表 (self-care assessment, self-scored) — FACTS §3.10. Five items, each answered with one of
 * four levels; the item scores add up to a total (max 37) that gives the category, which feeds the
 * 生活自理能力自我评估 item of the health check form (FACTS §3.5, codes 1–4).
 */
import { z } from 'zod';
import type { CodeEntry } from '../../code-tables.ts';

export type SelfCareLevel = 'independent' | 'mild' | 'moderate' | 'dependent';

/** The four levels (columns of the form) and the categories of the total; codes as on the health check form. */
export const SELF_CARE_LEVELS = [
  { code: '1', key: 'independent', zh: '可自理', en: 'Independent' },
  { code: '2', key: 'mild', zh: '轻度依赖', en: 'Mildly dependent' },
  { code: '3', key: 'moderate', zh: '中度依赖', en: 'Moderately dependent' },
  { code: '4', key: 'dependent', zh: '不能自理', en: 'Unable to care for self' },
] as const satisfies readonly (CodeEntry & { key: SelfCareLevel })[];
export type SelfCareCode = (typeof SELF_CARE_LEVELS)[number]['code'];

const LEVEL_KEYS = [
  'independent',
  'mild',
  'moderate',
  'dependent',
] as const satisfies readonly SelfCareLevel[];

export type SelfCareItemKey = 'eating' | 'grooming' | 'dressing' | 'toileting' | 'activity';

export interface SelfCareOption {
  readonly level: SelfCareLevel;
  readonly score: number;
  /** The form's wording for this level; null where the form has a dash (no description). */
  readonly zh: string | null;
}

export interface SelfCareItem {
  readonly key: SelfCareItemKey;
  readonly zh: string;
  readonly en: string;
  /** What the item covers, as printed on the form. */
  readonly content: string;
  /** One option per level, in level order. */
  readonly options: readonly [SelfCareOption, SelfCareOption, SelfCareOption, SelfCareOption];
}

const opts = (
  scores: readonly [number, number, number, number],
  texts: readonly [string | null, string | null, string | null, string | null],
): SelfCareItem['options'] => {
  const o = (i: 0 | 1 | 2 | 3): SelfCareOption => ({ level: LEVEL_KEYS[i], score: scores[i], zh: texts[i] });
  return [o(0), o(1), o(2), o(3)];
};

/**
 * Scores per FACTS §3.10 (columns 可自理 / 轻度依赖 / 中度依赖 / 不能自理). For 进餐 and 穿衣 the printed form has a
 * dash in the 轻度依赖 column; FACTS gives it the score 0, so we keep it as a choice worth 0 with no wording.
 */
export const SELF_CARE_ITEMS: readonly SelfCareItem[] = [
  {
    key: 'eating',
    zh: '进餐',
    en: 'Eating',
    content: '使用餐具将饭菜送入口、咀嚼、吞咽等活动',
    options: opts([0, 0, 3, 5], ['独立完成', null, '需要协助，如切碎、搅拌食物等', '完全需要帮助']),
  },
  {
    key: 'grooming',
    zh: '梳洗',
    en: 'Grooming',
    content: '梳头、洗脸、刷牙、剃须、洗澡等活动',
    options: opts(
      [0, 1, 3, 7],
      [
        '独立完成',
        '能独立地洗头、梳头、洗脸、刷牙、剃须等；洗澡需要协助',
        '在协助下和适当的时间内，能完成部分梳洗活动',
        '完全需要帮助',
      ],
    ),
  },
  {
    key: 'dressing',
    zh: '穿衣',
    en: 'Dressing',
    content: '穿衣裤、袜子、鞋子等活动',
    options: opts([0, 0, 3, 5], ['独立完成', null, '需要协助，在适当的时间内完成部分穿衣', '完全需要帮助']),
  },
  {
    key: 'toileting',
    zh: '如厕',
    en: 'Toileting',
    content: '小便、大便等活动及自控',
    options: opts(
      [0, 1, 5, 10],
      [
        '不需协助，可自控',
        '偶尔失禁，但基本上能如厕或使用便具',
        '经常失禁，在很多提示和协助下尚能如厕或使用便具',
        '完全失禁，完全需要帮助',
      ],
    ),
  },
  {
    key: 'activity',
    zh: '活动',
    en: 'Mobility',
    content: '站立、室内行走、上下楼梯、户外活动',
    options: opts(
      [0, 1, 5, 10],
      [
        '独立完成所有活动',
        '借助较小的外力或辅助装置能完成站立、行走、上下楼梯等',
        '借助较大的外力才能完成站立、行走，不能上下楼梯',
        '卧床不起，活动完全需要帮助',
      ],
    ),
  },
];

/** Highest possible total (5 + 7 + 5 + 10 + 10). */
export const SELF_CARE_MAX_TOTAL = 37;

/** The answers of one assessment: the level chosen for each item. */
export type SelfCareAnswers = Readonly<Record<SelfCareItemKey, SelfCareLevel>>;

const level = z.enum(LEVEL_KEYS);
export const selfCareAnswersSchema = z
  .object({ eating: level, grooming: level, dressing: level, toileting: level, activity: level })
  .strict();

export function selfCareItemScore(item: SelfCareItemKey, chosen: SelfCareLevel): number {
  const def = SELF_CARE_ITEMS.find((i) => i.key === item);
  const option = def?.options.find((o) => o.level === chosen);
  if (!option) throw new RangeError(`unknown self-care answer ${item}=${chosen}`);
  return option.score;
}

export function selfCareTotal(answers: SelfCareAnswers): number {
  return SELF_CARE_ITEMS.reduce((sum, item) => sum + selfCareItemScore(item.key, answers[item.key]), 0);
}

/** Category of a total: 0–3 可自理, 4–8 轻度依赖, 9–18 中度依赖, ≥ 19 不能自理 (FACTS §3.10 and §3.5 agree). */
export function selfCareCategory(total: number): SelfCareLevel {
  if (!Number.isInteger(total) || total < 0 || total > SELF_CARE_MAX_TOTAL)
    throw new RangeError(`self-care total must be an integer 0–${SELF_CARE_MAX_TOTAL}: ${total}`);
  if (total <= 3) return 'independent';
  if (total <= 8) return 'mild';
  if (total <= 18) return 'moderate';
  return 'dependent';
}

export interface SelfCareResult {
  scores: Record<SelfCareItemKey, number>;
  total: number;
  category: SelfCareLevel;
  /** Code for 健康体检表 生活自理能力自我评估 (1 可自理 … 4 不能自理). */
  code: SelfCareCode;
}

export function assessSelfCare(answers: SelfCareAnswers): SelfCareResult {
  const scores = Object.fromEntries(
    SELF_CARE_ITEMS.map((i) => [i.key, selfCareItemScore(i.key, answers[i.key])]),
  ) as Record<SelfCareItemKey, number>;
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  const category = selfCareCategory(total);
  return { scores, total, category, code: SELF_CARE_LEVELS.find((l) => l.key === category)!.code };
}
