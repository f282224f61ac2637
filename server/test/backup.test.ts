/**
 * Backup, restore and the restore drill (modules/backup) on both databases: a backup restores into an
 * identical copy; a damaged file or another key is refused before anything is written; data is replaced only
 * with force; the folder keeps the newest N; the file holds no resident data in the clear.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { sealAuditLog, verifyChain } from '../src/modules/audit/audit.chain.ts';
import { BackupFileError, readHeader } from '../src/modules/backup/backup.format.ts';
import {
  RestoreRefusedError,
  snapshotDigests,
  systemRestore,
  systemRestoreDrill,
} from '../src/modules/backup/backup.restore.ts';
import { startBackupSchedule } from '../src/modules/backup/backup.schedule.ts';
import { listBackups, systemBackup, type BackupResult } from '../src/modules/backup/backup.service.ts';
import { describeEachDb, type DbKind } from './harness.ts';
import { testFields } from './db-template.ts';

const ADMIN = process.env.TEST_DATABASE_URL;

/** An empty database of the kind: PGlite in memory, or a new PostgreSQL database `jkda_bk_…`. */
async function emptyDatabase(kind: DbKind): Promise<{ database: Database; close: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, close: () => database.close() };
  }
  const name = `jkda_bk_${crypto.randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: ADMIN });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  await admin(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  const u = new URL(ADMIN!);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
  return {
    database,
    close: async () => {
      await database.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function publicTables(database: Database): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
  );
  return rows[0]!.n;
}

describeEachDb('backup, restore and the restore drill', (get) => {
  const key = crypto.randomBytes(16);
  let dir: string;
  let backup: BackupResult;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-backup-test-'));
    // Audited reads, sealed into the chain, so the backup holds a chain to verify after a restore.
    const county = await get().as('county');
    expect((await county.get('/api/residents')).statusCode).toBe(200);
    await sealAuditLog(get().database.db, get().services.keys.audit, { full: true });
    backup = (await systemBackup(get().database, { dir, key, keep: 0, source: 'test' }))!;
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up every table in one file, and a drill restores an identical copy', async () => {
    const { header } = backup;
    expect(path.dirname(backup.file)).toBe(dir);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(header.tables.find((t) => t.name === 'resident')?.rows).toBe(200);
    expect(header.tables.some((t) => t.name === 'audit_log')).toBe(true);
    expect(header.migrations.length).toBeGreaterThan(10);
    expect(header.sequences.some((s) => s.name.startsWith('resident_id'))).toBe(true);
    const report = await systemRestoreDrill(backup.file, {
      key,
      databaseUrl: get().kind === 'postgres' ? ADMIN : undefined,
      scratchPrefix: 'jkda_bk_drill_',
      pgliteDir: 'memory://',
      source: get().database,
    });
    expect(report.differences).toEqual([]);
    expect(report.tables.length).toBe(header.tables.length);
    expect(report.tables.every((t) => t.source && t.source.digest === t.restored.digest)).toBe(true);
    expect(report.rows).toBe(header.tables.reduce((a, t) => a + t.rows, 0));
  });

  it('holds no resident data in the clear', async () => {
    const bytes = fs.readFileSync(backup.file);
    const fields = testFields();
    const { rows: sealed } = await get().database.pool.query<{
      id_number_enc: string;
      phone_enc: string | null;
    }>(`SELECT id_number_enc, phone_enc FROM resident WHERE id_number_enc IS NOT NULL ORDER BY id LIMIT 50`);
    const rows = sealed.map((r) => ({
      id_number: fields.open('resident.id_number', r.id_number_enc),
      phone: fields.openOrNull('resident.phone', r.phone_enc),
    }));
    expect(rows.length).toBe(50);
    for (const r of rows) {
      expect(bytes.includes(Buffer.from(r.id_number))).toBe(false);
      if (r.phone) expect(bytes.includes(Buffer.from(r.phone))).toBe(false);
    }
    expect(bytes.includes(Buffer.from('Jkda@2026'))).toBe(false);
  });

  it('refuses a flipped byte, a cut file and another key before it writes anything', async () => {
    const target = await emptyDatabase(get().kind);
    try {
      const size = fs.statSync(backup.file).size;
      const { bodyStart } = await readHeader(backup.file);
      const damaged = (name: string, change: (b: Buffer) => Buffer) => {
        const f = path.join(dir, name);
        fs.writeFileSync(f, change(Buffer.from(fs.readFileSync(backup.file))));
        return f;
      };
      const flip = (at: number) => (b: Buffer) => {
        b[at]! ^= 0x01;
        return b;
      };
      const files = [
        damaged('body.bin', flip(bodyStart + Math.floor((size - bodyStart) / 2))),
        damaged('header.bin', flip(bodyStart - 3)),
        damaged('mac.bin', flip(size - 1)),
        damaged('cut.bin', (b) => b.subarray(0, size - 100)),
      ];
      for (const f of files)
        await expect(systemRestore(target.database, f, { key })).rejects.toThrow(BackupFileError);
      await expect(
        systemRestore(target.database, backup.file, { key: crypto.randomBytes(16) }),
      ).rejects.toThrow(/another backup key/);
      expect(await publicTables(target.database)).toBe(0); // not even migrated
    } finally {
      await target.close();
    }
  });

  it('restores into an empty database, refuses one with data, and replaces it with --force', async () => {
    const target = await emptyDatabase(get().kind);
    try {
      await migrate(target.database.pool); // an empty database at this build's level
      const first = await systemRestore(target.database, backup.file, { key });
      expect(first.ok).toBe(true);
      expect(first.rows).toBe(backup.rows);
      // The audit rows keep their MACs and the seal chain: it verifies with the source's audit key.
      const chain = await verifyChain(target.database.db, get().services.keys.audit);
      expect(chain.problems).toEqual([]);
      expect(chain.checked).toBeGreaterThan(0);
      await expect(systemRestore(target.database, backup.file, { key })).rejects.toThrow(RestoreRefusedError);
      // Something written after the restore is gone after a forced one.
      const area = await target.database.pool.query<{ code: string }>('SELECT code FROM area LIMIT 1');
      await target.database.pool.query(
        `INSERT INTO deployment_county (county_code) VALUES ($1) ON CONFLICT DO NOTHING`,
        [area.rows[0]!.code],
      );
      await target.database.pool.query(
        `INSERT INTO audit_log (action, at, outcome) VALUES ('test.after_backup', now(), 'ok')`,
      );
      const forced = await systemRestore(target.database, backup.file, { key, force: true });
      expect(forced.ok).toBe(true);
      const now = await snapshotDigests(target.database);
      for (const t of backup.header.tables)
        expect(now.get(t.name)).toEqual({ rows: t.rows, digest: t.digest });
      // The identity sequences go on after the restored rows.
      const { rows } = await target.database.pool.query<{ id: number; max: number }>(
        `WITH n AS (INSERT INTO audit_log (action, at, outcome) VALUES ('test.next', now(), 'ok') RETURNING id)
         SELECT (SELECT id FROM n) AS id, (SELECT max(id) FROM audit_log) AS max`,
      );
      expect(rows[0]!.id).toBeGreaterThan(backup.header.tables.find((t) => t.name === 'audit_log')!.rows);
      // The append-only guard is back on after the load.
      await expect(target.database.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await target.close();
    }
  });

  it('keeps the newest N backups, and the schedule makes one when the newest is too old', async () => {
    const keepDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-backup-keep-'));
    try {
      const made: string[] = [];
      for (let i = 0; i < 3; i++)
        made.push((await systemBackup(get().database, { dir: keepDir, key, keep: 2, source: 'test' }))!.file);
      expect(listBackups(keepDir)).toEqual(made.slice(1));
      const log = { info: () => {}, error: () => {} };
      const config = { backupDir: keepDir, databaseUrl: undefined, dataDir: '/nowhere' };
      // The newest backup is seconds old: an hourly schedule waits.
      const hourly = startBackupSchedule(config as never, get().database, key, log, {
        everyHours: 1,
        keep: 2,
        startDelayMs: 0,
        checkEveryMs: 20,
      });
      await new Promise((r) => setTimeout(r, 200));
      await hourly.stop();
      expect(listBackups(keepDir)).toEqual(made.slice(1));
      // One every 0.1 s of an hour is due at once.
      const often = startBackupSchedule(config as never, get().database, key, log, {
        everyHours: 0.1 / 3600,
        keep: 2,
        startDelayMs: 0,
        checkEveryMs: 20,
      });
      const until = Date.now() + 10_000;
      while (listBackups(keepDir).at(-1) === made[2] && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      await often.stop();
      const after = listBackups(keepDir);
      expect(after.length).toBe(2);
      expect(after.at(-1)).not.toBe(made[2]);
    } finally {
      fs.rmSync(keepDir, { recursive: true, force: true });
    }
  });
});
