/**
 * Two server processes on one PostgreSQL database (here: two apps on one pool, each with its own session
 * cache): a session revoked through one is refused by the other at once, not after the cache's seconds
 * (issue 13, finding 11).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer, createServices } from '../src/server.ts';
import { describeEachDb } from './harness.ts';
import { testKeys } from './db-template.ts';

describeEachDb('sessions across server processes', (env) => {
  let second: FastifyInstance;
  beforeAll(async () => {
    const e = env();
    second = await createServer(createServices(e.services.config, e.database, testKeys()));
  });
  afterAll(async () => {
    await second.close();
  });

  it('refuses a signed-out token on the other process within a second', async (t) => {
    const e = env();
    if (e.kind === 'pglite') t.skip(); // one process owns an embedded database
    const doc = await e.as('cunyi');
    const me = () =>
      second.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${doc.token}` },
      });
    expect((await me()).statusCode).toBe(200); // now in the other process's cache
    expect((await doc.post('/api/auth/logout', {})).statusCode).toBe(204);
    await expect.poll(async () => (await me()).statusCode, { timeout: 1000, interval: 50 }).toBe(401);
  });

  it('refuses the sessions of a changed password on the other process within a second', async (t) => {
    const e = env();
    if (e.kind === 'pglite') t.skip();
    const doc = await e.as('cunyi2');
    const other = await e.as('cunyi2');
    const me = () =>
      second.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${other.token}` },
      });
    expect((await me()).statusCode).toBe(200);
    const changed = await doc.post('/api/auth/password', {
      oldPassword: 'Jkda@2026',
      newPassword: 'Cunyi2-Xin#2026',
    });
    expect(changed.statusCode).toBe(204);
    await expect.poll(async () => (await me()).statusCode, { timeout: 1000, interval: 50 }).toBe(401);
  });

  it('ends a session unused for the idle time, and keeps one in use alive', async () => {
    const e = env();
    const { db } = e.database;
    const idle = await e.as('xiangzhen');
    const busy = await e.as('xiangzhen');
    const age = (minutes: number, token: string) =>
      sql`UPDATE user_session SET last_seen_at = now() - make_interval(mins => ${minutes})
        WHERE token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`.execute(db);
    await age(31, idle.token);
    await age(29, busy.token);
    e.services.auth.forgetCachedSessions();
    expect((await idle.get('/api/auth/me')).statusCode).toBe(401);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(200);
    // The use was written down: the session now counts as seen just now.
    const { rows } = await sql<{
      secs: number;
    }>`SELECT extract(epoch from now() - last_seen_at)::float8 AS secs
      FROM user_session WHERE token_hash = encode(sha256(convert_to(${busy.token}, 'UTF8')), 'hex')`.execute(
      db,
    );
    const seen = rows[0]!;
    expect(Number(seen.secs)).toBeLessThan(60);
  });

  it('asks for a new password, before anything else, once the password is older than 90 days', async () => {
    const e = env();
    await sql`UPDATE app_user SET password_changed_at = now() - interval '91 days' WHERE username = 'county'`.execute(
      e.database.db,
    );
    const admin = await e.as('county');
    expect((await admin.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: true });
    const refused = await admin.get('/api/residents');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'password_change_required' });
    const changed = await admin.post('/api/auth/password', {
      oldPassword: 'Jkda@2026',
      newPassword: 'County-Xin#2026',
    });
    expect(changed.statusCode).toBe(204);
    expect((await admin.get('/api/auth/me')).json()).toMatchObject({ mustChangePassword: false });
    expect((await admin.get('/api/residents')).statusCode).toBe(200);
  });

  it('refuses a new password that repeats one of the last five', async () => {
    const e = env();
    const admin = await e.as('xzadmin');
    const change = (oldPassword: string, newPassword: string) =>
      admin.post('/api/auth/password', { oldPassword, newPassword });
    expect((await change('Jkda@2026', 'Xiang-Yi#2026')).statusCode).toBe(204);
    expect((await change('Xiang-Yi#2026', 'Xiang-Er#2026')).statusCode).toBe(204);
    const again = await change('Xiang-Er#2026', 'Jkda@2026');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'password_reused' });
    expect((await change('Xiang-Er#2026', 'Xiang-San#2026')).statusCode).toBe(204);
  });
});
