/**
 * Objects in known places of the test county and of a second county, for the fuzzer (ids to aim at) and the
 * authorization matrix (objects outside an actor's jurisdiction): in each place a resident with a household,
 * a register entry and a service record, made through the API by a user who may, with names, ID numbers and
 * phones no other resident has (so that finding one in an answer means it leaked).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db-types.ts';
import { systemAddUser } from '../../src/modules/auth/users.service.ts';
import {
  systemAddVillages,
  systemLoadCountyAreas,
  systemSetupInstitutions,
} from '../../src/modules/places/places.service.ts';
import { countyToday } from '../../src/platform/today.ts';
import { PASSWORD, type Client, type TestEnv } from '../harness.ts';
import { buildResident } from '../builders.ts';
import type { Pools } from './openapi-fuzz.ts';
import { testFields } from '../db-template.ts';

/** The second county (长丰县, Hefei): a county administrator there, `outsider`, makes its objects. */
export const OTHER_COUNTY = '340121';
export const OUTSIDER = 'outsider';

export type PlaceName = 'villageA' | 'villageB' | 'otherTownship' | 'otherCounty';

/** One place's objects and the personal data of its resident. */
export interface Place {
  place: PlaceName;
  /** Who made the objects (a user whose jurisdiction holds them). */
  owner: string;
  villageCode: string;
  townshipCode: string;
  residentId: number;
  residentVersion: number;
  name: string;
  idNumber: string;
  phone: string;
  householdId: number;
  enrolmentId: number;
  enrolmentVersion: number;
  serviceId: number;
  serviceVersion: number;
  /** A draft service record (it can still be signed). */
  draftServiceId: number;
  /** A staff account of the place's clinic (the user-management routes' object), its name and phone. */
  userId: number;
  userDisplayName: string;
  userPhone: string;
}

export type Places = Record<PlaceName, Place>;

async function expectOk<T>(label: string, res: Promise<{ statusCode: number; body: string }>): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`fixture: ${label} answered ${r.statusCode}: ${r.body}`);
  return JSON.parse(r.body) as T;
}

/** Distinct Han names (the name pattern allows Han letters only): 域外 + two letters per place. */
const NAMES: Record<PlaceName, string> = {
  villageA: '域甲岚珂',
  villageB: '域乙岚珂',
  otherTownship: '域丙岚珂',
  otherCounty: '域丁岚珂',
};
const STAFF: Record<PlaceName, [username: string, displayName: string, phone: string]> = {
  villageA: ['staff-a', '员甲岚珂', '13800010001'],
  villageB: ['staff-b', '员乙岚珂', '13800020002'],
  otherTownship: ['staff-c', '员丙岚珂', '13800030003'],
  otherCounty: ['staff-d', '员丁岚珂', '13800040004'],
};
const PHONES: Record<PlaceName, string> = {
  villageA: '13700010001',
  villageB: '13700020002',
  otherTownship: '13700030003',
  otherCounty: '13700040004',
};

async function makePlace(
  db: Kysely<DB>,
  place: PlaceName,
  owner: string,
  doc: Client,
  villageCode: string,
  today: string,
): Promise<Place> {
  const input = buildResident(villageCode, {
    name: NAMES[place],
    phone: PHONES[place],
    birthDate: '1952-06-17',
  });
  const household = await expectOk<{ id: number }>(
    `${place} household`,
    doc.post('/api/households', { villageCode, address: `${NAMES[place]}家` }),
  );
  const resident = await expectOk<{ id: number; version: number }>(
    `${place} resident`,
    doc.post('/api/residents', { ...input, householdId: household.id, relationToHead: '02' }),
  );
  const enrolment = await expectOk<{ id: number; version: number }>(
    `${place} enrolment`,
    doc.post(`/api/residents/${resident.id}/enrolments`, {
      program: 'hypertension',
      diagnosisDate: '2020-03-01',
    }),
  );
  const note = { subjective: '头晕', objective: '血压正常', assessment: '无异常', plan: '观察' };
  const envelope = { type: 'encounter', serviceDate: today, delivery: 'clinic', form: note };
  const signed = await expectOk<{ id: number; version: number }>(
    `${place} service`,
    doc.post(`/api/residents/${resident.id}/services`, { ...envelope, sign: true }),
  );
  const draft = await expectOk<{ id: number }>(
    `${place} draft`,
    doc.post(`/api/residents/${resident.id}/services`, envelope),
  );
  const now = await expectOk<{ version: number }>(`${place} read`, doc.get(`/api/residents/${resident.id}`));
  const [username, displayName, userPhone] = STAFF[place];
  const userId = await systemAddUser(db, testFields(), {
    username,
    displayName,
    role: 'village_doctor',
    institutionCode: villageCode,
    password: PASSWORD,
    phone: userPhone,
  });
  return {
    place,
    owner,
    villageCode,
    townshipCode: villageCode.slice(0, 9),
    residentId: resident.id,
    residentVersion: now.version,
    name: input.name,
    idNumber: input.idNumber!,
    phone: input.phone!,
    householdId: household.id,
    enrolmentId: enrolment.id,
    enrolmentVersion: enrolment.version,
    serviceId: signed.id,
    serviceVersion: signed.version,
    draftServiceId: draft.id,
    userId,
    userDisplayName: displayName,
    userPhone,
  };
}

/** Sets up the second county with one village and its administrator `outsider`. */
async function systemAddOtherCounty(env: TestEnv): Promise<string> {
  const { db } = env.database;
  const { townships } = await systemLoadCountyAreas(db, OTHER_COUNTY);
  const village = `${townships[0]!.code}201`;
  await systemAddVillages(
    db,
    OTHER_COUNTY,
    [{ code: village, name: '域外村', townshipCode: townships[0]!.code }],
    true,
  );
  await systemSetupInstitutions(db, OTHER_COUNTY);
  // A test county like the demo one: its administrator signs in with the password alone.
  await db
    .updateTable('deployment_county')
    .set({ is_demo: true })
    .where('county_code', '=', OTHER_COUNTY)
    .execute();
  await systemAddUser(db, testFields(), {
    username: OUTSIDER,
    displayName: '外县管理员',
    role: 'county_admin',
    institutionCode: `${OTHER_COUNTY}000`,
    password: PASSWORD,
  });
  return village;
}

/** A village of the test county outside the demo doctors' township. */
async function otherTownshipVillage(env: TestEnv): Promise<string> {
  const township = env.villageA.slice(0, 9);
  const row = await sql<{ code: string }>`SELECT code FROM area
    WHERE level = 'village' AND county_code = ${env.villageA.slice(0, 6)} AND parent_code <> ${township}
      AND substr(code, 10) >= '200'
    ORDER BY code LIMIT 1`.execute(env.database.db);
  return row.rows[0]!.code;
}

/** Builds the four places (once per environment). */
export async function buildPlaces(env: TestEnv): Promise<Places> {
  const today = countyToday();
  const otherCountyVillage = await systemAddOtherCounty(env);
  const otherVillage = await otherTownshipVillage(env);
  const [cunyi, cunyi2, county, outsider] = await Promise.all(
    ['cunyi', 'cunyi2', 'county', OUTSIDER].map((u) => env.as(u)),
  );
  return {
    villageA: await makePlace(env.database.db, 'villageA', 'cunyi', cunyi!, env.villageA, today),
    villageB: await makePlace(env.database.db, 'villageB', 'cunyi2', cunyi2!, env.villageB, today),
    otherTownship: await makePlace(env.database.db, 'otherTownship', 'county', county!, otherVillage, today),
    otherCounty: await makePlace(
      env.database.db,
      'otherCounty',
      OUTSIDER,
      outsider!,
      otherCountyVillage,
      today,
    ),
  };
}

/** The places' ids, codes and personal data as values for the fuzzer to aim at (first in its pools). */
export function placePools(places: Places): Partial<Pools> {
  const all = Object.values(places);
  return {
    residentIds: all.map((p) => p.residentId),
    householdIds: all.map((p) => p.householdId),
    enrolmentIds: all.map((p) => p.enrolmentId),
    serviceIds: all.flatMap((p) => [p.serviceId, p.draftServiceId]),
    disposableUserIds: all.map((p) => p.userId),
    villageCodes: all.map((p) => p.villageCode),
    townshipCodes: all.map((p) => p.townshipCode),
    names: all.map((p) => p.name),
    idNumbers: all.map((p) => p.idNumber),
    phones: all.map((p) => p.phone),
  };
}
