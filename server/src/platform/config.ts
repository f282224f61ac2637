/** Process configuration, read once from the environment. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** HMAC key for the audit chain (hex); when absent a key file in dataDir is used. */
  auditKey: string | undefined;
  cookieSecure: boolean;
  sessionHours: number;
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
  return {
    port: int('PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.JKDA_DATA_DIR ?? 'data'),
    auditKey: env.JKDA_AUDIT_KEY || undefined,
    cookieSecure: env.JKDA_COOKIE_SECURE ? env.JKDA_COOKIE_SECURE === 'true' : env.NODE_ENV === 'production',
    sessionHours: int('JKDA_SESSION_HOURS', 8),
    bodyLimitBytes: int('JKDA_BODY_LIMIT', 1024 * 1024),
    rateLimitPerMinute: int('JKDA_RATE_LIMIT', 6000),
    logLevel: env.LOG_LEVEL ?? 'info',
    workers: Math.max(1, int('JKDA_WORKERS', 1)),
  };
}
