/** A form item validated by the shared schema (see useSchemaRules); the label comes from the field dictionary. */
import { createContext, useContext, type ReactNode } from 'react';
import { Form, type FormItemProps } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';
import { rangeRule, type NumberRange } from './numberRange.ts';
import type { Path } from './schemaIssues.ts';

/** The schema's rule of a path; without a provider, none (an empty rule object would fail any number). */
export const SchemaRuleContext = createContext<(path: Path) => Rule>(() => ({
  validator: () => Promise.resolve(),
}));

type Props = Omit<FormItemProps, 'name' | 'rules'> & {
  name: Path;
  /** The field's whole path when `name` is relative to an enclosing Form.List (its rule is found by it). */
  rulePath?: Path;
  /** A number's range: checked first, so a value outside it shows the range in words (never clamped). */
  range?: NumberRange;
  children: ReactNode;
};

export function SchemaItem({ name, rulePath, range, children, ...rest }: Props) {
  const rule = useContext(SchemaRuleContext);
  const { t } = useI18n();
  const rules = [rule(rulePath ?? name)];
  return (
    <Form.Item
      name={name}
      rules={range ? [rangeRule(range, t), ...rules] : rules}
      validateFirst={range ? true : undefined}
      validateDebounce={250}
      {...rest}
    >
      {children}
    </Form.Item>
  );
}

/** Props for a DatePicker item whose value is kept as a YYYY-MM-DD string, as the API has it. */
export const dateStringProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined),
} satisfies Partial<FormItemProps>;
