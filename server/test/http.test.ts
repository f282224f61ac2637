import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { buildResident } from './builders.ts';

describe('HTTP limits and errors [pglite]', () => {
  let env: TestEnv & { close(): Promise<void> };
  beforeAll(async () => {
    env = await createTestEnv('pglite', {
      residents: 20,
      config: { bodyLimitBytes: 4096, rateLimitPerMinute: 40 },
    });
  });
  afterAll(async () => env.close());

  it('answers 413 for a body over the limit', async () => {
    const doc = await env.as('cunyi');
    const res = await doc.post('/api/residents', {
      ...buildResident(env.villageA),
      currentAddress: 'x'.repeat(10_000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers 404 with the error shape for an unknown route', async () => {
    // Unknown routes are not revealed to anonymous clients.
    expect((await env.app.inject({ url: '/api/nothing-here' })).statusCode).toBe(401);
    const doc = await env.as('cunyi');
    const res = await doc.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route_not_found', details: [] });
  });

  it('answers 429 when a client sends too many requests', async () => {
    let last = 0;
    for (let i = 0; i < 60 && last !== 429; i++)
      last = (await env.app.inject({ url: '/api/health', remoteAddress: '10.9.9.9' })).statusCode;
    expect(last).toBe(429);
  });
});
