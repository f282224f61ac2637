/**
 * Regression tests of the security probe's findings (issue 13), one test per finding, on each database:
 * each was written to fail against the build the probe found it in.
 */
import { describe, expect, it } from 'vitest';
import { logRequest } from '../src/platform/app.ts';
import { describeEachDb, type Client } from './harness.ts';
import { buildResident } from './builders.ts';

const newResident = async (doc: Client, village: string, birthDate = '1960-05-01') =>
  ((await doc.post('/api/residents', buildResident(village, { birthDate }))).json() as { id: number }).id;

describeEachDb('security findings', (env) => {
  it('(12) a percent-encoded API path is authenticated like the plain one', async () => {
    const { app } = env();
    for (const url of ['/%61pi/areas', '/api/%61reas', '/%2561pi/areas'])
      expect((await app.inject({ url })).statusCode, url).not.toBe(500);
    const anon = await app.inject({ url: '/%61pi/areas' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ code: 'unauthenticated' });
    const doc = await env().as('cunyi');
    expect((await doc.get('/%61pi/areas')).statusCode).toBe(200);
  });

  it('(13) security headers on every status, no-store on the API, a CSP on the web app', async () => {
    const { app } = env();
    const refused = await app.inject({ url: '/api/residents' });
    expect(refused.statusCode).toBe(401);
    const forbidden = await (await env().as('cunyi')).get('/api/audit');
    expect(forbidden.statusCode).toBe(403);
    for (const res of [refused, forbidden]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
    const page = await app.inject({ url: '/residents' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    // Over plain HTTP no HSTS (it would mean nothing); over TLS (a proxy that says so) it is sent.
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });
});

describeEachDb('security findings: bad input', (env) => {
  it('(7) a NUL character anywhere is refused on its field, not a 500', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const q = await doc.get('/api/residents?q=%00abc');
    expect(q.statusCode).toBe(400);
    expect(q.json()).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'query.q', code: 'invalid_character' }],
    });
    const id = await newResident(doc, e.villageA);
    const body = await doc.post(`/api/residents/${id}/services`, {
      type: 'encounter',
      serviceDate: '2026-01-05',
      delivery: 'clinic',
      form: { subjective: 'a\u0000b', objective: 'x', assessment: 'x', plan: 'x' },
    });
    expect(body.statusCode).toBe(400);
    expect(JSON.stringify(body.json())).toContain('invalid_character');
    expect((await doc.get('/api/residents/%00')).statusCode).toBeLessThan(500);
  });

  it('(7) an impossible date on the enrolment routes is refused as no such date', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const id = await newResident(doc, e.villageA);
    for (const d of ['2024-02-30', '2024-13-45']) {
      const r = await doc.post(`/api/residents/${id}/enrolments`, {
        program: 'hypertension',
        diagnosisDate: d,
      });
      expect(r.statusCode, d).toBe(400);
      expect(r.json()).toMatchObject({ details: [{ field: 'diagnosisDate', code: 'date_invalid' }] });
    }
  });
});

describe('(5) the request log', () => {
  it('holds the route and record ids, never the query string or an unmatched path', () => {
    const line = logRequest({
      method: 'GET',
      url: '/api/residents/12?q=341524194102102485&name=张三',
      id: 'r1',
      routeOptions: { url: '/api/residents/:id' },
      params: { id: '12' },
    });
    expect(line).toEqual({ method: 'GET', route: '/api/residents/:id', ids: { id: '12' }, reqId: 'r1' });
    const text = JSON.stringify(
      logRequest({
        method: 'GET',
        url: '/api/residents?q=13912345678',
        routeOptions: { url: '/api/residents' },
      }),
    );
    expect(text).not.toContain('139');
    expect(JSON.stringify(logRequest({ method: 'GET', url: '/x/张三/341524194102102485' }))).not.toMatch(
      /张三|3415/,
    );
    // A text path parameter is left out.
    expect(
      logRequest({
        method: 'GET',
        url: '/',
        routeOptions: { url: '/api/x/:name' },
        params: { name: '张三' },
      }),
    ).not.toHaveProperty('ids');
  });
});

describeEachDb('security findings: sign-in', (env) => {
  const attempt = (e: ReturnType<typeof env>, username: string, password: string, ip = '10.0.0.1') =>
    e.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('(1) thirty parallel wrong passwords lock the name: the count is atomic', async () => {
    const e = env();
    const answers = await Promise.all(Array.from({ length: 30 }, () => attempt(e, 'cunyi2', 'Wrong@1234')));
    expect(answers.some((a) => a.statusCode === 423)).toBe(true);
    // Locked now, even for the right password.
    expect((await attempt(e, 'cunyi2', 'Jkda@2026')).statusCode).toBe(423);
  });

  it('(8) a name that is no account answers like one, and a lock at one address leaves the others', async () => {
    const e = env();
    type Answer = Awaited<ReturnType<typeof attempt>>;
    const real: Answer[] = [];
    const ghost: Answer[] = [];
    for (let i = 0; i < 5; i++) {
      real.push(await attempt(e, 'xzadmin', 'Wrong@1234', '10.0.0.2'));
      ghost.push(await attempt(e, 'nobody-here', 'Wrong@1234', '10.0.0.2'));
    }
    const shape = (r: Answer) => {
      const b = r.json() as { code: string; attemptsLeft?: number };
      return [r.statusCode, b.code, b.attemptsLeft];
    };
    expect(real.map(shape)).toEqual(ghost.map(shape));
    expect(real.at(-1)!.statusCode).toBe(423);
    // The administrator signs in from another machine.
    expect((await attempt(e, 'xzadmin', 'Jkda@2026', '10.0.0.3')).statusCode).toBe(200);
    // The unknown name's failures are audited too.
    const rows = await e.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'detail'])
      .where('action', '=', 'auth.login')
      .where('actor_user_id', 'is', null)
      .execute();
    expect(rows.some((r) => JSON.stringify(r.detail).includes('unknown_user'))).toBe(true);
  });
});

describeEachDb('security findings: sessions and passwords', (env) => {
  it('(11) common passwords and the current one are refused; a change ends every other session', async () => {
    const e = env();
    const here = await e.as('cunyi2');
    const elsewhere = await e.as('cunyi2');
    for (const pw of ['Passw0rd', 'Admin@123', 'Password1!', 'Qwerty@2026'])
      expect(
        (await here.post('/api/auth/password', { oldPassword: 'Jkda@2026', newPassword: pw })).json(),
        pw,
      ).toMatchObject({ code: 'password_policy' });
    const same = await here.post('/api/auth/password', {
      oldPassword: 'Jkda@2026',
      newPassword: 'Jkda@2026',
    });
    expect(same.json()).toMatchObject({ code: 'password_reused' });
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(200);
    const ok = await here.post('/api/auth/password', {
      oldPassword: 'Jkda@2026',
      newPassword: 'Tea#Garden7',
    });
    expect(ok.statusCode).toBe(204);
    // The session that changed it goes on; the other one is over.
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('(11) an API token sent as the session cookie is no session (it would write without CSRF)', async () => {
    const e = env();
    const token = (
      await e.app.inject({
        method: 'POST',
        url: '/api/auth/token',
        payload: { username: 'cunyi', password: 'Jkda@2026' },
      })
    ).json<{ token: string }>().token;
    const write = await e.app.inject({
      method: 'POST',
      url: '/api/households',
      cookies: { jkda_session: token },
      payload: { villageCode: e.villageA, address: '一组' },
    });
    expect(write.statusCode).toBe(401);
    const asBearer = await e.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asBearer.statusCode).toBe(200);
  });
});

describeEachDb('security findings: a resident who moves', (env) => {
  it('(4) the service records follow the resident: the new village’s doctor opens them, the old one’s cannot', async () => {
    const e = env();
    const docA = await e.as('cunyi');
    const docB = await e.as('cunyi2');
    const town = await e.as('xiangzhen');
    const input = buildResident(e.villageA, { birthDate: '1955-03-01' });
    const r = (await docA.post('/api/residents', input)).json() as { id: number };
    const note = {
      subjective: '头晕三天',
      objective: '血压 150/95',
      assessment: '高血压待查',
      plan: '复测血压',
    };
    const encounter = async (serviceDate: string, sign: boolean) =>
      (
        await docA.post(`/api/residents/${r.id}/services`, {
          type: 'encounter',
          serviceDate,
          delivery: 'clinic',
          form: note,
          ...(sign ? { sign: true } : {}),
        })
      ).json() as { id: number; version: number };
    const signed = await encounter('2026-01-05', true);
    const draft = await encounter('2026-01-06', false);
    expect(signed.id && draft.id).toBeTruthy();
    const moved = await town.put(`/api/residents/${r.id}`, { ...input, villageCode: e.villageB, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    // Every record listed on the resident's page opens for the new village's doctor.
    const listed = (await docB.get(`/api/residents/${r.id}/services`)).json() as { items: { id: number }[] };
    expect(listed.items.map((i) => i.id).sort()).toEqual([signed.id, draft.id].sort());
    for (const i of listed.items) expect((await docB.get(`/api/services/${i.id}`)).statusCode).toBe(200);
    // The old village's doctor can neither read nor sign them.
    expect((await docA.get(`/api/services/${signed.id}`)).statusCode).toBe(404);
    const sign = await docA.post(`/api/services/${draft.id}/sign`, { version: draft.version + 1 });
    expect(sign.statusCode).toBe(404);
    // The move is on each record's history.
    const rows = await e.database.db
      .selectFrom('service_record_version')
      .select('action')
      .where('service_record_id', '=', signed.id)
      .execute();
    expect(rows.map((x) => x.action)).toContain('move');
  });
});

describeEachDb('security findings: masking', (env) => {
  it('(2) no list shows what rebuilds an ID number; worklists mask phones and addresses', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const input = buildResident(e.villageA, { birthDate: '1950-04-02', name: '掩码测试' });
    const r = (await doc.post('/api/residents', input)).json() as { id: number };
    expect(
      (await doc.post(`/api/residents/${r.id}/enrolments`, { program: 'hypertension' })).statusCode,
    ).toBe(201);
    const id = input.idNumber!;
    const hit = (
      (await doc.get(`/api/residents?q=${encodeURIComponent('掩码测试')}`)).json() as {
        items: { id: number; idNumberMasked: string; birthDate: string }[];
      }
    ).items.find((i) => i.id === r.id)!;
    // Shown together: the masked number and the birth date; the sequence digits (15–17) stay hidden.
    expect(hit.idNumberMasked.slice(14, 17)).toBe('***');
    expect(hit.idNumberMasked).not.toContain(id.slice(14, 17));
    const wl = (
      await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}&limit=2000`)
    ).json() as { items: { residentId: number; phone: string | null; address: string | null }[] };
    const row = wl.items.find((i) => i.residentId === r.id)!;
    expect(row.phone).not.toBe(input.phone);
    expect(row.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(row.address).not.toContain('1号');
    // The record itself shows them whole (and audits the read).
    const full = (await doc.get(`/api/residents/${r.id}`)).json() as { idNumber: string; phone: string };
    expect([full.idNumber, full.phone]).toEqual([id, input.phone]);
  });
});

describeEachDb('security findings: audit', (env) => {
  it('(10) a resident’s audit view holds the lists that showed them; a refused route is audited', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const input = buildResident(e.villageA, { birthDate: '1949-07-07', name: '审计视图' });
    const r = (await doc.post('/api/residents', input)).json() as { id: number };
    await doc.post(`/api/residents/${r.id}/enrolments`, { program: 'hypertension' });
    await doc.get(`/api/residents?q=${encodeURIComponent('审计视图')}`);
    await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}&limit=2000`);
    const county = await e.as('county');
    const view = (await county.get(`/api/audit?residentId=${r.id}&pageSize=100`)).json() as {
      items: { action: string }[];
    };
    const actions = view.items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['resident.search', 'worklist.read', 'resident.create']));
    // A village doctor asking for the audit log is refused, and that is on the log.
    expect((await doc.get('/api/audit')).statusCode).toBe(403);
    const refused = (await county.get('/api/audit?action=auth.forbidden&pageSize=10')).json() as {
      items: { outcome: string }[];
    };
    expect(refused.items.length).toBeGreaterThan(0);
    // The county's log page filters by sign-in name and outcome, and names the staff member.
    const theirs = (await county.get('/api/audit?username=cunyi&outcome=denied&pageSize=50')).json() as {
      items: { outcome: string; actor: { username: string; displayName: string | null } }[];
    };
    expect(theirs.items.length).toBeGreaterThan(0);
    for (const i of theirs.items) {
      expect([i.actor.username, i.outcome]).toEqual(['cunyi', 'denied']);
      expect(i.actor.displayName).toContain('王医生');
    }
  });
});

describeEachDb('security findings: the duplicate check', (env) => {
  it('(9) a refused number of another village lands in that resident’s audit view', async () => {
    const e = env();
    const docB = await e.as('cunyi2');
    const input = buildResident(e.villageB, { birthDate: '1962-02-02' });
    const theirs = (await docB.post('/api/residents', input)).json() as { id: number };
    const docA = await e.as('cunyi');
    const probe = await docA.post('/api/residents', {
      ...buildResident(e.villageA, { birthDate: '1962-02-02', sex: input.sex }),
      idNumber: input.idNumber,
    });
    expect(probe.statusCode, probe.body).toBe(409);
    // The answer names no record of the other village.
    expect(JSON.stringify(probe.json())).not.toContain(String(theirs.id));
    const view = (
      await (await e.as('county')).get(`/api/audit?residentId=${theirs.id}&pageSize=50`)
    ).json() as {
      items: { action: string; actor: { username: string } }[];
    };
    const asked = view.items.filter((i) => i.action === 'resident.duplicate_check');
    expect(asked.map((i) => i.actor.username)).toContain('cunyi');
  });
});
