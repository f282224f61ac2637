/** The immunization domain (预防接种, FACTS §5): schedule data, its schema, the rules and the record schemas. */
export * from './schedule.schema.ts';
export * from './schedules.ts';
export {
  addDuration,
  spacedDate,
  type DoseCondition,
  type GivenDose,
  type NotApplicableReason,
  type PlanOptions,
} from './series-plan.ts';
export * from './immunization.rules.ts';
export * from './vaccination-record.schema.ts';
