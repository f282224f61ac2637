/**
 * The program registry is the only place a program lives: a program defined in this test alone (one register
 * a doctor enrols in, one service type with one rule) is enrolled, recorded, signed, amended and listed on
 * the worklist through the HTTP API, with no file outside this test changed.
 */
import { expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, createRegistry, NO_VALUES, PROGRAM_DEFS, type ProgramDef } from '@jkda/domain';
import { countyToday } from '../src/platform/today.ts';
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

const programs = createRegistry([...PROGRAM_DEFS, quitProgram]);

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
  },
  { services: { programs } },
);
