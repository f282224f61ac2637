/**
 * Sealing short secret values for storage (a TOTP secret now; later ID numbers and phones): SM4-CTR for
 * secrecy and HMAC-SM3 over the nonce, ciphertext and a context label for integrity (encrypt-then-MAC; Node's
 * OpenSSL has no SM4-GCM). The two keys are derived from one key (16 bytes or more) with HKDF-SM3, so a key
 * file holds one value. The label binds a value to its use: a sealed TOTP secret does not open as anything else.
 *
 *   sm4:v1:<base64 of nonce (16) | ciphertext | tag (32)>
 */
import crypto from 'node:crypto';

const PREFIX = 'sm4:v1:';

function keysOf(key: Buffer): { enc: Buffer; mac: Buffer } {
  if (key.length < 16) throw new Error('an SM4 box key is at least 16 bytes');
  const okm = Buffer.from(crypto.hkdfSync('sm3', key, Buffer.alloc(0), 'jkda sm4-box v1', 48));
  return { enc: okm.subarray(0, 16), mac: okm.subarray(16) };
}

const tagOf = (mac: Buffer, label: string, nonce: Buffer, ct: Buffer) =>
  crypto.createHmac('sm3', mac).update(label).update('\u0000').update(nonce).update(ct).digest();

export function sealValue(key: Buffer, label: string, plaintext: string): string {
  const { enc, mac } = keysOf(key);
  const nonce = crypto.randomBytes(16);
  const c = crypto.createCipheriv('sm4-ctr', enc, nonce);
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return PREFIX + Buffer.concat([nonce, ct, tagOf(mac, label, nonce, ct)]).toString('base64');
}

/** The plaintext, or null when the value is not one sealed with this key and label. */
export function openValue(key: Buffer, label: string, sealed: string): string | null {
  if (!sealed.startsWith(PREFIX)) return null;
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  if (raw.length < 48) return null;
  const { enc, mac } = keysOf(key);
  const nonce = raw.subarray(0, 16);
  const ct = raw.subarray(16, raw.length - 32);
  const tag = raw.subarray(raw.length - 32);
  if (!crypto.timingSafeEqual(tag, tagOf(mac, label, nonce, ct))) return null;
  const d = crypto.createDecipheriv('sm4-ctr', enc, nonce);
  return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
}
