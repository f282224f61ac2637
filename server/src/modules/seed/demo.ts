/**
 * The demo county, made only for a new embedded data folder (or by `jkda seed`): a real Anhui county
 * (金寨县 341524) with its real townships, generated villages, one institution per area, one demo login
 * per role and synthetic residents.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { Role } from '../auth/permissions.ts';
import { systemAddUser } from '../auth/users.service.ts';
import { programRegistry } from '@jkda/domain';
import { enrolByAge, rebuildProgramState } from '../enrolments/enrolments.state.ts';
import { writeAuditInTx } from '../audit/audit.writer.ts';
import type { AuditMac } from '../audit/audit.mac.ts';
import {
  systemAddVillages,
  systemLoadCountyAreas,
  systemSetupInstitutions,
} from '../places/places.service.ts';
import { generateHouseholds, generateVillages } from './generator.ts';
import { systemAddTeam } from '../places/teams.ts';
import { countyToday } from '../../platform/today.ts';
import { systemLoadHouseholds } from './loader.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { markSealed } from '../fieldkeys/fieldkeys.pass.ts';

export const DEMO_COUNTY = '341524';
export const DEMO_PASSWORD = 'Jkda@2026';

export interface DemoLogin {
  username: string;
  role: Role;
  displayName: string;
  institution: string;
}

export interface DemoOptions {
  /** Signs the seed's audit row (the server's audit key). */
  auditMac: AuditMac;
  /** Seals the ID numbers and phones (the server's field keys). */
  fields: FieldCrypto;
  countyCode?: string;
  residents: number;
  seed: number;
  today?: string;
  onProgress?: (loaded: number) => void;
  /** Generate program enrolments and follow-up history (default true). */
  history?: boolean;
  /** Years of service history (default 3). */
  historyYears?: number;
  /** The county of a training environment (jkda training): every page says 培训环境. */
  training?: boolean;
}

/** Creates areas, institutions and demo users of the county (idempotent for areas and institutions). */
export async function systemCreateDemoCounty(
  db: Kysely<DB>,
  opts: DemoOptions,
): Promise<{ logins: DemoLogin[]; residents: number }> {
  // A database with no resident yet has nothing an older key sealed: it needs no sealing pass afterwards.
  const fresh = !(await db.selectFrom('resident').select('id').limit(1).executeTakeFirst());
  const countyCode = opts.countyCode ?? DEMO_COUNTY;
  const { countyName, townships } = await systemLoadCountyAreas(db, countyCode);
  const villages = generateVillages(townships, opts.seed);
  await systemAddVillages(db, countyCode, villages, true);
  await systemSetupInstitutions(db, countyCode);
  await db
    .updateTable('deployment_county')
    .set({ is_demo: true, is_training: opts.training === true })
    .where('county_code', '=', countyCode)
    .execute();

  const institutions = await db
    .selectFrom('institution')
    .select(['id', 'code', 'name', 'kind'])
    .where('county_code', '=', countyCode)
    .orderBy('code')
    .execute();
  const byCode = new Map(institutions.map((i) => [i.code, i]));
  const firstTownship = townships[0]!.code;
  // Demo doctors work in villagers' committees (segment 200+), the usual 村卫生室.
  const townshipVillages = villages.filter(
    (v) => v.townshipCode === firstTownship && Number(v.code.slice(9)) >= 200,
  );
  const villageA = townshipVillages[0]!;
  const villageB = townshipVillages[1] ?? villages[1]!;
  const plan: { username: string; displayName: string; role: Role; institutionCode: string }[] = [
    {
      username: 'cunyi',
      displayName: `${villageA.name}卫生室 王医生`,
      role: 'village_doctor',
      institutionCode: villageA.code,
    },
    {
      username: 'cunyi2',
      displayName: `${villageB.name}卫生室 李医生`,
      role: 'village_doctor',
      institutionCode: villageB.code,
    },
    {
      username: 'xiangzhen',
      displayName: '卫生院公卫医生 陈医生',
      role: 'township_staff',
      institutionCode: firstTownship,
    },
    {
      username: 'xzadmin',
      displayName: '卫生院管理员 刘主任',
      role: 'township_admin',
      institutionCode: firstTownship,
    },
    {
      username: 'county',
      displayName: '县卫健委管理员 张科长',
      role: 'county_admin',
      institutionCode: `${countyCode}000`,
    },
    {
      username: 'city',
      displayName: '市级督导 周督导',
      role: 'city_inspector',
      institutionCode: `${countyCode}000`,
    },
    {
      username: 'sysadmin',
      displayName: '系统管理员',
      role: 'system_admin',
      institutionCode: `${countyCode}000`,
    },
  ];
  const logins: DemoLogin[] = [];
  for (const p of plan) {
    const exists = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', p.username)
      .executeTakeFirst();
    if (!exists) await systemAddUser(db, opts.fields, { ...p, password: DEMO_PASSWORD });
    logins.push({
      username: p.username,
      role: p.role,
      displayName: p.displayName,
      institution: byCode.get(p.institutionCode)?.name ?? '',
    });
  }
  const institutionOf = new Map(institutions.filter((i) => i.code.length === 12).map((i) => [i.code, i.id]));
  const doctorA = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'cunyi')
    .executeTakeFirstOrThrow();
  const doctorB = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'cunyi2')
    .executeTakeFirstOrThrow();
  const leader = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'xiangzhen')
    .executeTakeFirstOrThrow();
  const existingTeam = await db
    .selectFrom('family_doctor_team')
    .select('id')
    .where('county_code', '=', countyCode)
    .executeTakeFirst();
  if (!existingTeam) {
    await systemAddTeam(db, {
      institutionId: byCode.get(firstTownship)!.id,
      name: `${townships[0]!.name}家庭医生团队一`,
      leaderUserId: leader.id,
      members: [
        { userId: leader.id, duty: 'public_health' },
        { userId: doctorA.id, duty: 'doctor' },
        { userId: doctorB.id, duty: 'doctor' },
      ],
    });
  }
  const doctorOf = new Map([
    [villageA.code, doctorA.id],
    [villageB.code, doctorB.id],
  ]);
  const loaded =
    opts.residents > 0
      ? await systemLoadHouseholds(
          db,
          generateHouseholds({
            countyCode,
            countyName,
            villages,
            residents: opts.residents,
            seed: opts.seed,
            today: opts.today ?? countyToday(),
          }),
          {
            countyCode,
            fields: opts.fields,
            institutionOf,
            doctorOf,
            ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
            ...(opts.history === false
              ? {}
              : {
                  history: {
                    seed: opts.seed,
                    today: opts.today ?? countyToday(),
                    staffUserId: leader.id,
                    years: opts.historyYears ?? 3,
                  },
                }),
          },
        )
      : 0;
  if (loaded > 0 && opts.history !== false) {
    // The elderly register by age, then the worklist state from the loaded history.
    const today = opts.today ?? countyToday();
    await enrolByAge(db, programRegistry, today, { countyCode, systemRequestId: 'seed' });
    await rebuildProgramState(db, programRegistry, countyCode, today);
  }
  await writeAuditInTx(db, opts.auditMac, { requestId: 'seed', ip: undefined }, [
    {
      action: 'system.seed',
      countyCode,
      detail: { residents: loaded, seed: opts.seed, villages: villages.length },
    },
  ]);
  if (fresh) await markSealed(db, opts.fields);
  return { logins, residents: loaded };
}
