/** API shapes of sign-in and sessions. */
import { z } from 'zod';
import { ACTIONS, ROLES, type Action } from '@jkda/domain/permissions';
import { named } from '../../platform/api-schema.ts';

export const credentials = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) })
  .strict();

export const passwordChange = z
  .object({ oldPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) })
  .strict();

export const jurisdictionSchema = z.object({
  counties: z.array(z.string()),
  townships: z.array(z.string()),
  villages: z.array(z.string()),
});

/** One boolean per action of the permission table (`@jkda/domain/permissions`). */
export const abilitiesSchema = named(
  'Abilities',
  z.object(Object.fromEntries(ACTIONS.map((a) => [a, z.boolean()])) as Record<Action, z.ZodBoolean>),
);

/** The signed-in user (GET /api/auth/me, and the answer of signing in). */
export const meSchema = named(
  'Me',
  z.object({
    user: z.object({
      id: z.number(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      roleLabel: z.object({ zh: z.string(), en: z.string() }),
      institutionId: z.number(),
      institutionName: z.string(),
      countyCode: z.string(),
      jurisdiction: jurisdictionSchema,
    }),
    abilities: abilitiesSchema,
    /** Null for bearer sessions; the web app sends it back in x-csrf-token on every change. */
    csrfToken: z.string().nullable(),
    expiresAt: z.string(),
    /** The county's time zone (IANA, e.g. Asia/Shanghai): "today" in the web app is the date there. */
    timeZone: z.string(),
    /** An administrator set a temporary password: the user must change it before anything else. */
    mustChangePassword: z.boolean(),
  }),
);
export type Me = z.infer<typeof meSchema>;

export const tokenSchema = z.object({
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.string(),
});

export const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
