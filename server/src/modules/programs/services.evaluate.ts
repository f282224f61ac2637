/**
 * One entry point from a service form to the rules of its type: what is wrong (errors refuse the save), what
 * is unusual (warnings are kept with the record), and the values stored in the queryable columns. Pure.
 */
import {
  evaluateHealthCheck,
  evaluateSelfCareForm,
  evaluateTcmForm,
  type DiabetesFollowUp,
  type HealthCheck,
  type HypertensionFollowUp,
  type SelfCareForm,
  type ServiceType,
  type TcmForm,
  type VisitClassification,
} from '@jkda/domain';
import type { FieldError } from '../../platform/errors.ts';
import { evaluateFollowUp } from './programs.rules-adapter.ts';

export interface ServiceColumns {
  sbp: number | null;
  dbp: number | null;
  fasting_glucose: number | null;
  weight_kg: number | null;
  classification: string | null;
  next_visit_date: string | null;
  next_action: string | null;
}

export interface ServiceEvaluation {
  errors: FieldError[];
  warnings: FieldError[];
  columns: ServiceColumns;
}

export interface EvaluationContext {
  birthDate: string;
  sex: string;
  serviceDate: string;
  /** The classification of the previous follow-up of the same program (follow-ups only). */
  previousClassification: VisitClassification | null;
}

/** The program a service type needs the resident to be enrolled in, if any. */
export function programOfType(type: ServiceType): 'hypertension' | 'diabetes' | null {
  if (type === 'hypertension_followup') return 'hypertension';
  if (type === 'diabetes_followup') return 'diabetes';
  return null;
}

const noColumns: ServiceColumns = {
  sbp: null,
  dbp: null,
  fasting_glucose: null,
  weight_kg: null,
  classification: null,
  next_visit_date: null,
  next_action: null,
};
const prefixed = (list: readonly { field: string; code: string }[]): FieldError[] =>
  list.map((e) => ({ field: e.field ? `form.${e.field}` : 'form', code: e.code }));

/** Evaluates a parsed form (already valid by its schema) of the given type. */
export function evaluateService(type: ServiceType, form: unknown, ctx: EvaluationContext): ServiceEvaluation {
  switch (type) {
    case 'hypertension_followup':
    case 'diabetes_followup': {
      const f = form as HypertensionFollowUp | DiabetesFollowUp;
      const outcome = evaluateFollowUp(programOfType(type)!, f, ctx);
      return {
        errors: outcome.errors,
        warnings: outcome.warnings,
        columns: {
          sbp: f.sbp,
          dbp: f.dbp,
          fasting_glucose: 'fastingGlucose' in f ? f.fastingGlucose : null,
          weight_kg: f.weightKg ?? null,
          classification: outcome.classification,
          next_visit_date: f.nextVisitDate ?? outcome.plan.dueDate,
          next_action: outcome.plan.action,
        },
      };
    }
    case 'health_check': {
      const r = evaluateHealthCheck(form as HealthCheck, ctx);
      return {
        errors: prefixed(r.errors),
        warnings: prefixed(r.warnings),
        columns: {
          ...noColumns,
          sbp: r.sbp,
          dbp: r.dbp,
          fasting_glucose: r.fastingGlucoseMmol,
          weight_kg: r.weightKg,
        },
      };
    }
    case 'elderly_self_care': {
      const r = evaluateSelfCareForm(form as SelfCareForm);
      // The category is the queryable result (可自理 … 不能自理) for the indicators.
      return {
        errors: prefixed(r.errors),
        warnings: [],
        columns: { ...noColumns, classification: r.category },
      };
    }
    case 'elderly_tcm': {
      const r = evaluateTcmForm(form as TcmForm);
      return {
        errors: prefixed(r.errors),
        warnings: prefixed(r.warnings),
        columns: { ...noColumns, classification: r.assessment.primary },
      };
    }
    case 'encounter':
    case 'consultation':
    case 'referral_out':
    case 'referral_back':
      return { errors: [], warnings: [], columns: noColumns };
  }
}
