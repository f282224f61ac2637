/**
 * Fields rendered from a schema inside the page's <Form>: a list's entries keep their values at the
 * schema's path (form.babies.0.sex), each field's rule is found by its whole path, and a field the program
 * renders itself gets both names.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Button, Form, type FormInstance } from 'antd';
import { z } from 'zod';
import type { Rule } from 'antd/es/form';
import { I18nProvider } from '../i18n/i18n.tsx';
import { setLang } from '../i18n/lang.ts';
import { SchemaFields, type CustomField } from './SchemaFields.tsx';
import { SchemaRuleContext } from './SchemaItem.tsx';
import type { Path } from './schemaIssues.ts';

const schema = z
  .object({
    babies: z
      .array(
        z.object({ sex: z.enum(['1', '2']), note: z.string().max(20).optional(), ref: z.int().optional() }),
      )
      .max(3)
      .default([]),
  })
  .strict();
const words = {
  babies: ['新生儿', 'Babies'],
  'babies.sex': ['性别', 'Sex'],
  'babies.sex=1': ['男', 'Male'],
  'babies.sex=2': ['女', 'Female'],
  'babies.note': ['备注', 'Note'],
  'babies.ref': ['档案', 'Record'],
} as const;

describe('SchemaFields', () => {
  it('keeps a list entry’s values at its path and finds each rule by the whole path', async () => {
    const rulesAskedFor: Path[] = [];
    const customGot: { name: Path; rulePath: Path }[] = [];
    const Ref: CustomField = ({ name, rulePath }) => {
      customGot.push({ name, rulePath });
      return null;
    };
    let form: FormInstance | undefined;
    function Host() {
      const [f] = Form.useForm();
      form = f;
      return (
        <SchemaRuleContext.Provider
          value={(p): Rule => {
            rulesAskedFor.push(p);
            return {};
          }}
        >
          <Form form={f} initialValues={{ form: { babies: [] } }}>
            <SchemaFields schema={schema} words={words} readOnly={false} custom={{ 'babies.ref': Ref }} />
          </Form>
        </SchemaRuleContext.Provider>
      );
    }
    render(
      <I18nProvider>
        <Host />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByTestId('f-babies-add'));
    fireEvent.click(await screen.findByText('女'));
    fireEvent.change(document.querySelector('#form_babies_0_note')!, { target: { value: '双胎之一' } });
    await waitFor(() =>
      expect(form!.getFieldsValue(true)).toEqual({ form: { babies: [{ sex: '2', note: '双胎之一' }] } }),
    );
    expect(rulesAskedFor).toContainEqual(['form', 'babies', 0, 'sex']);
    expect(customGot.at(-1)).toEqual({ name: [0, 'ref'], rulePath: ['form', 'babies', 0, 'ref'] });
  });

  describe('numbers are never changed silently', () => {
    const readings = z
      .object({ sbp: z.int().min(40).max(300).optional(), weightKg: z.number().min(0.5).max(200).optional() })
      .strict();
    const readingWords = { sbp: ['收缩压', 'Systolic'], weightKg: ['体重', 'Weight'] } as const;

    /** The fields in a form with a submit button; what the form submitted, if it did. */
    function mountReadings() {
      const submitted = vi.fn();
      let form: FormInstance | undefined;
      function Host() {
        const [f] = Form.useForm();
        form = f;
        return (
          <Form form={f} onFinish={submitted}>
            <SchemaFields schema={readings} words={readingWords} readOnly={false} />
            <Button htmlType="submit">save</Button>
          </Form>
        );
      }
      render(
        <I18nProvider>
          <Host />
        </I18nProvider>,
      );
      return { submitted, form: () => form! };
    }
    const input = (path: string) =>
      screen.getByTestId(`f-${path}`).querySelector('input') ?? screen.getByTestId(`f-${path}`);
    const errorOf = (path: string) =>
      screen.getByTestId(`f-${path}`).closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')
        ?.textContent ?? null;
    const type = (path: string, text: string) => {
      const el = input(path) as HTMLInputElement;
      fireEvent.focus(el);
      fireEvent.change(el, { target: { value: text } });
      fireEvent.blur(el);
    };

    it.each([
      { path: 'sbp', typed: '1380', value: 1380, error: '请填写 40 到 300 之间的整数' },
      { path: 'sbp', typed: '12', value: 12, error: '请填写 40 到 300 之间的整数' },
      { path: 'sbp', typed: '120.5', value: 120.5, error: '请填写 40 到 300 之间的整数' },
      { path: 'weightKg', typed: '650', value: 650, error: '请填写 0.5 到 200 之间的数' },
      { path: 'weightKg', typed: '0.2', value: 0.2, error: '请填写 0.5 到 200 之间的数' },
    ])('$path: $typed stays as typed, its field shows "$error", and the form does not submit', async (c) => {
      const { submitted, form } = mountReadings();
      type(c.path, c.typed);
      expect(await screen.findByText(c.error)).toBeTruthy();
      expect(errorOf(c.path)).toBe(c.error);
      expect((input(c.path) as HTMLInputElement).value).toBe(c.typed);
      expect(form().getFieldValue(['form', c.path])).toBe(c.value);
      fireEvent.click(screen.getByText('save'));
      await waitFor(() => expect(errorOf(c.path)).toBe(c.error));
      await new Promise((r) => setTimeout(r, 50));
      expect(submitted).not.toHaveBeenCalled();
      expect((input(c.path) as HTMLInputElement).value).toBe(c.typed);
    });

    it.each([
      { path: 'sbp', typed: '128', value: 128 },
      { path: 'sbp', typed: '40', value: 40 },
      { path: 'sbp', typed: '300', value: 300 },
      { path: 'weightKg', typed: '62.5', value: 62.5 },
    ])('$path: $typed is in range, shows no error and submits', async (c) => {
      const { submitted } = mountReadings();
      type(c.path, c.typed);
      fireEvent.click(screen.getByText('save'));
      await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
      expect(submitted.mock.calls[0]![0]).toEqual({ form: { [c.path]: c.value } });
      expect(errorOf(c.path)).toBeNull();
      expect((input(c.path) as HTMLInputElement).value).toBe(c.typed);
    });

    it('shows the range instead of the schema’s own words for the same value', async () => {
      function Host() {
        const [f] = Form.useForm();
        return (
          <SchemaRuleContext.Provider
            value={(): Rule => ({
              validator: (_r, v) =>
                typeof v === 'number' && v > 300
                  ? Promise.reject(new Error('太长或太大'))
                  : Promise.resolve(),
            })}
          >
            <Form form={f}>
              <SchemaFields schema={readings} words={readingWords} readOnly={false} />
            </Form>
          </SchemaRuleContext.Provider>
        );
      }
      render(
        <I18nProvider>
          <Host />
        </I18nProvider>,
      );
      type('sbp', '1380');
      await waitFor(() => expect(errorOf('sbp')).toBe('请填写 40 到 300 之间的整数'));
      expect(screen.queryByText('太长或太大')).toBeNull();
    });

    it('says the range in English too', async () => {
      setLang('en');
      mountReadings();
      type('sbp', '1380');
      expect(await screen.findByText('Enter a whole number from 40 to 300')).toBeTruthy();
    });

    it('opens the number pad: digits for a whole number, with the decimal point otherwise', () => {
      mountReadings();
      expect(input('sbp').getAttribute('inputmode')).toBe('numeric');
      expect(input('weightKg').getAttribute('inputmode')).toBe('decimal');
    });
  });
});
