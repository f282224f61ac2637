/**
 * The request log: one line a request (not Fastify's two), at debug for an ordinary answer, info for a
 * refusal, warn when slow and error for a server error; the line names the route pattern, never the URL
 * (its query string can carry an ID number, a phone or a name).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDb } from '../../test/harness.ts';
import { responseLine, responseLogLevel, SLOW_REQUEST_MS } from './app.ts';

describe('the request log line', () => {
  it('is debug for an answer, info for a refusal, warn when slow, error for a server error', () => {
    expect(responseLogLevel(200, 12)).toBe('debug');
    expect(responseLogLevel(304, 3)).toBe('debug');
    expect(responseLogLevel(401, 5)).toBe('info');
    expect(responseLogLevel(403, 5)).toBe('info');
    expect(responseLogLevel(200, SLOW_REQUEST_MS)).toBe('warn');
    expect(responseLogLevel(404, SLOW_REQUEST_MS + 1)).toBe('warn');
    expect(responseLogLevel(500, 5)).toBe('error');
    expect(responseLogLevel(503, SLOW_REQUEST_MS * 3)).toBe('error');
  });

  it('holds method, route pattern, record ids, status and whole ms, never the URL', () => {
    const line = responseLine(
      {
        method: 'GET',
        url: '/api/residents/12?q=341524194102102485&name=张三',
        id: 'r1',
        routeOptions: { url: '/api/residents/:id' },
        params: { id: '12' },
      },
      200,
      41.73,
    );
    expect(line).toEqual({
      method: 'GET',
      route: '/api/residents/:id',
      ids: { id: '12' },
      status: 200,
      ms: 42,
    });
    expect(JSON.stringify(line)).not.toMatch(/3415|张三|\?/);
  });
});

describeEachDb('the request log of the app', (env) => {
  afterEach(() => vi.restoreAllMocks());

  /** The calls made on the request loggers while `run` runs: level, the line's object, its message. */
  const callsOf = async (app: FastifyInstance, run: () => Promise<unknown>) => {
    const calls: { level: string; bindings: unknown; line: unknown; msg: unknown }[] = [];
    const child = app.log.child.bind(app.log);
    vi.spyOn(app.log, 'child').mockImplementation((bindings, opts) => {
      const logger = child(bindings, opts);
      for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
        const write = logger[level].bind(logger) as (...a: unknown[]) => void;
        logger[level] = ((...a: unknown[]) => {
          calls.push({ level, bindings, line: a[0], msg: a[1] });
          write(...a);
        }) as typeof logger.info;
      }
      // Every level counts as written here, so the calls show the level each line is given.
      (logger as unknown as { isLevelEnabled: () => boolean }).isLevelEnabled = () => true;
      return logger;
    });
    await run();
    vi.restoreAllMocks();
    return calls;
  };

  it('logs one line a request: debug when answered, info when refused, never the query string', async () => {
    const { app } = env();
    const calls = await callsOf(app, async () => {
      await app.inject({ url: '/api/health' });
      await app.inject({ url: '/api/residents?q=13912345678' });
    });
    expect(calls.map((c) => [c.level, c.msg])).toEqual([
      ['debug', 'request'],
      ['info', 'request'],
    ]);
    expect(calls[0]!.line).toMatchObject({ method: 'GET', route: '/api/health', status: 200 });
    expect(calls[1]!.line).toMatchObject({ method: 'GET', route: '/api/residents', status: 401 });
    expect(typeof (calls[1]!.line as { ms: unknown }).ms).toBe('number');
    // The request id is the request logger's binding.
    expect(calls[1]!.bindings).toHaveProperty('reqId');
    expect(JSON.stringify(calls)).not.toContain('139');
  });
});
