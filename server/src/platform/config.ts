/** Process configuration, read once from the environment. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The key folder (platform/secrets.ts), outside the data folder: JKDA_KEY_DIR, or `jkda-keys` beside it. */
  keyDir: string;
  /** HMAC key for the audit log (hex, JKDA_AUDIT_KEY); when absent the key folder's audit.key is used. */
  auditKey: string | undefined;
  /** SM4 key of the backups (hex, JKDA_BACKUP_KEY); when absent the key folder's backup.key is used. */
  backupKey: string | undefined;
  /** Key of the stored TOTP secrets and recovery codes (hex, JKDA_TOTP_KEY); else the key folder's totp.key. */
  totpKey: string | undefined;
  /**
   * Field keys of the ID numbers and phones (JKDA_FIELD_KEYS: `1:hex,2:hex`, the highest version seals);
   * else the key folder's field-<version>.key files.
   */
  fieldKeys: string | undefined;
  /** HMAC-SM3 key of the blind indexes (hex, JKDA_INDEX_KEY); else the key folder's index.key. */
  indexKey: string | undefined;
  /** Where the signed audit checkpoints go: JKDA_CHECKPOINT_DIR, or `jkda-checkpoints` beside the data folder. */
  checkpointDir: string;
  /** Where `jkda backup` writes: JKDA_BACKUP_DIR, or `jkda-backups` beside the data folder. */
  backupDir: string;
  cookieSecure: boolean;
  sessionHours: number;
  /** Minutes without a request after which a session ends (JKDA_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** Days after which a password must be changed at sign-in (JKDA_PASSWORD_MAX_DAYS, default 90; 0 = never). */
  passwordMaxDays: number;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: string;
  /**
   * Server processes sharing the port (JKDA_WORKERS, PostgreSQL only: an embedded database belongs to one
   * process). One keeps the background work (audit sealing, register sweeps, jobs); all answer requests.
   */
  workers: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
    return n;
  };
  const dataDir = path.resolve(env.JKDA_DATA_DIR ?? 'data');
  const beside = (name: string) => path.join(path.dirname(dataDir), name);
  return {
    port: int('PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    keyDir: path.resolve(env.JKDA_KEY_DIR || beside('jkda-keys')),
    auditKey: env.JKDA_AUDIT_KEY || undefined,
    backupKey: env.JKDA_BACKUP_KEY || undefined,
    totpKey: env.JKDA_TOTP_KEY || undefined,
    fieldKeys: env.JKDA_FIELD_KEYS || undefined,
    indexKey: env.JKDA_INDEX_KEY || undefined,
    checkpointDir: path.resolve(env.JKDA_CHECKPOINT_DIR || beside('jkda-checkpoints')),
    backupDir: path.resolve(env.JKDA_BACKUP_DIR || beside('jkda-backups')),
    cookieSecure: env.JKDA_COOKIE_SECURE ? env.JKDA_COOKIE_SECURE === 'true' : env.NODE_ENV === 'production',
    sessionHours: int('JKDA_SESSION_HOURS', 8),
    sessionIdleMinutes: Math.max(1, int('JKDA_SESSION_IDLE_MINUTES', 30)),
    passwordMaxDays: int('JKDA_PASSWORD_MAX_DAYS', 90),
    bodyLimitBytes: int('JKDA_BODY_LIMIT', 1024 * 1024),
    rateLimitPerMinute: int('JKDA_RATE_LIMIT', 6000),
    logLevel: env.LOG_LEVEL ?? 'info',
    workers: Math.max(1, int('JKDA_WORKERS', 1)),
  };
}
