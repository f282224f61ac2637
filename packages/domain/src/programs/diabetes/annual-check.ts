/** What the diabetes register asks of a diabetic's annual health check: the dorsalis pedis pulse. */
import type { FieldIssue } from '../program.ts';
import type { HealthCheck } from '../healthcheck/health-check.schema.ts';

/** The dorsalis pedis pulse of a diabetic's check. */
export function dorsalisPedisMissing(form: HealthCheck): FieldIssue[] {
  return form.exam?.dorsalisPedis !== undefined
    ? []
    : [{ field: 'form.exam.dorsalisPedis', code: 'required' }];
}
