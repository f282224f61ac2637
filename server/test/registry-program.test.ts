/**
 * The program registry is the only place a program lives: a program defined in this test alone (one register
 * a doctor enrols in, one service type with one rule) is enrolled, recorded, signed, amended and listed on
 * the worklist through the HTTP API, with no file outside this test changed.
 */
import { expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, createRegistry, NO_VALUES, PROGRAM_DEFS, type ProgramDef } from '@jkda/domain';
import { countyToday } from '../src/platform/today.ts';
import { sweepRegistersByAge } from '../src/modules/enrolments/enrolments.state.ts';
import { describeEachDb } from './harness.ts';
import { buildResident } from './builders.ts';

/** 戒烟随访 (made up for the test): cigarettes a day; more than 20 is a warning; the next visit in 30 days. */
const quitProgram: ProgramDef = {
  id: 'quit_smoking',
  label: { zh: '戒烟管理', en: 'Quit smoking' },
  register: {
    program: 'quit_smoking',
    label: { zh: '戒烟', en: 'Quit smoking' },
    entry: { by: 'doctor' },
    tag: 'quit_smoking',
    followUpType: 'quit_visit',
    visitsPerYear: 2,
    firstDueDays: 7,
    worklist: ['overdue', 'due_week', 'under_visited'],
    worklistTitle: { zh: '戒烟随访名单', en: 'Quit smoking list' },
  },
  services: [
    {
      type: 'quit_visit',
      label: { zh: '戒烟随访', en: 'Quit smoking visit' },
      schema: z.object({ cigarettesPerDay: z.number().int().min(0).max(200) }).strict(),
      register: 'quit_smoking',
      evaluate(form, ctx) {
        const f = form as { cigarettesPerDay: number };
        return {
          errors: [],
          warnings:
            f.cigarettesPerDay > 20 ? [{ field: 'form.cigarettesPerDay', code: 'unusually_high' }] : [],
          values: { ...NO_VALUES, nextVisitDate: addDays(ctx.serviceDate, 30), nextAction: 'routine' },
        };
      },
    },
  ],
};

/** Two more made-up registers: one for women only, one residents enter at birth and leave at 7. */
const womenProgram: ProgramDef = {
  id: 'women_only',
  label: { zh: '女性专项', en: 'Women only' },
  register: {
    program: 'women_only',
    label: { zh: '女性专项', en: 'Women only' },
    entry: { by: 'doctor' },
    sex: '2',
    tag: 'women_only',
    worklist: ['overdue'],
    worklistTitle: { zh: '女性专项名单', en: 'Women only list' },
  },
  services: [],
};
/** A made-up dose type whose rule reads the earlier doses (ServiceContext.history): 7 days apart at least. */
const doseProgram: ProgramDef = {
  id: 'dose_test',
  label: { zh: '剂次', en: 'Doses' },
  services: [
    {
      type: 'test_dose',
      label: { zh: '剂次', en: 'Dose' },
      schema: z.object({ dose: z.number().int().min(1).max(5) }).strict(),
      usesHistory: ['test_dose'],
      evaluate(form, ctx) {
        const earlier = (ctx.history ?? []).filter((h) => h.serviceDate <= ctx.serviceDate);
        const last = earlier.at(-1);
        const tooSoon = last !== undefined && addDays(last.serviceDate, 7) > ctx.serviceDate;
        return {
          errors: [],
          warnings: tooSoon ? [{ field: 'serviceDate', code: 'interval_short' }] : [],
          values: {
            ...NO_VALUES,
            classification: `${(form as { dose: number }).dose}/${earlier.length + 1}`,
          },
        };
      },
    },
  ],
};
const youngProgram: ProgramDef = {
  id: 'under_seven',
  label: { zh: '七岁以下', en: 'Under seven' },
  register: {
    program: 'under_seven',
    label: { zh: '七岁以下', en: 'Under seven' },
    entry: { by: 'age', minAge: 0, maxAge: 7 },
    tag: 'under_seven',
    worklist: ['overdue'],
    worklistTitle: { zh: '七岁以下名单', en: 'Under seven list' },
  },
  services: [],
};

const programs = createRegistry([...PROGRAM_DEFS, quitProgram, womenProgram, youngProgram, doseProgram]);

interface Worklist {
  counts: Record<string, number>;
  items: { residentId: number; dueDate: string; visitsThisYear: number; categories: string[] }[];
}

describeEachDb(
  'a program defined only in a test',
  (env) => {
    it('is enrolled, recorded, signed, amended and listed on the worklist through the API', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const created = await doc.post('/api/residents', buildResident(e.villageA, { name: '戒烟甲' }));
      expect(created.statusCode).toBe(201);
      const id = (created.json() as { id: number }).id;
      const today = countyToday();

      // Not in the register yet: the type is refused.
      const early = await doc.post(`/api/residents/${id}/services`, {
        type: 'quit_visit',
        serviceDate: today,
        delivery: 'home',
        form: { cigarettesPerDay: 10 },
      });
      expect(early.statusCode).toBe(400);
      expect((early.json() as { details: unknown[] }).details).toEqual([
        expect.objectContaining({ field: 'type', code: 'not_enrolled' }),
      ]);

      const enrol = await doc.post(`/api/residents/${id}/enrolments`, { program: 'quit_smoking' });
      expect(enrol.statusCode).toBe(201);
      expect(enrol.json()).toMatchObject({
        program: 'quit_smoking',
        status: 'managed',
        nextDueDate: addDays(today, 7),
      });

      // The register's tag is on the record.
      const record = (await doc.get(`/api/residents/${id}`)).json() as { keyTags: string[] };
      expect(record.keyTags).toContain('quit_smoking');

      // The schema refuses what it does not know, field by field.
      const bad = await doc.post(`/api/residents/${id}/services`, {
        type: 'quit_visit',
        serviceDate: today,
        delivery: 'home',
        form: { cigarettesPerDay: -1 },
      });
      expect(bad.statusCode).toBe(400);
      expect((bad.json() as { details: { field: string }[] }).details.map((d) => d.field)).toEqual([
        'form.cigarettesPerDay',
      ]);

      const draft = await doc.post(`/api/residents/${id}/services`, {
        type: 'quit_visit',
        serviceDate: today,
        delivery: 'home',
        form: { cigarettesPerDay: 25 },
      });
      expect(draft.statusCode).toBe(201);
      const d = draft.json() as {
        id: number;
        version: number;
        status: string;
        warnings: unknown[];
        nextVisitDate: string;
      };
      expect(d).toMatchObject({ status: 'draft', version: 1, nextVisitDate: addDays(today, 30) });
      expect(d.warnings).toEqual([{ field: 'form.cigarettesPerDay', code: 'unusually_high' }]);

      // A draft does not move the worklist; signing does.
      const url = `/api/worklists/chronic?program=quit_smoking&villageCode=${e.villageA}&limit=2000`;
      const before = (await doc.get(url)).json() as Worklist;
      expect(before.items.find((i) => i.residentId === id)).toMatchObject({
        dueDate: addDays(today, 7),
        visitsThisYear: 0,
        categories: ['due_week', 'under_visited'],
      });

      const signed = await doc.post(`/api/services/${d.id}/sign`, { version: 1 });
      expect(signed.statusCode).toBe(200);
      expect(signed.json()).toMatchObject({ status: 'signed', version: 2 });

      const after = (await doc.get(url)).json() as Worklist;
      expect(after.items.find((i) => i.residentId === id)).toMatchObject({
        dueDate: addDays(today, 30),
        visitsThisYear: 1,
        categories: ['under_visited'],
      });
      expect(after.counts.under_visited).toBeGreaterThanOrEqual(1);

      const amended = await doc.put(`/api/services/${d.id}`, {
        serviceDate: today,
        delivery: 'clinic',
        form: { cigarettesPerDay: 5 },
        version: 2,
        reason: '复核后更正',
      });
      expect(amended.statusCode).toBe(200);
      expect(amended.json()).toMatchObject({ version: 3, warnings: [], form: { cigarettesPerDay: 5 } });

      // The resident's service list shows the record under its type, and the register entry.
      const list = (await doc.get(`/api/residents/${id}/services`)).json() as {
        enrolments: { program: string }[];
        items: { type: string; version: number }[];
      };
      expect(list.enrolments.map((x) => x.program)).toContain('quit_smoking');
      expect(list.items).toContainEqual(expect.objectContaining({ type: 'quit_visit', version: 3 }));

      // Every change left its event, in order: the resident's creation, the enrolment (and its tag), the
      // draft, its signature and the amendment.
      const events = await e.database.db
        .selectFrom('outbox')
        .select(['entity', 'kind', 'version'])
        .where('resident_id', '=', id)
        .orderBy('id')
        .execute();
      expect(events.filter((x) => x.entity === 'service_record').map((x) => [x.kind, x.version])).toEqual([
        ['create', 1],
        ['sign', 2],
        ['amend', 3],
      ]);
      const enrolmentId = (enrol.json() as { id: number }).id;
      const enrolEvents = await e.database.db
        .selectFrom('outbox')
        .select(['kind', 'version'])
        .where('entity', '=', 'program_enrolment')
        .where('entity_id', '=', enrolmentId)
        .execute();
      expect(enrolEvents).toEqual([{ kind: 'enrol', version: 1 }]);
      expect(events.map((x) => x.entity)).toContain('resident');
    });

    it('refuses a register entered by age to a doctor, and an unknown type', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const id = (
        (await doc.post('/api/residents', buildResident(e.villageA, { name: '戒烟乙' }))).json() as {
          id: number;
        }
      ).id;
      const byAge = programs.ageRegisters[0]!.program;
      const r = await doc.post(`/api/residents/${id}/enrolments`, { program: byAge });
      expect(r.statusCode).toBe(400);
      const t = await doc.post(`/api/residents/${id}/services`, {
        type: 'no_such_visit',
        serviceDate: countyToday(),
        delivery: 'home',
        form: {},
      });
      expect(t.statusCode).toBe(400);
      expect((t.json() as { details: unknown[] }).details).toEqual([
        expect.objectContaining({ field: 'type', code: 'invalid_value' }),
      ]);
    });

    it("gives the rules of a type the resident's earlier signed records it asks for", async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const id = (
        (await doc.post('/api/residents', buildResident(e.villageA, { name: '剂次甲' }))).json() as {
          id: number;
        }
      ).id;
      const today = countyToday();
      const dose = (serviceDate: string, n: number, sign = true) =>
        doc.post(`/api/residents/${id}/services`, {
          type: 'test_dose',
          serviceDate,
          delivery: 'clinic',
          form: { dose: n },
          sign,
        });
      expect((await dose(addDays(today, -20), 1)).statusCode).toBe(201);
      // A draft is no earlier record.
      expect((await dose(addDays(today, -12), 2, false)).statusCode).toBe(201);
      const second = (await dose(addDays(today, -10), 2)).json() as {
        id: number;
        version: number;
        classification: string;
        warnings: { code: string }[];
      };
      expect(second.classification).toBe('2/2');
      expect(second.warnings).toEqual([]);
      const third = (await dose(addDays(today, -5), 3)).json() as {
        classification: string;
        warnings: { code: string }[];
      };
      expect(third.classification).toBe('3/3');
      expect(third.warnings.map((w) => w.code)).toEqual(['interval_short']);
      // Amending the second: it does not see itself.
      const amended = await doc.put(`/api/services/${second.id}`, {
        serviceDate: addDays(today, -10),
        delivery: 'home',
        form: { dose: 2 },
        version: second.version,
        reason: '接种地点更正',
      });
      expect(amended.statusCode, amended.body).toBe(200);
      expect((amended.json() as { classification: string }).classification).toBe('2/2');
    });

    it('enrols only the sex a register asks for', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const man = (
        (await doc.post('/api/residents', buildResident(e.villageA, { name: '男甲', sex: '1' }))).json() as {
          id: number;
        }
      ).id;
      const refused = await doc.post(`/api/residents/${man}/enrolments`, { program: 'women_only' });
      expect(refused.statusCode).toBe(400);
      expect((refused.json() as { details: unknown[] }).details).toEqual([
        expect.objectContaining({ field: 'program', code: 'register_sex' }),
      ]);
    });

    it("takes a child in at birth and ends the entry on the birthday of the register's maxAge", async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const today = countyToday();
      const born = (years: number) => `${Number(today.slice(0, 4)) - years}-01-01`;
      const child = (
        (
          await doc.post('/api/residents', buildResident(e.villageA, { name: '童甲', birthDate: born(6) }))
        ).json() as {
          id: number;
        }
      ).id;
      const older = (
        (
          await doc.post('/api/residents', buildResident(e.villageA, { name: '童乙', birthDate: born(8) }))
        ).json() as {
          id: number;
        }
      ).id;
      const entry = async (id: number) =>
        (
          (await doc.get(`/api/residents/${id}/services`)).json() as {
            enrolments: { program: string; status: string; statusDate: string }[];
          }
        ).enrolments.find((x) => x.program === 'under_seven');
      expect((await entry(child))?.status).toBe('managed');
      expect(await entry(older)).toBeUndefined();
      // The daily sweep on the child's 7th birthday.
      const birthday = `${Number(today.slice(0, 4)) + 1}-01-01`;
      await sweepRegistersByAge(e.database.db, programs, birthday);
      expect(await entry(child)).toMatchObject({ status: 'ended', statusDate: birthday });
      expect(await entry(older)).toBeUndefined();
    });
  },
  { services: { programs } },
);
