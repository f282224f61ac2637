/**
 * Scoped repositories: every query of resident data starts from a base that already carries the actor's
 * jurisdiction, so no query adds it by hand. `systemRepos` is the unscoped access of jobs, the CLI and
 * seeding: its name is easy to grep. RESIDENT_TABLES is the one declared list of the tables that hold a
 * resident's data by `resident_id` (merge and transfer walk it).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from './db-types.ts';
import { scopePredicate, type Actor } from '../modules/auth/actor.ts';

/** Tables holding a resident's data, with the column that names the resident. */
export const RESIDENT_TABLES = [
  { table: 'resident', column: 'id' },
  { table: 'resident_version', column: 'resident_id' },
  { table: 'program_enrolment', column: 'resident_id' },
  { table: 'service_record', column: 'resident_id' },
  { table: 'outbox', column: 'resident_id' },
  { table: 'audit_log', column: 'resident_id' },
] as const satisfies readonly { table: keyof DB; column: string }[];

function build(db: Kysely<DB>, actor: Actor | null) {
  const scoped = <Q extends { where: (e: ReturnType<typeof scopePredicate>) => Q }>(
    q: Q,
    alias: string,
  ): Q => (actor ? q.where(scopePredicate(actor.jurisdiction, alias)) : q);
  return {
    db,
    residents: () => scoped(db.selectFrom('resident as r'), 'r'),
    households: () => scoped(db.selectFrom('household as h'), 'h'),
    enrolments: () => scoped(db.selectFrom('program_enrolment as e'), 'e'),
    services: () => scoped(db.selectFrom('service_record as s'), 's'),
    /** County-level users see their counties' log; others only entries about residents in their area. */
    auditLog: () => {
      const q = db.selectFrom('audit_log as a');
      if (!actor) return q;
      const j = actor.jurisdiction;
      return j.counties.length
        ? q.where(sql<SqlBool>`a.county_code = ANY(${j.counties}::text[])`)
        : q.where(
            sql<SqlBool>`a.resident_id IN (SELECT r.id FROM resident r WHERE ${scopePredicate(j, 'r')})`,
          );
    },
  };
}

export type Repos = ReturnType<typeof build>;

/** Repositories scoped to what the actor may see. */
export function repos(db: Kysely<DB>, actor: Actor): Repos {
  return build(db, actor);
}

/** Unscoped repositories for jobs, the CLI and seeding. Never for a request. */
export function systemRepos(db: Kysely<DB>): Repos {
  return build(db, null);
}
