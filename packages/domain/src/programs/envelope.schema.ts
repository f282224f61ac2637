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

/**
 * One visit that delivers several services at once (a patient in two registers seen once: the measurements
 * taken once, one record of each type): the shared date and delivery, the form of each type. Recorded in
 * one change, all or none; each type at most once.
 */
export const visitRecordCreateSchema = z
  .object({
    serviceDate: isoDate,
    delivery: z.enum(DELIVERY),
    records: z
      .array(
        z
          .object({
            type: serviceRecordCreateSchema.shape.type,
            form: z.record(z.string(), z.unknown()),
          })
          .strict(),
      )
      .min(2, { message: 'visit_too_few' })
      .max(4)
      .refine((rs) => new Set(rs.map((r) => r.type)).size === rs.length, { message: 'visit_type_twice' }),
    sign: z.boolean().default(false),
  })
  .strict();
export type VisitRecordCreate = z.infer<typeof visitRecordCreateSchema>;

export const serviceRecordAmendSchema = z
  .object({
    serviceDate: isoDate,
    delivery: z.enum(DELIVERY),
    form: z.record(z.string(), z.unknown()),
    version: z.number().int().positive(),
    reason: z.string().trim().max(200).optional(),
    /** A draft: sign it with these values, in the same change. */
    sign: z.boolean().optional(),
  })
  .strict();
export type ServiceRecordAmend = z.infer<typeof serviceRecordAmendSchema>;
