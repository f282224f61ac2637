/**
 * Loading the area tree and setting up a county: its townships, institutions (county health
 * commission, township health centers, village clinics) and the areas each is responsible for.
 * These run as the unscoped SYSTEM (CLI, first start), never on behalf of a request.
 */
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { DB, InstitutionKind } from '../../platform/db-types.ts';

const DIVISIONS_CSV = new URL('../../../data/divisions/anhui-divisions.csv', import.meta.url);

interface DivisionRow {
  code: string;
  name: string;
  level: 'province' | 'prefecture' | 'county' | 'township';
  parent: string | null;
}

export function readDivisions(): DivisionRow[] {
  const lines = fs.readFileSync(DIVISIONS_CSV, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [code, name, level, parent] = l.split(',');
    return { code: code!, name: name!, level: level as DivisionRow['level'], parent: parent || null };
  });
}

/** Inserts (or keeps) the province, prefecture, county and township rows of one county. */
export async function systemLoadCountyAreas(
  db: Kysely<DB>,
  countyCode: string,
): Promise<{ countyName: string; townships: { code: string; name: string }[] }> {
  const all = readDivisions();
  const county = all.find((r) => r.code === countyCode && r.level === 'county');
  if (!county) throw new Error(`County ${countyCode} is not in the division list (Anhui counties only).`);
  const prefecture = all.find((r) => r.code === county.parent)!;
  const province = all.find((r) => r.code === prefecture.parent)!;
  const townships = all.filter((r) => r.level === 'township' && r.parent === countyCode);
  const rows = [province, prefecture, county, ...townships].map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parent_code: r.parent,
    county_code: r.level === 'county' || r.level === 'township' ? countyCode : null,
  }));
  await db
    .insertInto('area')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return { countyName: county.name, townships: townships.map((t) => ({ code: t.code, name: t.name })) };
}

export interface VillageInput {
  code: string;
  name: string;
  townshipCode: string;
}

export async function systemAddVillages(
  db: Kysely<DB>,
  countyCode: string,
  villages: VillageInput[],
  generated: boolean,
): Promise<void> {
  for (const v of villages) {
    if (!/^\d{12}$/.test(v.code) || !v.code.startsWith(v.townshipCode))
      throw new Error(`Village code ${v.code} must be 12 digits under township ${v.townshipCode}.`);
  }
  if (villages.length === 0) return;
  await db
    .insertInto('area')
    .values(
      villages.map((v) => ({
        code: v.code,
        name: v.name,
        level: 'village' as const,
        parent_code: v.townshipCode,
        county_code: countyCode,
        generated,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Township-level segment 001–099 is a street (街道): served by a community health center. */
const isStreet = (townshipCode: string): boolean => townshipCode.charAt(6) === '0';
/** Village segment 001–199 is a residents' committee (社区/居委会). */
const isResidentsCommittee = (villageCode: string): boolean => Number(villageCode.slice(9)) < 200;

/**
 * Creates the county's institutions: the county health commission, a township health center (or community
 * health center) per township and a village clinic (or community health station) per village.
 */
export async function systemSetupInstitutions(db: Kysely<DB>, countyCode: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const county = await trx
      .selectFrom('area')
      .select(['code', 'name'])
      .where('code', '=', countyCode)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('deployment_county')
      .values({ county_code: countyCode })
      .onConflict((oc) => oc.column('county_code').doNothing())
      .execute();
    const ensure = async (
      code: string,
      name: string,
      kind: InstitutionKind,
      areaCode: string,
      parentId: number | null,
      serves: string,
    ) => {
      const existing = await trx
        .selectFrom('institution')
        .select('id')
        .where('county_code', '=', countyCode)
        .where('code', '=', code)
        .executeTakeFirst();
      const id =
        existing?.id ??
        (
          await trx
            .insertInto('institution')
            .values({ county_code: countyCode, code, name, kind, area_code: areaCode, parent_id: parentId })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      await trx
        .insertInto('institution_area')
        .values({ institution_id: id, area_code: serves, county_code: countyCode })
        .onConflict((oc) => oc.columns(['institution_id', 'area_code']).doNothing())
        .execute();
      return id;
    };
    const commissionId = await ensure(
      `${countyCode}000`,
      `${county.name}卫生健康委员会`,
      'county_health_commission',
      countyCode,
      null,
      countyCode,
    );
    const townships = await trx
      .selectFrom('area')
      .select(['code', 'name'])
      .where('parent_code', '=', countyCode)
      .where('level', '=', 'township')
      .orderBy('code')
      .execute();
    for (const t of townships) {
      const street = isStreet(t.code);
      const centerName = street
        ? `${t.name}社区卫生服务中心`
        : `${t.name.replace(/(镇|乡)$/, '')}${t.name.endsWith('乡') ? '乡' : '镇'}卫生院`;
      const centerId = await ensure(
        t.code,
        centerName,
        street ? 'community_health_center' : 'township_health_center',
        t.code,
        commissionId,
        t.code,
      );
      const villages = await trx
        .selectFrom('area')
        .select(['code', 'name'])
        .where('parent_code', '=', t.code)
        .where('level', '=', 'village')
        .orderBy('code')
        .execute();
      for (const v of villages) {
        const station = isResidentsCommittee(v.code);
        await ensure(
          v.code,
          station ? `${v.name.replace(/社区$/, '')}社区卫生服务站` : `${v.name}卫生室`,
          station ? 'community_health_station' : 'village_clinic',
          v.code,
          centerId,
          v.code,
        );
      }
    }
  });
}

export async function systemIsEmpty(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM deployment_county`.execute(db);
  return (rows[0]?.n ?? 0) === 0;
}
