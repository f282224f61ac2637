/**
 * Encryption at rest of the identifiers a resident is found by: ID numbers and phone numbers (resident,
 * contact person, staff account). Each value is stored sealed with SM4 and found through keyed SM3 blind
 * indexes, so a copy of the database (or of its data folder, its WAL, a backup) shows neither the values
 * nor a dictionary-checkable hash of them. docs/adr/0009-field-encryption.md says why it is built this way.
 *
 * Sealed value: `k<version>.<base64url of iv (16) | SM4-CTR ciphertext | HMAC-SM3 tag (first 16 bytes)>`.
 * The tag covers the column label, the version, the iv and the ciphertext (encrypt-then-MAC; Node's OpenSSL
 * has no SM4-GCM), so a value copied from one column into another does not open. The version names the
 * field key: a rotation adds a key and re-encrypts (modules/fieldkeys), old versions still open meanwhile.
 *
 * Blind index: base64url of the first 16 bytes of HMAC-SM3(index key, kind NUL normalised value). One
 * index key, never rotated with the field keys (rotating it would blind every search until a full
 * re-index); equal values give equal indexes, which is what search and the uniqueness of ID numbers need.
 */
import crypto from 'node:crypto';
import { normalizePhone } from '@jkda/domain';

/** Where a sealed value may live: part of the tag, so it opens nowhere else. */
export type FieldLabel =
  'resident.id_number' | 'resident.phone' | 'resident.contact_phone' | 'app_user.phone';

/** The searchable forms: the full ID number, its last 4 and 6 characters, the phone and its last 4 digits. */
export type IndexKind = 'id' | 'id4' | 'id6' | 'phone' | 'phone4';

export interface FieldKeys {
  /** Field keys by version (16 bytes or more each); the highest is the one new values are sealed with. */
  versions: ReadonlyMap<number, Buffer>;
  /** HMAC-SM3 key of the blind indexes (32 bytes). */
  index: Buffer;
}

const SEALED = /^k(\d{1,5})\.([A-Za-z0-9_-]{44,})$/;
const TAG = 16;

export class FieldCrypto {
  private currentVersion = 0;
  private readonly derived = new Map<number, { enc: Buffer; mac: Buffer }>();
  private readonly index: Buffer;

  /**
   * `reload` reads the key folder again: a value sealed with a key this process has not seen (another
   * process rotated) makes it take the new keys, and seal with the newest from then on.
   */
  constructor(
    keys: FieldKeys,
    private readonly reload?: () => FieldKeys,
  ) {
    if (keys.index.length < 32) throw new Error('the blind index key is shorter than 32 bytes');
    this.index = keys.index;
    this.take(keys);
  }

  /** The version new values are sealed with. */
  get current(): number {
    return this.currentVersion;
  }

  private take(keys: FieldKeys): void {
    if (keys.versions.size === 0) throw new Error('no field key');
    if (!keys.index.equals(this.index)) throw new Error('the blind index key changed under a running server');
    for (const [v, key] of keys.versions) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`field key version ${v} is not a positive integer`);
      if (key.length < 16) throw new Error(`field key ${v} is shorter than 16 bytes`);
      if (this.derived.has(v)) continue;
      const okm = Buffer.from(crypto.hkdfSync('sm3', key, Buffer.alloc(0), `jkda field v${v}`, 48));
      this.derived.set(v, { enc: okm.subarray(0, 16), mac: okm.subarray(16) });
    }
    this.currentVersion = Math.max(this.currentVersion, ...keys.versions.keys());
  }

  private keysOf(label: FieldLabel, v: number): { enc: Buffer; mac: Buffer } {
    let keys = this.derived.get(v);
    if (!keys && this.reload) {
      this.take(this.reload());
      keys = this.derived.get(v);
    }
    if (!keys) throw new Error(`${label}: field key ${v} is not in the key folder`);
    return keys;
  }

  private tag(mac: Buffer, label: FieldLabel, version: number, iv: Buffer, ct: Buffer): Buffer {
    return crypto
      .createHmac('sm3', mac)
      .update(`${label}\u0000${version}\u0000`)
      .update(iv)
      .update(ct)
      .digest()
      .subarray(0, TAG);
  }

  seal(label: FieldLabel, plaintext: string): string {
    const v = this.currentVersion;
    const { enc, mac } = this.derived.get(v)!;
    const iv = crypto.randomBytes(16);
    const c = crypto.createCipheriv('sm4-ctr', enc, iv);
    const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
    return `k${v}.${Buffer.concat([iv, ct, this.tag(mac, label, v, iv, ct)]).toString('base64url')}`;
  }

  /** The plaintext; throws when the value is not sealed for this label with a key held here. */
  open(label: FieldLabel, sealed: string): string {
    const m = SEALED.exec(sealed);
    if (!m) throw new Error(`${label}: not a sealed value`);
    const v = Number(m[1]);
    const keys = this.keysOf(label, v);
    const raw = Buffer.from(m[2]!, 'base64url');
    const iv = raw.subarray(0, 16);
    const ct = raw.subarray(16, raw.length - TAG);
    const tag = raw.subarray(raw.length - TAG);
    if (ct.length === 0 || !crypto.timingSafeEqual(tag, this.tag(keys.mac, label, v, iv, ct)))
      throw new Error(`${label}: sealed value fails its check (altered, or sealed for another column)`);
    const d = crypto.createDecipheriv('sm4-ctr', keys.enc, iv);
    return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
  }

  sealOrNull(label: FieldLabel, plaintext: string | null | undefined): string | null {
    return plaintext ? this.seal(label, plaintext) : null;
  }

  openOrNull(label: FieldLabel, sealed: string | null | undefined): string | null {
    return sealed ? this.open(label, sealed) : null;
  }

  /** The key version of a sealed value (0 when it is not one: plaintext left by an earlier release). */
  static versionOf(value: string): number {
    const m = SEALED.exec(value);
    return m ? Number(m[1]) : 0;
  }

  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && SEALED.test(value);
  }

  blindIndex(kind: IndexKind, value: string): string {
    return crypto
      .createHmac('sm3', this.index)
      .update(`${kind}\u0000${value}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }

  /** The stored columns of an ID number (already normalised: 18 characters, X upper case). */
  idNumberColumns(idNumber: string | null): {
    id_number_enc: string | null;
    id_number_bi: string | null;
    id_tail4_bi: string | null;
    id_tail6_bi: string | null;
  } {
    if (!idNumber) return { id_number_enc: null, id_number_bi: null, id_tail4_bi: null, id_tail6_bi: null };
    const v = idNumber.trim().toUpperCase();
    return {
      id_number_enc: this.seal('resident.id_number', v),
      id_number_bi: this.blindIndex('id', v),
      id_tail4_bi: v.length >= 4 ? this.blindIndex('id4', v.slice(-4)) : null,
      id_tail6_bi: v.length >= 6 ? this.blindIndex('id6', v.slice(-6)) : null,
    };
  }

  /** The stored columns of a resident's phone. */
  phoneColumns(phone: string | null | undefined): {
    phone_enc: string | null;
    phone_bi: string | null;
    phone_tail4_bi: string | null;
  } {
    const digits = phone ? phoneDigits(phone) : '';
    if (!phone) return { phone_enc: null, phone_bi: null, phone_tail4_bi: null };
    return {
      phone_enc: this.seal('resident.phone', phone),
      phone_bi: digits ? this.blindIndex('phone', digits) : null,
      phone_tail4_bi: digits.length >= 4 ? this.blindIndex('phone4', digits.slice(-4)) : null,
    };
  }
}

/** The digits a phone is searched by: "0551-1234567" and "05511234567" are one number. */
export function phoneDigits(phone: string): string {
  return normalizePhone(phone).replace(/\D/g, '');
}
