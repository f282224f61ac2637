/**
 * Backup benchmark (not a test): `jkda backup` → `jkda restore-drill` of the 1,000,000-resident county on
 * PostgreSQL and of the demo county (20,000 residents, three years of services) on PGlite; prints the times,
 * sizes and whether every table's count and digest matched the header and the source.
 *
 *   npm run bench:backup                            # PostgreSQL at postgres://postgres@127.0.0.1:5432, database jkda_bk_bench
 *   BENCH_RESIDENTS=200000 npm run bench:backup
 *   BENCH_RELOAD=1 npm run bench:backup             # drop the database and load again
 *   BENCH_PGLITE_RESIDENTS=0 npm run bench:backup   # PostgreSQL only
 *   BENCH_LOAD_ONLY=1 npm run bench:backup          # load the PostgreSQL county, no measurements
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../server/src/platform/db.ts';
import { migrate } from '../server/src/platform/migrate.ts';
import { AuditMac } from '../server/src/modules/audit/audit.mac.ts';
import { systemCreateDemoCounty } from '../server/src/modules/seed/demo.ts';
import { FieldCrypto } from '../server/src/platform/field-crypto.ts';
import { ephemeralKeys } from '../server/src/platform/secrets.ts';
import { systemRestoreDrill } from '../server/src/modules/backup/backup.restore.ts';
import { systemBackup } from '../server/src/modules/backup/backup.service.ts';
import { ADMIN_URL, databaseUrl, prepareCounty } from './lib.ts';

const DB_NAME = process.env.BENCH_DB ?? 'jkda_bk_bench';
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const PGLITE_RESIDENTS = Number(process.env.BENCH_PGLITE_RESIDENTS ?? 20_000);

interface Row {
  what: string;
  rows: number;
  dbBytes: number;
  fileBytes: number;
  backupMs: number;
  restoreMs: number;
  drillMs: number;
  matched: string;
}

async function run(what: string, database: Database, drillUrl: string | undefined): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-bench-backup-'));
  const key = crypto.randomBytes(16);
  try {
    const size = await database.pool.query<{ n: string }>(
      'SELECT pg_database_size(current_database())::text AS n',
    );
    const b = (await systemBackup(database, { dir, key, keep: 0, source: what }))!;
    console.log(
      `${what}: backup ${b.rows} rows, ${(b.bytes / 1e6).toFixed(0)} MB in ${(b.ms / 1000).toFixed(1)} s`,
    );
    const t0 = performance.now();
    const report = await systemRestoreDrill(b.file, {
      key,
      databaseUrl: drillUrl,
      scratchPrefix: 'jkda_bk_drill_',
      source: database,
    });
    const drillMs = performance.now() - t0;
    const same = report.tables.filter((t) => !report.differences.includes(t.name)).length;
    console.log(
      `${what}: drill (restore ${(report.ms / 1000).toFixed(1)} s, total ${(drillMs / 1000).toFixed(1)} s): ${same}/${report.tables.length} tables identical to header and source`,
    );
    return {
      what,
      rows: b.rows,
      dbBytes: Number(size.rows[0]!.n),
      fileBytes: b.bytes,
      backupMs: b.ms,
      restoreMs: report.ms,
      drillMs,
      matched: report.differences.length
        ? `NO: ${report.differences.join(', ')}`
        : `yes, ${same}/${report.tables.length}`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  if (RESIDENTS > 0) {
    await prepareCounty(DB_NAME, RESIDENTS, { history: false });
    if (process.env.BENCH_LOAD_ONLY === '1') return;
    const d = await openDatabase({ databaseUrl: databaseUrl(DB_NAME), poolSize: 2 });
    try {
      rows.push(await run(`PostgreSQL, ${RESIDENTS.toLocaleString('en')} residents`, d, ADMIN_URL));
    } finally {
      await d.close();
    }
  }
  if (PGLITE_RESIDENTS > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-bench-pglite-'));
    const d = await openDatabase({ dataDir: dir });
    try {
      await migrate(d.pool);
      const t0 = performance.now();
      await systemCreateDemoCounty(d.db, {
        auditMac: new AuditMac(crypto.randomBytes(32)),
        fields: new FieldCrypto(ephemeralKeys().fields),
        residents: PGLITE_RESIDENTS,
        seed: 1,
        historyYears: 3,
      });
      console.log(`PGlite demo county loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      rows.push(
        await run(
          `PGlite, demo county (${PGLITE_RESIDENTS.toLocaleString('en')} residents, 3 years)`,
          d,
          undefined,
        ),
      );
    } finally {
      await d.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const mb = (n: number) => (n / 1e6).toFixed(0);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    '\n| database | rows | database MB | backup file MB | backup s | restore s | drill s (restore + compare) | identical |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.what} | ${r.rows.toLocaleString('en')} | ${mb(r.dbBytes)} | ${mb(r.fileBytes)} | ${s(r.backupMs)} | ${s(r.restoreMs)} | ${s(r.drillMs)} | ${r.matched} |`,
    );
}

await main();
