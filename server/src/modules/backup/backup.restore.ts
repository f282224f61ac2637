/**
 * `jkda restore` and `jkda restore-drill`.
 *
 * A restore checks the file's MAC before it writes anything, refuses a database that holds data unless
 * forced, brings the database to the backup's migration level (a new schema when it stands elsewhere), then
 * loads every table in ONE transaction: user triggers off (the append-only guards refuse UPDATE and DELETE,
 * not the INSERTs of a restore, but no trigger may rewrite restored rows either), foreign keys and plain
 * indexes dropped and made again after the load (validated, built once), sequences set to the backup's
 * values, every table's count and digest compared with the header and the MAC computed again over what
 * was read. Any difference rolls it all back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../platform/db.ts';
import { listMigrations, migrate } from '../../platform/migrate.ts';
import {
  BackupFileError,
  readBackupBody,
  verifyBackupFile,
  type BackupHeader,
  type TableDigest,
} from './backup.format.ts';
import {
  listTables,
  q,
  qt,
  readMigrations,
  SESSION_SETTINGS,
  tableDigest,
  tablesWithRows,
  type Sql,
} from './backup.snapshot.ts';

/** Tables a freshly migrated database already fills (migration 0014's singleton): not "data". */
const FILLED_BY_MIGRATIONS = new Set(['audit_mac_since']);

export class RestoreRefusedError extends Error {}

export interface TableCheck {
  name: string;
  backup: TableDigest;
  restored: TableDigest;
  /** The source database now (restore-drill, when it can reach the source). */
  source?: TableDigest;
}

export interface RestoreResult {
  header: BackupHeader;
  tables: TableCheck[];
  /** Every restored table matches the header. */
  ok: boolean;
  rows: number;
  ms: number;
  /** The target had another schema (or data with --force) and got a new one. */
  recreatedSchema: boolean;
}

export interface RestoreOptions {
  key: Buffer;
  /** Replace a database that holds data. */
  force?: boolean;
  /** 'strict' (restore): roll back on any difference. 'report' (drill): commit and report. */
  verify?: 'strict' | 'report';
}

const sameDigest = (a: TableDigest, b: TableDigest) => a.rows === b.rows && a.digest === b.digest;

/** The migrations the backup was made at must be this build's, unchanged. */
function checkLevel(header: BackupHeader): number {
  const build = new Map(listMigrations().map((m) => [m.id, m]));
  for (const m of header.migrations) {
    const ours = build.get(m.id);
    if (!ours)
      throw new RestoreRefusedError(
        `The backup is at migration ${m.name}, which this build does not have; restore it with a newer build.`,
      );
    if (ours.checksum !== m.checksum)
      throw new RestoreRefusedError(
        `Migration ${m.name} of this build differs from the one the backup was made at.`,
      );
  }
  return header.migrations.at(-1)?.id ?? 0;
}

async function inTransaction<T>(c: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    const r = await fn();
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The tables of the target that hold rows a fresh migration would not have put there. */
export async function tablesHoldingData(c: Sql): Promise<string[]> {
  const tables = (await listTables(c)).map((t) => t.name).filter((t) => !FILLED_BY_MIGRATIONS.has(t));
  return tablesWithRows(c, tables);
}

async function load(
  c: pg.PoolClient,
  database: Database,
  file: string,
  opened: Awaited<ReturnType<typeof verifyBackupFile>>,
  opts: RestoreOptions,
): Promise<{ tables: TableCheck[]; rows: number }> {
  const { header } = opened;
  for (const s of SESSION_SETTINGS) await c.query(s);
  if (database.kind === 'postgres') await c.query("SET LOCAL maintenance_work_mem = '512MB'");
  const target = await listTables(c);
  const byName = new Map(target.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const ours = byName.get(t.name);
    if (!ours || JSON.stringify(ours.columns) !== JSON.stringify(t.columns))
      throw new RestoreRefusedError(
        `Table ${t.name} of the database does not match the backup's (same migrations?).`,
      );
  }
  const extra = target.filter((t) => !header.tables.some((h) => h.name === t.name));
  if (extra.length)
    throw new RestoreRefusedError(`Tables not in the backup: ${extra.map((t) => t.name).join(', ')}.`);

  const fks = (
    await c.query<{ tbl: string; name: string; def: string }>(`
      SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY conname`)
  ).rows;
  const indexes = (
    await c.query<{ name: string; def: string }>(`
      SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND t.relname <> 'schema_migration'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`)
  ).rows;
  for (const t of header.tables) await c.query(`ALTER TABLE ${qt(t.name)} DISABLE TRIGGER USER`);
  for (const fk of fks) await c.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${q(fk.name)}`);
  for (const ix of indexes) await c.query(`DROP INDEX ${ix.name}`);
  if (header.tables.length) await c.query(`TRUNCATE ${header.tables.map((t) => qt(t.name)).join(', ')}`);

  // Each batch goes as one JSON array of row texts (JSON.stringify and the server's JSON parser are several
  // times faster than a text[] literal); OFFSET 0 parses each row once, not once per column.
  const body = readBackupBody(file, opts.key, opened);
  const loaded: number[] = [];
  for await (const { index, rows } of body.tables) {
    const t = header.tables[index]!;
    const cols = t.columns.filter((col) => !col.generated).map((col) => q(col.name));
    const insert =
      `INSERT INTO ${qt(t.name)} (${cols.join(', ')}) OVERRIDING SYSTEM VALUE ` +
      `SELECT ${cols.map((col) => `(x.r).${col}`).join(', ')} ` +
      `FROM (SELECT s::${qt(t.name)} AS r FROM json_array_elements_text($1::json) AS s OFFSET 0) AS x`;
    let n = 0;
    for await (const batch of rows) {
      await c.query(insert, [JSON.stringify(batch)]);
      n += batch.length;
    }
    loaded[index] = n;
  }
  for (const ix of indexes) await c.query(ix.def);
  for (const fk of fks) await c.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${q(fk.name)} ${fk.def}`);
  for (const t of header.tables) await c.query(`ALTER TABLE ${qt(t.name)} ENABLE TRIGGER USER`);
  for (const s of header.sequences)
    await c.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
      `public.${q(s.name)}`,
      s.lastValue,
      s.isCalled,
    ]);
  if (!(await body.macOk()))
    throw new BackupFileError(
      `${file} changed while it was read: its MAC no longer matches. Nothing was restored.`,
    );

  const tables: TableCheck[] = [];
  for (const t of header.tables)
    tables.push({
      name: t.name,
      backup: { rows: t.rows, digest: t.digest },
      restored: await tableDigest(c, t.name),
    });
  const bad = tables.filter((t) => !sameDigest(t.backup, t.restored));
  if (bad.length && opts.verify !== 'report')
    throw new Error(
      `Restored tables differ from the backup: ${bad.map((t) => `${t.name} (${t.restored.rows} rows, backup ${t.backup.rows})`).join(', ')}. Rolled back.`,
    );
  return { tables, rows: loaded.reduce((a, b) => a + b, 0) };
}

/** Restores a backup file into the database (see the file comment). */
export async function systemRestore(
  database: Database,
  file: string,
  opts: RestoreOptions,
): Promise<RestoreResult> {
  const t0 = performance.now();
  const opened = await verifyBackupFile(file, opts.key); // before anything is written
  const { header } = opened;
  const level = checkLevel(header);
  let c: pg.PoolClient | null = await database.pool.connect();
  let recreatedSchema = false;
  try {
    const client = c;
    const holding = await tablesHoldingData(client);
    if (holding.length && !opts.force)
      throw new RestoreRefusedError(
        `The database holds data (${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}); ` +
          'restore --force replaces all of it with the backup.',
      );
    const applied = await readMigrations(client);
    const sameLevel =
      applied.length === header.migrations.length &&
      applied.every(
        (m, i) => m.id === header.migrations[i]!.id && m.checksum === header.migrations[i]!.checksum,
      );
    const anyTable = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S')`,
    );
    // Queued jobs name the replaced data's outbox events; pg-boss makes its schema again at start.
    if (opts.force) await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    if (!sameLevel && anyTable.rows[0]!.n > 0) {
      await inTransaction(client, async () => {
        await client.query('DROP SCHEMA public CASCADE');
        await client.query('CREATE SCHEMA public');
      });
      recreatedSchema = true;
    }
    if (!sameLevel) {
      // On PGlite the pool has one connection: migrate() needs it.
      client.release();
      c = null;
      await migrate(database.pool, { upTo: level });
      c = await database.pool.connect();
    }
    const loader = c;
    const { tables, rows } = await inTransaction(loader, () => load(loader, database, file, opened, opts));
    if (database.kind === 'postgres') await loader.query('ANALYZE');
    return {
      header,
      tables,
      ok: tables.every((t) => sameDigest(t.backup, t.restored)),
      rows,
      ms: performance.now() - t0,
      recreatedSchema,
    };
  } finally {
    c?.release();
  }
}

/** Digests of every table of a database, read in one snapshot. */
export async function snapshotDigests(database: Database): Promise<Map<string, TableDigest>> {
  const c = await database.pool.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const s of SESSION_SETTINGS) await c.query(s);
    const out = new Map<string, TableDigest>();
    for (const t of await listTables(c)) out.set(t.name, await tableDigest(c, t.name));
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

export interface DrillOptions {
  key: Buffer;
  /** PostgreSQL server to make the scratch database on (its URL names any database there); absent: PGlite. */
  databaseUrl?: string | undefined;
  /** Name prefix of the scratch PostgreSQL database (default `jkda_drill_`). */
  scratchPrefix?: string;
  /** The scratch PGlite's folder: default a new temporary folder; `memory://` for a small test database. */
  pgliteDir?: string;
  /** The source database to compare with as well, or why it is not compared. */
  source?: Database | { unreachable: string };
}

export interface DrillReport extends RestoreResult {
  file: string;
  scratch: string;
  sourceNote: string;
  /** Tables that differ from the header, or from the source when it was compared. */
  differences: string[];
}

/** Restores a backup into a scratch database, compares it with the header (and the source), drops it. */
export async function systemRestoreDrill(file: string, opts: DrillOptions): Promise<DrillReport> {
  let scratch: Database;
  let scratchName: string;
  let cleanup: () => Promise<void>;
  if (opts.databaseUrl) {
    const name = `${opts.scratchPrefix ?? 'jkda_drill_'}${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: opts.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${q(name)}`);
    } finally {
      await admin.end();
    }
    const u = new URL(opts.databaseUrl);
    u.pathname = `/${name}`;
    scratch = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
    scratchName = `PostgreSQL database ${name}`;
    cleanup = async () => {
      await scratch.close();
      const d = new pg.Client({ connectionString: opts.databaseUrl });
      await d.connect();
      try {
        await d.query(`DROP DATABASE IF EXISTS ${q(name)} WITH (FORCE)`);
      } finally {
        await d.end();
      }
    };
  } else {
    const dir = opts.pgliteDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-drill-'));
    scratch = await openDatabase({ dataDir: dir });
    scratchName = dir === 'memory://' ? 'PGlite in memory' : `PGlite in ${dir}`;
    cleanup = async () => {
      await scratch.close();
      if (!opts.pgliteDir) fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    const result = await systemRestore(scratch, file, { key: opts.key, verify: 'report' });
    const differences = result.tables.filter((t) => !sameDigest(t.backup, t.restored)).map((t) => t.name);
    let sourceNote = 'not compared';
    const source = opts.source;
    if (source && 'pool' in source) {
      const now = await snapshotDigests(source);
      for (const t of result.tables) {
        const s = now.get(t.name);
        t.source = s ?? { rows: 0, digest: '(no such table)' };
        if (!sameDigest(t.source, t.restored) && !differences.includes(t.name)) differences.push(t.name);
      }
      const missing = [...now.keys()].filter((n) => !result.tables.some((t) => t.name === n));
      differences.push(...missing.map((n) => `${n} (only in the source)`));
      sourceNote = 'compared with the source as it is now';
    } else if (source) {
      sourceNote = `not compared: ${source.unreachable}`;
    }
    return { ...result, file, scratch: scratchName, sourceNote, differences };
  } finally {
    await cleanup();
  }
}

export function formatDrillReport(r: DrillReport): string[] {
  const lines = [
    `Backup ${r.file}`,
    `  made ${r.header.createdAt} from ${r.header.source} (${r.header.kind} ${r.header.serverVersion}), migration ${r.header.migrations.at(-1)?.name ?? '-'}`,
    `  restored into ${r.scratch}: ${r.rows.toLocaleString('en')} rows in ${(r.ms / 1000).toFixed(1)} s; source database: ${r.sourceNote}`,
    '',
    `  ${'table'.padEnd(32)} ${'rows'.padStart(10)}  digest                            restored  source`,
  ];
  for (const t of r.tables) {
    const restored = sameDigest(t.backup, t.restored) ? 'same' : `DIFFERS (${t.restored.rows} rows)`;
    const source = !t.source
      ? '-'
      : sameDigest(t.source, t.restored)
        ? 'same'
        : `DIFFERS (${t.source.rows} rows)`;
    lines.push(
      `  ${t.name.padEnd(32)} ${String(t.backup.rows).padStart(10)}  ${t.backup.digest}  ${restored.padEnd(8)}  ${source}`,
    );
  }
  lines.push(
    '',
    r.differences.length
      ? `DRILL FAILED: ${r.differences.length} table(s) differ: ${r.differences.join(', ')}`
      : `Drill passed: all ${r.tables.length} tables identical to the backup${r.tables[0]?.source ? ' and the source' : ''}.`,
  );
  return lines;
}
