/**
 * The one change function. Every write of resident data (resident, household, enrolment, service record;
 * later transfer, merge, finding) runs inside `change()`, which in one transaction gives the work scoped
 * repositories and, for each row written, checks it lies in the actor's jurisdiction and writes its
 * version row, its audit row and an outbox event. Jobs are queued only after the commit, with the request
 * id: a committed change always has its events, a rolled-back one never does.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, FieldChange } from './db-types.ts';
import { notFound } from './errors.ts';
import { repos, type Repos } from './repos.ts';
import type { Jobs } from './jobs.ts';
import { inJurisdiction, type Ctx } from '../modules/auth/actor.ts';
import { toRow } from '../modules/audit/audit.writer.ts';
import type { AuditMac } from '../modules/audit/audit.mac.ts';
import type { AuditWitness } from '../modules/audit/audit.witness.ts';

/** The entities the pipeline writes, each with its version table and the column naming the row. */
export const VERSIONED = {
  resident: { table: 'resident_version', key: 'resident_id' },
  household: { table: 'household_version', key: 'household_id' },
  program_enrolment: { table: 'program_enrolment_version', key: 'enrolment_id' },
  service_record: { table: 'service_record_version', key: 'service_record_id' },
} as const;
export type Entity = keyof typeof VERSIONED;

/** One committed change of one row, as the outbox keeps it. */
export interface OutboxEvent {
  id: number;
  entity: Entity;
  entityId: number;
  version: number;
  residentId: number | null;
  countyCode: string;
  kind: string;
}

/** What the work tells the pipeline about a row it wrote. */
export interface Written {
  entity: Entity;
  id: number;
  /** The row's new version. */
  version: number;
  /** Where the row lives; outside the actor's jurisdiction the whole change is refused (404). */
  countyCode: string;
  villageCode: string;
  residentId: number | null;
  /** The version row's action and the outbox event's kind: create, update, sign, amend, enrol, status … */
  kind: string;
  changes?: readonly FieldChange[];
  snapshot: Record<string, unknown>;
  reason?: string | null | undefined;
  /** The audit row: its action (e.g. service.sign), the fields touched and details. */
  audit: { action: string; fields?: string[]; detail?: Record<string, unknown> };
}

export interface ChangeEnv {
  db: Kysely<DB>;
  jobs: Jobs | null;
  /** Signs the audit rows of the change. */
  auditMac: AuditMac;
  /** Told the audit rows of each committed change (audit.witness.ts). */
  auditWitness?: AuditWitness;
  /** Told when a job could not be queued after the commit (the change itself stands, with its events). */
  onQueueError?: (err: unknown, queue: string) => void;
}

export class ChangeTx {
  /** Repositories on the transaction, scoped to the actor. */
  readonly repos: Repos;

  constructor(
    readonly trx: Kysely<DB>,
    readonly ctx: Ctx,
    private readonly events: OutboxEvent[],
    private readonly queued: { queue: string; data: Record<string, unknown> }[],
    private readonly auditMac: AuditMac,
    private readonly auditIds: number[],
  ) {
    this.repos = repos(trx, ctx.actor);
  }

  /**
   * Locks the resident's row for the rest of the transaction (scoped: out of jurisdiction is 404). Changes
   * of one resident then commit one after another, so their outbox events are in commit order.
   */
  async lockResident(residentId: number) {
    const r = await this.repos
      .residents()
      .select([
        'r.id',
        'r.county_code',
        'r.township_code',
        'r.village_code',
        'r.birth_date',
        'r.sex',
        'r.status',
        'r.version',
      ])
      .where('r.id', '=', residentId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!r) throw notFound();
    return r;
  }

  /** Records rows the work wrote: scope, version rows, audit rows and outbox events, in batches. */
  async written(...rows: Written[]): Promise<void> {
    if (rows.length === 0) return;
    for (const w of rows) if (!inJurisdiction(this.ctx.actor.jurisdiction, w.villageCode)) throw notFound();
    const byEntity = new Map<Entity, Written[]>();
    for (const w of rows) byEntity.set(w.entity, [...(byEntity.get(w.entity) ?? []), w]);
    for (const [entity, list] of byEntity) {
      const { table, key } = VERSIONED[entity];
      const values = list.map((w) => ({
        [key]: w.id,
        version: w.version,
        county_code: w.countyCode,
        changed_by: this.ctx.actor.userId,
        request_id: this.ctx.requestId,
        action: w.kind,
        reason: w.reason ?? null,
        changes: JSON.stringify(w.changes ?? []),
        snapshot: JSON.stringify(w.snapshot),
      }));
      await this.trx.insertInto(table).values(values).execute();
    }
    const audited = await this.trx
      .insertInto('audit_log')
      .values(
        rows.map((w) =>
          toRow(
            this.ctx,
            {
              action: w.audit.action,
              entityType: w.entity,
              entityId: w.id,
              residentId: w.residentId,
              countyCode: w.countyCode,
              ...(w.audit.fields ? { fields: w.audit.fields } : {}),
              ...(w.audit.detail ? { detail: w.audit.detail } : {}),
            },
            this.auditMac,
          ),
        ),
      )
      .returning('id')
      .execute();
    this.auditIds.push(...audited.map((r) => r.id));
    const ids = await this.trx
      .insertInto('outbox')
      .values(
        rows.map((w) => ({
          county_code: w.countyCode,
          entity: w.entity,
          entity_id: w.id,
          version: w.version,
          resident_id: w.residentId,
          kind: w.kind,
          request_id: this.ctx.requestId,
        })),
      )
      .returning('id')
      .execute();
    rows.forEach((w, i) =>
      this.events.push({
        id: ids[i]!.id,
        entity: w.entity,
        entityId: w.id,
        version: w.version,
        residentId: w.residentId,
        countyCode: w.countyCode,
        kind: w.kind,
      }),
    );
  }

  /** Queues a job once the change has committed (never if it rolls back). */
  after(queue: string, data: Record<string, unknown> = {}): void {
    this.queued.push({ queue, data });
  }
}

/** Runs one change: the work, its versions, audit and outbox in one transaction; then its jobs. */
export async function change<T>(env: ChangeEnv, ctx: Ctx, work: (tx: ChangeTx) => Promise<T>): Promise<T> {
  const events: OutboxEvent[] = [];
  const queued: { queue: string; data: Record<string, unknown> }[] = [];
  const auditIds: number[] = [];
  const result = await env.db
    .transaction()
    .execute((trx) => work(new ChangeTx(trx, ctx, events, queued, env.auditMac, auditIds)));
  env.auditWitness?.committed(auditIds);
  if (env.jobs) {
    for (const j of [...queued, ...env.jobs.jobsFor(events)]) {
      try {
        await env.jobs.send(j.queue, j.data, ctx.requestId);
      } catch (e) {
        env.onQueueError?.(e, j.queue);
      }
    }
  }
  return result;
}

/** The committed events of a resident, oldest first (for tests, the upload and the duplicate checks). */
export async function systemOutboxOf(db: Kysely<DB>, residentId: number) {
  return db.selectFrom('outbox').selectAll().where('resident_id', '=', residentId).orderBy('id').execute();
}

/** The next version of a row, as SQL (for bulk updates that bump many rows at once). */
export const nextVersion = sql<number>`version + 1`;
