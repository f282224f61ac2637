/**
 * Writing the audit log. A change writes its audit rows inside its own transaction (writeInTx); a read
 * goes through the group-commit writer (record), which batches rows from concurrent requests into one
 * INSERT and resolves each caller only after that INSERT committed, so nothing is answered unaudited.
 */
import type { Insertable, Kysely } from 'kysely';
import type { AuditLogTable, DB } from '../../platform/db-types.ts';
import type { Actor } from '../auth/actor.ts';

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string | number;
  residentId?: number | null;
  fields?: string[];
  outcome?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
  countyCode?: string;
}

export interface AuditCtx {
  actor?: Actor | undefined;
  requestId: string;
  ip: string | undefined;
}

export function toRow(ctx: AuditCtx, e: AuditEntry): Insertable<AuditLogTable> {
  return {
    county_code: e.countyCode ?? ctx.actor?.countyCode ?? null,
    actor_user_id: ctx.actor?.userId ?? null,
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
}

export async function writeAuditInTx(trx: Kysely<DB>, ctx: AuditCtx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('audit_log')
    .values(entries.map((e) => toRow(ctx, e)))
    .execute();
}

interface Pending {
  rows: Insertable<AuditLogTable>[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH_ROWS = 500;

export class AuditWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<DB>) {}

  /** Writes the entries and resolves once they are committed. */
  record(ctx: AuditCtx, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows: entries.map((e) => toRow(ctx, e)), resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let rows = 0;
        while (this.queue.length > 0 && rows < MAX_BATCH_ROWS) {
          const p = this.queue.shift()!;
          batch.push(p);
          rows += p.rows.length;
        }
        try {
          // On PostgreSQL this connection commits without waiting for the WAL flush (written within
          // wal_writer_delay, 200 ms by default): a crash of the database server in that window can lose the
          // newest read entries. Changes and their audit rows always commit synchronously (writeAuditInTx).
          await this.db
            .insertInto('audit_log')
            .values(batch.flatMap((p) => p.rows))
            .execute();
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
