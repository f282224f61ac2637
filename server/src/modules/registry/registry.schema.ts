/** API shapes of the resident registry (the form schemas themselves live in @jkda/domain). */
import { z } from 'zod';
import { basicInfoSchema, codesOf } from '@jkda/domain';

export const residentIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();

export const SORTS = ['name', 'recordNumber', 'birthDate', 'createdAt'] as const;

export const residentListQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    villageCode: z
      .string()
      .regex(/^\d{12}$/, { message: 'village_code_format' })
      .optional(),
    townshipCode: z
      .string()
      .regex(/^\d{9}$/, { message: 'invalid' })
      .optional(),
    sex: z.enum(codesOf('sex')).optional(),
    ageMin: z.coerce.number().int().min(0).max(150).optional(),
    ageMax: z.coerce.number().int().min(0).max(150).optional(),
    tag: z.enum(codesOf('keyPopulation')).optional(),
    status: z.enum(['active', 'archived', 'all']).default('active'),
    householdId: z.coerce.number().int().positive().optional(),
    sort: z.enum(SORTS).default('name'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ResidentListQuery = z.infer<typeof residentListQuery>;

export const residentListItem = z.object({
  id: z.number(),
  recordNumber: z.string(),
  name: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  villageCode: z.string(),
  villageName: z.string(),
  householdId: z.number().nullable(),
  keyTags: z.array(z.string()),
  status: z.string(),
  version: z.number(),
});
export type ResidentListItem = z.infer<typeof residentListItem>;

export const residentList = z.object({
  items: z.array(residentListItem),
  total: z.number(),
  /** False when there are more matches than were counted (total is then a lower bound). */
  totalExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  /** How the search box text was understood. */
  queryKind: z.string().nullable(),
});

const ref = z.object({ id: z.number(), name: z.string() }).nullable();

export const residentView = z.object({
  id: z.number(),
  recordNumber: z.string(),
  countyCode: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  name: z.string(),
  namePinyin: z.string(),
  sex: z.string(),
  birthDate: z.string(),
  age: z.number(),
  idType: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  currentAddress: z.string().nullable(),
  registeredAddress: z.string().nullable(),
  householdId: z.number().nullable(),
  relationToHead: z.string().nullable(),
  keyTags: z.array(z.string()),
  manualTags: z.array(z.string()),
  status: z.string(),
  archiveReason: z.string().nullable(),
  archiveDate: z.string().nullable(),
  archiveNote: z.string().nullable(),
  institution: ref,
  responsibleDoctor: ref,
  createdBy: ref,
  recordDate: z.string(),
  basicInfo: basicInfoSchema,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResidentView = z.infer<typeof residentView>;

export const historyEntry = z.object({
  version: z.number(),
  action: z.string(),
  changedAt: z.string(),
  changedBy: ref,
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
});

export const duplicateCandidate = z.object({
  id: z.number(),
  recordNumber: z.string(),
  name: z.string(),
  villageName: z.string(),
});
