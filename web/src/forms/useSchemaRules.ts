/**
 * Ant Design form rules backed by one validation of the whole form: each item's rule looks up the
 * issues at its path, so the form validates as the user types with exactly the server's rules.
 */
import { useCallback, useRef } from 'react';
import type { FormInstance, Rule } from 'antd/es/form';
import { useI18n } from '../i18n/i18n.tsx';
import { issueText, issuesUnder, type FieldIssue, type Path } from './schemaIssues.ts';

export function useSchemaRules(
  form: FormInstance,
  validate: (values: unknown) => FieldIssue[],
): { rule: (path: Path) => Rule; allIssues: () => FieldIssue[] } {
  const { lang } = useI18n();
  const cache = useRef<{ key: string; issues: FieldIssue[] } | null>(null);
  const validateRef = useRef(validate);
  validateRef.current = validate;

  const allIssues = useCallback((): FieldIssue[] => {
    const values: unknown = form.getFieldsValue(true);
    const key = JSON.stringify(values);
    if (cache.current?.key !== key) cache.current = { key, issues: validateRef.current(values) };
    return cache.current.issues;
  }, [form]);

  const rule = useCallback(
    (path: Path): Rule => ({
      validator: () => {
        const found = issuesUnder(allIssues(), path);
        return found.length ? Promise.reject(new Error(issueText(found[0]!, lang))) : Promise.resolve();
      },
    }),
    [allIssues, lang],
  );
  return { rule, allIssues };
}
