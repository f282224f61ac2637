/**
 * 高血压患者健康管理 on the web: the follow-up form's hypertension parts (symptoms, emergency flags, BP
 * control by age, salt intake) and the BP target lines of the trend charts.
 */
import { Col, Form, Radio } from 'antd';
import { bpTarget, HYPERTENSION_EMERGENCY_FLAGS } from '@jkda/domain';
import { useI18n, type MsgKey } from '../../i18n/i18n.tsx';
import { chronicFollowUpDef } from '../chronic/chronicFollowUp.tsx';
import type { ChronicFollowUpHooks, SectionProps } from '../chronic/ChronicFollowUpForm.tsx';
import type { ProgramUi } from '../program-ui.ts';

/** 摄盐情况 now and the target (轻/中/重). */
function Salt({ level }: SectionProps) {
  const { t } = useI18n();
  const salt = level(['fu.salt.light', 'fu.salt.medium', 'fu.salt.heavy']);
  return (
    <>
      <Col xs={12} md={6}>
        <Form.Item name={['form', 'saltIntake']} label={t('fu.salt')}>
          <Radio.Group optionType="button" options={salt} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={['form', 'saltTarget']} label={t('fu.saltTarget')}>
          <Radio.Group optionType="button" options={salt} />
        </Form.Item>
      </Col>
    </>
  );
}

const bpTargetWords = (age: number | null) => {
  const t = bpTarget(age ?? 0);
  return `<${t.sbp}/${t.dbp}`;
};

/** The hypertension parts of the shared follow-up form. */
export const hypertensionFollowUp: ChronicFollowUpHooks = {
  symptoms: Array.from({ length: 10 }, (_, i) => `fu.sym.h${i + 1}` as MsgKey),
  emergencyFlags: HYPERTENSION_EMERGENCY_FLAGS,
  control: { label: 'fu.bp', target: bpTargetWords },
  Lifestyle: Salt,
};

export const hypertensionUi: ProgramUi = {
  program: 'hypertension',
  services: [
    chronicFollowUpDef({
      type: 'hypertension_followup',
      title: { zh: '高血压患者随访服务记录表', en: 'Hypertension follow-up' },
      measures: ['bp', 'weight'],
      hooks: hypertensionFollowUp,
    }),
  ],
  trendTargets: { bp: (age) => bpTarget(age ?? 0) },
};
