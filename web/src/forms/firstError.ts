/**
 * After a refused save: the first field in error (in the order of the form) is scrolled to the middle of
 * the screen and focused, so a doctor on a phone sees what to fix without searching three screens for it.
 */
import type { FormInstance } from 'antd';

export function showFirstError(form: FormInstance): boolean {
  const first = form.getFieldsError().find((f) => f.errors.length > 0);
  if (!first) return false;
  form.scrollToField(first.name, { block: 'center', focus: true });
  return true;
}
