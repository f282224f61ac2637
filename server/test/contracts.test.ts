/**
 * The declared response schemas tell the truth: real answers of the routes, successes and errors, parse
 * with the zod schema of their route and status, and carry no field the schema does not declare. (The
 * serializer does not check answers, see platform/app.ts, and the web app's types are made from these.)
 */
import { expect, it } from 'vitest';
import { generate } from 'otplib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ZodType } from 'zod';
import { routeContracts } from '../src/platform/app.ts';
import { describeEachDb, PASSWORD } from './harness.ts';
import { buildResident } from './builders.ts';

/** The tags of the routes whose every operation this file must have seen answer with a success. */
const COVERED_TAGS = [
  'auth',
  'platform',
  'places',
  'residents',
  'households',
  'audit',
  'registers',
  'services',
  'worklist',
  'account',
  'users',
];

function routeOf(app: FastifyInstance, method: string, path: string) {
  const routes = routeContracts(app).filter((r) => r.method === method);
  const pattern = (url: string) => new RegExp(`^${url.replace(/:\w+/g, '[^/]+').replaceAll('.', '\\.')}$`);
  return routes.find((r) => r.url === path) ?? routes.find((r) => pattern(r.url).test(path));
}

function contractChecker(app: FastifyInstance) {
  const seen = new Map<string, Set<number>>();
  /** Checks one answer against its route's schema for that status, and returns its JSON body. */
  function check<T = unknown>(res: LightMyRequestResponse): T {
    const method = res.raw.req.method ?? 'GET';
    const path = (res.raw.req.url ?? '').split('?')[0]!;
    const route = routeOf(app, method, path);
    expect(route, `${method} ${path} is a route`).toBeDefined();
    const key = `${method} ${route!.url}`;
    const responses = (route!.schema?.response ?? {}) as Record<string, ZodType>;
    const schema = responses[res.statusCode] ?? responses[`${String(res.statusCode)[0]}xx`];
    expect(schema, `${key} declares a response for ${res.statusCode}`).toBeDefined();
    const json = (res.headers['content-type'] ?? '').toString().startsWith('application/json');
    const body: unknown = res.statusCode === 204 ? null : json ? res.json() : res.rawPayload;
    const parsed = schema!.safeParse(body);
    expect(parsed.error?.issues, `${key} ${res.statusCode} matches its schema: ${res.body}`).toBeUndefined();
    // zod objects drop keys they do not declare: equal only when the answer has no undeclared field.
    if (json) expect(parsed.data, `${key} ${res.statusCode} has only declared fields`).toEqual(body);
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(res.statusCode);
    return body as T;
  }
  return { check, seen };
}

describeEachDb(
  'API answers match their declared schemas',
  (env) => {
    let c: ReturnType<typeof contractChecker>;
    const check = <T = unknown>(res: LightMyRequestResponse | Promise<LightMyRequestResponse>): Promise<T> =>
      Promise.resolve(res).then((r) => c.check<T>(r));

    it('sign-in, session and health', async () => {
      const e = env();
      c = contractChecker(e.app);
      await check(e.app.inject({ url: '/api/health' }));
      const login = await e.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'cunyi', password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const me = await check<{ csrfToken: string }>(login);
      const cookie = login.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
      await check(e.app.inject({ url: '/api/auth/me', headers: { cookie } }));
      // a change without the CSRF header, a wrong password, a malformed body, nobody signed in
      await check(e.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } }));
      await check(
        e.app.inject({
          method: 'POST',
          url: '/api/auth/token',
          payload: { username: 'cunyi2', password: 'wrong' },
        }),
      );
      await check(e.app.inject({ method: 'POST', url: '/api/auth/token', payload: { username: '' } }));
      await check(e.app.inject({ url: '/api/auth/me' }));
      const saved = await e.database.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('username', '=', 'cunyi')
        .executeTakeFirstOrThrow();
      const pw = await e.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie, 'x-csrf-token': me.csrfToken },
        payload: { oldPassword: PASSWORD, newPassword: 'Tea#Garden7' },
      });
      expect(pw.statusCode).toBe(204);
      await check(pw);
      // And back, for the other tests of this file (a change back is refused: it repeats an earlier one).
      const back = await e.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie, 'x-csrf-token': me.csrfToken },
        payload: { oldPassword: 'Tea#Garden7', newPassword: PASSWORD },
      });
      expect(back.statusCode).toBe(400);
      await check(back);
      await e.database.db
        .updateTable('app_user')
        .set({ password_hash: saved.password_hash })
        .where('username', '=', 'cunyi')
        .execute();
      const out = await e.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, 'x-csrf-token': me.csrfToken },
      });
      expect(out.statusCode).toBe(204);
      await check(out);
      const token = await check<{ token: string }>(
        e.app.inject({
          method: 'POST',
          url: '/api/auth/token',
          payload: { username: 'cunyi', password: PASSWORD },
        }),
      );
      expect(token.token).toBeTruthy();
    });

    it('places and teams', async () => {
      const e = env();
      for (const user of ['cunyi', 'xzadmin', 'county']) {
        const u = await e.as(user);
        for (const url of ['/api/areas', '/api/institutions', '/api/doctors', '/api/teams']) {
          const res = await u.get(url);
          expect(res.statusCode, `${user} ${url}`).toBe(200);
          await check(res);
        }
      }
      const sys = await e.as('sysadmin');
      expect((await sys.get('/api/doctors')).statusCode).toBe(403);
      await check(sys.get('/api/doctors'));
    });

    it('residents: search, create, read, update, history, archive, restore, export, and their errors', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const admin = await e.as('xzadmin');
      await check(doc.get('/api/residents'));
      await check(doc.get(`/api/residents?q=${encodeURIComponent('王')}&sort=birthDate&pageSize=5`));
      await check(doc.get('/api/residents?pageSize=1000'));
      const input = buildResident(e.villageA, { name: '契约测' });
      const created = await doc.post('/api/residents', input);
      expect(created.statusCode, created.body).toBe(201);
      const r = await check<{ id: number; version: number; recordNumber: string }>(created);
      const dup = await doc.post('/api/residents', input);
      expect(dup.json()).toMatchObject({ code: 'duplicate_id_number' });
      await check(dup);
      const noId = { ...input, idType: '99', idNumber: undefined };
      const maybe = await doc.post('/api/residents', noId);
      expect(maybe.json()).toMatchObject({ code: 'possible_duplicate' });
      await check(maybe);
      await check(doc.get(`/api/residents/${r.id}`));
      await check(doc.get('/api/residents/999999'));
      await check(doc.post('/api/residents', { ...input, idNumber: '123', extra: 1 }));
      const { confirmPossibleDuplicate: _, ...rest } = input;
      const updated = await doc.put(`/api/residents/${r.id}`, { ...rest, phone: '13900000000', version: 1 });
      expect(updated.statusCode, updated.body).toBe(200);
      await check(updated);
      const stale = await doc.put(`/api/residents/${r.id}`, { ...rest, version: 1 });
      expect(stale.json()).toMatchObject({ code: 'stale_version', currentVersion: 2 });
      await check(stale);
      await check(doc.get(`/api/residents/${r.id}/history`));
      await check(
        doc.post(`/api/residents/${r.id}/archive`, { reason: 'deceased', date: '2026-01-02', version: 2 }),
      );
      const archived = await admin.post(`/api/residents/${r.id}/archive`, {
        reason: 'deceased',
        date: '2026-01-02',
        version: 2,
      });
      expect(archived.statusCode, archived.body).toBe(200);
      await check(archived);
      await check(admin.get('/api/residents?status=archived'));
      const restored = await admin.post(`/api/residents/${r.id}/restore`, { version: 3 });
      expect(restored.statusCode, restored.body).toBe(200);
      await check(restored);
      const xlsx = await admin.get(`/api/residents/export.xlsx?villageCode=${e.villageA}`);
      expect(xlsx.statusCode).toBe(200);
      await check(xlsx);
      await check(doc.get('/api/residents/export.xlsx'));
      await check(admin.get(`/api/residents/count?villageCode=${e.villageA}`));
      await check(doc.get('/api/residents/count'));
      await check(doc.post('/api/residents/id-check', { idType: '01', idNumber: '123' }));
      await check(doc.post('/api/residents/id-check', { idType: '01', idNumber: input.idNumber }));
      await check(
        (await e.as('cunyi2')).post('/api/residents/id-check', { idType: '01', idNumber: input.idNumber }),
      );
    });

    it('households', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const h = await check<{ id: number }>(
        doc.post('/api/households', { villageCode: e.villageA, address: '契约组1号' }),
      );
      await check(doc.post('/api/households', { villageCode: e.villageB, address: '别村' }));
      const r = await check<{ id: number; version: number }>(
        doc.post('/api/residents', buildResident(e.villageA, { name: '户主契' })),
      );
      const moved = await doc.post(`/api/households/${h.id}/members`, {
        residentId: r.id,
        relationToHead: '02',
        version: r.version,
      });
      expect(moved.statusCode, moved.body).toBe(200);
      await check(moved);
      await check(
        doc.post(`/api/households/${h.id}/members`, { residentId: r.id, relationToHead: '02', version: 1 }),
      );
      await check(doc.get(`/api/households/${h.id}`));
      await check((await e.as('cunyi2')).get(`/api/households/${h.id}`));
      await check(doc.get(`/api/households?q=${encodeURIComponent('户主契')}`));
      await check(doc.get('/api/households?villageCode=1'));
    });

    it('audit log', async () => {
      const e = env();
      const admin = await e.as('xzadmin');
      const page = await check<{ items: { residentId: number | null }[] }>(
        admin.get('/api/audit?pageSize=50'),
      );
      expect(page.items.length).toBeGreaterThan(0);
      const rid = page.items.find((i) => i.residentId)?.residentId;
      await check(admin.get(`/api/residents/${rid}/audit`));
      await check(admin.get('/api/audit?from=yesterday'));
      await check((await e.as('cunyi')).get('/api/audit'));
    });

    it('registers, service records and the worklist, and their errors', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const r = await check<{ id: number }>(
        doc.post('/api/residents', buildResident(e.villageA, { name: '契约随', birthDate: '1950-04-02' })),
      );
      const program = e.services.programs.doctorRegisters[0]!.program;
      const enrol = await doc.post(`/api/residents/${r.id}/enrolments`, {
        program,
        diagnosisDate: '2020-01-01',
      });
      expect(enrol.statusCode, enrol.body).toBe(201);
      const en = await check<{ id: number; version: number }>(enrol);
      await check(doc.post(`/api/residents/${r.id}/enrolments`, { program }));
      const fixed = await doc.put(`/api/enrolments/${en.id}`, {
        diagnosisSource: '县医院',
        version: en.version,
      });
      expect(fixed.statusCode, fixed.body).toBe(200);
      const en2 = await check<{ version: number }>(fixed);
      await check(doc.put(`/api/enrolments/${en.id}`, { version: 1 }));
      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
      const st = await doc.put(`/api/enrolments/${en.id}/status`, {
        status: 'lost',
        date: today,
        version: en2.version,
      });
      expect(st.statusCode, st.body).toBe(200);
      await check(st);
      const note = { subjective: '头晕', objective: '血压正常', assessment: '无异常', plan: '观察' };
      const draft = await doc.post(`/api/residents/${r.id}/services`, {
        type: 'encounter',
        serviceDate: today,
        delivery: 'clinic',
        form: note,
      });
      expect(draft.statusCode, draft.body).toBe(201);
      const s = await check<{ id: number }>(draft);
      await check(
        doc.post(`/api/residents/${r.id}/services`, {
          type: 'encounter',
          serviceDate: today,
          delivery: 'clinic',
          form: {},
        }),
      );
      const consult = {
        reason: '会诊',
        opinion: '观察',
        consultants: [{ doctor: '张医生', institution: '县医院' }],
        responsibleDoctor: '李医生',
      };
      const visit = (form: Record<string, unknown>) =>
        doc.post(`/api/residents/${r.id}/visits`, {
          serviceDate: today,
          delivery: 'clinic',
          records: [
            { type: 'encounter', form: note },
            { type: 'consultation', form },
          ],
        });
      await check(visit(consult));
      await check(visit({}));
      await check(doc.get('/api/services/drafts?limit=5'));
      await check(doc.get('/api/services/drafts?limit=0'));
      await check(doc.post(`/api/services/${s.id}/sign`, { version: 1 }));
      await check(
        doc.put(`/api/services/${s.id}`, {
          serviceDate: today,
          delivery: 'home',
          form: note,
          version: 2,
          reason: '更正',
        }),
      );
      await check(
        doc.put(`/api/services/${s.id}`, { serviceDate: today, delivery: 'home', form: note, version: 1 }),
      );
      await check(doc.get(`/api/services/${s.id}`));
      await check((await e.as('cunyi2')).get(`/api/services/${s.id}`));
      await check(doc.get(`/api/residents/${r.id}/services`));
      for (const reg of e.services.programs.registers)
        await check(
          doc.get(`/api/worklists/chronic?program=${reg.program}&villageCode=${e.villageA}&limit=50`),
        );
      await check(doc.get('/api/worklists/chronic?program=nothing'));
      await check(doc.get(`/api/worklists/summary?villageCode=${e.villageA}`));
      await check(doc.get('/api/worklists/summary?villageCode=12'));
      const xlsx = await doc.get(
        `/api/worklists/chronic/export.xlsx?program=${program}&villageCode=${e.villageA}`,
      );
      expect(xlsx.statusCode).toBe(200);
      await check(xlsx);
    });

    it('two factors, login history and account management', async () => {
      const e = env();
      await check(e.app.inject({ url: '/api/auth/sign-in-info' }));
      const doc = await e.as('cunyi2');
      await check(doc.get('/api/account/second-factor'));
      const { secret } = await check<{ secret: string }>(doc.post('/api/account/second-factor/enrol', {}));
      await check(doc.post('/api/account/second-factor/confirm', { code: 'abc' }));
      const { recoveryCodes } = await check<{ recoveryCodes: string[] }>(
        doc.post('/api/account/second-factor/confirm', { code: await generate({ secret }) }),
      );
      await check(doc.get('/api/account/logins'));
      const signIn = (route: 'login' | 'token') =>
        check<{ challenge: string }>(
          e.app.inject({
            method: 'POST',
            url: `/api/auth/${route}`,
            payload: { username: 'cunyi2', password: PASSWORD },
          }),
        );
      for (const [i, route] of (['login', 'token'] as const).entries()) {
        const { challenge } = await signIn(route);
        await check(
          e.app.inject({
            method: 'POST',
            url: `/api/auth/${route}/second-factor`,
            payload: { challenge, recoveryCode: recoveryCodes[i] },
          }),
        );
      }
      await check(doc.post('/api/account/second-factor/disable', { password: PASSWORD }));
      // Enrolling inside a sign-in: outside the demo county an administrator without a second factor.
      await e.database.db.updateTable('deployment_county').set({ is_demo: false }).execute();
      try {
        const c = await check<{ challenge: string }>(
          e.app.inject({
            method: 'POST',
            url: '/api/auth/token',
            payload: { username: 'city', password: PASSWORD },
          }),
        );
        await check(
          e.app.inject({
            method: 'POST',
            url: '/api/auth/second-factor/enrol',
            payload: { challenge: c.challenge },
          }),
        );
      } finally {
        await e.database.db.updateTable('deployment_county').set({ is_demo: true }).execute();
      }

      const sys = await e.as('sysadmin');
      await check(sys.get('/api/users?q=cunyi'));
      await check((await e.as('cunyi')).get('/api/users'));
      const institutionCode = (
        await e.database.db
          .selectFrom('institution')
          .select('code')
          .where('kind', '=', 'village_clinic')
          .executeTakeFirstOrThrow()
      ).code;
      const made = await check<{ user: { id: number } }>(
        sys.post('/api/users', {
          username: 'contract_doc',
          displayName: '合同 医生',
          role: 'village_doctor',
          institutionCode,
        }),
      );
      await check(
        sys.post('/api/users', { username: 'x', displayName: '', role: 'village_doctor', institutionCode }),
      );
      const id = made.user.id;
      await check(sys.get(`/api/users/${id}`));
      await check(sys.get('/api/users/999999'));
      const content = Buffer.from(
        `username,displayName,role,institutionCode\nimp_c,导入,village_doctor,${institutionCode}\n`,
      ).toString('base64');
      await check(sys.post('/api/users/import', { fileName: 'staff.csv', content, dryRun: true }));
      for (const action of ['reset-password', 'disable', 'enable', 'unlock', 'reset-second-factor'])
        await check(sys.post(`/api/users/${id}/${action}`, {}));
      await check(sys.get(`/api/users/${id}/logins`));
    });

    it('every route of these modules was seen answering with a success', () => {
      const e = env();
      const missing = routeContracts(e.app)
        .filter((r) => r.method !== 'HEAD') // Fastify's automatic HEAD twins of GET routes
        .filter((r) => ((r.schema?.tags as string[] | undefined) ?? []).some((t) => COVERED_TAGS.includes(t)))
        .map((r) => `${r.method} ${r.url}`)
        .filter((k) => ![...(c.seen.get(k) ?? [])].some((s) => s < 300));
      expect(missing).toEqual([]);
    });
  },
  { residents: 60 },
);
