/**
 * Two factors (issue 13 §2): required for the administrator and inspector roles outside the demo county, on
 * both sign-in routes; codes counted by the lockout; recovery codes single-use; enrolment audited; the
 * user's own login history.
 */
import { beforeAll, expect, it } from 'vitest';
import { generate } from 'otplib';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDb, PASSWORD, type TestEnv } from './harness.ts';

interface Challenge {
  code: string;
  challenge: string;
  enrol: boolean;
  attemptsLeft?: number;
}

const codeFor = (secret: string, offsetSteps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

function cookieOf(res: LightMyRequestResponse): string {
  return res.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
}

describeEachDb('two factors for administrators and inspectors', (env) => {
  const secrets = new Map<string, string>();
  const recovery = new Map<string, string[]>();

  const password = (e: TestEnv, username: string, route: 'login' | 'token', pw = PASSWORD) =>
    e.app.inject({ method: 'POST', url: `/api/auth/${route}`, payload: { username, password: pw } });
  const second = (e: TestEnv, route: 'login' | 'token', body: Record<string, string>) =>
    e.app.inject({ method: 'POST', url: `/api/auth/${route}/second-factor`, payload: body });
  const setDemo = (e: TestEnv, demo: boolean) =>
    e.database.db.updateTable('deployment_county').set({ is_demo: demo }).execute();
  /** Forgets the last accepted time step, so a test can sign in again within the same 30 seconds. */
  const forgetStep = (e: TestEnv, username: string) =>
    e.database.db
      .updateTable('app_user')
      .set({ totp_last_step: null })
      .where('username', '=', username)
      .execute();

  /** Enrols the user inside a sign-in challenge and answers the signed-in cookie. */
  async function enrolAtSignIn(e: TestEnv, username: string): Promise<string> {
    const first = await password(e, username, 'login');
    const c = first.json() as Challenge;
    const enrol = await e.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/enrol',
      payload: { challenge: c.challenge },
    });
    expect(enrol.statusCode, enrol.body).toBe(200);
    const { secret, otpauthUri } = enrol.json() as { secret: string; otpauthUri: string };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    secrets.set(username, secret);
    const done = await second(e, 'login', { challenge: c.challenge, code: await codeFor(secret) });
    expect(done.statusCode, done.body).toBe(200);
    recovery.set(username, (done.json() as { recoveryCodes: string[] }).recoveryCodes);
    return cookieOf(done);
  }

  beforeAll(async () => {
    await setDemo(env(), false);
  });

  it('gives no session for a right password alone, on the cookie route and the token route', async () => {
    const e = env();
    for (const route of ['login', 'token'] as const) {
      const res = await password(e, 'county', route);
      expect(res.statusCode).toBe(401);
      const body = res.json() as Challenge & { token?: string };
      expect(body).toMatchObject({ code: 'second_factor_required', enrol: true });
      expect(body.challenge.length).toBeGreaterThan(20);
      expect(body.token).toBeUndefined();
      expect(res.cookies.find((k) => k.name === 'jkda_session')).toBeUndefined();
    }
    const sessions = await e.database.db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select('s.id')
      .where('u.username', '=', 'county')
      .execute();
    expect(sessions).toHaveLength(0);
    // A village doctor is not asked.
    expect((await password(e, 'cunyi', 'token')).statusCode).toBe(200);
  });

  it('enrols inside the sign-in, counts a wrong code with the lockout, and audits the enrolment', async () => {
    const e = env();
    const first = await password(e, 'county', 'login');
    const c = first.json() as Challenge;
    // No secret yet: the code cannot be checked.
    const early = await second(e, 'login', { challenge: c.challenge, code: '123456' });
    expect(early.statusCode).toBe(400);
    const enrol = await e.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/enrol',
      payload: { challenge: c.challenge },
    });
    const { secret } = enrol.json() as { secret: string };
    const wrongCode = (await codeFor(secret)) === '000000' ? '111111' : '000000';
    const wrong = await second(e, 'login', { challenge: c.challenge, code: wrongCode });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'second_factor_invalid' });
    const throttle = await e.database.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('username', '=', 'county')
      .executeTakeFirstOrThrow();
    expect(throttle.failures).toBe(1);
    const ok = await second(e, 'login', { challenge: c.challenge, code: await codeFor(secret) });
    expect(ok.statusCode, ok.body).toBe(200);
    const me = ok.json() as { user: { username: string }; recoveryCodes: string[]; csrfToken: string };
    expect(me.user.username).toBe('county');
    expect(me.recoveryCodes).toHaveLength(10);
    expect(new Set(me.recoveryCodes).size).toBe(10);
    secrets.set('county', secret);
    recovery.set('county', me.recoveryCodes);
    expect((await e.app.inject({ url: '/api/auth/me', headers: { cookie: cookieOf(ok) } })).statusCode).toBe(
      200,
    );
    // The challenge is spent.
    const again = await second(e, 'login', { challenge: c.challenge, code: await codeFor(secret, 1) });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'challenge_expired' });
    // Stored encrypted and hashed, never in plain.
    const row = await e.database.db
      .selectFrom('app_user')
      .select(['id', 'totp_secret_enc'])
      .where('username', '=', 'county')
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).toMatch(/^sm4:v1:/);
    expect(row.totp_secret_enc).not.toContain(secret);
    const hashes = await e.database.db
      .selectFrom('recovery_code')
      .select('code_hash')
      .where('user_id', '=', row.id)
      .execute();
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.code_hash)).not.toContain(me.recoveryCodes[0]);
    const audit = await e.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_user_id', '=', row.id)
      .where('action', 'in', ['auth.second_factor_enrol', 'auth.second_factor'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'auth.second_factor', outcome: 'failed' },
        { action: 'auth.second_factor_enrol', outcome: 'ok' },
      ]),
    );
  });

  it('signs in on the token route with a code, never twice with the same code, and not across routes', async () => {
    const e = env();
    await forgetStep(e, 'county');
    const c = (await password(e, 'county', 'token')).json() as Challenge;
    expect(c.enrol).toBe(false);
    // A challenge of the token route does not open a cookie session.
    const cross = await second(e, 'login', {
      challenge: c.challenge,
      code: await codeFor(secrets.get('county')!),
    });
    expect(cross.json()).toMatchObject({ code: 'challenge_expired' });
    const code = await codeFor(secrets.get('county')!);
    const ok = await second(e, 'token', { challenge: c.challenge, code });
    expect(ok.statusCode, ok.body).toBe(200);
    const { token } = ok.json() as { token: string };
    const me = await e.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    // The same code once more, on a new challenge: refused (replay).
    const c2 = (await password(e, 'county', 'token')).json() as Challenge;
    const replay = await second(e, 'token', { challenge: c2.challenge, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'second_factor_invalid' });
  });

  it('takes a recovery code once', async () => {
    const e = env();
    const code = recovery.get('county')![0]!;
    const c = (await password(e, 'county', 'token')).json() as Challenge;
    // Case and dashes do not matter when typed.
    const ok = await second(e, 'token', { challenge: c.challenge, recoveryCode: code.toLowerCase() });
    expect(ok.statusCode, ok.body).toBe(200);
    const c2 = (await password(e, 'county', 'token')).json() as Challenge;
    const twice = await second(e, 'token', { challenge: c2.challenge, recoveryCode: code });
    expect(twice.statusCode).toBe(401);
    const used = await e.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'auth.recovery_code_used')
      .executeTakeFirstOrThrow();
    expect(used.detail).toMatchObject({ left: 9 });
  });

  it('counts wrong codes with wrong passwords: five in all lock the name at the address', async () => {
    const e = env();
    await enrolAtSignIn(e, 'xzadmin');
    for (let i = 0; i < 3; i++)
      expect((await password(e, 'xzadmin', 'token', 'Wrong@123')).statusCode).toBe(401);
    const c = (await password(e, 'xzadmin', 'token')).json() as Challenge;
    expect((await second(e, 'token', { challenge: c.challenge, code: '000001' })).statusCode).toBe(401);
    const fifth = await second(e, 'token', { challenge: c.challenge, code: '000002' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'account_locked' });
    // Locked: even the right password and a right code are refused now.
    expect((await password(e, 'xzadmin', 'token')).statusCode).toBe(423);
    const history = await e.database.db
      .selectFrom('login_event as l')
      .innerJoin('app_user as u', 'u.id', 'l.user_id')
      .select('l.outcome')
      .where('u.username', '=', 'xzadmin')
      .execute();
    expect(history.map((h) => h.outcome)).toEqual(
      expect.arrayContaining(['failure', 'second_factor_failure', 'locked', 'success']),
    );
  });

  it('counts parallel wrong codes atomically: one challenge takes five, the fifth locks', async () => {
    const e = env();
    await enrolAtSignIn(e, 'city');
    const c = (await password(e, 'city', 'token')).json() as Challenge;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        second(e, 'token', { challenge: c.challenge, code: String(100000 + i) }),
      ),
    );
    expect(answers.every((a) => a.statusCode !== 200)).toBe(true);
    const cityId = (
      await e.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'city')
        .executeTakeFirstOrThrow()
    ).id;
    const failed = await e.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('actor_user_id', '=', cityId)
      .where('action', '=', 'auth.second_factor')
      .where('outcome', '=', 'failed')
      .execute();
    expect(failed).toHaveLength(5);
    const lock = await e.database.db
      .selectFrom('login_throttle')
      .select('locked_until')
      .where('username', '=', 'city')
      .executeTakeFirstOrThrow();
    expect(lock.locked_until).not.toBeNull();
  });

  it('leaves two factors optional in the demo county, except for an account that enrolled', async () => {
    const e = env();
    await setDemo(e, true);
    try {
      const info = await e.app.inject({ url: '/api/auth/sign-in-info' });
      const facts = info.json() as { demo: boolean; twoFactorRoles: string[] };
      expect(facts.demo).toBe(true);
      expect(facts.twoFactorRoles).toContain('county_admin');
      await e.database.db.deleteFrom('login_throttle').where('username', '=', 'city').execute();
      // city enrolled above, so it is asked even here; sysadmin, never enrolled, is not.
      expect((await password(e, 'city', 'login')).json()).toMatchObject({ code: 'second_factor_required' });
      expect((await password(e, 'sysadmin', 'token')).statusCode).toBe(200);
      // county enrolled: still asked.
      expect((await password(e, 'county', 'token')).json()).toMatchObject({ code: 'second_factor_required' });
    } finally {
      await setDemo(e, false);
    }
    expect((await e.app.inject({ url: '/api/auth/sign-in-info' })).json()).toMatchObject({ demo: false });
  });

  it('tells the sign-in page whether this is a training environment (jkda training)', async () => {
    const e = env();
    const info = async () =>
      (await e.app.inject({ url: '/api/auth/sign-in-info' })).json() as { training: boolean };
    expect((await info()).training).toBe(false);
    await e.database.db.updateTable('deployment_county').set({ is_training: true }).execute();
    try {
      expect((await info()).training).toBe(true);
    } finally {
      await e.database.db.updateTable('deployment_county').set({ is_training: false }).execute();
    }
  });

  it('lets a user turn an optional second factor on and off, and a required one not off', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    expect((await doc.get('/api/account/second-factor')).json()).toMatchObject({
      enabled: false,
      required: false,
    });
    const { secret } = (await doc.post('/api/account/second-factor/enrol', {})).json() as { secret: string };
    const bad = await doc.post('/api/account/second-factor/confirm', { code: '12345' });
    expect(bad.statusCode).toBe(400);
    const conf = await doc.post('/api/account/second-factor/confirm', { code: await codeFor(secret) });
    expect(conf.statusCode, conf.body).toBe(200);
    expect((conf.json() as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect((await doc.get('/api/account/second-factor')).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    // Now cunyi is asked too.
    expect((await password(e, 'cunyi', 'token')).json()).toMatchObject({ code: 'second_factor_required' });
    expect((await doc.post('/api/account/second-factor/disable', { password: 'Wrong@123' })).statusCode).toBe(
      400,
    );
    expect((await doc.post('/api/account/second-factor/disable', { password: PASSWORD })).statusCode).toBe(
      204,
    );
    expect((await password(e, 'cunyi', 'token')).statusCode).toBe(200);

    // county must keep it.
    await forgetStep(e, 'county');
    const c = (await password(e, 'county', 'token')).json() as Challenge;
    const signed = await second(e, 'token', {
      challenge: c.challenge,
      code: await codeFor(secrets.get('county')!),
    });
    const token = (signed.json() as { token: string }).token;
    const off = await e.app.inject({
      method: 'POST',
      url: '/api/account/second-factor/disable',
      headers: { authorization: `Bearer ${token}` },
      payload: { password: PASSWORD },
    });
    expect(off.statusCode).toBe(403);
    expect(off.json()).toMatchObject({ code: 'second_factor_mandatory' });
    const actions = await e.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', '=', 'auth.second_factor_disable')
      .execute();
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'auth.second_factor_disable', outcome: 'ok' },
        { action: 'auth.second_factor_disable', outcome: 'denied' },
      ]),
    );
  });

  it('shows the user their own sign-ins with time, address, kind of client and outcome', async () => {
    const e = env();
    await forgetStep(e, 'county');
    const c = (await password(e, 'county', 'login')).json() as Challenge;
    const ok = await e.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      headers: {
        'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36',
      },
      payload: { challenge: c.challenge, code: await codeFor(secrets.get('county')!) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const res = await e.app.inject({ url: '/api/account/logins', headers: { cookie: cookieOf(ok) } });
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as {
      items: { at: string; outcome: string; address: string | null; client: string; method: string | null }[];
    };
    expect(items[0]).toMatchObject({ outcome: 'success', method: 'totp', client: 'Chrome mobile' });
    expect(items[0]!.address).toBeTruthy();
    expect(items.map((i) => i.outcome)).toEqual(
      expect.arrayContaining(['second_factor_pending', 'second_factor_failure', 'success']),
    );
    expect(Date.parse(items[0]!.at)).toBeGreaterThan(Date.parse(items.at(-1)!.at) - 1);
  });
});
