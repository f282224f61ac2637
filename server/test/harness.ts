/**
 * Test harness: a fresh database per test file (PGlite in memory, and a new PostgreSQL database when
 * TEST_DATABASE_URL is set), migrated and holding a small demo county, with the app on top. The database
 * is a copy of the run's template (db-template.ts), built once by the node project's global setup.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { openDatabase, type Database } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { createServer, createServices, type ServiceOptions } from '../src/server.ts';
import {
  clonePgDatabase,
  DEMO,
  openPgliteCopy,
  seedDemo,
  testKeys,
  waitForTemplates,
  type DbTemplates,
} from './db-template.ts';
import type { Services } from '../src/platform/app.ts';

export const PASSWORD = 'Jkda@2026';
export type DbKind = 'pglite' | 'postgres';

export function databaseKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestEnv {
  kind: DbKind;
  app: FastifyInstance;
  services: Services;
  database: Database;
  /** Logs in with a bearer token and returns an inject helper for that user. */
  as(username: string): Promise<Client>;
  /** The village codes of the demo doctors' villages. */
  villageA: string;
  villageB: string;
}

export interface Client {
  token: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
}

/** Creates an empty PostgreSQL database for this test file and returns its URL. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `jkda_t_${crypto.randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  // As the copies of the templates (db-template.ts): commits do not wait for the WAL flush.
  await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

export function providedTemplates(): DbTemplates | undefined {
  try {
    return inject('jkdaDbTemplates');
  } catch {
    return undefined; // not in a vitest worker
  }
}

export interface EnvOptions {
  residents?: number;
  config?: Partial<Config>;
  /** Extra service options (e.g. a program registry with programs defined only in the test). */
  services?: ServiceOptions;
}

export async function createTestEnv(
  kind: DbKind,
  opts: EnvOptions = {},
): Promise<TestEnv & { close(): Promise<void> }> {
  let drop = async () => {};
  let database: Database;
  const residents = opts.residents ?? DEMO.residents;
  const templates = providedTemplates();
  if (templates) {
    // A copy of the run's template: with the demo county, or only migrated for a county of another size.
    await waitForTemplates(templates);
    const which = residents === DEMO.residents ? 'demo' : 'bare';
    if (kind === 'postgres') {
      const created = await clonePgDatabase(templates, which);
      drop = created.drop;
      database = await openDatabase({ databaseUrl: created.url, poolSize: 8 });
    } else {
      database = await openPgliteCopy(templates, which);
    }
    // A no-op unless a migration was added after the template was built (vitest --watch).
    await migrate(database.pool);
    if (which === 'bare') await seedDemo(database.db, residents);
  } else {
    // Without the global setup (db-setup.ts): a new database, migrated and seeded here.
    if (kind === 'postgres') {
      const created = await createPgDatabase();
      drop = created.drop;
      database = await openDatabase({ databaseUrl: created.url, poolSize: 8 });
    } else {
      database = await openDatabase({ dataDir: 'memory://' });
    }
    await migrate(database.pool);
    await seedDemo(database.db, residents);
  }
  const config: Config = { ...loadConfig({}), rateLimitPerMinute: 0, logLevel: 'silent', ...opts.config };
  const services = createServices(config, database, testKeys(), opts.services);
  const app = await createServer(services);
  const ids = await database.db
    .selectFrom('app_user as u')
    .innerJoin('institution as i', 'i.id', 'u.institution_id')
    .select(['u.username', 'i.code'])
    .where('u.username', 'in', ['cunyi', 'cunyi2'])
    .execute();
  const villageOf = (u: string) => ids.find((r) => r.username === u)!.code;
  const env = {
    kind,
    app,
    services,
    database,
    villageA: villageOf('cunyi'),
    villageB: villageOf('cunyi2'),
    async as(username: string): Promise<Client> {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/token',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const token = (res.json() as { token: string }).token;
      const request = (o: InjectOptions) =>
        app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } });
      return {
        token,
        request,
        get: (url) => request({ method: 'GET', url }),
        post: (url, body) => request({ method: 'POST', url, payload: body as object }),
        put: (url, body) => request({ method: 'PUT', url, payload: body as object }),
      };
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
  return env;
}

/** Runs the suite once per available database, each with its own fresh environment. */
export function describeEachDb(
  name: string,
  suite: (get: () => TestEnv) => void,
  opts: EnvOptions = {},
): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let env: (TestEnv & { close(): Promise<void> }) | undefined;
      beforeAll(async () => {
        env = await createTestEnv(kind, opts);
      });
      afterAll(async () => {
        await env?.close();
      });
      suite(() => env!);
    });
  }
}
