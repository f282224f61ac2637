/**
 * Tamper evidence for the audit log: rows are sealed, in one order, into an HMAC-SM3 chain
 * (hash = HMAC(key, prev_hash | canonical row)). The key lives outside the database, so someone who
 * can edit the table cannot recompute the chain. `verifyChain` finds edited, deleted and re-ordered rows.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';

const SEAL_LOCK_KEY = 7_350_002;
const GENESIS = 'jkda-audit-genesis';
const PAGE = 2000;

interface CanonicalRow {
  id: number;
  county_code: string | null;
  at_us: string;
  actor_user_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  resident_id: number | null;
  fields: string[] | null;
  outcome: string;
  detail: string | null;
}

const canonicalColumns = sql`id, county_code, (extract(epoch from at) * 1000000)::bigint::text AS at_us,
  actor_user_id, actor_username, actor_role, ip, request_id, action, entity_type, entity_id, resident_id,
  fields, outcome, detail::text AS detail`;

export function chainHash(key: Buffer, prevHash: string, chainPos: number, row: CanonicalRow): string {
  const canonical = JSON.stringify([
    chainPos,
    row.id,
    row.county_code,
    row.at_us,
    row.actor_user_id,
    row.actor_username,
    row.actor_role,
    row.ip,
    row.request_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.resident_id,
    row.fields,
    row.outcome,
    row.detail,
  ]);
  return crypto.createHmac('sm3', key).update(prevHash).update('|').update(canonical).digest('hex');
}

/** Seals unsealed rows in id order. Returns how many were sealed (0 if another process is sealing). */
export async function sealAuditLog(db: Kysely<DB>, key: Buffer, maxRows = 20_000): Promise<number> {
  let total = 0;
  while (total < maxRows) {
    const n = await db.transaction().execute(async (trx) => {
      const { rows: lock } = await sql<{
        ok: boolean;
      }>`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS ok`.execute(trx);
      if (!lock[0]?.ok) return 0;
      const head = await trx
        .selectFrom('audit_chain_head')
        .select(['chain_pos', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirst();
      let pos = head?.chain_pos ?? 0;
      let prev = head?.hash ?? GENESIS;
      const { rows } = await sql<CanonicalRow>`SELECT ${canonicalColumns} FROM audit_log
        WHERE chain_pos IS NULL ORDER BY id LIMIT ${PAGE}`.execute(trx);
      if (rows.length === 0) return 0;
      const ids: number[] = [];
      const positions: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        pos += 1;
        const h = chainHash(key, prev, pos, r);
        ids.push(r.id);
        positions.push(pos);
        prevs.push(prev);
        hashes.push(h);
        prev = h;
      }
      await sql`UPDATE audit_log a SET chain_pos = s.pos, prev_hash = s.prev, hash = s.h
        FROM unnest(${ids}::bigint[], ${positions}::bigint[], ${prevs}::text[], ${hashes}::text[]) AS s(id, pos, prev, h)
        WHERE a.id = s.id`.execute(trx);
      await sql`INSERT INTO audit_chain_head (id, chain_pos, hash, sealed_at) VALUES (1, ${pos}, ${prev}, now())
        ON CONFLICT (id) DO UPDATE SET chain_pos = EXCLUDED.chain_pos, hash = EXCLUDED.hash, sealed_at = now()`.execute(
        trx,
      );
      return rows.length;
    });
    total += n;
    if (n < PAGE) break;
  }
  return total;
}

export interface ChainProblem {
  chainPos: number | null;
  id: number | null;
  problem: 'hash_mismatch' | 'link_broken' | 'missing_row' | 'head_mismatch' | 'unsealed_old_row';
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
}

/** Recomputes the whole chain. Rows left unsealed for longer than `unsealedGraceSeconds` are reported too. */
export async function verifyChain(
  db: Kysely<DB>,
  key: Buffer,
  unsealedGraceSeconds = 300,
): Promise<VerifyResult> {
  const problems: ChainProblem[] = [];
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['chain_pos', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  let expectedPos = 1;
  let prev = GENESIS;
  let checked = 0;
  let lastPos = 0;
  for (;;) {
    const { rows } = await sql<CanonicalRow & { chain_pos: number; prev_hash: string; hash: string }>`
      SELECT ${canonicalColumns}, chain_pos, prev_hash, hash FROM audit_log
      WHERE chain_pos >= ${expectedPos} ORDER BY chain_pos LIMIT ${PAGE}`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.chain_pos !== expectedPos) {
        problems.push({ chainPos: expectedPos, id: null, problem: 'missing_row' });
        prev = r.prev_hash; // resynchronise after the gap
      }
      if (r.prev_hash !== prev) problems.push({ chainPos: r.chain_pos, id: r.id, problem: 'link_broken' });
      const h = chainHash(key, r.prev_hash, r.chain_pos, r);
      if (h !== r.hash) problems.push({ chainPos: r.chain_pos, id: r.id, problem: 'hash_mismatch' });
      prev = r.hash;
      expectedPos = r.chain_pos + 1;
      lastPos = r.chain_pos;
      checked += 1;
    }
  }
  if (head && (head.chain_pos !== lastPos || head.hash !== prev)) {
    problems.push({ chainPos: head.chain_pos, id: null, problem: 'head_mismatch' });
  }
  const { rows: stale } = await sql<{ id: number }>`SELECT id FROM audit_log WHERE chain_pos IS NULL
    AND at < now() - make_interval(secs => ${unsealedGraceSeconds}) ORDER BY id LIMIT 100`.execute(db);
  for (const s of stale) problems.push({ chainPos: null, id: s.id, problem: 'unsealed_old_row' });
  return { ok: problems.length === 0, checked, problems };
}
