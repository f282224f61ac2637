/** Request and response schemas of the service records (the envelope is @jkda/domain's, for every type). */
import { z } from 'zod';
import { named } from '../../platform/api-schema.ts';
import { DELIVERY } from '@jkda/domain';
import { enrolmentSchema } from '../enrolments/enrolments.schema.ts';

export { serviceRecordAmendSchema, serviceRecordCreateSchema } from '@jkda/domain';

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

export const serviceListSchema = named(
  'ServiceList',
  z.object({
    enrolments: z.array(enrolmentSchema),
    items: z.array(serviceItemSchema),
  }),
);
export type ServiceList = z.infer<typeof serviceListSchema>;

export const signSchema = z.object({ version: z.number().int().positive() }).strict();
