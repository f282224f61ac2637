/** Areas, institutions and staff that the user's jurisdiction covers (for filters and pickers). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Jurisdiction } from '../auth/actor.ts';
import { responses } from '../../platform/api-schema.ts';
import { areaList, doctorList, institutionList } from './places.schema.ts';

type ListedLevel = 'county' | 'township' | 'village';
/** The answer lists counties, townships and villages (a county's parent, the prefecture, is left out). */
const listed = <T extends { level: string }>(x: T): x is T & { level: ListedLevel } =>
  x.level === 'county' || x.level === 'township' || x.level === 'village';

/** Areas (any level) inside a jurisdiction, as a SQL predicate on area.code. */
function areaInJurisdiction(j: Jurisdiction) {
  const parts = [
    ...j.counties.map((c) => sql<SqlBool>`a.county_code = ${c}`),
    ...j.townships.map((t) => sql<SqlBool>`(a.code = ${t} OR a.parent_code = ${t})`),
    ...j.villages.map((v) => sql<SqlBool>`a.code = ${v}`),
  ];
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` OR `)})` : sql<SqlBool>`false`;
}

export function placesRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/areas',
    {
      config: { permission: 'place.read' },
      schema: {
        tags: ['places'],
        summary: 'Townships and villages of my jurisdiction',
        response: responses({ 200: areaList }),
      },
    },
    async (req) => {
      const j = req.session!.actor.jurisdiction;
      const rows = await db
        .selectFrom('area as a')
        .select(['a.code', 'a.name', 'a.level', 'a.parent_code'])
        .where('a.level', 'in', ['county', 'township', 'village'])
        .where(areaInJurisdiction(j))
        .orderBy('a.code')
        .execute();
      // Townships above a village-level jurisdiction are included so the tree has its parents.
      const codes = new Set(rows.map((x) => x.code));
      const parents = [
        ...new Set(rows.map((x) => x.parent_code).filter((p): p is string => !!p && !codes.has(p))),
      ];
      const extra = parents.length
        ? await db
            .selectFrom('area as a')
            .select(['a.code', 'a.name', 'a.level', 'a.parent_code'])
            .where('a.code', 'in', parents)
            .execute()
        : [];
      return {
        items: [...extra, ...rows]
          .filter(listed)
          .map((x) => ({ code: x.code, name: x.name, level: x.level, parentCode: x.parent_code })),
      };
    },
  );

  r.get(
    '/api/institutions',
    {
      config: { permission: 'place.read' },
      schema: {
        tags: ['places'],
        summary: 'Institutions of my county',
        response: responses({ 200: institutionList }),
      },
    },
    async (req) => {
      const rows = await db
        .selectFrom('institution')
        .select(['id', 'code', 'name', 'kind', 'area_code', 'parent_id'])
        .where('county_code', '=', req.session!.actor.countyCode)
        .where('active', '=', true)
        .orderBy('code')
        .execute();
      return {
        items: rows.map((i) => ({
          id: i.id,
          code: i.code,
          name: i.name,
          kind: i.kind,
          areaCode: i.area_code,
          parentId: i.parent_id,
        })),
      };
    },
  );

  r.get(
    '/api/doctors',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags: ['places'],
        summary: 'Doctors who can be a resident’s responsible doctor in my county',
        response: responses({ 200: doctorList }),
      },
    },
    async (req) => {
      const rows = await db
        .selectFrom('app_user as u')
        .innerJoin('institution as i', 'i.id', 'u.institution_id')
        .select(['u.id', 'u.display_name', 'i.name as institution_name'])
        .where('u.county_code', '=', req.session!.actor.countyCode)
        .where('u.active', '=', true)
        .where('u.role', 'in', ['village_doctor', 'township_staff', 'township_admin'])
        .orderBy('i.code')
        .orderBy('u.id')
        .execute();
      return {
        items: rows.map((u) => ({ id: u.id, name: u.display_name, institutionName: u.institution_name })),
      };
    },
  );
}
