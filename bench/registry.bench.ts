/**
 * Registry benchmark (not a test): loads 1,000,000 residents into PostgreSQL, starts jkda on it and
 * measures, through the HTTP API, the latency of each search kind and the throughput of reading a
 * resident record beside the same run's ceiling (authenticated route doing one indexed query).
 *
 *   npm run bench:registry                      # uses postgres://postgres@127.0.0.1:5432, database jkda_bench
 *   BENCH_RESIDENTS=200000 npm run bench:registry
 *   BENCH_RELOAD=1 npm run bench:registry       # drop and load again
 *   BENCH_LOAD_ONLY=1 npm run bench:registry    # load, no measurements
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db.ts';
import { migrate } from '../server/src/platform/migrate.ts';
import { systemCreateDemoCounty } from '../server/src/modules/seed/demo.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.BENCH_DB ?? 'jkda_bench';
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

async function prepare(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists =
    (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount === 1;
  if (exists && process.env.BENCH_RELOAD === '1') await admin.query(`DROP DATABASE ${DB_NAME} WITH (FORCE)`);
  if (!exists || process.env.BENCH_RELOAD === '1') await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const d = await openDatabase({ databaseUrl: dbUrl });
  await migrate(d.pool);
  const { rows } = await d.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM resident');
  if (rows[0]!.n < RESIDENTS) {
    if (rows[0]!.n > 0) throw new Error(`${DB_NAME} holds ${rows[0]!.n} residents; run with BENCH_RELOAD=1`);
    console.log(`Loading ${RESIDENTS} residents into ${DB_NAME}…`);
    const t0 = Date.now();
    await systemCreateDemoCounty(d.db, {
      residents: RESIDENTS,
      seed: 42,
      history: false,
      onProgress: (n) => {
        if (n % 100_000 < 5000) process.stdout.write(`  ${n}\r`);
      },
    });
    const secs = (Date.now() - t0) / 1000;
    console.log(
      `Loaded ${RESIDENTS} residents in ${secs.toFixed(1)} s (${Math.round(RESIDENTS / secs)} residents/s).`,
    );
    await d.pool.query('VACUUM ANALYZE');
  } else {
    console.log(`Reusing ${DB_NAME} with ${rows[0]!.n} residents.`);
  }
  await d.close();
}

async function startServer(): Promise<() => void> {
  const taken = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${PORT} is already in use; stop that server or set BENCH_PORT.`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(PORT),
      JKDA_RATE_LIMIT: '0',
      LOG_LEVEL: 'warn',
      JKDA_BENCH_CEILING: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return () => child.kill('SIGTERM');
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

async function token(username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Jkda@2026' }),
  });
  return ((await res.json()) as { token: string }).token;
}

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

async function measure(paths: string[], bearer: string, connections: number): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections,
    duration: DURATION,
    headers: { authorization: `Bearer ${bearer}` },
    requests: [
      {
        setupRequest: (req) => {
          req.path = paths[i++ % paths.length]!;
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

async function samples() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query<{
    id: number;
    id_number: string;
    record_number: string;
    phone: string | null;
    name: string;
    name_initials: string;
    name_pinyin: string;
  }>(
    `SELECT id, id_number, record_number, phone, name, name_initials, name_pinyin FROM resident TABLESAMPLE SYSTEM (1) WHERE phone IS NOT NULL LIMIT 500`,
  );
  await c.end();
  return rows;
}

async function main(): Promise<void> {
  await prepare();
  if (process.env.BENCH_LOAD_ONLY === '1') return;
  const rows = await samples();
  const stop = await startServer();
  try {
    const county = await token('county');
    const enc = encodeURIComponent;
    const kinds: [string, string[]][] = [
      ['ID number (full)', rows.map((r) => `/api/residents?q=${r.id_number}`)],
      ['ID number (last 6)', rows.map((r) => `/api/residents?q=${r.id_number.slice(-6)}`)],
      ['record number', rows.map((r) => `/api/residents?q=${r.record_number}`)],
      ['phone', rows.map((r) => `/api/residents?q=${r.phone!}`)],
      ['name (characters)', rows.map((r) => `/api/residents?q=${enc(r.name)}`)],
      ['pinyin initials', rows.map((r) => `/api/residents?q=${r.name_initials}`)],
      [
        'pinyin initials, 2 letters (many matches)',
        rows.map((r) => `/api/residents?q=${r.name_initials.slice(0, 2)}`),
      ],
      ['surname only (many matches)', rows.map((r) => `/api/residents?q=${enc(r.name.slice(0, 1))}`)],
      ['full pinyin', rows.map((r) => `/api/residents?q=${r.name_pinyin}`)],
      ['list, no query (first page)', ['/api/residents']],
    ];
    console.log(
      `\nSearch latency through HTTP as the county administrator (all ${RESIDENTS} residents in scope), 1 connection, ${DURATION} s each:`,
    );
    console.log('| search kind | p50 ms | p99 ms | req/s | errors |');
    console.log('|---|---|---|---|---|');
    for (const [name, paths] of kinds) {
      const f = await measure(paths, county, 1);
      console.log(`| ${name} | ${f.p50} | ${f.p99} | ${f.rps} | ${f.errors} |`);
    }
    const ids = rows.map((r) => r.id);
    const conns = Number(process.env.BENCH_CONNECTIONS ?? 32);
    const ceiling = await measure(
      ids.map((id) => `/api/bench/ceiling?id=${id}`),
      county,
      conns,
    );
    const read = await measure(
      ids.map((id) => `/api/residents/${id}`),
      county,
      conns,
    );
    console.log(`\nThroughput, ${conns} connections, ${DURATION} s each:`);
    console.log('| route | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| ceiling: auth + one indexed query | ${ceiling.rps} | ${ceiling.p50} | ${ceiling.p99} | ${ceiling.errors} |`,
    );
    console.log(
      `| read a resident record (audited) | ${read.rps} | ${read.p50} | ${read.p99} | ${read.errors} |`,
    );
    console.log(
      `\nRecord read = ${((100 * read.rps) / ceiling.rps).toFixed(0)} % of the ceiling (target ≥ 70 %).`,
    );
  } finally {
    stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
