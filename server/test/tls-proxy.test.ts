/**
 * Behind a TLS-terminating proxy (JKDA_TRUST_PROXY=true and X-Forwarded-Proto: https): the session cookies are
 * Secure and HSTS is sent, with no setting; over plain HTTP (a clinic LAN under npm start) neither.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb, PASSWORD } from './harness.ts';

const before = process.env.JKDA_TRUST_PROXY;
beforeAll(() => {
  process.env.JKDA_TRUST_PROXY = 'true';
});
afterAll(() => {
  if (before === undefined) delete process.env.JKDA_TRUST_PROXY;
  else process.env.JKDA_TRUST_PROXY = before;
});

describeEachDb('behind a TLS proxy', (env) => {
  const login = (proto: string) =>
    env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': proto },
      payload: { username: 'cunyi', password: PASSWORD },
    });

  it('(11, 13) over TLS the cookies are Secure and HSTS is sent; over HTTP neither', async () => {
    const tls = await login('https');
    expect(tls.statusCode).toBe(200);
    expect(tls.cookies.every((c) => c.secure === true)).toBe(true);
    expect(String(tls.headers['strict-transport-security'])).toContain('max-age=');
    const plain = await login('http');
    expect(plain.statusCode).toBe(200);
    expect(plain.cookies.some((c) => c.secure === true)).toBe(false);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
