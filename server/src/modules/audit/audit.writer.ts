/**
 * Writing the audit log. A change writes its audit rows inside its own transaction (writeInTx); a read
 * goes through the group-commit writer (record), which batches rows from concurrent requests into one
 * INSERT and resolves each caller only after that INSERT committed, so nothing is answered unaudited.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AuditLogTable, DB } from '../../platform/db-types.ts';
import type { Actor } from '../auth/actor.ts';
import { atMicros, type AuditMac } from './audit.mac.ts';
import type { AuditWitness } from './audit.witness.ts';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string | number;
  residentId?: number | null;
  fields?: string[];
  outcome?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
  countyCode?: string;
  /** The account a row without a signed-in actor is about (a sign-in attempt). */
  actorUserId?: number;
}

export interface AuditCtx {
  actor?: Actor | undefined;
  requestId: string;
  ip: string | undefined;
}

/** The row of an entry, with the time the server sets and the MAC over both (audit.mac.ts). */
export function toRow(ctx: AuditCtx, e: AuditEntry, mac: AuditMac): Insertable<AuditLogTable> {
  const at = new Date();
  const row = {
    county_code: e.countyCode ?? ctx.actor?.countyCode ?? null,
    actor_user_id: ctx.actor?.userId ?? e.actorUserId ?? null,
    actor_username: ctx.actor?.username ?? null,
    actor_role: ctx.actor?.role ?? null,
    ip: ctx.ip ?? null,
    request_id: ctx.requestId,
    action: e.action,
    entity_type: e.entityType ?? null,
    entity_id: e.entityId === undefined ? null : String(e.entityId),
    resident_id: e.residentId ?? null,
    fields: e.fields ?? null,
    outcome: e.outcome ?? 'ok',
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
  return { ...row, at, mac: mac.sign({ ...row, at_us: atMicros(at) }) };
}

/** Writes audit rows on the caller's connection or transaction (they commit with it). */
export async function writeAuditInTx(
  trx: Kysely<DB>,
  mac: AuditMac,
  ctx: AuditCtx,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(entries.map((e) => toRow(ctx, e, mac)))
    .execute();
}

interface Pending {
  rows: Insertable<AuditLogTable>[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH_ROWS = 500;

/** Runs one statement; on PostgreSQL a pool whose sessions have synchronous_commit = off. */
export type AuditSql = (text: string, values: unknown[]) => Promise<{ rows: { id: number }[] }>;

const INSERT_BATCH = `INSERT INTO audit_log (county_code, actor_user_id, actor_username, actor_role, ip, request_id,
    action, entity_type, entity_id, resident_id, fields, outcome, detail, at, mac)
  SELECT c, u, un, ro, ip, rq, ac, et, ei, ri, CASE WHEN f IS NULL THEN NULL ELSE string_to_array(f, chr(31)) END, oc,
    d::jsonb, at, m
  FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::int8[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::text[])
    AS t(c, u, un, ro, ip, rq, ac, et, ei, ri, f, oc, d, at, m)
  RETURNING id`;

export class AuditWriter {
  private queue: Pending[] = [];
  private flushing = false;

  /** `run` executes SQL on the audit connections (see Database.auditPool); `mac` signs each row. */
  constructor(
    private readonly run: AuditSql,
    private readonly mac: AuditMac,
    private readonly witness?: AuditWitness,
  ) {}

  /** Writes the entries and resolves once they are committed. */
  record(ctx: AuditCtx, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows: entries.map((e) => toRow(ctx, e, this.mac)), resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let n = 0;
        while (this.queue.length > 0 && n < MAX_BATCH_ROWS) {
          const p = this.queue.shift()!;
          batch.push(p);
          n += p.rows.length;
        }
        try {
          // One constant statement over column arrays (cheap to send and to plan). On PostgreSQL it runs on
          // connections that commit without waiting for the WAL flush (written within wal_writer_delay,
          // 200 ms by default): a crash of the database server in that window can lose the newest read
          // entries. Changes and their audit rows always commit synchronously (writeAuditInTx).
          const rows = batch.flatMap((p) => p.rows);
          const col = <K extends keyof Insertable<AuditLogTable>>(k: K) => rows.map((r) => r[k] ?? null);
          const inserted = await this.run(INSERT_BATCH, [
            col('county_code'),
            col('actor_user_id'),
            col('actor_username'),
            col('actor_role'),
            col('ip'),
            col('request_id'),
            col('action'),
            col('entity_type'),
            col('entity_id'),
            col('resident_id'),
            rows.map((r) => (r.fields ? r.fields.join('\u001f') : null)),
            col('outcome'),
            col('detail'),
            rows.map((r) => (r.at instanceof Date ? r.at.toISOString() : (r.at ?? null))),
            col('mac'),
          ]);
          this.witness?.committed(inserted.rows.map((r) => Number(r.id)));
          for (const p of batch) p.resolve();
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
