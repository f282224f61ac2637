/** The health-check fields in a host <Form>, in a simulated browser; and the value ↔ payload model. */
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Form, type FormInstance } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { healthCheckSchema } from '@jkda/domain';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { healthCheckDef } from './healthCheckForm.tsx';
import { applyExclusive } from './healthCheckModel.ts';
import { Themed } from '../../app/theme.tsx';

const TODAY = '2025-06-01';

interface HostProps {
  birthDate?: string;
  sex?: string;
  serviceDate?: string;
  readOnly?: boolean;
  initial?: Record<string, unknown>;
}

function mount(p: HostProps = {}) {
  const birthDate = p.birthDate ?? '1970-03-01';
  const sex = p.sex ?? '2';
  const serviceDate = p.serviceDate ?? TODAY;
  const initial = p.initial ?? healthCheckDef.initialForm({ birthDate, sex, today: serviceDate, last: null });
  const ref: { form?: FormInstance } = {};
  function Host() {
    const [form] = Form.useForm();
    ref.form = form;
    const Fields = healthCheckDef.Fields;
    return (
      <Form form={form} layout="vertical" initialValues={{ form: initial }}>
        <Fields birthDate={birthDate} sex={sex} serviceDate={serviceDate} readOnly={p.readOnly ?? false} />
      </Form>
    );
  }
  render(
    <I18nProvider>
      <Themed locale={zhCN}>
        <Host />
      </Themed>
    </I18nProvider>,
  );
  const form = () => ref.form!;
  const value = (...path: (string | number)[]) => form().getFieldValue(['form', ...path]) as unknown;
  return { form, value };
}

const type = (id: string, v: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no input #${id}`);
  fireEvent.change(el, { target: { value: v } });
};
const section = (id: string) => within(screen.getByTestId(`hc-${id}`));

describe('health check fields', () => {
  it('shows the 65+ self-assessments only from the 65th birthday on the service date', () => {
    mount({ birthDate: '1960-06-02', serviceDate: TODAY });
    expect(screen.queryByTestId('hc-elderly')).toBeNull();
    expect(screen.queryByText('老年人认知功能')).toBeNull();
  });

  it('shows them at 65, and the MMSE score only for a positive cognition screen', async () => {
    const { value } = mount({ birthDate: '1960-06-01', serviceDate: TODAY });
    const elderly = within(screen.getByTestId('hc-elderly'));
    expect(elderly.getByText('老年人健康状态自我评估')).toBeTruthy();
    expect(elderly.getByText('老年人生活自理能力自我评估')).toBeTruthy();
    expect(document.getElementById('form_general_mmseScore')).toBeNull();
    fireEvent.click(elderly.getAllByLabelText('粗筛阳性')[0]!);
    await waitFor(() => expect(document.getElementById('form_general_mmseScore')).not.toBeNull());
    expect(value('general', 'cognition')).toBe('2');
    expect(document.getElementById('form_general_depressionScore')).toBeNull();
  });

  it('hides gynaecology and the cervical smear for men; digital rectal exam and breast for everyone', () => {
    mount({ sex: '1' });
    expect(screen.queryByTestId('hc-gynaecology')).toBeNull();
    expect(screen.queryByText('宫颈涂片')).toBeNull();
    expect(section('exam').getByText('肛门指诊')).toBeTruthy();
    expect(section('exam').getByText('乳腺')).toBeTruthy();
  });

  it('shows gynaecology for women', () => {
    mount({ sex: '2' });
    const gyn = within(screen.getByTestId('hc-gynaecology'));
    for (const part of ['外阴', '阴道', '宫颈', '宫体', '附件']) expect(gyn.getByText(part)).toBeTruthy();
    expect(screen.getByText('宫颈涂片')).toBeTruthy();
  });

  it('computes BMI from height and weight, stores it and shows it in the live check', async () => {
    const { value } = mount();
    type('form_general_heightCm', '170');
    type('form_general_weightKg', '65');
    await waitFor(() => expect(screen.getByTestId('hc-bmi').textContent).toBe('22.5'));
    await waitFor(() => expect(value('general', 'bmi')).toBe(22.5));
    expect(screen.getByTestId('hc-bmi').textContent).toBe('22.5');
    type('form_general_weightKg', '80');
    await waitFor(() => expect(value('general', 'bmi')).toBe(27.7));
  });

  it('makes 无症状 exclusive: it clears the other symptoms, and another symptom clears it', async () => {
    const { value } = mount();
    const s = section('symptoms');
    fireEvent.click(s.getByLabelText('头痛'));
    fireEvent.click(s.getByLabelText('头晕'));
    await waitFor(() => expect(value('symptoms', 'codes')).toEqual(['2', '3']));
    fireEvent.click(s.getByLabelText('无症状'));
    await waitFor(() => expect(value('symptoms', 'codes')).toEqual(['1']));
    fireEvent.click(s.getByLabelText('心悸'));
    await waitFor(() => expect(value('symptoms', 'codes')).toEqual(['4']));
    expect(document.getElementById('form_symptoms_other')).toBeNull();
    fireEvent.click(s.getByLabelText('其他'));
    await waitFor(() => expect(document.getElementById('form_symptoms_other')).not.toBeNull());
  });

  it('makes 未发现 exclusive in the health problems', () => {
    mount();
    const p = section('problems');
    const group = p.getByText('脑血管疾病').closest<HTMLElement>('.ant-form-item')!;
    fireEvent.click(within(group).getByLabelText('缺血性卒中'));
    fireEvent.click(within(group).getByLabelText('未发现'));
    const checked = [...group.querySelectorAll('.ant-checkbox-wrapper-checked')].map((e) => e.textContent);
    expect(checked).toEqual(['未发现']);
  });

  it('shows the details of smoking, drinking and occupational exposure only when they apply', async () => {
    mount();
    const l = section('lifestyle');
    expect(document.getElementById('form_lifestyle_smoking_cigarettesPerDay')).toBeNull();
    fireEvent.click(l.getByLabelText('吸烟'));
    await waitFor(() =>
      expect(document.getElementById('form_lifestyle_smoking_cigarettesPerDay')).not.toBeNull(),
    );
    expect(document.getElementById('form_lifestyle_smoking_quitAge')).toBeNull();
    fireEvent.click(l.getByLabelText('已戒烟'));
    await waitFor(() => expect(document.getElementById('form_lifestyle_smoking_quitAge')).not.toBeNull());
    expect(screen.queryByTestId('hc-drinking-details')).toBeNull();
    fireEvent.click(l.getByLabelText('经常'));
    await screen.findByTestId('hc-drinking-details');
    expect(screen.queryByTestId('hc-occupational')).toBeNull();
    fireEvent.click(
      within(l.getByText('职业病危害因素接触史').closest('.ant-form-item')!).getByLabelText('有'),
    );
    await screen.findByTestId('hc-occupational');
  });

  it('shows the higher arm, glucose in mmol/L and the rule errors in the live check', async () => {
    const { form } = mount({ birthDate: '1970-03-01' });
    type('form_general_bpLeft_sbp', '130');
    type('form_general_bpLeft_dbp', '80');
    type('form_general_bpRight_sbp', '150');
    type('form_general_bpRight_dbp', '95');
    type('form_labs_fastingGlucose_value', '126');
    await waitFor(() => expect(screen.getByTestId('hc-bp').textContent).toBe('150/95 mmHg'));
    // 126 mmol/L is beyond the possible range: an error under the glucose label.
    expect(screen.getByTestId('hc-glucose').textContent).toBe('126');
    const errors = screen.getByTestId('hc-errors');
    expect(errors.textContent).toContain('症状：必填');
    expect(errors.textContent).toMatch(/空腹血糖[^：]*：/);
    act(() => form().setFieldValue(['form', 'labs', 'fastingGlucose', 'unit'], 'mg/dL'));
    await waitFor(() => expect(screen.getByTestId('hc-glucose').textContent).toBe('7'));
    expect(screen.getByTestId('hc-errors').textContent).not.toMatch(/空腹血糖/);
  });

  it('fills the evaluation from the suggested abnormalities', async () => {
    const { value } = mount();
    const button = screen.getByTestId('hc-fill-suggested');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    type('form_general_bpLeft_sbp', '150');
    type('form_general_bpLeft_dbp', '95');
    type('form_general_heightCm', '160');
    type('form_general_weightKg', '80');
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(value('evaluation', 'result')).toBe('2'));
    expect(value('evaluation', 'abnormalities')).toEqual(['血压偏高', '肥胖']);
    const lines = await screen.findByTestId('hc-abnormalities');
    expect((within(lines).getAllByRole('textbox')[0] as HTMLInputElement).value).toBe('血压偏高');
  });

  it('renders disabled in read-only mode', () => {
    mount({ readOnly: true });
    expect((document.getElementById('form_general_heightCm') as HTMLInputElement).disabled).toBe(true);
    expect(section('symptoms').getByLabelText<HTMLInputElement>('头痛').disabled).toBe(true);
    expect(screen.queryByTestId('hc-fill-suggested')).toBeNull();
    expect(screen.queryByTestId('hc-add-medications')).toBeNull();
  });

  it('adds at most 6 medication rows', () => {
    mount();
    const add = screen.getByTestId<HTMLButtonElement>('hc-add-medications');
    for (let i = 0; i < 6; i++) fireEvent.click(add);
    expect(screen.getAllByTestId('hc-row-medications')).toHaveLength(6);
    expect(add.disabled).toBe(true);
  });
});

const CTX = { birthDate: '1950-01-01', sex: '1', today: TODAY };

describe('health check model', () => {
  it('a new form plus the required answers is a valid payload', () => {
    const values = healthCheckDef.initialForm({ ...CTX, last: null });
    const payload = healthCheckDef.toPayload({
      ...values,
      symptoms: { codes: ['1'] },
      evaluation: { ...(values.evaluation as object), result: '1' },
    });
    const parsed = healthCheckSchema.safeParse(payload);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(payload).not.toHaveProperty('labs');
    expect(payload).not.toHaveProperty('general');
    // Without the required answers the schema complains.
    expect(healthCheckSchema.safeParse(healthCheckDef.toPayload(values)).success).toBe(false);
  });

  const LAST = {
    symptoms: { codes: ['2'] },
    general: { heightCm: 168, weightKg: 70, bpLeft: { sbp: 150, dbp: 90 }, bmi: 24.8 },
    lifestyle: { smoking: { status: '3', cigarettesPerDay: 10, startAge: 20 }, exercise: { frequency: '4' } },
    labs: { fastingGlucose: { value: 7.2, unit: 'mmol/L' }, hba1c: 7 },
    problems: { heart: { codes: ['3'] } },
    medications: [{ name: '氨氯地平', dose: '5mg qd', adherence: '1' }],
    vaccinations: [{ name: '流感疫苗', date: '2024-10-01' }],
    evaluation: { result: '2', abnormalities: ['血压偏高'] },
    riskFactors: { codes: ['1'] },
  };

  it('carries height, lifestyle, problems and medications over, not measurements, labs or vaccinations', () => {
    const v = healthCheckDef.initialForm({ ...CTX, last: LAST });
    expect(v.general).toEqual({ heightCm: 168 });
    expect(v.lifestyle).toEqual(LAST.lifestyle);
    expect(v.problems).toEqual(LAST.problems);
    expect(v.medications).toEqual(LAST.medications);
    expect(v.vaccinations).toEqual([]);
    expect((v.labs as { fastingGlucose: unknown }).fastingGlucose).toEqual({ unit: 'mmol/L' });
    expect(v.evaluation).toEqual({ abnormalities: [] });
    expect(v.symptoms).toEqual({ codes: [] });
  });

  it('round-trips values through the payload', () => {
    const values = healthCheckDef.fromStored(LAST);
    const payload = healthCheckDef.toPayload(values);
    expect(healthCheckSchema.safeParse(payload).success).toBe(true);
    expect(payload).toEqual(LAST);
    expect(healthCheckDef.fromStored(payload)).toEqual(values);
  });

  it('drops blanks, empty sections and details that no longer apply', () => {
    const payload = healthCheckDef.toPayload({
      symptoms: { codes: ['1'], other: 'left over' },
      general: { temperature: null, bpLeft: { sbp: null, dbp: null }, cognition: '1', mmseScore: 20 },
      lifestyle: {
        smoking: { status: '1', cigarettesPerDay: 10 },
        drinking: { frequency: '1', liangPerDay: 2, kinds: { codes: [] } },
        occupational: { exposure: '1', job: '矿工' },
        diet: { codes: [] },
      },
      labs: { fastingGlucose: { value: null, unit: 'mmol/L' }, liver: { alt: '' } },
      evaluation: { result: '1', abnormalities: ['x', ''] },
      riskFactors: { codes: ['1'], targetWeightKg: 60 },
      medications: [],
    });
    expect(payload).toEqual({
      symptoms: { codes: ['1'] },
      general: { cognition: '1' },
      lifestyle: {
        smoking: { status: '1' },
        drinking: { frequency: '1' },
        occupational: { exposure: '1' },
      },
      evaluation: { result: '1', abnormalities: [] },
      riskFactors: { codes: ['1'] },
    });
    expect(healthCheckSchema.safeParse(payload).success).toBe(true);
  });

  it('applyExclusive: the last exclusive choice wins, another choice clears it', () => {
    const t = [
      { code: '1', zh: '无', en: 'None', exclusive: true },
      { code: '2', zh: 'a', en: 'a' },
      { code: '3', zh: 'b', en: 'b' },
    ];
    expect(applyExclusive(t, ['2', '3'], ['2', '3', '1'])).toEqual(['1']);
    expect(applyExclusive(t, ['1'], ['1', '2'])).toEqual(['2']);
    expect(applyExclusive(t, ['2'], ['2', '3'])).toEqual(['2', '3']);
    expect(applyExclusive(t, ['2', '3'], ['3'])).toEqual(['3']);
  });
});
