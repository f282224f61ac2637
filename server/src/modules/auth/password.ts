/** Password hashing with Node's built-in scrypt (memory-hard; no native dependency). */
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  pw: string,
  salt: Buffer,
  keylen: number,
  opts: crypto.ScryptOptions,
) => Promise<Buffer>;

/**
 * scrypt's cost: 2^14 (16 MiB, about 60 ms here). Every hash records its own parameters, so a hash made with
 * another N still verifies. The test runs (NODE_ENV=test) may set JKDA_SCRYPT_N lower, down to 2^10: the
 * suite signs in some thousand times and the hashing is not what it tests. Outside the tests it is ignored.
 */
export function scryptCost(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.JKDA_SCRYPT_N);
  const powerOfTwo = Number.isInteger(n) && n >= 1024 && n <= 16384 && (n & (n - 1)) === 0;
  return env.NODE_ENV === 'test' && powerOfTwo ? n : 16384;
}

const N = scryptCost();
const R = 8;
const P = 1;
const KEYLEN = 32;

export async function hashPassword(pw: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(pw, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(pw: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, saltB64, keyB64] = stored.split('$');
  if (alg !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(pw, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal user names. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
