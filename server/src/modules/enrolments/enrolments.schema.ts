/** Request and response schemas of the registers (program enrolment); the register list comes from the registry. */
import { z } from 'zod';
import { named } from '../../platform/api-schema.ts';
import { ENROLMENT_STATUSES, isoDate, type ProgramRegistry } from '@jkda/domain';

// A calendar date that exists (2024-02-30 is refused with date_invalid, not passed on to the database).
const isoDay = isoDate;

export const enrolmentStatusSchema = z
  .object({
    status: z.enum(ENROLMENT_STATUSES),
    date: isoDay,
    reason: z.string().trim().max(200).optional(),
    version: z.number().int().positive(),
  })
  .strict();
export type EnrolmentStatusInput = z.infer<typeof enrolmentStatusSchema>;

export const enrolmentUpdateSchema = z
  .object({
    diagnosisDate: isoDay.optional(),
    diagnosisSource: z.string().trim().max(100).optional(),
    managingDoctorId: z.number().int().positive().optional(),
    version: z.number().int().positive(),
  })
  .strict();
export type EnrolmentUpdateInput = z.infer<typeof enrolmentUpdateSchema>;

/** Enrolment by a doctor: only registers a doctor enrols in (the others go by age). */
export function enrolSchema(registry: ProgramRegistry) {
  const programs = registry.doctorRegisters.map((r) => r.program);
  return z
    .object({
      program: z.enum(programs as [string, ...string[]]),
      diagnosisDate: isoDay.optional(),
      diagnosisSource: z.string().trim().max(100).optional(),
      managingDoctorId: z.number().int().positive().optional(),
    })
    .strict();
}
export type EnrolInput = z.infer<ReturnType<typeof enrolSchema>>;

/** An enrolment as the API shows it. */
export const enrolmentSchema = named(
  'Enrolment',
  z.object({
    id: z.number().int(),
    program: z.string(),
    status: z.enum(ENROLMENT_STATUSES),
    statusDate: z.string().nullable(),
    enrolledOn: z.string(),
    diagnosisDate: z.string().nullable(),
    diagnosisSource: z.string().nullable(),
    managingDoctorId: z.number().int().nullable(),
    version: z.number().int(),
    nextDueDate: z.string().nullable(),
    lastVisitDate: z.string().nullable(),
    lastCheckDate: z.string().nullable(),
    visitsThisYear: z.number().int(),
    /** What the doctor should check about this enrolment (in the answer to enrolling only). */
    warnings: z.array(z.object({ field: z.string(), code: z.string() })).optional(),
  }),
);
export type EnrolmentView = z.infer<typeof enrolmentSchema>;
