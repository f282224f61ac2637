/**
 * What the elderly register asks of the annual health check (3rd edition, 老年人健康管理): the four
 * self-assessments, blood and urine routine, liver and kidney function, fasting glucose, lipids, ECG and
 * abdominal B-ultrasound; without them the check does not count for the register.
 */
import type { FieldIssue } from '../program.ts';
import type { HealthCheck } from '../healthcheck/health-check.schema.ts';

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** The items of 老年人健康管理's annual check that the form lacks (envelope field names). */
export function elderlyCheckMissing(form: HealthCheck): FieldIssue[] {
  const g = form.general ?? {};
  const labs = form.labs ?? {};
  const required: [string, unknown][] = [
    ['general.healthSelfAssessment', g.healthSelfAssessment],
    ['general.selfCare', g.selfCare],
    ['general.cognition', g.cognition],
    ['general.emotion', g.emotion],
    ['labs.bloodRoutine.hemoglobin', labs.bloodRoutine?.hemoglobin],
    ['labs.bloodRoutine.wbc', labs.bloodRoutine?.wbc],
    ['labs.bloodRoutine.platelets', labs.bloodRoutine?.platelets],
    ['labs.urineRoutine.protein', labs.urineRoutine?.protein],
    ['labs.urineRoutine.glucose', labs.urineRoutine?.glucose],
    ['labs.urineRoutine.ketones', labs.urineRoutine?.ketones],
    ['labs.urineRoutine.occultBlood', labs.urineRoutine?.occultBlood],
    ['labs.liver.alt', labs.liver?.alt],
    ['labs.liver.ast', labs.liver?.ast],
    ['labs.liver.totalBilirubin', labs.liver?.totalBilirubin],
    ['labs.kidney.creatinine', labs.kidney?.creatinine],
    ['labs.kidney.urea', labs.kidney?.urea],
    ['labs.fastingGlucose', labs.fastingGlucose?.value],
    ['labs.lipids.totalCholesterol', labs.lipids?.totalCholesterol],
    ['labs.lipids.triglycerides', labs.lipids?.triglycerides],
    ['labs.lipids.ldl', labs.lipids?.ldl],
    ['labs.lipids.hdl', labs.lipids?.hdl],
    ['labs.ecg', labs.ecg?.code],
    ['labs.ultrasound.abdomen', labs.ultrasound?.abdomen?.code],
  ];
  return required
    .filter(([, v]) => !present(v))
    .map(([field]) => ({ field: `form.${field}`, code: 'annual_check_item_missing' }));
}
