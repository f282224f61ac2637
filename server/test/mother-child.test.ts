/**
 * Maternal care, child health 0–6 and immunization through the API, on each database: the registers'
 * schedules put each woman and child on the worklist with the service due and its window, signed records
 * move them on, a pregnancy that ends without a birth leaves the register, and the outcome links the
 * newborn's own record.
 */
import { expect, it } from 'vitest';
import { addDays } from '@jkda/domain';
import { FIRST, OUTCOME } from '@jkda/domain/programs/maternal/maternal.fixtures';
import { countyToday } from '../src/platform/today.ts';
import { describeEachDb, type Client } from './harness.ts';
import { buildResident } from './builders.ts';

interface Row {
  residentId: number;
  dueDate: string;
  dueBy: string | null;
  dueType: string | null;
  dueKey: string | null;
  overdueDays: number;
  categories: string[];
}
interface Worklist {
  counts: Record<string, number>;
  items: Row[];
}

interface ServicesAnswer {
  enrolments: { program: string; status: string }[];
  plans: { program: string; services: { key: string; state: string; from: string; by: string }[] }[];
  linked: { type: string; residentId: number; name: string }[];
}

const rowOf = async (doc: Client, program: string, village: string, id: number) => {
  const r = await doc.get(`/api/worklists/chronic?program=${program}&villageCode=${village}&limit=2000`);
  expect(r.statusCode).toBe(200);
  return (r.json() as Worklist).items.find((i) => i.residentId === id);
};

const sign = (doc: Client, id: number, type: string, serviceDate: string, form: unknown) =>
  doc.post(`/api/residents/${id}/services`, { type, serviceDate, delivery: 'clinic', form, sign: true });

describeEachDb('mothers, children and vaccinations', (env) => {
  it('registers a pregnancy, shows the prenatal schedule and moves on with each signed visit', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const today = countyToday();
    const man = (await doc.post('/api/residents', buildResident(e.villageA, { name: '孕检男' }))).json() as {
      id: number;
    };
    const refused = await doc.post(`/api/residents/${man.id}/enrolments`, { program: 'maternal' });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('register_sex');

    const woman = (
      await doc.post(
        '/api/residents',
        buildResident(e.villageA, { name: '孕妇甲', sex: '2', birthDate: '1996-04-02' }),
      )
    ).json() as { id: number };
    const enrol = await doc.post(`/api/residents/${woman.id}/enrolments`, { program: 'maternal' });
    expect(enrol.statusCode).toBe(201);
    // Enrolled, not yet dated: the first prenatal check is due now.
    expect(await rowOf(doc, 'maternal', e.villageA, woman.id)).toMatchObject({
      dueType: 'maternal_first_prenatal',
      dueKey: 'prenatal:1',
      dueDate: today,
      categories: ['due_week'],
    });

    // First check at 10+0 weeks: the 2nd visit's window is 16+0 to 20+6 from the LMP.
    const lmp = addDays(today, -70);
    const first = await sign(doc, woman.id, 'maternal_first_prenatal', today, {
      ...FIRST,
      lmp,
      gestationalAge: { weeks: 10, days: 0 },
      dueDate: undefined,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(await rowOf(doc, 'maternal', e.villageA, woman.id)).toMatchObject({
      dueType: 'maternal_prenatal_followup',
      dueKey: 'prenatal:2',
      dueDate: addDays(lmp, 16 * 7),
      dueBy: addDays(lmp, 20 * 7 + 6),
      categories: [],
    });
    // The record's plan: the first check done, the four visits ahead with their windows, the postpartum
    // services expected from the due date.
    const planned = (await doc.get(`/api/residents/${woman.id}/services`)).json() as ServicesAnswer;
    const plan = planned.plans.find((p) => p.program === 'maternal')!.services;
    expect(plan.map((x) => `${x.key} ${x.state}`)).toEqual([
      'prenatal:1 done',
      'prenatal:2 upcoming',
      'prenatal:3 upcoming',
      'prenatal:4 upcoming',
      'prenatal:5 upcoming',
      'postpartum_visit upcoming',
      'check42 upcoming',
    ]);
    expect(plan[0]).toMatchObject({ recordId: (first.json() as { id: number }).id, doneOn: today });
    expect(plan[1]).toMatchObject({ from: addDays(lmp, 16 * 7), by: addDays(lmp, 20 * 7 + 6) });
    expect(plan[5]).toMatchObject({ from: addDays(lmp, 280), expected: true });

    // A miscarriage (code 4) ends the entry: she leaves the list.
    const loss = await sign(doc, woman.id, 'maternal_outcome', today, {
      outcome: { code: '4' },
      date: today,
      babies: [],
      doctor: '王医生',
    });
    expect(loss.statusCode, loss.body).toBe(201);
    expect(await rowOf(doc, 'maternal', e.villageA, woman.id)).toBeUndefined();
    const services = (await doc.get(`/api/residents/${woman.id}/services`)).json() as ServicesAnswer;
    expect(services.enrolments.find((x) => x.program === 'maternal')?.status).toBe('ended');
    // An entry no longer managed has no plan.
    expect(services.plans).toEqual([]);
  });

  it('takes a newborn into child health and immunization with what is due, and links the baby from the mother', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const today = countyToday();
    const born = addDays(today, -3);
    const baby = await doc.post(
      '/api/residents',
      buildResident(e.villageA, { name: '李芳之女', sex: '2', birthDate: born }),
    );
    expect(baby.statusCode, baby.body).toBe(201);
    const id = (baby.json() as { id: number }).id;
    expect(await rowOf(doc, 'child_health', e.villageA, id)).toMatchObject({
      dueType: 'child_newborn_visit',
      dueKey: 'check:newborn',
    });
    // The birth doses are due from the day of birth.
    const due = await rowOf(doc, 'immunization', e.villageA, id);
    expect(due).toMatchObject({ dueType: 'immunization_dose', dueDate: born });
    expect(['HepB-1', 'BCG-1']).toContain(due!.dueKey);

    const dose = (vaccine: string, doseNumber: number, route: string) =>
      sign(doc, id, 'immunization_dose', born, {
        vaccine,
        doseNumber,
        lotNumber: '202611A01',
        manufacturer: '某生物制品公司',
        site: 'right_upper_arm',
        route,
        staffName: '赵护士',
      });
    const hepb = await dose('HepB', 1, 'intramuscular');
    expect(hepb.statusCode, hepb.body).toBe(201);
    expect(hepb.json()).toMatchObject({ classification: 'HepB-1' });
    expect((await dose('BCG', 1, 'intradermal')).statusCode).toBe(201);
    // A wrong route is refused for a dose given here, on its field.
    const wrong = await dose('IPV', 1, 'oral');
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toContain('form.route');
    // Next: HepB-2 at 1 month of age.
    expect(await rowOf(doc, 'immunization', e.villageA, id)).toMatchObject({ dueKey: 'HepB-2' });

    // The mother's outcome names the baby's record; an unknown record is refused.
    const mother = (
      await doc.post(
        '/api/residents',
        buildResident(e.villageA, { name: '李芳', sex: '2', birthDate: '1994-02-02' }),
      )
    ).json() as { id: number };
    expect(
      (await doc.post(`/api/residents/${mother.id}/enrolments`, { program: 'maternal' })).statusCode,
    ).toBe(201);
    const outcome = (residentId: number) =>
      sign(doc, mother.id, 'maternal_outcome', today, {
        ...OUTCOME,
        date: born,
        gestationalAge: undefined,
        babies: [{ sex: '2', bornAlive: true, birthWeightG: 3200, residentId }],
      });
    const unknown = await outcome(99_999_999);
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('linked_resident_unknown');
    const linked = await outcome(id);
    expect(linked.statusCode, linked.body).toBe(201);
    // After the birth the postpartum visit is due, within 7 days of the delivery (discharge not known yet).
    expect(await rowOf(doc, 'maternal', e.villageA, mother.id)).toMatchObject({
      dueType: 'maternal_postpartum_visit',
      dueKey: 'postpartum_visit',
      dueDate: born,
      dueBy: addDays(born, 7),
    });
    // The mother's record links the baby's; the baby's plan starts with the newborn visit, due now.
    const mine = (await doc.get(`/api/residents/${mother.id}/services`)).json() as ServicesAnswer;
    expect(mine.linked).toEqual([
      expect.objectContaining({ type: 'maternal_outcome', residentId: id, name: '李芳之女' }),
    ]);
    const babys = (await doc.get(`/api/residents/${id}/services`)).json() as ServicesAnswer;
    const checks = babys.plans.find((p) => p.program === 'child_health')!.services;
    expect(checks[0]).toMatchObject({ key: 'check:newborn', state: 'due', from: born });
    expect(checks.filter((x) => x.key.startsWith('check:'))).toHaveLength(13);
    // A doctor of another village sees neither the mother's record nor, through it, the baby's name.
    const other = await e.as('cunyi2');
    expect((await other.get(`/api/residents/${mother.id}/services`)).statusCode).toBe(404);
  });

  it('the workbench counts every register’s list as the list itself counts it, within the jurisdiction', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const summary = await doc.get(`/api/worklists/summary?villageCode=${e.villageA}`);
    expect(summary.statusCode, summary.body).toBe(200);
    const registers = (summary.json() as { registers: { program: string; counts: Record<string, number> }[] })
      .registers;
    expect(registers.map((x) => x.program)).toEqual(expect.arrayContaining(['maternal', 'child_health']));
    expect(registers.some((x) => (x.counts.total ?? 0) > 0)).toBe(true);
    for (const { program, counts } of registers) {
      const list = await doc.get(
        `/api/worklists/chronic?program=${program}&villageCode=${e.villageA}&limit=1`,
      );
      expect((list.json() as Worklist).counts, program).toEqual(counts);
    }
    // Another village's doctor counts nobody of this village.
    const other = await (await e.as('cunyi2')).get(`/api/worklists/summary?villageCode=${e.villageA}`);
    const theirs = (other.json() as { registers: { counts: { total: number } }[] }).registers;
    expect(theirs.every((x) => x.counts.total === 0)).toBe(true);
  });
});
