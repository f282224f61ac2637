/** What the benchmarks share: a PostgreSQL database of their own, a jkda server on it, autocannon figures. */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db.ts';
import { migrate } from '../server/src/platform/migrate.ts';
import { systemCreateDemoCounty } from '../server/src/modules/seed/demo.ts';
import { FieldCrypto } from '../server/src/platform/field-crypto.ts';
import { AuditMac } from '../server/src/modules/audit/audit.mac.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { loadKeys } from '../server/src/platform/secrets.ts';

export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PORT = Number(process.env.BENCH_PORT ?? 3999);
export const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates the database if missing (drops it first with BENCH_RELOAD=1). */
export async function ensureDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (exists && process.env.BENCH_RELOAD === '1') await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  if (!exists || process.env.BENCH_RELOAD === '1') await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/**
 * Makes sure the database holds the demo county with `residents` residents (loading it when empty; with
 * history, the enrolments and `years` of service records), migrated to the current schema.
 */
export async function prepareCounty(
  name: string,
  residents: number,
  opts: { history: boolean; years?: number },
): Promise<void> {
  await ensureDatabase(name);
  const d = await openDatabase({ databaseUrl: databaseUrl(name) });
  await migrate(d.pool);
  const { rows } = await d.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM resident');
  if (rows[0]!.n < residents) {
    if (rows[0]!.n > 0) throw new Error(`${name} holds ${rows[0]!.n} residents; run with BENCH_RELOAD=1`);
    console.log(
      `Loading ${residents} residents${opts.history ? ` with ${opts.years} years of services` : ''}…`,
    );
    const t0 = Date.now();
    await systemCreateDemoCounty(d.db, {
      // The bench server (startServer) reads the same key folder, so the seed's audit row verifies there.
      auditMac: new AuditMac(loadKeys(loadConfig()).audit),
      fields: new FieldCrypto(loadKeys(loadConfig()).fields),
      residents,
      seed: 42,
      history: opts.history,
      ...(opts.years ? { historyYears: opts.years } : {}),
      onProgress: (n) => {
        if (n % 100_000 < 5000) process.stdout.write(`  ${n}\r`);
      },
    });
    const secs = (Date.now() - t0) / 1000;
    console.log(
      `Loaded ${residents} residents in ${secs.toFixed(1)} s (${Math.round(residents / secs)} residents/s).`,
    );
    await d.pool.query('VACUUM ANALYZE');
  } else {
    console.log(`Reusing ${name} with ${rows[0]!.n} residents.`);
  }
  await d.close();
}

/**
 * Starts `jkda serve` on the database; answers a function that stops it, and the time from the start of
 * the process to its first answer (migrations included; sweeps run after it listens).
 */
export async function startServer(
  dbUrl: string,
  env: Record<string, string> = {},
): Promise<{ stop: () => void; listenMs: number }> {
  const taken = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${PORT} is already in use; stop that server or set BENCH_PORT.`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(PORT),
      JKDA_RATE_LIMIT: '0',
      // No scheduled backup of a benchmark county in the middle of a measurement.
      JKDA_BACKUP_EVERY_HOURS: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = t0 + 180_000;
  while (performance.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) {
        const listenMs = Math.round(performance.now() - t0);
        console.log(`Server start to first answer: ${(listenMs / 1000).toFixed(1)} s`);
        return { stop: () => child.kill('SIGTERM'), listenMs };
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start within 180 s');
}

export async function token(username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Jkda@2026' }),
  });
  return ((await res.json()) as { token: string }).token;
}

export interface Figures {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

export interface BenchRequest {
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
}

/**
 * Runs the requests round-robin for DURATION seconds over `connections` connections: each connection sends
 * its next request as soon as the last one is answered (saturation), or with `perSecond`, that many requests
 * a second from all of them together (users who read what they got before asking again).
 */
export async function measure(
  requests: (string | BenchRequest)[],
  bearer: string,
  connections: number,
  perSecond?: number,
): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections,
    duration: DURATION,
    ...(perSecond ? { overallRate: perSecond } : {}),
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const r = requests[i++ % requests.length]!;
          const x = typeof r === 'string' ? { path: r } : r;
          req.path = x.path;
          req.method = x.method ?? 'GET';
          if (x.body !== undefined) req.body = x.body;
          else delete req.body;
          return req;
        },
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    errors: result.errors + result.non2xx,
  };
}
