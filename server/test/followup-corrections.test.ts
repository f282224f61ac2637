/**
 * Corrections of the chronic follow-ups found by a review against the 3rd-edition spec: "two uncontrolled
 * visits in a row" counts signed visits before this one only; face-to-face visits a year are counted by
 * distinct days; a next-visit date the client sends is checked.
 */
import { expect, it } from 'vitest';
import { addDays } from '@jkda/domain';
import { sql } from 'kysely';
import { countyToday } from '../src/platform/today.ts';
import { listMigrations } from '../src/platform/migrate.ts';
import { describeEachDb } from './harness.ts';
import { buildResident } from './builders.ts';

const today = countyToday();
const htn = (over: Record<string, unknown> = {}) => ({
  symptoms: { codes: ['1'] },
  sbp: 152,
  dbp: 96,
  lifestyle: {},
  medicationAdherence: '1',
  adverseReaction: { has: false },
  classification: '2',
  ...over,
});

describeEachDb('chronic follow-up corrections', (env) => {
  async function enrolled(name: string) {
    const e = env();
    const doc = await e.as('cunyi');
    const r = (
      await doc.post('/api/residents', buildResident(e.villageA, { name, birthDate: '1955-05-05' }))
    ).json() as { id: number };
    expect(
      (await doc.post(`/api/residents/${r.id}/enrolments`, { program: 'hypertension' })).statusCode,
    ).toBe(201);
    const visit = async (
      serviceDate: string,
      form: object,
      sign = true,
      delivery: 'clinic' | 'home' | 'phone' = 'clinic',
    ) =>
      doc.post(`/api/residents/${r.id}/services`, {
        type: 'hypertension_followup',
        serviceDate,
        delivery,
        form,
        sign,
      });
    return { e, doc, id: r.id, visit };
  }

  it('counts only signed uncontrolled visits of earlier days as the previous one', async () => {
    const { visit } = await enrolled('先前甲');
    // An uncontrolled draft a week ago and a signed uncontrolled visit earlier today are not "the previous visit".
    expect((await visit(addDays(today, -7), htn(), false)).statusCode).toBe(201);
    expect((await visit(today, htn())).statusCode).toBe(201);
    const sameDay = (await visit(today, htn())).json() as { nextAction: string };
    expect(sameDay.nextAction).toBe('recheck_2w');
  });

  it('refers after two signed uncontrolled visits on different days', async () => {
    const { visit } = await enrolled('先前乙');
    expect((await visit(addDays(today, -14), htn())).statusCode).toBe(201);
    const second = (await visit(today, htn())).json() as { nextAction: string };
    expect(second.nextAction).toBe('referral_2w');
  });

  it('counts two face-to-face visits on one day as one visit of the year', async () => {
    const { e, doc, id, visit } = await enrolled('同日甲');
    const controlled = htn({ sbp: 128, dbp: 80, classification: '1' });
    expect((await visit(today, controlled)).statusCode).toBe(201);
    expect((await visit(today, controlled)).statusCode).toBe(201);
    const list = (await doc.get(`/api/residents/${id}/services`)).json() as {
      enrolments: { program: string; visitsThisYear: number }[];
    };
    expect(list.enrolments.find((x) => x.program === 'hypertension')?.visitsThisYear).toBe(1);
    const wl = (
      await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}&limit=2000`)
    ).json() as { items: { residentId: number; visitsThisYear: number }[] };
    expect(wl.items.find((i) => i.residentId === id)?.visitsThisYear).toBe(1);
  });

  it('checks the next visit date a client sends', async () => {
    const { visit } = await enrolled('下次甲');
    const before = await visit(
      today,
      htn({ sbp: 128, dbp: 80, classification: '1', nextVisitDate: addDays(today, -1) }),
    );
    expect(before.statusCode).toBe(400);
    expect((before.json() as { details: { field: string; code: string }[] }).details).toContainEqual(
      expect.objectContaining({ field: 'form.nextVisitDate', code: 'next_visit_not_after_visit' }),
    );
    const late = await visit(today, htn({ nextVisitDate: addDays(today, 30) }));
    expect(late.statusCode).toBe(400);
    expect((late.json() as { details: { field: string; code: string }[] }).details).toContainEqual(
      expect.objectContaining({ field: 'form.nextVisitReason', code: 'next_visit_late_reason' }),
    );
    const withReason = await visit(
      today,
      htn({ nextVisitDate: addDays(today, 30), nextVisitReason: '外出务工' }),
    );
    expect(withReason.statusCode).toBe(201);
    expect((withReason.json() as { nextVisitDate: string }).nextVisitDate).toBe(addDays(today, 30));
  });

  it('takes a phone follow-up without readings, and refuses a clinic visit without them', async () => {
    const { visit } = await enrolled('电话甲');
    const { sbp: _s, dbp: _d, ...noReadings } = htn({ classification: '1' });
    const clinic = await visit(today, noReadings);
    expect(clinic.statusCode).toBe(400);
    expect((clinic.json() as { details: { field: string; code: string }[] }).details).toContainEqual(
      expect.objectContaining({ field: 'form.sbp', code: 'required' }),
    );
    const phone = await visit(today, noReadings, true, 'phone');
    expect(phone.statusCode, phone.body).toBe(201);
    const saved = phone.json() as { sbp: null; classification: string; warnings: { code: string }[] };
    expect(saved.classification).toBe('controlled');
    expect(saved.warnings.map((w) => w.code)).toContain('classification_values_missing');
  });

  it('keeps a visit closed as lost: no visit of the year, no new due date, not the previous visit', async () => {
    const { doc, id, visit } = await enrolled('失访甲');
    expect((await visit(addDays(today, -20), htn())).statusCode).toBe(201);
    const stateOf = async () =>
      (
        (await doc.get(`/api/residents/${id}/services`)).json() as {
          enrolments: { program: string; status: string; visitsThisYear: number; nextDueDate: string }[];
        }
      ).enrolments.find((x) => x.program === 'hypertension')!;
    const before = await stateOf();
    const lost = await visit(
      addDays(today, -3),
      {
        lifestyle: {},
        adverseReaction: { has: false },
        outcome: 'lost',
        lostReason: '外出务工，电话无人接听',
      },
      true,
      'phone',
    );
    expect(lost.statusCode, lost.body).toBe(201);
    expect((lost.json() as { nextAction: string; classification: null }).nextAction).toBe('lost');
    const after = await stateOf();
    expect(after).toMatchObject({
      status: 'managed',
      visitsThisYear: before.visitsThisYear,
      nextDueDate: before.nextDueDate,
    });
    // The uncontrolled visit 20 days ago is still "the previous visit": this one refers.
    const next = (await visit(today, htn())).json() as { nextAction: string };
    expect(next.nextAction).toBe('referral_2w');
  });

  it('ends the register entry when a signed follow-up records the death, and drops the tag', async () => {
    const { doc, id, visit } = await enrolled('死亡甲');
    const died = {
      lifestyle: {},
      adverseReaction: { has: false },
      outcome: 'died',
      death: { date: addDays(today, -2), cause: '脑出血' },
    };
    const draft = (await visit(today, died, false, 'home')).json() as {
      id: number;
      version: number;
      warnings: { code: string }[];
    };
    expect(draft.warnings.map((w) => w.code)).toContain('death_archive_record');
    const statusOf = async () =>
      (
        (await doc.get(`/api/residents/${id}/services`)).json() as {
          enrolments: { program: string; status: string; statusDate: string }[];
        }
      ).enrolments.find((x) => x.program === 'hypertension')!;
    expect((await statusOf()).status).toBe('managed');
    const signed = await doc.post(`/api/services/${draft.id}/sign`, { version: draft.version });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(await statusOf()).toMatchObject({ status: 'deceased', statusDate: addDays(today, -2) });
    const r = (await doc.get(`/api/residents/${id}`)).json() as { keyTags: string[] };
    expect(r.keyTags).not.toContain('hypertension');
  });

  it('recounts the visits kept on each enrolment by distinct days (migration 0008)', async () => {
    const { e, id, visit } = await enrolled('重算甲');
    const controlled = htn({ sbp: 128, dbp: 80, classification: '1' });
    expect((await visit(today, controlled)).statusCode).toBe(201);
    expect((await visit(today, controlled)).statusCode).toBe(201);
    const { db } = e.database;
    // As the earlier count by records left it.
    await sql`UPDATE program_enrolment SET visits_count = 2 WHERE resident_id = ${id}`.execute(db);
    // The migration's recount (its first statement added the column the database already has).
    const migration = listMigrations().find((m) => m.id === 8)!.sql;
    await sql.raw(migration.slice(migration.indexOf('WITH counted'))).execute(db);
    const row = await db
      .selectFrom('program_enrolment')
      .select('visits_count')
      .where('resident_id', '=', id)
      .where('program', '=', 'hypertension')
      .executeTakeFirstOrThrow();
    expect(row.visits_count).toBe(1);
  });

  it('warns, without refusing, when the enrolled resident is under 35 or the history lacks the disease', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const young = (
      await doc.post('/api/residents', buildResident(e.villageA, { name: '年轻甲', birthDate: '2000-01-01' }))
    ).json() as { id: number };
    const res = await doc.post(`/api/residents/${young.id}/enrolments`, { program: 'diabetes' });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { warnings: { code: string }[] }).warnings.map((w) => w.code)).toEqual([
      'enrol_below_usual_age',
      'enrol_not_in_history',
    ]);
    const input = buildResident(e.villageA, { name: '有史甲', birthDate: '1960-01-01' });
    input.basicInfo = { ...input.basicInfo, diseases: [{ code: '2', diagnosedAt: '2015-03' }] };
    const known = (await doc.post('/api/residents', input)).json() as { id: number; keyTags: string[] };
    const ok = await doc.post(`/api/residents/${known.id}/enrolments`, { program: 'hypertension' });
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as { warnings?: unknown[] }).warnings).toBeUndefined();
  });

  it('gives no tuberculosis tag for a past tuberculosis in the history', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const input = buildResident(e.villageA, { name: '结核史', birthDate: '1960-01-01' });
    input.basicInfo = { ...input.basicInfo, diseases: [{ code: '9', diagnosedAt: '1990-05' }] };
    const res = await doc.post('/api/residents', input);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { keyTags: string[] }).keyTags).not.toContain('tuberculosis');
  });

  it('gives the demo county\'s patients their village doctor, so "my patients" lists them', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const me = ((await doc.get('/api/auth/me')).json() as { user: { id: number } }).user;
    const mine = (
      await doc.get(`/api/worklists/chronic?program=hypertension&doctorId=${me.id}&limit=2000`)
    ).json() as { counts: { total: number } };
    const village = (
      await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}&limit=2000`)
    ).json() as { counts: { total: number } };
    expect(mine.counts.total).toBeGreaterThan(0);
    expect(mine.counts.total).toBe(village.counts.total);
  });
});
