/**
 * The health check's numbers (in a simulated browser): a value outside the schema's range stays as typed,
 * shows the range in words on its own field (and only that), and keeps the form from validating.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { ConfigProvider, Form, type FormInstance } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { healthCheckDef } from './healthCheckForm.tsx';

const TODAY = '2025-06-01';

function mount() {
  const initial = healthCheckDef.initialForm({ birthDate: '1970-03-01', sex: '2', today: TODAY, last: null });
  const ref: { form?: FormInstance } = {};
  function Host() {
    const [form] = Form.useForm();
    ref.form = form;
    const Fields = healthCheckDef.Fields;
    return (
      <Form form={form} layout="vertical" initialValues={{ form: initial }}>
        <Fields birthDate="1970-03-01" sex="2" serviceDate={TODAY} readOnly={false} />
      </Form>
    );
  }
  render(
    <I18nProvider>
      <ConfigProvider locale={zhCN}>
        <Host />
      </ConfigProvider>
    </I18nProvider>,
  );
  return () => ref.form!;
}

const el = (id: string) => {
  const e = document.getElementById(id) as HTMLInputElement | null;
  if (!e) throw new Error(`no input #${id}`);
  return e;
};
const type = (id: string, v: string) => {
  fireEvent.focus(el(id));
  fireEvent.change(el(id), { target: { value: v } });
  fireEvent.blur(el(id));
};
/** The errors shown on the form item around an input (a BP pair shows its parts' errors on the row). */
const errorsOf = (id: string) =>
  [...el(id).closest('.ant-form-item')!.querySelectorAll('.ant-form-item-explain-error')].map(
    (e) => e.textContent,
  );
const fieldErrors = async (form: FormInstance, name: (string | number)[]) => {
  try {
    await form.validateFields([name]);
    return [];
  } catch (e) {
    return (e as { errorFields: { errors: string[] }[] }).errorFields.flatMap((f) => f.errors);
  }
};

describe('health check numbers', () => {
  it.each([
    {
      id: 'form_general_pulse',
      name: ['general', 'pulse'],
      typed: '1380',
      value: 1380,
      error: '请填写 0 到 400 之间的整数',
    },
    {
      id: 'form_general_bpLeft_sbp',
      name: ['general', 'bpLeft', 'sbp'],
      typed: '1380',
      value: 1380,
      error: '请填写 0 到 400 之间的整数',
    },
    {
      id: 'form_general_temperature',
      name: ['general', 'temperature'],
      typed: '370',
      value: 370,
      error: '请填写 0 到 50 之间的数',
    },
    {
      id: 'form_labs_fastingGlucose_value',
      name: ['labs', 'fastingGlucose', 'value'],
      typed: '2500',
      value: 2500,
      error: '请填写 0 到 2000 之间的数',
    },
  ])('$id: $typed stays as typed and shows "$error"', async (c) => {
    const form = mount();
    type(c.id, c.typed);
    await waitFor(() => expect(errorsOf(c.id)).toEqual([c.error]));
    expect(Number(el(c.id).value)).toBe(c.value); // shown with the step's decimals (370.0), not changed
    expect(form().getFieldValue(['form', ...c.name])).toBe(c.value);
    expect(await fieldErrors(form(), ['form', ...c.name])).toEqual([c.error]);
    expect(Number(el(c.id).value)).toBe(c.value); // shown with the step's decimals (370.0), not changed
  });

  it.each([
    { id: 'form_general_pulse', name: ['general', 'pulse'], typed: '72' },
    { id: 'form_general_temperature', name: ['general', 'temperature'], typed: '36.8' },
  ])('$id: $typed in range shows no error', async (c) => {
    const form = mount();
    type(c.id, c.typed);
    await waitFor(() => expect(form().getFieldValue(['form', ...c.name])).toBe(Number(c.typed)));
    expect(await fieldErrors(form(), ['form', ...c.name])).toEqual([]);
    expect(errorsOf(c.id)).toEqual([]);
  });

  it('opens the number pad', () => {
    mount();
    expect(el('form_general_pulse').getAttribute('inputmode')).toBe('numeric');
    expect(el('form_general_temperature').getAttribute('inputmode')).toBe('decimal');
  });
});
