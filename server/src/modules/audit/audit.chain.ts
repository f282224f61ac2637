/**
 * Tamper evidence for the audit log (ADR 0003, 0008). Each row carries the MAC the server made as it wrote
 * it (audit.mac.ts); within seconds rows are sealed, in one order, into an HMAC-SM3 chain
 * (hash = HMAC(key, prev_hash | canonical row)). The key lives outside the database, so someone who can edit
 * the tables can neither forge a row nor recompute the chain. `verifyChain` finds edited, deleted,
 * re-ordered, forged and copied rows, and, against the signed checkpoints kept off the database
 * (audit.checkpoint.ts), a chain cut back at its tail.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { AuditMac, type MacFields } from './audit.mac.ts';
import type { Checkpoint } from './audit.checkpoint.ts';

const SEAL_LOCK_KEY = 7_350_002;
const GENESIS = 'jkda-audit-genesis';
const PAGE = 2000;

/** A row as the chain and the MAC read it (the MAC's columns, as text where the database gives text). */
interface CanonicalRow extends MacFields {
  id: number;
  mac: string | null;
}

const canonicalColumns = sql`a.id, a.county_code, (extract(epoch from a.at) * 1000000)::bigint::text AS at_us,
  a.actor_user_id, a.actor_username, a.actor_role, a.ip, a.request_id, a.action, a.entity_type, a.entity_id,
  a.resident_id, a.fields, a.outcome, a.detail::text AS detail, a.mac`;

/** The id up to which rows may lack a MAC (written before migration 0014). */
async function macSince(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('audit_mac_since').select('audit_id').where('id', '=', 1).executeTakeFirst();
  return r?.audit_id ?? 0;
}

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

/** How far behind the newest sealed id the sealer looks for rows that committed late. */
const LATE_WINDOW = 5000;

/**
 * Seals unsealed rows (in id order) by inserting their chain entries into audit_seal. Rows that
 * committed after newer ones were sealed are picked up within LATE_WINDOW ids; `full` looks at every row.
 * Returns how many rows were sealed (0 if another process is sealing).
 */
export async function sealAuditLog(
  db: Kysely<DB>,
  key: Buffer,
  opts: { maxRows?: number; full?: boolean; onForged?: (ids: number[]) => void } = {},
): Promise<number> {
  const maxRows = opts.maxRows ?? 20_000;
  const mac = new AuditMac(key);
  const since = await macSince(db);
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
      // Rows already sealed among the recent ids (read by chain position: no index on audit_id is kept,
      // so sealing adds one index entry per row, not two).
      const recent = opts.full
        ? null
        : (
            await sql<{
              audit_id: number;
            }>`SELECT audit_id FROM audit_seal WHERE chain_pos > ${pos - LATE_WINDOW}`.execute(trx)
          ).rows.map((r) => r.audit_id);
      const low = recent === null ? 0 : recent.reduce((m, id) => (id > m ? id : m), 0) - LATE_WINDOW;
      const sealed = new Set((recent ?? []).map(Number));
      // The ids first (from the primary key), then the bodies of the unsealed ones only: re-reading the
      // whole late window's rows every 2 s (worklist reads carry their residents' ids) cost 200 ms a run.
      const { rows: idRows } = opts.full
        ? await sql<{ id: number }>`SELECT a.id FROM audit_log a
            WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
            ORDER BY a.id LIMIT ${PAGE}`.execute(trx)
        : await sql<{ id: number }>`SELECT a.id FROM audit_log a
            WHERE a.id > ${low} ORDER BY a.id LIMIT ${PAGE + sealed.size}`.execute(trx);
      const todo = idRows
        .map((r) => Number(r.id))
        .filter((id) => !sealed.has(id))
        .slice(0, PAGE);
      if (todo.length === 0) return 0;
      const { rows } = await sql<CanonicalRow>`SELECT ${canonicalColumns} FROM audit_log a
        WHERE a.id = ANY(${todo}::bigint[]) ORDER BY a.id`.execute(trx);
      const ids: number[] = [];
      const positions: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      // A row without the server's MAC is sealed all the same (the chain keeps its place) and reported: it
      // was written by someone with database access alone.
      const forged = rows.filter((r) => r.id > since && !mac.check(r.mac, r)).map((r) => r.id);
      if (forged.length) opts.onForged?.(forged);
      for (const r of rows) {
        pos += 1;
        const h = chainHash(key, prev, pos, r);
        ids.push(r.id);
        positions.push(pos);
        prevs.push(prev);
        hashes.push(h);
        prev = h;
      }
      await sql`INSERT INTO audit_seal (chain_pos, audit_id, prev_hash, hash)
        SELECT * FROM unnest(${positions}::bigint[], ${ids}::bigint[], ${prevs}::text[], ${hashes}::text[])`.execute(
        trx,
      );
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
  problem:
    | 'hash_mismatch'
    | 'link_broken'
    | 'missing_row'
    | 'missing_seal'
    | 'head_mismatch'
    | 'unsealed_old_row'
    /** The row's MAC is missing or is not the server's: inserted or edited in the database. */
    | 'forged_row'
    /** A second row with the MAC of another: a genuine row copied. */
    | 'copied_row'
    /** A signed checkpoint names a chain position past the chain's end: rows were cut from the tail. */
    | 'cut_tail'
    /** A signed checkpoint's hash differs from the chain's at its position. */
    | 'checkpoint_mismatch'
    /** A checkpoint file whose signature does not verify. */
    | 'checkpoint_bad_signature'
    /** A server found rows it had written gone before they were sealed (an audit.rows_deleted event). */
    | 'deleted_before_seal';
  /** The checkpoint file a checkpoint problem comes from. */
  file?: string;
}

export interface VerifyOptions {
  /** Rows left unsealed for longer than this are reported (default 300 s). */
  unsealedGraceSeconds?: number;
  /** Signed checkpoints read from the checkpoint folder (readCheckpoints). */
  checkpoints?: Checkpoint[];
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
}

/** Recomputes the whole chain and every row's MAC, and holds the chain against the checkpoints. */
export async function verifyChain(
  db: Kysely<DB>,
  key: Buffer,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const unsealedGraceSeconds = opts.unsealedGraceSeconds ?? 300;
  const mac = new AuditMac(key);
  const since = await macSince(db);
  const problems: ChainProblem[] = [];
  const wanted = new Map<number, Checkpoint[]>();
  for (const c of opts.checkpoints ?? []) {
    if (!c.signatureOk) {
      problems.push({ chainPos: c.chainPos, id: null, problem: 'checkpoint_bad_signature', file: c.file });
      continue;
    }
    wanted.set(c.chainPos, [...(wanted.get(c.chainPos) ?? []), c]);
  }
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
    const { rows } = await sql<
      CanonicalRow & {
        chain_pos: number;
        audit_id: number;
        prev_hash: string;
        hash: string;
        present: boolean;
      }
    >`SELECT s.chain_pos, s.audit_id, s.prev_hash, s.hash, a.id IS NOT NULL AS present, ${canonicalColumns}
      FROM audit_seal s LEFT JOIN audit_log a ON a.id = s.audit_id
      WHERE s.chain_pos >= ${expectedPos} ORDER BY s.chain_pos LIMIT ${PAGE}`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.chain_pos !== expectedPos)
        problems.push({ chainPos: expectedPos, id: null, problem: 'missing_seal' });
      else if (r.prev_hash !== prev)
        problems.push({ chainPos: r.chain_pos, id: r.audit_id, problem: 'link_broken' });
      if (!r.present) problems.push({ chainPos: r.chain_pos, id: r.audit_id, problem: 'missing_row' });
      else if (chainHash(key, r.prev_hash, r.chain_pos, r) !== r.hash)
        problems.push({ chainPos: r.chain_pos, id: r.audit_id, problem: 'hash_mismatch' });
      else if (r.audit_id > since && !mac.check(r.mac, r))
        problems.push({ chainPos: r.chain_pos, id: r.audit_id, problem: 'forged_row' });
      for (const c of wanted.get(r.chain_pos) ?? [])
        if (c.hash !== r.hash)
          problems.push({
            chainPos: r.chain_pos,
            id: r.audit_id,
            problem: 'checkpoint_mismatch',
            file: c.file,
          });
      prev = r.hash;
      expectedPos = r.chain_pos + 1;
      lastPos = r.chain_pos;
      checked += 1;
    }
  }
  if (head && (head.chain_pos !== lastPos || head.hash !== prev)) {
    problems.push({ chainPos: head.chain_pos, id: null, problem: 'head_mismatch' });
  }
  for (const [pos, list] of wanted)
    if (pos > lastPos)
      for (const c of list) problems.push({ chainPos: pos, id: null, problem: 'cut_tail', file: c.file });
  // Rows not sealed yet: each must still carry the server's MAC.
  for (let after = 0; ;) {
    const { rows } = await sql<CanonicalRow>`SELECT ${canonicalColumns} FROM audit_log a
      WHERE a.id > ${after} AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
      ORDER BY a.id LIMIT ${PAGE}`.execute(db);
    for (const r of rows)
      if (r.id > since && !mac.check(r.mac, r))
        problems.push({ chainPos: null, id: r.id, problem: 'forged_row' });
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.id;
  }
  const { rows: copies } = await sql<{ id: number }>`SELECT a.id FROM audit_log a
    JOIN (SELECT mac, min(id) AS first FROM audit_log WHERE mac IS NOT NULL GROUP BY mac HAVING count(*) > 1) d
      ON d.mac = a.mac AND a.id <> d.first
    ORDER BY a.id LIMIT 100`.execute(db);
  for (const c of copies) problems.push({ chainPos: null, id: c.id, problem: 'copied_row' });
  // What a server noticed while the rows were still unsealed (its own, MAC-checked, rows).
  const { rows: deleted } = await sql<{
    id: number;
    detail: string | null;
  }>`SELECT a.id, a.detail::text AS detail
    FROM audit_log a WHERE a.action = 'audit.rows_deleted' ORDER BY a.id LIMIT 100`.execute(db);
  for (const d of deleted) {
    const ids = (JSON.parse(d.detail ?? '{}') as { ids?: number[] }).ids ?? [];
    for (const id of ids.slice(0, 100)) problems.push({ chainPos: null, id, problem: 'deleted_before_seal' });
  }
  const { rows: stale } = await sql<{ id: number }>`SELECT a.id FROM audit_log a
    WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
      AND a.at < now() - make_interval(secs => ${unsealedGraceSeconds}) ORDER BY a.id LIMIT 100`.execute(db);
  for (const s of stale) problems.push({ chainPos: null, id: s.id, problem: 'unsealed_old_row' });
  return { ok: problems.length === 0, checked, problems };
}
