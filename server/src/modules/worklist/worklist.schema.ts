/** The worklist's query and answer; the registers and their categories come from the program registry. */
import { z } from 'zod';
import { named } from '../../platform/api-schema.ts';
import { WORKLIST_CATEGORIES, type ProgramRegistry } from '@jkda/domain';

/** Rows of one worklist answer unless the client asks for more (at most 2000). */
export const WORKLIST_PAGE_SIZE = 100;

export function worklistQuerySchema(registry: ProgramRegistry) {
  const programs = registry.registers.map((r) => r.program);
  return z
    .object({
      program: z.enum(programs as [string, ...string[]]),
      villageCode: z
        .string()
        .regex(/^\d{12}$/, { message: 'village_code_format' })
        .optional(),
      townshipCode: z
        .string()
        .regex(/^\d{9}$/, { message: 'township_code_format' })
        .optional(),
      doctorId: z.coerce.number().int().positive().optional(),
      category: z.enum(WORKLIST_CATEGORIES).optional(),
      /** Name characters (anywhere in the name), pinyin initials or the start of the full pinyin. */
      name: z.string().trim().min(1).max(20).optional(),
      /** A page of 100 by default: a phone shows it at once; the name filter finds anyone past it. */
      limit: z.coerce.number().int().min(1).max(2000).default(WORKLIST_PAGE_SIZE),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    })
    .strict();
}
export type WorklistQuery = z.infer<ReturnType<typeof worklistQuerySchema>>;

export const worklistRowSchema = named(
  'WorklistRow',
  z.object({
    residentId: z.number().int(),
    name: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    age: z.number().int(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    villageCode: z.string(),
    managingDoctorId: z.number().int().nullable(),
    lastVisitDate: z.string().nullable(),
    lastClassification: z.string().nullable(),
    lastSbp: z.number().nullable(),
    lastDbp: z.number().nullable(),
    lastFastingGlucose: z.number().nullable(),
    lastCheckDate: z.string().nullable(),
    /** The day the service is due (a scheduled register: the day its window opens). */
    dueDate: z.string(),
    /** A scheduled register: the last day of the window (overdue after it), the type to record and its key. */
    dueBy: z.string().nullable(),
    dueType: z.string().nullable(),
    dueKey: z.string().nullable(),
    overdueDays: z.number().int(),
    visitsThisYear: z.number().int(),
    categories: z.array(z.enum(WORKLIST_CATEGORIES)),
  }),
);
export type WorklistRow = z.infer<typeof worklistRowSchema>;

const countsSchema = named(
  'WorklistCounts',
  z.object({
    total: z.number().int(),
    ...Object.fromEntries(WORKLIST_CATEGORIES.map((c) => [c, z.number().int()])),
  }) as z.ZodObject<{ total: z.ZodNumber } & Record<(typeof WORKLIST_CATEGORIES)[number], z.ZodNumber>>,
);

export const worklistSchema = named(
  'Worklist',
  z.object({
    counts: countsSchema,
    items: z.array(worklistRowSchema),
  }),
);

/** The workbench's counts: every register's list for the same village, township or doctor. */
export function worklistSummaryQuerySchema(registry: ProgramRegistry) {
  return worklistQuerySchema(registry).pick({ villageCode: true, townshipCode: true, doctorId: true });
}
export type WorklistSummaryQuery = z.infer<ReturnType<typeof worklistSummaryQuerySchema>>;

export const worklistSummarySchema = named(
  'WorklistSummary',
  z.object({
    /** Each register in the registry's order, with the categories its list shows. */
    registers: z.array(z.object({ program: z.string(), counts: countsSchema })),
  }),
);
export type WorklistSummary = z.infer<typeof worklistSummarySchema>;
export type Worklist = z.infer<typeof worklistSchema>;
