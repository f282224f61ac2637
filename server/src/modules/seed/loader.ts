/**
 * Loads generated households and residents in batches (one multi-row INSERT over unnest() arrays per
 * table per batch), fast on PGlite and on PostgreSQL. Runs as SYSTEM.
 */
import { sql, type Kysely } from 'kysely';
import { formatRecordNumber, keyTagsFor, namePinyin } from '@jkda/domain';
import type { DB } from '../../platform/db-types.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import type { GeneratedHousehold } from './generator.ts';
import { generateHistory } from './history.ts';
import { generateServices } from './history-services.ts';
import { generateMotherChild } from './history-mother-child.ts';
import { programRegistry } from '@jkda/domain';
import { sealBasicInfo } from '../registry/resident.fields.ts';

export interface LoadOptions {
  countyCode: string;
  /** Seals the ID numbers and phones and makes their blind indexes. */
  fields: FieldCrypto;
  batchResidents?: number;
  /** Institution that created each village's records: village code → institution id. */
  institutionOf: Map<string, number>;
  /** Responsible doctor per village (optional). */
  doctorOf?: Map<string, number>;
  onProgress?: (loaded: number) => void;
  /** Enrol hypertension/diabetes patients and generate their follow-up history (see history.ts). */
  history?: { seed: number; today: string; staffUserId: number; years?: number };
  /** Set by systemLoadHouseholds when the database user may skip foreign key checks (a superuser). */
  skipForeignKeyChecks?: boolean;
}

async function reserveIds(db: Kysely<DB>, table: 'household' | 'resident', n: number): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int8 AS id
    FROM generate_series(1, ${n})`.execute(db);
  return rows.map((r) => r.id);
}

export async function systemLoadHouseholds(
  db: Kysely<DB>,
  households: Iterable<GeneratedHousehold>,
  opts: LoadOptions,
): Promise<number> {
  const batchSize = opts.batchResidents ?? 5000;
  const seqOf = new Map<string, number>();
  const pinyinCache = new Map<string, { full: string; initials: string }>();
  const counters = await db
    .selectFrom('record_number_counter')
    .select(['village_code', 'last_seq'])
    .execute();
  for (const c of counters) seqOf.set(c.village_code, c.last_seq);
  const { rows } = await sql<{
    su: boolean;
  }>`SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`.execute(db);
  const load = { ...opts, skipForeignKeyChecks: rows[0]?.su === true };
  let batch: GeneratedHousehold[] = [];
  let inBatch = 0;
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await insertBatch(db, batch, load, seqOf, pinyinCache);
    loaded += inBatch;
    opts.onProgress?.(loaded);
    batch = [];
    inBatch = 0;
    if (pinyinCache.size > 200_000) pinyinCache.clear();
  };
  for (const h of households) {
    batch.push(h);
    inBatch += h.members.length;
    if (inBatch >= batchSize) await flush();
  }
  await flush();
  if (seqOf.size > 0) {
    const villages = [...seqOf.keys()];
    await sql`INSERT INTO record_number_counter (village_code, county_code, last_seq)
      SELECT v, ${opts.countyCode}, s FROM unnest(${villages}::text[], ${villages.map((v) => seqOf.get(v)!)}::int[]) AS t(v, s)
      ON CONFLICT (village_code) DO UPDATE SET last_seq = EXCLUDED.last_seq`.execute(db);
  }
  return loaded;
}

async function insertBatch(
  db: Kysely<DB>,
  batch: GeneratedHousehold[],
  opts: LoadOptions,
  seqOf: Map<string, number>,
  pinyinCache: Map<string, { full: string; initials: string }>,
): Promise<void> {
  const residentsTotal = batch.reduce((n, h) => n + h.members.length, 0);
  await db.transaction().execute(async (trx) => {
    // Generated rows reference only what this load created, so foreign key checks are skipped for the batch
    // (a third of the time with millions of service records). Needs a superuser; others keep the checks.
    if (opts.skipForeignKeyChecks) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    const hIds = await reserveIds(trx, 'household', batch.length);
    const rIds = await reserveIds(trx, 'resident', residentsTotal);
    const H = {
      id: [] as number[],
      township: [] as string[],
      village: [] as string[],
      head: [] as number[],
      address: [] as string[],
    };
    const R = {
      id: [] as number[],
      township: [] as string[],
      village: [] as string[],
      recno: [] as string[],
      name: [] as string[],
      pinyin: [] as string[],
      initials: [] as string[],
      sex: [] as string[],
      birth: [] as string[],
      idType: [] as string[],
      idEnc: [] as (string | null)[],
      idBi: [] as (string | null)[],
      id4: [] as (string | null)[],
      id6: [] as (string | null)[],
      phoneEnc: [] as (string | null)[],
      phoneBi: [] as (string | null)[],
      phone4: [] as (string | null)[],
      household: [] as number[],
      relation: [] as string[],
      tags: [] as string[],
      institution: [] as number[],
      doctor: [] as (number | null)[],
      recordDate: [] as string[],
      current: [] as string[],
      registered: [] as string[],
      basic: [] as string[],
    };
    let ri = 0;
    batch.forEach((h, hi) => {
      const hid = hIds[hi]!;
      const township = h.villageCode.slice(0, 9);
      const institution = opts.institutionOf.get(h.villageCode);
      if (institution === undefined) throw new Error(`No institution for village ${h.villageCode}`);
      H.id.push(hid);
      H.township.push(township);
      H.village.push(h.villageCode);
      H.head.push(rIds[ri]!);
      H.address.push(h.address);
      for (const m of h.members) {
        const seq = (seqOf.get(h.villageCode) ?? 0) + 1;
        seqOf.set(h.villageCode, seq);
        let py = pinyinCache.get(m.name);
        if (!py) {
          py = namePinyin(m.name);
          pinyinCache.set(m.name, py);
        }
        R.id.push(rIds[ri++]!);
        R.township.push(township);
        R.village.push(h.villageCode);
        R.recno.push(formatRecordNumber(h.villageCode, seq));
        R.name.push(m.name);
        R.pinyin.push(py.full);
        R.initials.push(py.initials);
        R.sex.push(m.sex);
        R.birth.push(m.birthDate);
        R.idType.push(m.idType);
        const idc = opts.fields.idNumberColumns(m.idNumber);
        R.idEnc.push(idc.id_number_enc);
        R.idBi.push(idc.id_number_bi);
        R.id4.push(idc.id_tail4_bi);
        R.id6.push(idc.id_tail6_bi);
        const pc = opts.fields.phoneColumns(m.phone);
        R.phoneEnc.push(pc.phone_enc);
        R.phoneBi.push(pc.phone_bi);
        R.phone4.push(pc.phone_tail4_bi);
        R.household.push(hid);
        R.relation.push(m.relationToHead);
        // Stored tags exclude the age-derived ones (computed at query time); a text literal per row.
        const tags = keyTagsFor(m).filter((t) => t !== 'elderly' && t !== 'child');
        R.tags.push(`{${tags.join(',')}}`);
        R.institution.push(institution);
        R.doctor.push(opts.doctorOf?.get(h.villageCode) ?? null);
        R.recordDate.push(m.recordDate);
        R.current.push(m.currentAddress);
        R.registered.push(m.registeredAddress);
        R.basic.push(JSON.stringify(sealBasicInfo(opts.fields, m.basicInfo)));
      }
    });
    await sql`INSERT INTO household (id, county_code, township_code, village_code, address) OVERRIDING SYSTEM VALUE
      SELECT id, ${opts.countyCode}, t, v, a FROM unnest(${H.id}::int8[], ${H.township}::text[], ${H.village}::text[], ${H.address}::text[]) AS x(id, t, v, a)`.execute(
      trx,
    );
    await sql`INSERT INTO resident (id, county_code, township_code, village_code, record_number, name, name_pinyin, name_initials,
        sex, birth_date, id_type, id_number_enc, id_number_bi, id_tail4_bi, id_tail6_bi, phone_enc, phone_bi, phone_tail4_bi,
        household_id, relation_to_head, key_tags, institution_id,
        responsible_doctor_id, record_date, current_address, registered_address, basic_info) OVERRIDING SYSTEM VALUE
      SELECT id, ${opts.countyCode}, t, v, rn, nm, py, ini, sx, bd::date, it, ie, ib, i4, i6, pe, pb, p4, hh, rel, tg::text[], inst, doc, rd::date, ca, ra, bi::jsonb
      FROM unnest(${R.id}::int8[], ${R.township}::text[], ${R.village}::text[], ${R.recno}::text[], ${R.name}::text[],
        ${R.pinyin}::text[], ${R.initials}::text[], ${R.sex}::text[], ${R.birth}::text[], ${R.idType}::text[],
        ${R.idEnc}::text[], ${R.idBi}::text[], ${R.id4}::text[], ${R.id6}::text[],
        ${R.phoneEnc}::text[], ${R.phoneBi}::text[], ${R.phone4}::text[],
        ${R.household}::int8[], ${R.relation}::text[], ${R.tags}::text[],
        ${R.institution}::int8[], ${R.doctor}::int8[], ${R.recordDate}::text[], ${R.current}::text[], ${R.registered}::text[],
        ${R.basic}::text[])
      AS x(id, t, v, rn, nm, py, ini, sx, bd, it, ie, ib, i4, i6, pe, pb, p4, hh, rel, tg, inst, doc, rd, ca, ra, bi)`.execute(
      trx,
    );
    await sql`UPDATE household h SET head_resident_id = x.head
      FROM unnest(${H.id}::int8[], ${H.head}::int8[]) AS x(id, head) WHERE h.id = x.id`.execute(trx);
    if (opts.history)
      await insertHistory(
        trx,
        batch,
        rIds,
        opts as LoadOptions & { history: NonNullable<LoadOptions['history']> },
      );
  });
}

async function insertHistory(
  trx: Kysely<DB>,
  batch: GeneratedHousehold[],
  rIds: number[],
  opts: LoadOptions & { history: NonNullable<LoadOptions['history']> },
): Promise<void> {
  const E = {
    rid: [] as number[],
    program: [] as string[],
    dx: [] as (string | null)[],
    on: [] as string[],
    village: [] as string[],
    doctor: [] as (number | null)[],
  };
  const S = {
    rid: [] as number[],
    village: [] as string[],
    type: [] as string[],
    date: [] as string[],
    delivery: [] as string[],
    sbp: [] as (number | null)[],
    dbp: [] as (number | null)[],
    glu: [] as (number | null)[],
    weight: [] as (number | null)[],
    cls: [] as (string | null)[],
    next: [] as (string | null)[],
    action: [] as (string | null)[],
    form: [] as string[],
    inst: [] as number[],
    doctor: [] as number[],
  };
  const years = opts.history.years ?? 3;
  const push = (
    residentId: number,
    villageCode: string,
    f: {
      type: string;
      serviceDate: string;
      delivery: string;
      form: Record<string, unknown>;
      sbp: number | null;
      dbp: number | null;
      fastingGlucose: number | null;
      weightKg?: number | null;
      classification: string | null;
      nextVisitDate?: string | null;
      nextAction?: string | null;
    },
  ) => {
    S.rid.push(residentId);
    S.village.push(villageCode);
    S.type.push(f.type);
    S.date.push(f.serviceDate);
    S.delivery.push(f.delivery);
    S.sbp.push(f.sbp);
    S.dbp.push(f.dbp);
    S.glu.push(f.fastingGlucose);
    S.weight.push(f.weightKg ?? (typeof f.form.weightKg === 'number' ? f.form.weightKg : null));
    S.cls.push(f.classification);
    S.next.push(f.nextVisitDate ?? null);
    S.action.push(f.nextAction ?? null);
    S.form.push(JSON.stringify(f.form));
    S.inst.push(opts.institutionOf.get(villageCode)!);
    S.doctor.push(opts.doctorOf?.get(villageCode) ?? opts.history.staffUserId);
  };
  let i = 0;
  for (const h of batch) {
    for (const m of h.members) {
      const residentId = rIds[i++]!;
      const { enrolments, followUps } = generateHistory(
        { residentId, birthDate: m.birthDate, recordDate: m.recordDate, basicInfo: m.basicInfo },
        opts.history.seed,
        opts.history.today,
        years,
      );
      for (const e of enrolments) {
        E.rid.push(residentId);
        E.program.push(e.program);
        E.dx.push(e.diagnosisDate);
        E.on.push(e.enrolledOn);
        E.village.push(h.villageCode);
        // The village doctor who is the resident's responsible doctor manages the patient ("my patients").
        E.doctor.push(opts.doctorOf?.get(h.villageCode) ?? null);
      }
      for (const f of followUps) push(residentId, h.villageCode, f);
      const services = generateServices(
        {
          residentId,
          sex: m.sex,
          birthDate: m.birthDate,
          recordDate: m.recordDate,
          chronicSince: enrolments.map((e) => e.enrolledOn).sort()[0] ?? null,
          diabetic: enrolments.some((e) => e.program === 'diabetes'),
        },
        opts.history.seed,
        opts.history.today,
        years,
      );
      for (const f of services) push(residentId, h.villageCode, f);
      const mc = generateMotherChild(
        { residentId, sex: m.sex, birthDate: m.birthDate, recordDate: m.recordDate },
        opts.history.seed,
        opts.history.today,
      );
      if (mc.maternal) {
        E.rid.push(residentId);
        E.program.push('maternal');
        E.dx.push(null);
        E.on.push(mc.maternal.enrolledOn);
        E.village.push(h.villageCode);
        E.doctor.push(opts.doctorOf?.get(h.villageCode) ?? null);
      }
      for (const f of mc.services) push(residentId, h.villageCode, f);
    }
  }
  if (E.rid.length)
    await sql`INSERT INTO program_enrolment (county_code, township_code, village_code, resident_id, program, diagnosis_date, enrolled_on, status_date, managing_doctor_id)
      SELECT ${opts.countyCode}, left(v, 9), v, r, p, dx::date, eo::date, eo::date, doc
      FROM unnest(${E.village}::text[], ${E.rid}::int8[], ${E.program}::text[], ${E.dx}::text[], ${E.on}::text[], ${E.doctor}::int8[]) AS x(v, r, p, dx, eo, doc)`.execute(
      trx,
    );
  // Being managed in the maternal register gives its tag, as an enrolment through the API does.
  const tag = programRegistry.register('maternal')!.tag;
  const pregnant = E.rid.filter((_, k) => E.program[k] === 'maternal');
  if (pregnant.length)
    await sql`UPDATE resident SET key_tags = array(SELECT DISTINCT unnest(key_tags || ARRAY[${tag}::text]) ORDER BY 1)
      WHERE id = ANY(${pregnant}::int8[])`.execute(trx);
  if (S.rid.length)
    await sql`INSERT INTO service_record (county_code, township_code, village_code, resident_id, type, service_date, institution_id,
        staff_user_id, delivery, status, form, sbp, dbp, fasting_glucose, weight_kg, classification, next_visit_date, next_action, signed_at)
      SELECT ${opts.countyCode}, left(v, 9), v, r, t, d::date, inst, doc, dl, 'signed', f::jsonb, sb, db, g, w, c, n::date, a, d::timestamptz
      FROM unnest(${S.village}::text[], ${S.rid}::int8[], ${S.type}::text[], ${S.date}::text[], ${S.inst}::int8[], ${S.doctor}::int8[],
        ${S.delivery}::text[], ${S.form}::text[], ${S.sbp}::int[], ${S.dbp}::int[], ${S.glu}::numeric[], ${S.weight}::numeric[],
        ${S.cls}::text[], ${S.next}::text[], ${S.action}::text[]) AS x(v, r, t, d, inst, doc, dl, f, sb, db, g, w, c, n, a)`.execute(
      trx,
    );
}
