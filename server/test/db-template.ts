/**
 * One migrated database per test run, cloned per test file.
 *
 * The node project's global setup (db-setup.ts) runs this file as a child process at the start of the run:
 * it migrates a new PGlite database (the migrations in server/migrations as they are now), saves its data
 * folder as a tarball, seeds the harness's demo county into it and saves it again; with TEST_DATABASE_URL
 * set it builds the same two as PostgreSQL template databases, which then take no connections. Each test
 * file starts its PGlite database from a tarball (no initdb, no migrations, no seeding) and its PostgreSQL
 * database with CREATE DATABASE … TEMPLATE.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/platform/db-types.ts';
import { openDatabase, type Database } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { systemCreateDemoCounty } from '../src/modules/seed/demo.ts';
import { AuditMac } from '../src/modules/audit/audit.mac.ts';
import { ephemeralKeys, type ServerKeys } from '../src/platform/secrets.ts';
import { FieldCrypto } from '../src/platform/field-crypto.ts';

/** The demo county every test file gets unless it asks for another number of residents. */
export const DEMO = { residents: 200, seed: 7, today: '2026-11-25' } as const;

/**
 * The keys of every test server: random, but for the audit key, which is the same in every process of the
 * run, so the seeded template's audit rows verify in each test file's copy.
 */
/** Fixed audit and field keys: the seeded templates' rows verify and open in every test file. */
export function testKeys(): ServerKeys {
  const fixed = (label: string) => crypto.createHash('sha256').update(label).digest();
  return {
    ...ephemeralKeys(),
    audit: fixed('jkda-test-audit-key'),
    fields: { versions: new Map([[1, fixed('jkda-test-field-key-1')]]), index: fixed('jkda-test-index-key') },
  };
}

/** The field crypto of the test keys. */
export const testFields = (): FieldCrypto => new FieldCrypto(testKeys().fields);

/** Seeds the harness's demo county (the template's, or a test file's own size). */
export async function seedDemo(db: Kysely<DB>, residents: number): Promise<void> {
  await systemCreateDemoCounty(db, {
    auditMac: new AuditMac(testKeys().audit),
    fields: testFields(),
    residents,
    seed: DEMO.seed,
    today: DEMO.today,
  });
}

/** Where this run's templates are; given to the test workers by the global setup (vitest `provide`). */
export interface DbTemplates {
  /** Folder of the PGlite tarballs and of ready.json / error.txt. */
  dir: string;
  /** Prefix of every PostgreSQL database of this run (templates and per-file copies). */
  runId: string;
  /** PostgreSQL templates: migrated, and migrated with the demo county (when TEST_DATABASE_URL is set). */
  pg?: { bare: string; demo: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    jkdaDbTemplates: DbTemplates | undefined;
  }
}

export const pgliteTarball = (t: DbTemplates, which: 'bare' | 'demo') =>
  path.join(t.dir, `pglite-${which}.tar`);
const readyFile = (t: DbTemplates) => path.join(t.dir, 'ready.json');
export const errorFile = (t: DbTemplates) => path.join(t.dir, 'error.txt');

/** Waits until the templates are built (the workers start while the child process builds them). */
export async function waitForTemplates(t: DbTemplates, timeoutMs = 240_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(readyFile(t))) return;
    if (fs.existsSync(errorFile(t)))
      throw new Error(
        `building the test database templates failed:\n${fs.readFileSync(errorFile(t), 'utf8')}`,
      );
    if (Date.now() > until)
      throw new Error(`the test database templates were not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const dbUrl = (admin: string, name: string) => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
};

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  c.on('error', () => {}); // a server restart: the query in progress fails with the reason
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

// CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template; the copies are made one
// at a time under this advisory lock, and the templates take no connections at all once built.
const CLONE_LOCK = 7_350_002;

/** A new PostgreSQL database of this run, copied from one of its templates. */
export async function clonePgDatabase(
  t: DbTemplates,
  which: 'bare' | 'demo',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${t.runId}_${crypto.randomBytes(5).toString('hex')}`;
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [CLONE_LOCK]);
    try {
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${t.pg![which]}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [CLONE_LOCK]);
    }
    // A test database need not survive a crash of the server: its commits do not wait for the WAL flush
    // (what the tests check is the same; the settings of a database are not copied from its template).
    await c.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  return {
    url: dbUrl(process.env.TEST_DATABASE_URL!, name),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** A new in-memory PGlite database started from one of the run's tarballs. */
export async function openPgliteCopy(t: DbTemplates, which: 'bare' | 'demo'): Promise<Database> {
  const tarball = await fs.promises.readFile(pgliteTarball(t, which));
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([tarball]) });
}

/**
 * A PGlite data folder (`<dataDir>/pglite`, where `jkda` looks for it) holding a copy of one of the run's
 * tarballs: for tests of the command line on a migrated embedded database, without initdb and migrations.
 */
export async function pgliteFolderCopy(
  t: DbTemplates,
  which: 'bare' | 'demo',
  dataDir: string,
): Promise<void> {
  const tarball = await fs.promises.readFile(pgliteTarball(t, which));
  const { PGlite } = await import('@electric-sql/pglite');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pglite = new PGlite(path.join(dataDir, 'pglite'), { loadDataDir: new Blob([tarball]) });
  await pglite.waitReady;
  await pglite.close();
}

/** Drops this run's PostgreSQL databases: the templates and any copy a test file left behind. */
export async function dropRunDatabases(t: DbTemplates): Promise<void> {
  if (!t.pg) return;
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 || '\\_%'`,
      [t.runId],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

async function buildPglite(t: DbTemplates): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pglite = new PGlite('memory://');
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const save = async (which: 'bare' | 'demo') => {
    await pglite.exec('CHECKPOINT');
    const tarball = await pglite.dumpDataDir('none');
    await fs.promises.writeFile(pgliteTarball(t, which), Buffer.from(await tarball.arrayBuffer()));
  };
  try {
    await migrate(pool);
    await save('bare');
    await seedDemo(db, DEMO.residents);
    await save('demo');
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

async function buildPostgres(t: DbTemplates): Promise<void> {
  const { bare, demo } = t.pg!;
  const fast = (name: string) => `ALTER DATABASE ${name} SET synchronous_commit = off`;
  await withAdmin(async (c) => {
    await c.query(`CREATE DATABASE ${bare}`);
    await c.query(fast(bare));
  });
  const fill = async (name: string, fn: (d: Database) => Promise<unknown>) => {
    const d = await openDatabase({ databaseUrl: dbUrl(process.env.TEST_DATABASE_URL!, name), poolSize: 4 });
    try {
      await fn(d);
    } finally {
      await d.close();
      // Kysely ends the pool only if it ran a query itself; migrate() uses the pool directly.
      if (!d.pool.ended) await d.pool.end();
    }
  };
  await fill(bare, (d) => migrate(d.pool));
  await withAdmin(async (c) => {
    await c.query(`CREATE DATABASE ${demo} TEMPLATE ${bare}`);
    await c.query(fast(demo));
  });
  await fill(demo, (d) => seedDemo(d.db, DEMO.residents));
  await withAdmin(async (c) => {
    for (const name of [bare, demo]) await c.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
  });
}

/** Builds both kinds side by side; writes ready.json, or error.txt when something failed. */
export async function buildTemplates(t: DbTemplates): Promise<void> {
  const t0 = Date.now();
  const timed = async (fn: () => Promise<void>) => {
    await fn();
    return Date.now() - t0;
  };
  try {
    const [pgliteMs, postgresMs] = await Promise.all([
      timed(() => buildPglite(t)),
      t.pg ? timed(() => buildPostgres(t)) : Promise.resolve(null),
    ]);
    fs.writeFileSync(readyFile(t), JSON.stringify({ pgliteMs, postgresMs }));
  } catch (e) {
    fs.writeFileSync(errorFile(t), e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  }
}

// Run by db-setup.ts: `tsx server/test/db-template.ts '<DbTemplates as JSON>'`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildTemplates(JSON.parse(process.argv[2]!) as DbTemplates);
}
