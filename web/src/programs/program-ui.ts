/**
 * What the web adds to a program's definition in @jkda/domain (programRegistry): the forms of its service
 * types and the few hooks the generic pages ask for. Each program folder exports one ProgramUi; index.ts
 * lists them. Labels, rules, applicability, registers and worklist categories stay in the domain registry.
 */
import type { ComponentType } from 'react';
import type { RegisterDef, Words } from '@jkda/domain';
import type { Lang } from '../i18n/lang.ts';
import type { residentApi } from '../pages/resident/resident.api.ts';
import type { Enrolment, FieldCode, ServiceItem, ServiceRecordFull } from '../pages/services/services.api.ts';

export type ResidentView = Awaited<ReturnType<typeof residentApi.get>>;

/** The props of a form's fields inside the generic service page's <Form>. */
export interface ServiceFieldsProps {
  birthDate: string;
  sex: string;
  serviceDate: string;
  readOnly: boolean;
}

/** The measurements a type's records carry in the list's value columns (sbp/dbp, fastingGlucose, weightKg). */
export type Measurement = 'bp' | 'glucose' | 'weight';

/** One register's follow-up on the follow-up page. */
export interface FollowUpPart {
  type: string;
  register: RegisterDef;
  title: Words;
  /** The resident's last signed record of the type, if any. */
  last: ServiceItem | undefined;
  lastRecord: ServiceRecordFull | undefined;
  /** The resident's unsigned record of the type being finished (the follow-up page's `?draft=`). */
  draft?: ServiceRecordFull;
}

/**
 * The props of a register's own follow-up form (the follow-up page hosts it): one part, or several for a
 * combined visit (types whose forms share a `visitKit`), the page's own register first.
 */
export interface FollowUpFormProps {
  resident: ResidentView;
  parts: readonly FollowUpPart[];
}

/** What a saved follow-up tells the page it returns to (the worklist shows it). */
export interface SavedNotice {
  type: string;
  residentId: number;
  name: string;
  nextVisitDate: string | null;
  nextAction: string | null;
  warnings: FieldCode[];
  /** A combined visit's other records (their type, next visit, step and warnings). */
  others?: { type: string; nextVisitDate: string | null; nextAction: string | null; warnings: FieldCode[] }[];
}

/**
 * The form of one service type: how a new record starts, how antd values become the API's `form` and back,
 * and the fields (rendered by the generic ServiceRecordPage), plus the type's display hooks.
 */
export interface ServiceFormDef {
  type: string;
  /** The title of the form (the paper form's name). */
  title: Words;
  /** antd values of the `form` part for a new record; `last` is the resident's last signed form of this type (carry-over) or null. */
  initialForm(ctx: {
    birthDate: string;
    sex: string;
    today: string;
    last: Record<string, unknown> | null;
  }): Record<string, unknown>;
  /** antd values of the `form` part → the API's `form`. */
  toPayload(values: Record<string, unknown>): Record<string, unknown>;
  /** stored API `form` → antd values. */
  fromStored(stored: Record<string, unknown>): Record<string, unknown>;
  /** Renders <Form.Item name={['form', …]}> items inside the page's <Form>; may use Form.useFormInstance()/Form.useWatch for live rules. */
  Fields: ComponentType<ServiceFieldsProps>;
  /** The label of a field path of its form (`labs.bloodRoutine.hemoglobin`), when its words are its own. */
  fieldLabel?(path: string, lang: Lang): string;
  /** Dictionary prefixes of the labels of its fields (`svc.enc.`), for summary and warning lines. */
  labelPrefixes?: readonly string[];
  /**
   * New records are made with this form on the register's follow-up page (the register whose follow-up
   * type this is); the generic service page only shows them.
   */
  FollowUpForm?: ComponentType<FollowUpFormProps>;
  /**
   * Types with the same kit can be recorded as one visit (a patient of both registers seen once): the
   * FollowUpForm of any of them takes the parts of all, the measurements entered once.
   */
  visitKit?: string;
  /** The measurements its records carry (worklist columns). */
  measures?: readonly Measurement[];
  /** Whether a stored result is a good or a bad one (coloured in lists and the timeline); null: neither. */
  resultTone?(classification: string): 'good' | 'bad' | null;
  /** Words for the next step its records store (`nextAction`). */
  actionWords?(action: string, lang: Lang): string;
}

/** Target lines the program draws on the resident's trend charts. */
export interface TrendTargets {
  bp?(age: number | null | undefined): { sbp: number; dbp: number };
  /** Fasting glucose, mmol/L. */
  glucose?: number;
}

/** What a program's panel on the record's services tab reads: the resident and their records. */
export interface RecordPanelProps {
  birthDate: string;
  sex: string;
  items: readonly ServiceItem[];
  enrolments: readonly Enrolment[];
}

export interface ProgramUi {
  /** The program's id in the domain registry. */
  program: string;
  services: readonly ServiceFormDef[];
  /** A panel on the record's services tab (a growth chart, the vaccination card); it decides when it shows. */
  RecordPanel?: ComponentType<RecordPanelProps>;
  trendTargets?: TrendTargets;
}
