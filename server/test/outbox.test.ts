/**
 * The change pipeline's outbox: a committed change always has its events, a rolled-back one never does;
 * many concurrent recordings leave exactly one event each, in commit order per resident; jobs are queued
 * after the commit with the request id.
 */
import { expect, it } from 'vitest';
import { change } from '../src/platform/change.ts';
import { countyToday } from '../src/platform/today.ts';
import type { Ctx } from '../src/modules/auth/actor.ts';
import { describeEachDb, type TestEnv } from './harness.ts';
import { buildResident } from './builders.ts';

const encounter = {
  subjective: '头晕三天',
  objective: '血压 150/95',
  assessment: '高血压待查',
  plan: '复测血压',
};

async function ctxOf(e: TestEnv, username: string): Promise<Ctx> {
  const client = await e.as(username);
  const session = await e.services.auth.session(client.token);
  return { actor: session!.actor, requestId: `test-${username}-${Date.now()}`, ip: '127.0.0.1' };
}

async function newResident(e: TestEnv, name: string): Promise<number> {
  const doc = await e.as('cunyi');
  const res = await doc.post('/api/residents', buildResident(e.villageA, { name, birthDate: '1980-05-01' }));
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: number }).id;
}

const countOutbox = async (e: TestEnv) =>
  Number(
    (
      await e.database.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDb('the change pipeline and its outbox', (env) => {
  it('leaves no row, version, audit row or event when the change fails after writing', async () => {
    const e = env();
    const ctx = await ctxOf(e, 'cunyi');
    const id = await newResident(e, '回滚甲');
    const before = await countOutbox(e);
    const env0 = { db: e.database.db, jobs: null, auditMac: e.services.auditMac };
    await expect(
      change(env0, ctx, async (tx) => {
        const r = await tx.lockResident(id);
        const s = await tx.trx
          .insertInto('service_record')
          .values({
            county_code: r.county_code,
            township_code: r.township_code,
            village_code: r.village_code,
            resident_id: id,
            type: 'encounter',
            service_date: countyToday(),
            institution_id: ctx.actor.institutionId,
            staff_user_id: ctx.actor.userId,
            delivery: 'clinic',
            form: JSON.stringify(encounter),
            warnings: '[]',
          })
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow();
        await tx.written({
          entity: 'service_record',
          id: s.id,
          version: s.version,
          countyCode: r.county_code,
          villageCode: r.village_code,
          residentId: id,
          kind: 'create',
          snapshot: { form: encounter },
          audit: { action: 'service.create' },
        });
        throw new Error('failure after the row was written');
      }),
    ).rejects.toThrow('failure after the row was written');
    expect(await countOutbox(e)).toBe(before);
    const rows = await e.database.db
      .selectFrom('service_record')
      .select('id')
      .where('resident_id', '=', id)
      .execute();
    expect(rows).toEqual([]);
    const audit = await e.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('request_id', '=', ctx.requestId)
      .execute();
    expect(audit).toEqual([]);
  });

  it('refuses a written row outside the actor’s jurisdiction, and keeps nothing of the change', async () => {
    const e = env();
    const other = await ctxOf(e, 'cunyi2');
    const id = await newResident(e, '越权甲');
    const before = await countOutbox(e);
    await expect(
      change({ db: e.database.db, jobs: null, auditMac: e.services.auditMac }, other, async (tx) => {
        await tx.written({
          entity: 'resident',
          id,
          version: 2,
          countyCode: e.villageA.slice(0, 6),
          villageCode: e.villageA,
          residentId: id,
          kind: 'update',
          snapshot: {},
          audit: { action: 'resident.update' },
        });
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await countOutbox(e)).toBe(before);
  });

  it('leaves exactly one event per concurrent recording, in commit order per resident', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const n = e.kind === 'postgres' ? 1000 : 100;
    const residents = await Promise.all(
      Array.from({ length: 10 }, (_, i) => newResident(e, `并发${'甲乙丙丁戊己庚辛壬癸'[i]}`)),
    );
    const before = await countOutbox(e);
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        doc.post(`/api/residents/${residents[i % residents.length]!}/services`, {
          type: 'encounter',
          serviceDate: countyToday(),
          delivery: 'clinic',
          form: encounter,
          sign: i % 2 === 0,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    expect((await countOutbox(e)) - before).toBe(n);
    for (const rid of residents) {
      const events = await e.database.db
        .selectFrom('outbox')
        .select(['id', 'entity_id'])
        .where('resident_id', '=', rid)
        .where('entity', '=', 'service_record')
        .orderBy('id')
        .execute();
      expect(events).toHaveLength(n / residents.length);
      // Each record was made under the resident's lock: its id and its event's id rise together.
      const recordIds = events.map((x) => x.entity_id);
      expect(recordIds).toEqual([...recordIds].sort((a, b) => a - b));
      const versions = await e.database.db
        .selectFrom('service_record_version as v')
        .innerJoin('service_record as s', 's.id', 'v.service_record_id')
        .select('v.version')
        .where('s.resident_id', '=', rid)
        .execute();
      expect(versions).toHaveLength(n / residents.length);
    }
  });
});

describeEachDb(
  'jobs after commit',
  (env) => {
    it('queues one job per subscriber after the commit, with the request id; none for a rolled-back change', async () => {
      const e = env();
      const got: { events: number[]; requestId: string }[] = [];
      let resolve: () => void = () => {};
      const arrived = new Promise<void>((r) => (resolve = r));
      e.services.jobs.subscribe(
        'test.service_records',
        (ev) => ev.entity === 'service_record',
        (data) => {
          got.push(data as unknown as { events: number[]; requestId: string });
          resolve();
          return Promise.resolve();
        },
      );
      const ctx = await ctxOf(e, 'cunyi');
      const id = await newResident(e, '作业甲');
      const changes = { db: e.database.db, jobs: e.services.jobs, auditMac: e.services.auditMac };
      // A rolled-back change queues nothing.
      await expect(
        change(changes, ctx, (tx) => {
          tx.after('test.service_records', { never: true });
          return Promise.reject(new Error('rolled back'));
        }),
      ).rejects.toThrow('rolled back');
      const doc = await e.as('cunyi');
      const res = await doc.post(`/api/residents/${id}/services`, {
        type: 'encounter',
        serviceDate: countyToday(),
        delivery: 'clinic',
        form: encounter,
      });
      expect(res.statusCode).toBe(201);
      await Promise.race([
        arrived,
        new Promise((_, rej) => setTimeout(() => rej(new Error('no job')), 20_000)),
      ]);
      const event = await e.database.db
        .selectFrom('outbox')
        .select(['id', 'request_id'])
        .where('resident_id', '=', id)
        .where('entity', '=', 'service_record')
        .executeTakeFirstOrThrow();
      expect(got).toEqual([{ events: [event.id], requestId: event.request_id }]);
      expect(got.some((g) => 'never' in g)).toBe(false);
    });
  },
  { services: { workJobs: true } },
);
