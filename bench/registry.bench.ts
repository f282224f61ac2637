/**
 * Registry benchmark (not a test): loads 1,000,000 residents into PostgreSQL, starts jkda on it and
 * measures, through the HTTP API, the latency of each search kind and the throughput of reading a
 * resident record beside the same run's ceiling (authenticated route doing one indexed query). ID numbers
 * and phones are sealed (platform/field-crypto.ts): the searches go through their blind indexes.
 *
 *   npm run bench:registry                      # uses postgres://postgres@127.0.0.1:5432, database jkda_bench
 *   BENCH_RESIDENTS=200000 npm run bench:registry
 *   BENCH_RELOAD=1 npm run bench:registry       # drop and load again
 *   BENCH_LOAD_ONLY=1 npm run bench:registry    # load, no measurements
 */
import pg from 'pg';
import { databaseUrl, DURATION, measure, prepareCounty, startServer, token } from './lib.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { FieldCrypto } from '../server/src/platform/field-crypto.ts';
import { loadKeys } from '../server/src/platform/secrets.ts';

const DB_NAME = process.env.BENCH_DB ?? 'jkda_bench';
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const dbUrl = databaseUrl(DB_NAME);

/** A sample of residents with their ID numbers and phones opened (the bench server reads the same key folder). */
async function samples() {
  const fields = new FieldCrypto(loadKeys(loadConfig()).fields);
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query<{
    id: number;
    id_number_enc: string;
    record_number: string;
    phone_enc: string;
    name: string;
    name_initials: string;
    name_pinyin: string;
  }>(
    `SELECT id, id_number_enc, record_number, phone_enc, name, name_initials, name_pinyin FROM resident TABLESAMPLE SYSTEM (1)
      WHERE phone_enc IS NOT NULL AND id_number_enc IS NOT NULL LIMIT 500`,
  );
  await c.end();
  return rows.map((r) => ({
    ...r,
    id_number: fields.open('resident.id_number', r.id_number_enc),
    phone: fields.open('resident.phone', r.phone_enc),
  }));
}

/**
 * Waits until the server's start-up work is done (the by-age sweep of the registers runs once it listens,
 * and on a million residents takes a while): no query of another connection active for 3 s in a row.
 */
async function settled(): Promise<void> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const t0 = Date.now();
  let quiet = 0;
  while (quiet < 3 && Date.now() - t0 < 300_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    quiet = rows[0]!.n === 0 ? quiet + 1 : 0;
  }
  await c.end();
  console.log(`Start-up work done after ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
}

async function main(): Promise<void> {
  await prepareCounty(DB_NAME, RESIDENTS, { history: false });
  if (process.env.BENCH_LOAD_ONLY === '1') return;
  const rows = await samples();
  const { stop } = await startServer(dbUrl, { JKDA_BENCH_CEILING: '1' });
  try {
    await settled();
    const county = await token('county');
    const enc = encodeURIComponent;
    const kinds: [string, string[]][] = [
      ['ID number (full)', rows.map((r) => `/api/residents?q=${r.id_number}`)],
      ['ID number (last 6)', rows.map((r) => `/api/residents?q=${r.id_number.slice(-6)}`)],
      ['ID number or phone (last 4)', rows.map((r) => `/api/residents?q=${r.id_number.slice(-4)}`)],
      ['record number', rows.map((r) => `/api/residents?q=${r.record_number}`)],
      ['phone', rows.map((r) => `/api/residents?q=${r.phone}`)],
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
