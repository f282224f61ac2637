/**
 * One query layer over both databases: Kysely on a node-postgres Pool, which talks either to a
 * PostgreSQL server (DATABASE_URL) or to embedded PGlite through its node-postgres adapter.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './db-types.ts';

// int8 ids and counts fit in a JS number at our scale; dates stay 'YYYY-MM-DD' strings.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Kysely<DB>;
  pool: pg.Pool;
  /**
   * Connections for the read-audit writer. On PostgreSQL a separate small pool whose sessions commit
   * without waiting for the WAL flush (synchronous_commit = off); on PGlite the same database.
   */
  auditPool: pg.Pool;
  /** True when this process created a new, empty embedded database folder. */
  freshEmbedded: boolean;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

/** Exclusive lock on the embedded data folder: PGlite itself does not lock it. */
function acquireLock(lockPath: string): () => void {
  const tryCreate = (): boolean => {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  };
  if (!tryCreate()) {
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    let alive = false;
    if (pid === process.pid) {
      alive = true; // this very process already has the folder open
    } else if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive) {
      throw new DataDirLockedError(
        `The data folder ${path.dirname(lockPath)} is in use by another jkda process (pid ${pid}). ` +
          `Stop that process first, or set JKDA_DATA_DIR to another folder.`,
      );
    }
    fs.rmSync(lockPath, { force: true }); // stale lock left by a process that died
    if (!tryCreate())
      throw new DataDirLockedError(`Could not lock the data folder ${path.dirname(lockPath)}.`);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid))
        fs.rmSync(lockPath, { force: true });
    } catch {
      /* already gone */
    }
  };
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; 'memory://' for an in-memory database (tests). */
  dataDir?: string;
  poolSize?: number;
  /** A PGlite data folder tarball (`dumpDataDir()`) to start an in-memory database from (tests). */
  loadDataDir?: Blob;
}

/** Takes the group's and others' rights off a folder and everything in it (files an older build left open). */
export function ownerOnly(dir: string): void {
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) fs.chmodSync(p, st.mode & 0o700);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 16 });
    pool.on('error', () => {
      /* idle client errors are reported on next use */
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const auditPool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 2,
      options: '-c synchronous_commit=off',
    });
    auditPool.on('error', () => {});
    return {
      kind: 'postgres',
      db,
      pool,
      auditPool,
      freshEmbedded: false,
      close: async () => {
        await auditPool.end();
        await db.destroy();
        // Kysely ends the pool only if it ran a query itself; a pool used by migrate() alone stays open.
        if (!pool.ended) await pool.end();
      },
    };
  }
  const dataDir = opts.dataDir ?? 'data';
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let release = () => {};
  let freshEmbedded = true;
  let pglite;
  if (dataDir.startsWith('memory://')) {
    pglite = opts.loadDataDir ? new PGlite(dataDir, { loadDataDir: opts.loadDataDir }) : new PGlite(dataDir);
  } else {
    // The data folder holds the residents' data and the audit key: the owner alone may enter it, and what
    // PGlite writes there later is the owner's alone too (the process's umask; the server owns its process).
    process.umask(0o077);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    ownerOnly(dataDir);
    release = acquireLock(path.join(dataDir, 'jkda.lock'));
    const pgDir = path.join(dataDir, 'pglite');
    freshEmbedded = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
    try {
      pglite = new PGlite(pgDir);
      await pglite.waitReady;
    } catch (e) {
      release();
      throw e;
    }
  }
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'pglite',
    db,
    pool,
    auditPool: pool,
    freshEmbedded,
    close: async () => {
      await db.destroy();
      if (!pool.ended) await pool.end();
      await pglite.close();
      // PGlite sets the modes of a few files itself; the folder (0700) already keeps others out.
      if (!dataDir.startsWith('memory://')) ownerOnly(dataDir);
      release();
    },
  };
}
