/**
 * Corrections of the chronic follow-ups found by a review against the 3rd-edition spec: "two uncontrolled
 * visits in a row" counts signed visits before this one only; face-to-face visits a year are counted by
 * distinct days; a next-visit date the client sends is checked.
 */
import { expect, it } from 'vitest';
import { addDays } from '@jkda/domain';
import { countyToday } from '../src/platform/today.ts';
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
    const visit = async (serviceDate: string, form: object, sign = true) =>
      doc.post(`/api/residents/${r.id}/services`, {
        type: 'hypertension_followup',
        serviceDate,
        delivery: 'clinic',
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
