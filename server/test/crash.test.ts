import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';

describe('unexpected errors [pglite]', () => {
  let env: TestEnv & { close(): Promise<void> };
  beforeAll(async () => {
    env = await createTestEnv('pglite', { residents: 0 });
  });
  afterAll(async () => env.close());

  it('a 500 carries only the request id, never internals', async () => {
    const doc = await env.as('cunyi');
    // Break the database under the route to provoke an unexpected error.
    await env.database.pool.query('ALTER TABLE resident RENAME TO resident_gone');
    const res = await doc.get('/api/residents');
    await env.database.pool.query('ALTER TABLE resident_gone RENAME TO resident');
    expect(res.statusCode).toBe(500);
    const body = res.json() as Record<string, unknown>;
    expect(body.code).toBe('internal');
    expect(typeof body.requestId).toBe('string');
    expect(res.body).not.toMatch(/resident_gone|relation|does not exist|stack/);
  });
});
