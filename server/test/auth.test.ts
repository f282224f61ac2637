import { expect, it } from 'vitest';
import { describeEachDb, PASSWORD } from './harness.ts';

describeEachDb('authentication and authorization', (env) => {
  it('answers 401 without a session, and /api/health and the OpenAPI document are public', async () => {
    const { app } = env();
    const res = await app.inject({ url: '/api/residents' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated', details: [] });
    expect((await app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/residents',
        '/api/residents/{id}',
        '/api/residents/{id}/history',
        '/api/audit',
      ]),
    );
    expect(
      (await app.inject({ url: '/api/residents', headers: { authorization: 'Bearer nope' } })).statusCode,
    ).toBe(401);
  });

  it('signs in with a cookie, requires the CSRF token on writes, and signs out', async () => {
    const { app, villageA } = env();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cunyi', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = login.cookies.find((c) => c.name === 'jkda_session')!;
    expect(setCookie.httpOnly).toBe(true);
    expect(setCookie.sameSite).toBe('Strict');
    const me = login.json() as {
      csrfToken: string;
      abilities: Record<string, boolean>;
      user: { jurisdiction: { villages: string[] } };
      timeZone: string;
    };
    // The web app computes "today" in the county's zone, which the session tells it.
    expect(me.timeZone).toBe(process.env.JKDA_TIME_ZONE || 'Asia/Shanghai');
    expect(me.abilities['resident.create']).toBe(true);
    expect(me.abilities['audit.read']).toBe(false);
    expect(me.user.jurisdiction.villages).toEqual([villageA]);
    const cookie = `jkda_session=${setCookie.value}`;
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { cookie },
      payload: { villageCode: villageA, address: 'x' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((noCsrf.json() as { code: string }).code).toBe('csrf_failed');
    const withCsrf = await app.inject({
      method: 'POST',
      url: '/api/households',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
      payload: { villageCode: villageA, address: '一组' },
    });
    expect(withCsrf.statusCode).toBe(201);
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect((after.json() as { code: string }).code).toBe('session_expired');
  });

  it('locks the account for 15 minutes after 5 failed logins', async () => {
    const { app, database } = env();
    const attempt = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/token', payload: { username: 'xiangzhen', password } });
    for (let i = 0; i < 4; i++) expect((await attempt('Wrong@123')).statusCode).toBe(401);
    const fifth = await attempt('Wrong@123');
    expect(fifth.statusCode).toBe(423);
    const body = fifth.json() as { code: string; secondsLeft: number };
    expect(body.code).toBe('account_locked');
    expect(body.secondsLeft).toBeGreaterThan(14 * 60);
    expect(body.secondsLeft).toBeLessThanOrEqual(15 * 60);
    expect((await attempt(PASSWORD)).statusCode).toBe(423); // even the right password
    await database.db
      .updateTable('login_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('username', '=', 'xiangzhen')
      .execute();
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
    const failures = await database.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('action', '=', 'auth.login')
      .where('outcome', '!=', 'ok')
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(5);
  });

  it('applies the permission table: deny by default, per role', async () => {
    const e = env();
    const sys = await e.as('sysadmin');
    expect((await sys.get('/api/residents')).statusCode).toBe(403);
    const city = await e.as('city');
    expect((await city.get('/api/residents?pageSize=1')).statusCode).toBe(200);
    expect((await city.post('/api/households', { villageCode: e.villageA, address: 'x' })).statusCode).toBe(
      403,
    );
    const county = await e.as('county');
    const all = (await county.get('/api/residents?pageSize=1')).json() as { total: number };
    expect(all.total).toBe(200);
    const teams = (await county.get('/api/teams')).json() as { items: { members: { name: string }[] }[] };
    expect(teams.items[0]!.members.map((m) => m.name).join()).toMatch(/王医生.*李医生|李医生.*王医生/);
    const areas = (await (await e.as('cunyi')).get('/api/areas')).json() as {
      items: { code: string; level: string }[];
    };
    expect(areas.items.filter((a) => a.level === 'village').map((a) => a.code)).toEqual([e.villageA]);
  });

  it('enforces the password policy when changing a password', async () => {
    const e = env();
    const u = await e.as('cunyi2');
    const weak = await u.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect((weak.json() as { code: string }).code).toBe('password_policy');
    const ok = await u.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'New#Pass2026' });
    expect(ok.statusCode).toBe(204);
    const relog = await e.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { username: 'cunyi2', password: 'New#Pass2026' },
    });
    expect(relog.statusCode).toBe(200);
  });
});
