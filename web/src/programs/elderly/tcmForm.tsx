/**
 * 老年人中医药健康管理服务记录表: 33 questions answered 1–5 in one compact table, the live score and judgement
 * of each constitution, guidance options for each constitution the answers identify, and re-check notices.
 */
import { useEffect } from 'react';
import { Alert, Card, Checkbox, Col, Form, Input, Radio, Row, Table, Tag, Typography } from 'antd';
import {
  assessTcmConstitution,
  CONSTITUTIONS,
  judgeBiased,
  programMessage,
  TCM_ANSWER_OPTIONS,
  TCM_GUIDANCE,
  TCM_JUDGEMENT,
  TCM_QUESTIONS,
  type Constitution,
  type TcmAssessment,
  type TcmJudgement,
} from '@jkda/domain';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ServiceFormDef } from '../program-ui.ts';

const COUNT = TCM_QUESTIONS.length;

type Guidance = { constitution: Constitution; codes?: string[]; otherText?: string };

const isAnswer = (v: unknown): v is number => typeof v === 'number' && v >= 1 && v <= 5;

/** Scores of the constitutions whose questions are all answered; the full assessment once all 33 are. */
export function tcmProgress(answers: unknown[] | undefined): {
  answered: number;
  scores: Partial<Record<Constitution, { score: number; judgement: TcmJudgement | null }>>;
  assessment: TcmAssessment | null;
} {
  const a = Array.from({ length: COUNT }, (_, i) => answers?.[i]);
  const answered = a.filter(isAnswer).length;
  if (answered === COUNT) {
    const assessment = assessTcmConstitution(a as number[]);
    const scores = Object.fromEntries(
      assessment.results.map((r) => [r.constitution, { score: r.score, judgement: r.judgement }]),
    );
    return { answered, scores, assessment };
  }
  const scores: Partial<Record<Constitution, { score: number; judgement: TcmJudgement | null }>> = {};
  for (const c of CONSTITUTIONS) {
    if (!c.items.every((no) => isAnswer(a[no - 1]))) continue;
    const score = c.items.reduce((s, no) => {
      const x = a[no - 1] as number;
      return s + (c.reversed.includes(no) ? 6 - x : x);
    }, 0);
    // 平和质 is judged against all the biased types, so only once everything is answered.
    scores[c.key] = { score, judgement: c.key === 'balanced' ? null : judgeBiased(score) };
  }
  return { answered, scores, assessment: null };
}

const JUDGEMENT_COLOR: Record<TcmJudgement, string> = {
  yes: 'error',
  basically_yes: 'success',
  tendency: 'warning',
  no: 'default',
};

function TcmFields({ readOnly }: { readOnly: boolean }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance();
  const answers = Form.useWatch(['form', 'answers'], { form, preserve: true }) as unknown[] | undefined;
  const guidance =
    (Form.useWatch(['form', 'guidance'], { form, preserve: true }) as Guidance[] | undefined) ?? [];
  const p = tcmProgress(answers);
  const guidanceFor = p.assessment?.guidanceFor ?? null;
  const guidanceKey = guidanceFor?.join(',') ?? '';

  // The guidance rows follow the constitutions identified, in their order; choices already made are kept.
  useEffect(() => {
    if (readOnly || guidanceFor === null) return;
    const now = (form.getFieldValue(['form', 'guidance']) as Guidance[] | undefined) ?? [];
    const next = guidanceFor.map(
      (c) => now.find((g) => g.constitution === c) ?? { constitution: c, codes: [] },
    );
    const same = next.length === now.length && next.every((g, i) => g.constitution === now[i]?.constitution);
    if (!same) form.setFieldValue(['form', 'guidance'], next);
  }, [guidanceKey, readOnly]);

  const name = (c: Constitution) => CONSTITUTIONS.find((x) => x.key === c)![lang];
  const judgementWords = (j: TcmJudgement) => TCM_JUDGEMENT.find((x) => x.key === j)![lang];
  const scale = TCM_ANSWER_OPTIONS.map((o) => `${o.value} ${o[lang]}`).join('　');

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {scale}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="no"
          pagination={false}
          data-testid="tcm-questions"
          dataSource={TCM_QUESTIONS}
          columns={[
            { title: '#', dataIndex: 'no', width: 36 },
            {
              title: `${t('svc.tcm.question')}（${t('svc.tcm.answered', { n: p.answered })}）`,
              key: 'q',
              render: (_, q) => (
                <div>
                  <span>{lang === 'zh' ? q.zh : q.en}</span>
                  {q.hint && lang === 'zh' && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      （{q.hint}）
                    </Typography.Text>
                  )}
                  {q.options && (
                    <div style={{ fontSize: 12 }}>
                      <Typography.Text type="secondary">
                        {q.options.map((o) => `${o.value} ${o[lang]}`).join('；')}
                      </Typography.Text>
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: '1 — 5',
              key: 'a',
              width: 190,
              render: (_, q) => (
                <SchemaItem name={['form', 'answers', q.no - 1]} style={{ margin: 0 }}>
                  <Radio.Group optionType="button" size="small" data-testid={`tcm-q${q.no}`}>
                    {(q.options ?? TCM_ANSWER_OPTIONS).map((o) => (
                      <Radio.Button key={o.value} value={o.value} title={o[lang]}>
                        {o.value}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </SchemaItem>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} xl={9}>
        <div style={{ position: 'sticky', top: 16 }}>
          <Card size="small" title={t('svc.tcm.constitution')} data-testid="tcm-results">
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={CONSTITUTIONS}
              columns={[
                { title: t('svc.tcm.constitution'), key: 'n', render: (_, c) => c[lang] },
                {
                  title: t('svc.tcm.score'),
                  key: 's',
                  render: (_, c) => (
                    <span data-testid={`tcm-score-${c.key}`}>{p.scores[c.key]?.score ?? '—'}</span>
                  ),
                },
                {
                  title: t('svc.tcm.judgement'),
                  key: 'j',
                  render: (_, c) => {
                    const j = p.scores[c.key]?.judgement;
                    return j ? (
                      <Tag color={JUDGEMENT_COLOR[j]} data-testid={`tcm-judgement-${c.key}`}>
                        {judgementWords(j)}
                      </Tag>
                    ) : (
                      '—'
                    );
                  },
                },
              ]}
            />
            {p.assessment?.recheck.map((r) => (
              <Alert
                key={r}
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                data-testid="tcm-recheck"
                title={programMessage(r, lang)}
              />
            ))}
          </Card>
          <Card
            size="small"
            title={t('svc.tcm.guidance')}
            style={{ marginTop: 12 }}
            data-testid="tcm-guidance"
          >
            {guidance.length === 0 && (
              <Typography.Text type="secondary">{t('svc.tcm.noGuidance')}</Typography.Text>
            )}
            {guidance.map((g, i) => (
              <div key={g.constitution} data-testid={`guidance-${g.constitution}`}>
                <Form.Item name={['form', 'guidance', i, 'constitution']} hidden>
                  <Input />
                </Form.Item>
                <SchemaItem
                  name={['form', 'guidance', i, 'codes']}
                  label={name(g.constitution)}
                  required
                  style={{ marginBottom: 8 }}
                >
                  <Checkbox.Group options={TCM_GUIDANCE.map((o) => ({ value: o.code, label: o[lang] }))} />
                </SchemaItem>
                {g.codes?.includes('6') && (
                  <SchemaItem name={['form', 'guidance', i, 'otherText']} label={t('svc.tcm.otherText')}>
                    <Input maxLength={200} />
                  </SchemaItem>
                )}
              </div>
            ))}
            <SchemaItem name={['form', 'otherGuidance']} label={t('svc.tcm.otherGuidance')}>
              <Input.TextArea rows={2} maxLength={500} />
            </SchemaItem>
          </Card>
        </div>
      </Col>
    </Row>
  );
}

export const tcmDef: ServiceFormDef = {
  type: 'elderly_tcm',
  title: { zh: '老年人中医药健康管理服务记录表', en: 'Elderly TCM health management record' },
  initialForm: () => ({ answers: [], guidance: [] }),
  toPayload: (v) => {
    const answers = Array.from({ length: COUNT }, (_, i) => (v.answers as unknown[] | undefined)?.[i]);
    const guidance = ((v.guidance as Guidance[] | undefined) ?? []).map((g) => {
      const codes = g.codes ?? [];
      const other = g.otherText?.trim();
      return {
        constitution: g.constitution,
        codes,
        ...(codes.includes('6') && other ? { otherText: other } : {}),
      };
    });
    const otherGuidance = typeof v.otherGuidance === 'string' ? v.otherGuidance.trim() : '';
    return { answers, guidance, ...(otherGuidance ? { otherGuidance } : {}) };
  },
  fromStored: (s) => ({
    answers: Array.isArray(s.answers) ? s.answers : [],
    guidance: Array.isArray(s.guidance) ? s.guidance : [],
    otherGuidance: s.otherGuidance,
  }),
  Fields: TcmFields,
};
