/** The words for a register on the entries panel and its dialogs, from the program registry. */
import { programRegistry } from '@jkda/domain';
import type { I18n } from '../../i18n/i18n.tsx';

/** 高血压, 2型糖尿病 …; a register residents enter by age says so: 老年人（65岁及以上，按年龄自动纳入）. */
export function registerName(program: string, { t, lang }: Pick<I18n, 't' | 'lang'>): string {
  const r = programRegistry.register(program);
  if (!r) return program;
  return r.entry.by === 'age' ? t('enr.byAge', { label: r.label[lang], age: r.entry.minAge }) : r.label[lang];
}

/** Registers a doctor enrols patients in (and corrects their entries); the others go by age. */
export const enrolledByDoctor = (program: string): boolean =>
  programRegistry.register(program)?.entry.by === 'doctor';
