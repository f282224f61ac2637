/** Request and response schemas of the service records (the envelope is @jkda/domain's, for every type). */
import { z } from 'zod';
import { named } from '../../platform/api-schema.ts';
import { DELIVERY } from '@jkda/domain';
import { enrolmentSchema } from '../enrolments/enrolments.schema.ts';

export { serviceRecordAmendSchema, serviceRecordCreateSchema, visitRecordCreateSchema } from '@jkda/domain';

const fieldCode = z.object({ field: z.string(), code: z.string() });

/** One service record, whole (audited read). */
export const serviceRecordSchema = named(
  'ServiceRecord',
  z.object({
    id: z.number().int(),
    residentId: z.number().int(),
    type: z.string(),
    serviceDate: z.string(),
    delivery: z.enum(DELIVERY),
    status: z.enum(['draft', 'signed']),
    version: z.number().int(),
    institutionId: z.number().int(),
    staffUserId: z.number().int(),
    form: z.record(z.string(), z.unknown()),
    classification: z.string().nullable(),
    nextVisitDate: z.string().nullable(),
    nextAction: z.string().nullable(),
    warnings: z.array(fieldCode),
    proof: z.unknown().nullable(),
    signedAt: z.string().nullable(),
  }),
);
export type ServiceRecordView = z.infer<typeof serviceRecordSchema>;

/** The records of one visit, in the order sent. */
export const visitRecordsSchema = named('VisitRecords', z.object({ items: z.array(serviceRecordSchema) }));

/** A line of the record's service list (the values the timeline and trends draw). */
export const serviceItemSchema = named(
  'ServiceItem',
  z.object({
    id: z.number().int(),
    type: z.string(),
    serviceDate: z.string(),
    delivery: z.enum(DELIVERY),
    status: z.enum(['draft', 'signed']),
    version: z.number().int(),
    sbp: z.number().nullable(),
    dbp: z.number().nullable(),
    fastingGlucose: z.number().nullable(),
    weightKg: z.number().nullable(),
    classification: z.string().nullable(),
    nextVisitDate: z.string().nullable(),
    nextAction: z.string().nullable(),
    staffUserId: z.number().int(),
  }),
);

/** One service of a scheduled register entry's plan (the domain's PlannedService). */
const plannedServiceSchema = named(
  'PlannedService',
  z.object({
    type: z.string(),
    key: z.string(),
    from: z.string(),
    by: z.string(),
    state: z.enum(['done', 'due', 'overdue', 'missed', 'upcoming']),
    recordId: z.number().int().nullable(),
    doneOn: z.string().nullable(),
    expected: z.boolean().optional(),
  }),
);

export const serviceListSchema = named(
  'ServiceList',
  z.object({
    enrolments: z.array(enrolmentSchema),
    items: z.array(serviceItemSchema),
    /** The plan of each managed entry of a register with a schedule that plans (pregnancy, child checks). */
    plans: z.array(z.object({ program: z.string(), services: z.array(plannedServiceSchema) })),
    /** Other records the resident's signed records name (the babies of a pregnancy outcome) that the user may see. */
    linked: z.array(
      z.object({
        serviceId: z.number().int(),
        type: z.string(),
        serviceDate: z.string(),
        residentId: z.number().int(),
        name: z.string(),
      }),
    ),
  }),
);
export type ServiceList = z.infer<typeof serviceListSchema>;

export const signSchema = z.object({ version: z.number().int().positive() }).strict();

export const draftListQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();

/** The signed-in user's unsigned service records (the workbench's "drafts to finish"), newest first. */
export const draftListSchema = named(
  'ServiceDraftList',
  z.object({
    /** How many drafts the user has in all (items holds the first `limit`). */
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.number().int(),
        residentId: z.number().int(),
        name: z.string(),
        type: z.string(),
        serviceDate: z.string(),
        version: z.number().int(),
        updatedAt: z.string(),
      }),
    ),
  }),
);
export type DraftList = z.infer<typeof draftListSchema>;
