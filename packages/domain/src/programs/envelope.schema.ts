/** The envelope every service record shares, whatever its type: date, delivery, the form, sign or draft. */
import { z } from 'zod';
import { isoDate } from '../resident.schema.ts';

/** How the service was delivered: 1 门诊 clinic, 2 家庭 home, 3 电话 phone (the form's 随访方式). */
export const DELIVERY = ['clinic', 'home', 'phone'] as const;

/** The envelope of every service record (this follow-ups and the programs that follow). */
export const serviceRecordCreateSchema = z
  .object({
    /** A service type of the program registry (checked against it by the server). */
    type: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, { message: 'invalid_value' }),
    serviceDate: isoDate,
    delivery: z.enum(DELIVERY),
    /** The form's own fields, validated by the schema of `type`. */
    form: z.record(z.string(), z.unknown()),
    /** Save as draft (default) or sign at once. */
    sign: z.boolean().default(false),
  })
  .strict();
export type ServiceRecordCreate = z.infer<typeof serviceRecordCreateSchema>;

export const serviceRecordAmendSchema = z
  .object({
    serviceDate: isoDate,
    delivery: z.enum(DELIVERY),
    form: z.record(z.string(), z.unknown()),
    version: z.number().int().positive(),
    reason: z.string().trim().max(200).optional(),
  })
  .strict();
export type ServiceRecordAmend = z.infer<typeof serviceRecordAmendSchema>;
