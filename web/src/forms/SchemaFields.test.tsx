/**
 * Fields rendered from a schema inside the page's <Form>: a list's entries keep their values at the
 * schema's path (form.babies.0.sex), each field's rule is found by its whole path, and a field the program
 * renders itself gets both names.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, type FormInstance } from 'antd';
import { z } from 'zod';
import type { Rule } from 'antd/es/form';
import { I18nProvider } from '../i18n/i18n.tsx';
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
});
