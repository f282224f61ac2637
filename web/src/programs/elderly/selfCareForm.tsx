/** 老年人生活自理能力评估表: five items as radio groups with the form's wording and scores, live total and result. */
import { Card, Form, Radio, Space, Tag, Typography } from 'antd';
import {
  assessSelfCare,
  SELF_CARE_ITEMS,
  SELF_CARE_LEVELS,
  selfCareItemScore,
  type SelfCareAnswers,
  type SelfCareLevel,
} from '@jkda/domain';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ServiceFormDef } from '../program-ui.ts';

type Answers = Partial<Record<string, SelfCareLevel>>;

const isLevel = (v: unknown): v is SelfCareLevel => SELF_CARE_LEVELS.some((l) => l.key === v);

/** The answers as far as given: the running total, and the result once all five are answered. */
export function selfCareProgress(answers: Answers | undefined) {
  const a = answers ?? {};
  const given = SELF_CARE_ITEMS.filter((i) => isLevel(a[i.key]));
  const total = given.reduce((sum, i) => sum + selfCareItemScore(i.key, a[i.key]!), 0);
  const complete = given.length === SELF_CARE_ITEMS.length;
  return {
    total,
    missing: SELF_CARE_ITEMS.length - given.length,
    category: complete ? assessSelfCare(a as SelfCareAnswers).category : null,
  };
}

const CATEGORY_COLOR: Record<SelfCareLevel, string> = {
  independent: 'success',
  mild: 'warning',
  moderate: 'orange',
  dependent: 'error',
};

function SelfCareFields() {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();
  const answers = Form.useWatch(['form', 'answers'], form) as Answers | undefined;
  const p = selfCareProgress(answers);
  const levelWords = (l: SelfCareLevel) => SELF_CARE_LEVELS.find((x) => x.key === l)![lang];
  return (
    <>
      {SELF_CARE_ITEMS.map((item) => (
        <SchemaItem
          key={item.key}
          name={['form', 'answers', item.key]}
          required
          label={
            <span>
              {item[lang]}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {item.content}
              </Typography.Text>
            </span>
          }
        >
          <Radio.Group data-testid={`sc-${item.key}`}>
            <Space orientation="vertical" size={2}>
              {item.options.map((o) => (
                <Radio key={o.level} value={o.level}>
                  {levelWords(o.level)}：{o.zh ?? '—'}（{t('svc.sc.points', { n: o.score })}）
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </SchemaItem>
      ))}
      <Card size="small" data-testid="self-care-result">
        <Space wrap>
          <span>
            {t('svc.sc.total')}：<strong data-testid="self-care-total">{p.total}</strong> / 37
          </span>
          <span>
            {t('svc.sc.category')}：
            {p.category ? (
              <Tag color={CATEGORY_COLOR[p.category]} data-testid="self-care-category">
                {levelWords(p.category)}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{t('svc.sc.incomplete', { n: p.missing })}</Typography.Text>
            )}
          </span>
        </Space>
      </Card>
    </>
  );
}

export const selfCareDef: ServiceFormDef = {
  type: 'elderly_self_care',
  title: { zh: '老年人生活自理能力评估表', en: 'Elderly self-care ability assessment' },
  // Each assessment is made afresh: nothing is carried over.
  initialForm: () => ({ answers: {} }),
  toPayload: (v) => {
    const answers = (v.answers ?? {}) as Answers;
    const p = selfCareProgress(answers);
    // The computed total and result are sent with the answers (the server checks them).
    return p.category ? { answers, total: p.total, category: p.category } : { answers };
  },
  fromStored: (s) => ({ answers: s.answers ?? {} }),
  Fields: SelfCareFields,
};
