/** API shapes of the resident registry (the form schemas themselves live in @jkda/domain). */
import { z } from 'zod';
import { basicInfoSchema, codesOf } from '@jkda/domain';
import { named } from '../../platform/api-schema.ts';

export const residentIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();

export const SORTS = ['name', 'recordNumber', 'birthDate', 'createdAt'] as const;

/** The list filters by place: a village, or a township. */
const areaFilters = {
  villageCode: z
    .string()
    .regex(/^\d{12}$/, { message: 'village_code_format' })
    .optional(),
  townshipCode: z
    .string()
    .regex(/^\d{9}$/, { message: 'invalid' })
    .optional(),
};

export const residentListQuery = z
  .object({
    q: z.string().trim().max(50).optional(),
    ...areaFilters,
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

const RESIDENT_STATUSES = ['active', 'archived'] as const;

export const residentListItem = named(
  'ResidentListItem',
  z.object({
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
    status: z.enum(RESIDENT_STATUSES),
    version: z.number(),
  }),
);
export type ResidentListItem = z.infer<typeof residentListItem>;

export const residentList = named(
  'ResidentList',
  z.object({
    items: z.array(residentListItem),
    total: z.number(),
    /** False when there are more matches than were counted (total is then a lower bound). */
    totalExact: z.boolean(),
    page: z.number(),
    pageSize: z.number(),
    /** How the search box text was understood. */
    queryKind: z.string().nullable(),
  }),
);

export const residentCount = named(
  'ResidentCount',
  z.object({
    /** Every match of the list's query and filters, counted to the end (the list stops at its cap). */
    total: z.number(),
  }),
);

/** An ID number to check before the rest of a new record is filled in (POST: the number stays out of URLs). */
export const idCheckBody = z
  .object({ idType: z.enum(codesOf('idType')), idNumber: z.string().trim().min(1).max(30) })
  .strict();

/**
 * Whether the county already has a record with the number: none; one the user may open (a pointer to it);
 * or one held elsewhere, named by its institution so the user knows whom to ask for a transfer.
 */
export const idCheck = named(
  'IdNumberCheck',
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('free') }),
    z.object({ status: z.literal('here'), id: z.number().int(), recordNumber: z.string() }),
    z.object({ status: z.literal('elsewhere'), institution: z.string() }),
  ]),
);
export type IdCheck = z.infer<typeof idCheck>;

const ref = z.object({ id: z.number(), name: z.string() }).nullable();

export const residentView = named(
  'ResidentView',
  z.object({
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
    status: z.enum(RESIDENT_STATUSES),
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
  }),
);
export type ResidentView = z.infer<typeof residentView>;

export const historyEntry = named(
  'HistoryEntry',
  z.object({
    version: z.number(),
    action: z.string(),
    changedAt: z.string(),
    changedBy: ref,
    /** Old and new values of each changed field (absent where the field had no value). */
    changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  }),
);

// ---- households ----

export const householdIdParams = residentIdParams;

export const householdCreate = z
  .object({
    villageCode: z.string().regex(/^\d{12}$/, { message: 'village_code_format' }),
    address: z.string().trim().min(1, { message: 'required' }).max(200),
  })
  .strict();
export type HouseholdCreate = z.infer<typeof householdCreate>;

export const memberMove = z
  .object({
    residentId: z.number().int().positive(),
    relationToHead: z.enum(codesOf('relationToHead')),
    /** The resident record's version the user saw. */
    version: z.number().int().positive(),
  })
  .strict();
export type MemberMove = z.infer<typeof memberMove>;

export const householdMember = named(
  'HouseholdMember',
  z.object({
    id: z.number(),
    name: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    relationToHead: z.string().nullable(),
    recordNumber: z.string(),
    status: z.enum(RESIDENT_STATUSES),
    version: z.number(),
  }),
);

export const householdView = named(
  'Household',
  z.object({
    id: z.number(),
    villageCode: z.string(),
    villageName: z.string(),
    address: z.string().nullable(),
    headResidentId: z.number().nullable(),
    status: z.enum(['active', 'dissolved']),
    version: z.number(),
    members: z.array(householdMember),
  }),
);
export type HouseholdView = z.infer<typeof householdView>;

export const householdListQuery = z
  .object({
    /** The household number, the head's name (characters, pinyin or initials) or part of the address. */
    q: z.string().trim().max(60).optional(),
    ...areaFilters,
    status: z.enum(['active', 'dissolved', 'all']).default('active'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

export const householdList = named(
  'HouseholdList',
  z.object({
    items: z.array(
      z.object({
        id: z.number(),
        villageCode: z.string(),
        villageName: z.string(),
        address: z.string().nullable(),
        head: z.object({ id: z.number(), name: z.string() }).nullable(),
        members: z.number(),
        status: z.enum(['active', 'dissolved']),
      }),
    ),
    total: z.number(),
    /** False when there are more matches than were counted (total is then a lower bound). */
    totalExact: z.boolean(),
    page: z.number(),
    pageSize: z.number(),
  }),
);
export type HouseholdList = z.infer<typeof householdList>;
