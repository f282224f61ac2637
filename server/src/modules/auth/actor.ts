/** The signed-in user as every service sees it, with the jurisdiction that scopes resident data. */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { fieldError } from '../../platform/errors.ts';
import type { Role } from './permissions.ts';

export interface Jurisdiction {
  counties: string[];
  townships: string[];
  villages: string[];
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  institutionId: number;
  institutionName: string;
  countyCode: string;
  jurisdiction: Jurisdiction;
}

/** What a service needs of the request: who acts, and how to trace it. */
export interface Ctx {
  actor: Actor;
  requestId: string;
  ip: string | undefined;
}

/** Area codes (any level) → jurisdiction sets. */
export function jurisdictionFromAreas(codes: string[]): Jurisdiction {
  const j: Jurisdiction = { counties: [], townships: [], villages: [] };
  for (const c of codes) {
    if (c.length === 6) j.counties.push(c);
    else if (c.length === 9) j.townships.push(c);
    else if (c.length === 12) j.villages.push(c);
  }
  return j;
}

/** Whether an area code (county, township or village) lies inside the jurisdiction. */
export function inJurisdiction(j: Jurisdiction, areaCode: string): boolean {
  return (
    j.counties.some((c) => areaCode.startsWith(c)) ||
    j.townships.some((t) => areaCode.startsWith(t)) ||
    j.villages.some((v) => areaCode === v)
  );
}

/**
 * SQL predicate restricting rows that carry county_code / township_code / village_code columns to the
 * jurisdiction. An empty jurisdiction matches nothing.
 */
export function scopePredicate(j: Jurisdiction, alias?: string): Expression<SqlBool> {
  const col = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  const parts: Expression<SqlBool>[] = [];
  // A single code is written as `=` so the planner can walk an ordered index on that column.
  const match = (name: string, codes: string[]): Expression<SqlBool> =>
    codes.length === 1
      ? sql<SqlBool>`${col(name)} = ${codes[0]}`
      : sql<SqlBool>`${col(name)} = ANY(${codes}::text[])`;
  if (j.counties.length) parts.push(match('county_code', j.counties));
  if (j.townships.length) parts.push(match('township_code', j.townships));
  if (j.villages.length) parts.push(match('village_code', j.villages));
  if (parts.length === 0) return sql<SqlBool>`false`;
  if (parts.length === 1) return parts[0]!;
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/**
 * A responsible or managing doctor must be an active clinical user (village doctor, township staff or
 * administrator) of the actor's county; otherwise `field` answers doctor_not_found.
 */
export async function assertClinicalUser(
  db: Kysely<DB>,
  ctx: Ctx,
  userId: number,
  field: string,
): Promise<void> {
  const u = await db
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('county_code', '=', ctx.actor.countyCode)
    .where('active', '=', true)
    .where('role', 'in', ['village_doctor', 'township_staff', 'township_admin'])
    .executeTakeFirst();
  if (!u) throw fieldError(field, 'doctor_not_found');
}
