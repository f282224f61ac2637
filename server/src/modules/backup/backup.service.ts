/**
 * `jkda backup` and the scheduled backup: the whole database read in one REPEATABLE READ READ ONLY
 * transaction (one snapshot: the counts, digests and rows all come from it), streamed through
 * backup.format.ts into a temporary file in the backup folder, renamed when complete; then all but the
 * newest `keep` backups are removed.
 */
import crypto from 'node:crypto';
import type { AuditMac } from '../audit/audit.mac.ts';
import { writeAuditInTx } from '../audit/audit.writer.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db.ts';
import {
  endBodyFrame,
  endTableFrame,
  FORMAT_VERSION,
  newSeal,
  rowFrame,
  writeBackupFile,
  type BackupHeader,
} from './backup.format.ts';
import {
  listSequences,
  listTables,
  readMigrations,
  readRows,
  SESSION_SETTINGS,
  tableDigest,
} from './backup.snapshot.ts';

const NAME = /^jkda-(\d{8}T\d{9}Z)-[0-9a-f]{8}\.jkdabak$/;
const TEMP = /^\.jkda-.*\.jkdabak\.tmp$/;
/** Advisory lock that keeps two scheduled backups of one database (two servers) from running together. */
const BACKUP_LOCK = 7_350_013;

/** The source a header names: a PostgreSQL URL without user and password, or the PGlite folder. */
export function sourceName(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `pglite:${config.dataDir}`;
  const u = new URL(config.databaseUrl);
  return `postgres://${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** Backup files of a folder, oldest first (their names carry the time to the millisecond). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** When a backup file was made, from its name. */
export function backupTime(file: string): Date | null {
  const m = NAME.exec(path.basename(file));
  if (!m) return null;
  const s = m[1]!;
  return new Date(
    `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`,
  );
}

/** Removes all but the newest `keep` backups, and temporary files a crashed backup left over a day ago. */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = listBackups(dir);
  const gone = keep > 0 ? files.slice(0, Math.max(0, files.length - keep)) : [];
  for (const f of gone) fs.rmSync(f, { force: true });
  for (const f of fs.readdirSync(dir).filter((n) => TEMP.test(n))) {
    const p = path.join(dir, f);
    if (Date.now() - fs.statSync(p).mtimeMs > 86_400_000) fs.rmSync(p, { force: true });
  }
  return gone;
}

export interface BackupOptions {
  dir: string;
  key: Buffer;
  /** How many backups to keep in the folder (0 = all). */
  keep: number;
  source: string;
  /** gzip level (1–9; default 3: most of the size win at a fraction of level 6's time). */
  level?: number;
  /** Stops a running backup (server shutdown); its temporary file is removed. */
  signal?: AbortSignal;
  /** Skip (answer null) when another backup of this database holds the lock (the scheduled job). */
  skipIfRunning?: boolean;
  /** Signs the `system.backup` audit row written once the file is complete (a security event). */
  auditMac?: AuditMac;
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  rows: number;
  header: BackupHeader;
  pruned: string[];
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

export async function systemBackup(database: Database, opts: BackupOptions): Promise<BackupResult | null> {
  const t0 = performance.now();
  fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const client = await database.pool.connect();
  let locked = false;
  let tmp: string | null = null;
  try {
    if (database.kind === 'postgres') {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        BACKUP_LOCK,
      ]);
      locked = rows[0]!.ok;
      if (!locked && opts.skipIfRunning) return null;
      if (!locked)
        await client.query('SELECT pg_advisory_lock($1)', [BACKUP_LOCK]).then(() => (locked = true));
    }
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const s of SESSION_SETTINGS) await client.query(s);
    const createdAt = new Date();
    const version = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const tables = await listTables(client);
    const header: BackupHeader = {
      format: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      source: opts.source,
      kind: database.kind,
      serverVersion: version.rows[0]!.v,
      migrations: await readMigrations(client),
      tables: [],
      sequences: await listSequences(client),
      ...newSeal(opts.key),
    };
    for (const t of tables) header.tables.push({ ...t, ...(await tableDigest(client, t.name)) });
    const name = `jkda-${stamp(createdAt)}-${crypto.randomBytes(4).toString('hex')}.jkdabak`;
    tmp = path.join(opts.dir, `.${name}.tmp`);
    let rows = 0;
    const signal = opts.signal;
    async function* frames(): AsyncGenerator<Buffer> {
      for (const t of header.tables) {
        let n = 0;
        for await (const page of readRows(client, t)) {
          signal?.throwIfAborted();
          n += page.length;
          yield Buffer.concat(page.map(rowFrame));
        }
        // The rows and the count come from the same snapshot; anything else is a bug, not a race.
        if (n !== t.rows) throw new Error(`backup of ${t.name}: read ${n} rows, counted ${t.rows}`);
        rows += n;
        yield endTableFrame();
      }
      yield endBodyFrame();
    }
    await writeBackupFile(tmp, opts.key, header, frames(), { level: opts.level ?? 3 });
    await client.query('COMMIT');
    const file = path.join(opts.dir, name);
    fs.renameSync(tmp, file);
    tmp = null;
    const dirFd = fs.openSync(opts.dir, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
    const pruned = pruneBackups(opts.dir, opts.keep);
    if (opts.auditMac)
      await writeAuditInTx(database.db, opts.auditMac, { requestId: 'system-backup', ip: undefined }, [
        {
          action: 'system.backup',
          detail: { file: name, rows, bytes: fs.statSync(file).size, pruned: pruned.length },
        },
      ]);
    return { file, bytes: fs.statSync(file).size, ms: performance.now() - t0, rows, header, pruned };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    if (tmp) fs.rmSync(tmp, { force: true });
    if (locked) await client.query('SELECT pg_advisory_unlock($1)', [BACKUP_LOCK]).catch(() => undefined);
    client.release();
  }
}
