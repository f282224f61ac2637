/** Small pieces shared by the service form definitions. */
import { Input } from 'antd';
import { SchemaItem } from '../../forms/SchemaItem.tsx';
import { useI18n, type MsgKey } from '../../i18n/i18n.tsx';

/** The values without empty strings, null or undefined (optional text left blank is not sent); strings trimmed. */
export function dropEmpty(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const x = typeof v === 'string' ? v.trim() : v;
    if (x === '' || x === null || x === undefined) continue;
    out[k] = x;
  }
  return out;
}

/** A text (or multi-line) field of the form part: name is the key under `form`. */
export function TextItem({
  name,
  label,
  rows,
  max,
  required,
}: {
  name: string;
  label: MsgKey;
  rows?: number;
  max: number;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <SchemaItem name={['form', name]} label={t(label)} required={required}>
      {rows ? <Input.TextArea rows={rows} maxLength={max} /> : <Input maxLength={max} />}
    </SchemaItem>
  );
}
