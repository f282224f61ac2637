/**
 * 2型糖尿病患者健康管理 on the web: the follow-up form's diabetes parts (symptoms, emergency flags, control by
 * fasting glucose, dorsalis pedis, staple food, glucose and HbA1c, hypoglycaemia, insulin) and the glucose
 * target line of the trend charts.
 */
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { DIABETES_EMERGENCY_FLAGS, FASTING_GLUCOSE_TARGET } from '@jkda/domain';
import { useI18n, type MsgKey } from '../../i18n/i18n.tsx';
import { chronicFollowUpDef } from '../chronic/chronicFollowUp.tsx';
import type { ChronicFollowUpHooks, SectionProps } from '../chronic/ChronicFollowUpForm.tsx';
import { possible } from '../chronic/followUpModel.ts';
import type { ProgramUi } from '../program-ui.ts';
import { DateField } from '../../forms/DateField.tsx';

const DORSALIS_PEDIS = [
  'normal',
  'weak_both',
  'weak_left',
  'weak_right',
  'absent_both',
  'absent_left',
  'absent_right',
] as const;

/** 体温 (above 39 °C is an emergency referral criterion) and 足背动脉搏动. */
function DiabetesSigns({ n }: SectionProps) {
  return (
    <>
      {n(['temperature'], 'fu.temperature', { min: 30, max: 45, step: 0.1 })}
      <DorsalisPedis />
    </>
  );
}

/** 足背动脉搏动. */
function DorsalisPedis() {
  const { t } = useI18n();
  return (
    <Col xs={12} md={6}>
      <Form.Item name={['form', 'dorsalisPedis']} label={t('fu.dorsalisPedis')}>
        <Select allowClear options={DORSALIS_PEDIS.map((v) => ({ value: v, label: t(`fu.dp.${v}`) }))} />
      </Form.Item>
    </Col>
  );
}

/** 主食 (g/day) now and the target. */
function Staple({ n }: SectionProps) {
  return (
    <>
      {n(['stapleGramsPerDay'], 'fu.staple', { min: 0, max: 2000 })}
      {n(['stapleTarget'], 'fu.stapleTarget', { min: 0, max: 2000 })}
    </>
  );
}

/** 空腹血糖, 糖化血红蛋白 and the date of that test. */
function GlucoseTests({ n, item, resident, today }: SectionProps) {
  const { t } = useI18n();
  return (
    <>
      {n(['fastingGlucose'], 'fu.fastingGlucose', { ...possible('glucose'), step: 0.1 })}
      {n(['hba1c'], 'fu.hba1c', { min: 0, max: 25, step: 0.1 })}
      <Col xs={12} md={6}>
        <Form.Item
          name={['form', 'hba1cDate']}
          label={t('fu.hba1cDate')}
          {...item(['form', 'hba1cDate'], ['form.hba1c'])}
        >
          <DateField min={resident.birthDate} max={today} />
        </Form.Item>
      </Col>
    </>
  );
}

/** 低血糖反应. */
function Hypoglycaemia({ level }: SectionProps) {
  const { t } = useI18n();
  return (
    <Col xs={12} md={6}>
      <Form.Item name={['form', 'hypoglycemia']} label={t('fu.hypoglycemia')}>
        <Radio.Group
          optionType="button"
          options={level(['fu.hypo.none', 'fu.hypo.occasional', 'fu.hypo.frequent'])}
        />
      </Form.Item>
    </Col>
  );
}

/** 胰岛素: kind and usage. */
function Insulin({ item }: SectionProps) {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={12} md={8}>
        <Form.Item
          name={['form', 'insulin', 'kind']}
          label={t('fu.insulinKind')}
          {...item(['form', 'insulin', 'kind'], ['form.insulin.usage'])}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item
          name={['form', 'insulin', 'usage']}
          label={t('fu.insulinUsage')}
          {...item(['form', 'insulin', 'usage'])}
        >
          <Input maxLength={50} placeholder={t('fu.insulinUsageHint')} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The diabetes parts of the shared follow-up form. */
export const diabetesFollowUp: ChronicFollowUpHooks = {
  symptoms: Array.from({ length: 10 }, (_, i) => `fu.sym.d${i + 1}` as MsgKey),
  emergencyFlags: DIABETES_EMERGENCY_FLAGS,
  control: { label: 'fu.glucose', target: () => `<${FASTING_GLUCOSE_TARGET.toFixed(1)}` },
  Signs: DiabetesSigns,
  Lifestyle: Staple,
  Tests: GlucoseTests,
  Adherence: Hypoglycaemia,
  AfterMedications: Insulin,
};

export const diabetesUi: ProgramUi = {
  program: 'diabetes',
  services: [
    chronicFollowUpDef({
      type: 'diabetes_followup',
      title: { zh: '2型糖尿病患者随访服务记录表', en: 'Type 2 diabetes follow-up' },
      measures: ['bp', 'glucose', 'weight'],
      hooks: diabetesFollowUp,
    }),
  ],
  trendTargets: { glucose: FASTING_GLUCOSE_TARGET },
};
