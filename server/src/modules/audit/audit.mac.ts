/**
 * The MAC of one audit row, made by the server as it writes the row (HMAC-SM3 with the audit key from the
 * key folder, which the database never holds). A row that someone inserted or edited with database access
 * alone fails `check`, whether it was sealed into the chain or not. A random nonce in each MAC lets
 * verification find a genuine row copied into a second row.
 */
import crypto from 'node:crypto';
import stringify from 'safe-stable-stringify';

/** The columns the MAC covers, each as text (or null) the same way at insert and when read back. */
export interface MacFields {
  county_code: string | null;
  /** Microseconds since the epoch, as text. */
  at_us: string;
  actor_user_id: number | string | null;
  actor_username: string | null;
  actor_role: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  resident_id: number | string | null;
  fields: readonly string[] | null;
  outcome: string;
  /** The detail as JSON text (key order and spacing do not matter). */
  detail: string | null;
}

const text = (v: number | string | null) => (v === null ? null : String(v));

/** The JSON text of a detail in one form: keys sorted, no spaces (jsonb reorders keys and adds spaces). */
function canonicalDetail(detail: string | null): string | null {
  return detail === null ? null : (stringify(JSON.parse(detail) as unknown) ?? null);
}

function hmac(key: Buffer, nonce: string, f: MacFields): string {
  const body = JSON.stringify([
    nonce,
    f.county_code,
    f.at_us,
    text(f.actor_user_id),
    f.actor_username,
    f.actor_role,
    f.ip,
    f.request_id,
    f.action,
    f.entity_type,
    f.entity_id,
    text(f.resident_id),
    f.fields,
    f.outcome,
    canonicalDetail(f.detail),
  ]);
  return crypto.createHmac('sm3', key).update('jkda-audit-row|').update(body).digest('hex');
}

/** Microseconds since the epoch of a time the server sets (JavaScript dates hold milliseconds). */
export const atMicros = (at: Date): string => (BigInt(at.getTime()) * 1000n).toString();

export class AuditMac {
  constructor(private readonly key: Buffer) {}

  /** The MAC column of a new row. */
  sign(f: MacFields): string {
    const nonce = crypto.randomBytes(12).toString('hex');
    return `v1:${nonce}:${hmac(this.key, nonce, f)}`;
  }

  /** Whether a stored row's MAC is the server's own for exactly these values. */
  check(mac: string | null, f: MacFields): boolean {
    const m = /^v1:([0-9a-f]{24}):([0-9a-f]{64})$/.exec(mac ?? '');
    if (!m) return false;
    let expected: string;
    try {
      expected = hmac(this.key, m[1]!, f);
    } catch {
      return false; // a detail that is not JSON
    }
    return crypto.timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(m[2]!, 'hex'));
  }
}
