/**
 * The second factor: TOTP (RFC 6238, otplib) with the secret stored encrypted, and one-time recovery codes
 * stored as keyed hashes. Who must use it: the administrator and inspector roles, except in the demo county.
 */
import crypto from 'node:crypto';
import { openValue, sealValue } from '../../platform/sm4-box.ts';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Role } from './permissions.ts';

/** The roles that must sign in with two factors (outside the demo county). */
export const TWO_FACTOR_ROLES: readonly Role[] = [
  'township_admin',
  'county_admin',
  'city_inspector',
  'system_admin',
];

export const RECOVERY_CODE_COUNT = 10;
export const ISSUER = 'jkda 健康档案';

/** Whether the account must give a second factor: enrolled, or of a role that needs one outside the demo. */
export async function secondFactorNeeded(
  db: Kysely<DB>,
  user: { role: string; county_code: string; totp_secret_enc: string | null },
): Promise<boolean> {
  if (user.totp_secret_enc) return true;
  return roleNeedsSecondFactor(db, user.role, user.county_code);
}

/** Whether the role needs a second factor in the county (the demo county leaves it optional). */
export async function roleNeedsSecondFactor(
  db: Kysely<DB>,
  role: string,
  countyCode: string,
): Promise<boolean> {
  if (!(TWO_FACTOR_ROLES as readonly string[]).includes(role)) return false;
  return !(await isDemoCounty(db, countyCode));
}

export async function isDemoCounty(db: Kysely<DB>, countyCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('deployment_county')
    .select('is_demo')
    .where('county_code', '=', countyCode)
    .executeTakeFirst();
  return row?.is_demo === true;
}

/** Encrypts a TOTP secret with SM4 (platform/sm4-box.ts), bound to its account by the box's label. */
export function sealSecret(key: Buffer, userId: number, secret: string): string {
  return sealValue(key, `jkda-totp:${userId}`, secret);
}

export function openSecret(key: Buffer, userId: number, sealed: string): string {
  const secret = openValue(key, `jkda-totp:${userId}`, sealed);
  if (secret === null) throw new Error('the TOTP secret does not open with this key');
  return secret;
}

export function newSecret(): string {
  return generateSecret();
}

export function otpauthUri(username: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: username, secret });
}

/**
 * The time step of a valid code (one step of clock drift either way), or null. A code of a step at or
 * before `afterStep` (the last one accepted) is refused, so a code seen over a shoulder cannot be replayed.
 */
export async function checkCode(
  secret: string,
  code: string,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const r = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    // otplib refuses an afterTimeStep beyond the window (a clock set back): no code is valid then.
    return null;
  }
}

/** Recovery codes look like `7KQ4-M2XD`: 40 random bits in a Crockford-like alphabet (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** A recovery code's stored form: HMAC-SM3 under the server key, so a database copy cannot try them. */
export function recoveryHash(key: Buffer, userId: number, code: string): string {
  return crypto
    .createHmac('sm3', key)
    .update(`${userId}:${normalizeRecoveryCode(code)}`)
    .digest('hex');
}

/** A user-agent header reduced to what the login history shows: the kind of client, nothing identifying. */
export function clientKind(userAgent: string | undefined, kind: 'cookie' | 'bearer'): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /MicroMessenger/i.test(ua)
      ? 'WeChat'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : null;
  if (!browser) return kind === 'bearer' ? 'api' : 'other';
  const mobile = /Mobile|Android|iPhone|iPad/i.test(ua);
  return `${browser} ${mobile ? 'mobile' : 'desktop'}`;
}
