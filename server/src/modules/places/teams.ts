/** Family-doctor teams (家庭医生团队): a team belongs to an institution and has a leader and members. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { responses } from '../../platform/api-schema.ts';
import { teamList } from './places.schema.ts';

export async function systemAddTeam(
  db: Kysely<DB>,
  t: {
    institutionId: number;
    name: string;
    leaderUserId: number;
    members: { userId: number; duty: 'doctor' | 'nurse' | 'public_health' | 'other' }[];
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const inst = await trx
      .selectFrom('institution')
      .select('county_code')
      .where('id', '=', t.institutionId)
      .executeTakeFirstOrThrow();
    const team = await trx
      .insertInto('family_doctor_team')
      .values({
        county_code: inst.county_code,
        institution_id: t.institutionId,
        name: t.name,
        leader_user_id: t.leaderUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (t.members.length)
      await trx
        .insertInto('family_doctor_team_member')
        .values(t.members.map((m) => ({ team_id: team.id, user_id: m.userId, duty: m.duty })))
        .execute();
    return team.id;
  });
}

export function teamRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/teams',
    {
      config: { permission: 'place.read' },
      schema: {
        tags: ['places'],
        summary: 'Family-doctor teams of my county',
        response: responses({ 200: teamList }),
      },
    },
    async (req) => {
      const county = req.session!.actor.countyCode;
      const teams = await db
        .selectFrom('family_doctor_team as t')
        .innerJoin('institution as i', 'i.id', 't.institution_id')
        .leftJoin('app_user as l', 'l.id', 't.leader_user_id')
        .select([
          't.id',
          't.name',
          't.institution_id',
          'i.name as institution_name',
          't.leader_user_id',
          'l.display_name as leader_name',
        ])
        .where('t.county_code', '=', county)
        .where('t.active', '=', true)
        .orderBy('t.id')
        .execute();
      const members = teams.length
        ? await db
            .selectFrom('family_doctor_team_member as m')
            .innerJoin('app_user as u', 'u.id', 'm.user_id')
            .select(['m.team_id', 'u.id', 'u.display_name', 'm.duty'])
            .where(
              'm.team_id',
              'in',
              teams.map((t) => t.id),
            )
            .execute()
        : [];
      return {
        items: teams.map((t) => ({
          id: t.id,
          name: t.name,
          institutionId: t.institution_id,
          institutionName: t.institution_name,
          leader: t.leader_user_id ? { id: t.leader_user_id, name: t.leader_name ?? '' } : null,
          members: members
            .filter((m) => m.team_id === t.id)
            .map((m) => ({ id: m.id, name: m.display_name, duty: m.duty })),
        })),
      };
    },
  );
}
