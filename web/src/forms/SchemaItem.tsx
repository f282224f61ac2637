/** A form item validated by the shared schema (see useSchemaRules); the label comes from the field dictionary. */
import { createContext, useContext, type ReactNode } from 'react';
import { Form, type FormItemProps } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { Path } from './schemaIssues.ts';

export const SchemaRuleContext = createContext<(path: Path) => Rule>(() => ({}));

type Props = Omit<FormItemProps, 'name' | 'rules'> & {
  name: Path;
  /** The field's whole path when `name` is relative to an enclosing Form.List (its rule is found by it). */
  rulePath?: Path;
  children: ReactNode;
};

export function SchemaItem({ name, rulePath, children, ...rest }: Props) {
  const rule = useContext(SchemaRuleContext);
  return (
    <Form.Item name={name} rules={[rule(rulePath ?? name)]} validateDebounce={250} {...rest}>
      {children}
    </Form.Item>
  );
}

/** Props for a DatePicker item whose value is kept as a YYYY-MM-DD string, as the API has it. */
export const dateStringProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined),
} satisfies Partial<FormItemProps>;
