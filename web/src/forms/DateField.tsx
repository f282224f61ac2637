/**
 * A date in a form, shown and typed as YYYY-MM-DD on every device (a browser's own date box shows the
 * device's format, 12/04/2026 or 2026/12/4): Ant Design's date picker on a YYYY-MM-DD string value, with the
 * days outside min…max (also YYYY-MM-DD) not offered.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

export interface DateFieldProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  min?: string | undefined;
  max?: string | undefined;
  disabled?: boolean;
}

export function DateField({ id, value, onChange, min, max, disabled }: DateFieldProps) {
  const outside = (d: Dayjs) => {
    const day = d.format(DATE_FORMAT);
    return (min !== undefined && min !== '' && day < min) || (max !== undefined && max !== '' && day > max);
  };
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      format={DATE_FORMAT}
      placeholder={DATE_FORMAT}
      value={value ? dayjs(value, DATE_FORMAT) : null}
      onChange={(d) => onChange?.(d ? d.format(DATE_FORMAT) : undefined)}
      disabledDate={outside}
      disabled={disabled}
    />
  );
}
