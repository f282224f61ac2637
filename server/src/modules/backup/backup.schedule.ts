/**
 * Scheduled backups in the server process that does the background work (the only way to back up an
 * embedded PGlite database while the server runs: the database belongs to that process).
 *
 * JKDA_BACKUP_EVERY_HOURS (default 24; 0 = off) and JKDA_BACKUP_KEEP (default 14). On by default: a
 * health record system without backups is the worse surprise, and the first one waits until the server has
 * run 10 minutes and the newest backup in the folder is older than the interval, so tests, benchmarks and
 * restarts do not each take one. On PostgreSQL an advisory lock keeps two servers from backing up together.
 */
import type { Config } from '../../platform/config.ts';
import type { AuditMac } from '../audit/audit.mac.ts';
import type { Database } from '../../platform/db.ts';
import { backupTime, listBackups, sourceName, systemBackup } from './backup.service.ts';

export interface ScheduleOptions {
  everyHours: number;
  keep: number;
}

export function backupScheduleFromEnv(env: NodeJS.ProcessEnv = process.env): ScheduleOptions {
  const num = (name: string, fallback: number, integer: boolean): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
      throw new Error(`${name} must be a non-negative ${integer ? 'integer' : 'number'}, got "${raw}"`);
    return n;
  };
  return { everyHours: num('JKDA_BACKUP_EVERY_HOURS', 24, false), keep: num('JKDA_BACKUP_KEEP', 14, true) };
}

interface Log {
  info(msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BackupSchedule {
  /** Stops the timer and any backup in progress (its temporary file is removed). */
  stop(): Promise<void>;
}

export function startBackupSchedule(
  config: Config,
  database: Database,
  key: Buffer,
  log: Log,
  opts: ScheduleOptions & {
    startDelayMs?: number;
    checkEveryMs?: number;
    auditMac?: AuditMac;
  } = backupScheduleFromEnv(),
): BackupSchedule {
  if (!(opts.everyHours > 0)) return { stop: () => Promise.resolve() };
  const everyMs = opts.everyHours * 3_600_000;
  const startedAt = Date.now();
  const startDelayMs = opts.startDelayMs ?? 600_000;
  const abort = new AbortController();
  let running: Promise<void> | null = null;
  // After a failure (a full disk, say) the next attempt waits an hour rather than a minute.
  let notBefore = startedAt + startDelayMs;
  const due = () => {
    if (Date.now() < notBefore) return false;
    const newest = listBackups(config.backupDir).at(-1);
    const at = newest ? backupTime(newest) : null;
    return !at || Date.now() - at.getTime() >= everyMs;
  };
  const tick = () => {
    if (running || abort.signal.aborted || !due()) return;
    running = systemBackup(database, {
      dir: config.backupDir,
      key,
      keep: opts.keep,
      source: sourceName(config),
      signal: abort.signal,
      skipIfRunning: true,
      ...(opts.auditMac ? { auditMac: opts.auditMac } : {}),
    })
      .then((r) => {
        if (r)
          log.info(
            `backup ${r.file}: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${(r.ms / 1000).toFixed(1)} s` +
              (r.pruned.length ? `; removed ${r.pruned.length} older` : ''),
          );
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        notBefore = Date.now() + Math.min(everyMs, 3_600_000);
        log.error({ err: e }, 'scheduled backup failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.checkEveryMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
