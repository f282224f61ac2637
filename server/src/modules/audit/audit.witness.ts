/**
 * What a server process remembers of the audit rows it committed until they are surely sealed. Someone
 * with database access could delete a row in the seconds before the sealer takes it into the chain; the
 * witness of the process that wrote it then finds it gone and says so in a new audit row
 * (`audit.rows_deleted`, MAC-signed, which `jkda audit verify` reports as `deleted_before_seal`).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';

/** Ids kept at most; beyond it the oldest are forgotten unchecked (a witness must not grow without end). */
const MAX_IDS = 200_000;

export class AuditWitness {
  private pending: { ids: number[]; at: number }[] = [];
  private size = 0;

  /** Rows this process has committed (their transaction or batch insert is done). */
  committed(ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.pending.push({ ids: [...ids], at: Date.now() });
    this.size += ids.length;
    while (this.size > MAX_IDS && this.pending.length > 1) this.size -= this.pending.shift()!.ids.length;
  }

  /**
   * Looks up the rows committed at least `ageMs` ago (by then the sealer, every 2 s, has sealed them, and
   * a later deletion breaks the chain) and forgets them; returns those that are gone.
   */
  async check(db: Kysely<DB>, ageMs = 10_000): Promise<number[]> {
    const until = Date.now() - ageMs;
    const due: number[] = [];
    while (this.pending.length && this.pending[0]!.at <= until) {
      const p = this.pending.shift()!;
      this.size -= p.ids.length;
      due.push(...p.ids);
    }
    if (due.length === 0) return [];
    const { rows } = await sql<{
      id: number;
    }>`SELECT id FROM audit_log WHERE id = ANY(${due}::bigint[])`.execute(db);
    const present = new Set(rows.map((r) => Number(r.id)));
    return due.filter((id) => !present.has(id));
  }
}
