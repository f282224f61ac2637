/** API shapes of account management (the system administrator: every account of their county; a county administrator: its clinical accounts). */
import { z } from 'zod';
import { ROLES } from '@jkda/domain/permissions';
import { fieldErrorSchema, named } from '../../platform/api-schema.ts';

export const userIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();

export const userListQuery = z
  .object({
    q: z.string().trim().max(64).optional(),
    role: z.enum(ROLES).optional(),
    institutionId: z.coerce.number().int().positive().optional(),
    active: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const userView = named(
  'UserAccount',
  z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.object({ zh: z.string(), en: z.string() }),
    institutionId: z.number(),
    institutionCode: z.string(),
    institutionName: z.string(),
    countyCode: z.string(),
    phone: z.string().nullable(),
    active: z.boolean(),
    /** Locked by wrong passwords or codes at some address right now. */
    locked: z.boolean(),
    secondFactor: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    teams: z.array(z.object({ id: z.number(), name: z.string() })),
    /** Whether the signed-in administrator may change this account (its role is one they manage). */
    manageable: z.boolean(),
  }),
);
export type UserView = z.infer<typeof userView>;

export const userList = named(
  'UserAccountList',
  z.object({
    items: z.array(userView),
    total: z.number(),
    /** The roles the signed-in administrator may give. */
    assignableRoles: z.array(z.enum(ROLES)),
  }),
);

export const newUserBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    displayName: z.string().trim().min(1).max(64),
    role: z.enum(ROLES),
    institutionCode: z.string().trim().min(1).max(32),
    phone: z.string().trim().max(32).optional(),
    teamId: z.number().int().positive().optional(),
  })
  .strict();
export type NewUserBody = z.infer<typeof newUserBody>;

export const createdUser = named(
  'CreatedUser',
  z.object({
    user: userView,
    /** Shown once; the user must change it at the first sign-in. */
    temporaryPassword: z.string(),
  }),
);

export const temporaryPasswordView = z.object({ temporaryPassword: z.string() });

export const importBody = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    /** The file's bytes in base64: a CSV (UTF-8, with or without BOM) or an Excel workbook (.xlsx). */
    content: z.string().min(1).max(1_000_000),
    /** Check only: report every row, write nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const importReport = named(
  'UserImportReport',
  z.object({
    /** All or nothing: the accounts are written only when every row is right (and it is no dry run). */
    written: z.boolean(),
    rows: z.array(
      z.object({
        /** The row's number in the file (the header is row 1). */
        row: z.number(),
        username: z.string(),
        displayName: z.string(),
        ok: z.boolean(),
        errors: z.array(fieldErrorSchema),
      }),
    ),
    /** When written: each new account's temporary password, shown once. */
    created: z.array(z.object({ row: z.number(), username: z.string(), temporaryPassword: z.string() })),
  }),
);
export type ImportReport = z.infer<typeof importReport>;
