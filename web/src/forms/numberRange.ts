/**
 * Numbers are never changed silently: a number input takes what is typed (no clamping to min or max, no
 * rounding to whole numbers), and an Ant Design rule shows a value outside the allowed range as an error on
 * its own field, in words that give the range; the form does not submit while a rule fails. Number inputs
 * open the number pad on phones (inputMode).
 */
import type { Rule } from 'antd/es/form';
import type { MsgKey, Vars } from '../i18n/messages.ts';

export interface NumberRange {
  min?: number;
  max?: number;
  /** Whole numbers only (a count, mmHg, an age). */
  integer?: boolean;
}

type T = (key: MsgKey, vars?: Vars) => string;

/** The words of a range: "请填写 40 到 300 之间的整数" / "Enter a whole number from 40 to 300". */
export function rangeText({ min, max, integer }: NumberRange, t: T): string {
  const i = integer ? 'Int' : '';
  if (min !== undefined && max !== undefined) return t(`form.range${i}` as MsgKey, { min, max });
  if (min !== undefined) return t(`form.rangeMin${i}` as MsgKey, { min });
  if (max !== undefined) return t(`form.rangeMax${i}` as MsgKey, { max });
  return t(integer ? 'form.integer' : 'form.number');
}

/** The field's rule: a number (a whole one if asked) within the range; an empty field passes. */
export function rangeRule(range: NumberRange, t: T): Rule {
  const { min, max, integer } = range;
  return {
    type: integer ? 'integer' : 'number',
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    message: rangeText(range, t),
  };
}

/** Whether a value is a number the range does not take (a field's own status gives way to the rule's). */
export function outOfRange(value: unknown, { min, max, integer }: NumberRange): boolean {
  if (typeof value !== 'number') return false;
  return (
    (min !== undefined && value < min) ||
    (max !== undefined && value > max) ||
    (integer === true && !Number.isInteger(value))
  );
}

/** The number pad on phones: digits only for whole numbers, with the decimal point otherwise. */
export const numberPad = (integer?: boolean) => ({ inputMode: integer ? 'numeric' : 'decimal' }) as const;
