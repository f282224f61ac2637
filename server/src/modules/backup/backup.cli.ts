/** The `jkda backup`, `jkda restore` and `jkda restore-drill` commands (docs/operations.md). */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../platform/config.ts';
import { DataDirLockedError, openDatabase, type Database } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { loadKeys } from '../../platform/secrets.ts';
import { AuditMac } from '../audit/audit.mac.ts';
import { writeAuditInTx } from '../audit/audit.writer.ts';
import { readHeader } from './backup.format.ts';
import { formatDrillReport, systemRestore, systemRestoreDrill } from './backup.restore.ts';
import { backupScheduleFromEnv } from './backup.schedule.ts';
import { listBackups, sourceName, systemBackup } from './backup.service.ts';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Opens the configured database as it is (no migrations), explaining what to do when the server has it. */
async function openAsIs(config: Config, what: 'backup' | 'restore'): Promise<Database> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    throw new Error(
      what === 'backup'
        ? `${e.message}\nThe running server backs up its embedded database itself: JKDA_BACKUP_EVERY_HOURS ` +
            `(default 24) into ${config.backupDir}. Or stop the server, run \`jkda backup\`, and start it again.`
        : `${e.message}\nStop the server first: a restore replaces the database it has open.`,
      { cause: e },
    );
  }
}

/** The source of a drill: the configured database, when it is the one the backup was made from. */
async function openSource(config: Config, backupSource: string): Promise<Database | { unreachable: string }> {
  if (sourceName(config) !== backupSource)
    return {
      unreachable: `the backup was made from ${backupSource}, this configuration is ${sourceName(config)}`,
    };
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION')))
    return { unreachable: `${config.dataDir} holds no database` };
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  } catch (e) {
    if (e instanceof DataDirLockedError)
      return {
        unreachable: 'the running server holds the embedded database (stop it to compare with it too)',
      };
    return { unreachable: e instanceof Error ? e.message : String(e) };
  }
}

export function addBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Back up the whole database (one snapshot) into an SM4-encrypted file in JKDA_BACKUP_DIR')
    .option('--keep <n>', 'backups to keep in the folder, 0 = all (default JKDA_BACKUP_KEEP or 14)')
    .option('--dir <folder>', 'backup folder (default JKDA_BACKUP_DIR)')
    .action(async (o: { keep?: string; dir?: string }) => {
      const config = loadConfig();
      const keep = o.keep === undefined ? backupScheduleFromEnv().keep : Number(o.keep);
      if (!Number.isInteger(keep) || keep < 0) throw new Error('--keep must be a non-negative integer');
      const key = loadKeys(config).backup;
      const database = await openAsIs(config, 'backup');
      try {
        const r = await systemBackup(database, {
          dir: path.resolve(o.dir ?? config.backupDir),
          key,
          keep,
          source: sourceName(config),
          auditMac: new AuditMac(loadKeys(config).audit),
        });
        if (!r) return;
        console.log(
          `Backup ${r.file}: ${r.header.tables.length} tables, ${r.rows.toLocaleString('en')} rows, ${mb(r.bytes)} in ${secs(r.ms)}.`,
        );
        if (r.pruned.length) console.log(`Removed ${r.pruned.length} older backup(s), keeping ${keep}.`);
      } finally {
        await database.close();
      }
    });

  program
    .command('restore <file>')
    .description(
      'Restore a backup into the configured database (checks the file first; --force to replace data)',
    )
    .option('--force', 'replace a database that holds data')
    .action(async (file: string, o: { force?: boolean }) => {
      const config = loadConfig();
      const key = loadKeys(config).backup;
      const database = await openAsIs(config, 'restore');
      try {
        const r = await systemRestore(database, path.resolve(file), { key, force: o.force === true });
        console.log(
          `Restored ${r.rows.toLocaleString('en')} rows of ${r.tables.length} tables from ${r.header.createdAt} ` +
            `(${r.header.source}) in ${secs(r.ms)}; every table's count and digest match the backup.`,
        );
        const applied = await migrate(database.pool);
        if (applied.length) console.log(`Then applied this build's newer migrations: ${applied.join(', ')}`);
        // The restored log says it was restored, and from what (signed like every row).
        await writeAuditInTx(
          database.db,
          new AuditMac(loadKeys(config).audit),
          { requestId: 'system-restore', ip: undefined },
          [
            {
              action: 'system.restore',
              detail: { file: path.basename(file), from: r.header.createdAt, rows: r.rows },
            },
          ],
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('restore-drill [file]')
    .description(
      'Restore a backup (default: the newest) into a scratch database and compare every table; exits 1 on a difference',
    )
    .option(
      '--no-source',
      'do not compare with the source database (a live one has changed since the backup)',
    )
    .option('--scratch-prefix <p>', 'name prefix of the scratch PostgreSQL database', 'jkda_drill_')
    .action(async (given: string | undefined, o: { source: boolean; scratchPrefix: string }) => {
      const config = loadConfig();
      const file = given ? path.resolve(given) : listBackups(config.backupDir).at(-1);
      if (!file) throw new Error(`No backups in ${config.backupDir}.`);
      const key = loadKeys(config).backup;
      const { header } = await readHeader(file);
      const source = o.source ? await openSource(config, header.source) : { unreachable: '--no-source' };
      try {
        const report = await systemRestoreDrill(file, {
          key,
          databaseUrl: config.databaseUrl,
          scratchPrefix: o.scratchPrefix,
          source,
        });
        for (const line of formatDrillReport(report)) console.log(line);
        if (report.differences.length) process.exitCode = 1;
      } finally {
        if ('pool' in source) await source.close();
      }
    });
}
