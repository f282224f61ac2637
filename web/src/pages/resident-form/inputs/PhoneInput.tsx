/** A phone number input that tidies the number (full-width digits, spaces, separators) when the user leaves it. */
import { Input } from 'antd';
import { normalizePhone } from '@jkda/domain/phone';

interface Props {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  placeholder?: string;
}

export function PhoneInput({ value, onChange, id, placeholder }: Props) {
  return (
    <Input
      id={id}
      inputMode="tel"
      maxLength={20}
      placeholder={placeholder}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={() => value && normalizePhone(value) !== value && onChange?.(normalizePhone(value))}
    />
  );
}
