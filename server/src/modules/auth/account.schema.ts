/** API shapes of the second sign-in step and of the user's own account page (two factors, login history). */
import { z } from 'zod';
import { ROLES } from '@jkda/domain/permissions';
import { named } from '../../platform/api-schema.ts';
import { meSchema, tokenSchema } from './auth.schema.ts';

export const challengeBody = z.object({ challenge: z.string().min(10).max(100) }).strict();

/** A code of the authenticator (6 digits) or one recovery code, for the pending sign-in. */
export const secondFactorBody = z
  .object({
    challenge: z.string().min(10).max(100),
    code: z.string().trim().max(10).optional(),
    recoveryCode: z.string().trim().max(20).optional(),
  })
  .strict()
  .refine((b) => !!b.code !== !!b.recoveryCode, { message: 'required', path: ['code'] });

export const enrolment = named(
  'TotpEnrolment',
  z.object({
    /** Base32 secret, for typing into the authenticator when the QR code cannot be scanned. */
    secret: z.string(),
    /** otpauth:// URI, the content of the QR code. */
    otpauthUri: z.string(),
  }),
);

const recoveryCodes = z.array(z.string()).describe('shown once: ten one-time recovery codes');

export const signedIn = named('SignedIn', meSchema.extend({ recoveryCodes: recoveryCodes.optional() }));
export const tokenSignedIn = tokenSchema.extend({ recoveryCodes: recoveryCodes.optional() });

export const signInInfo = named(
  'SignInInfo',
  z.object({
    /** The demo county: two factors are optional for every role. */
    demo: z.boolean(),
    /** The roles that must sign in with two factors outside the demo county. */
    twoFactorRoles: z.array(z.enum(ROLES)),
    /** A training environment (jkda training): its records are for practice, not the county's own. */
    training: z.boolean(),
  }),
);

export const secondFactorStatus = named(
  'SecondFactorStatus',
  z.object({
    enabled: z.boolean(),
    required: z.boolean(),
    enabledAt: z.string().nullable(),
    recoveryCodesLeft: z.number(),
  }),
);

export const codeBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'code_format'),
  })
  .strict();
export const passwordBody = z.object({ password: z.string().min(1).max(128) }).strict();
export const recoveryCodesView = z.object({ recoveryCodes });

export const loginEventView = z.object({
  at: z.string(),
  outcome: z.enum([
    'success',
    'failure',
    'second_factor_pending',
    'second_factor_failure',
    'locked',
    'disabled',
  ]),
  method: z.string().nullable(),
  address: z.string().nullable(),
  /** Kind of client: e.g. 'Chrome desktop', 'WeChat mobile', 'api'. */
  client: z.string(),
});
export const loginHistoryView = named('LoginHistory', z.object({ items: z.array(loginEventView) }));
