/**
 * `npm run fuzz`: the OpenAPI fuzzer at length, on PGlite and on PostgreSQL, as a county administrator and a
 * village doctor; prints the figures and appends them to docs/benchmarks.md.
 *
 *   npm run fuzz                                   # 10,000 requests per database per actor
 *   FUZZ_RUNS=2000 FUZZ_DBS=pglite npm run fuzz    # fewer, one database
 *   FUZZ_SEED=42 npm run fuzz                      # replay a run
 *   FUZZ_NO_DOC=1 npm run fuzz                     # do not append to docs/benchmarks.md
 *
 * PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a database is created
 * for the run and dropped after it. Exits 1 when a property failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { createTestEnv, type DbKind } from '../harness.ts';
import { buildPlaces, placePools } from './fixtures.ts';
import { describeRequest, fuzzAs, loadPools, type FuzzStats, type OpenApiDoc } from './openapi-fuzz.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const ACTORS = ['county', 'cunyi'];
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const kinds = (process.env.FUZZ_DBS ?? 'pglite,postgres').split(',') as DbKind[];

const results: { kind: DbKind; stats: FuzzStats }[] = [];
for (const kind of kinds) {
  const env = await createTestEnv(kind);
  try {
    const places = await buildPlaces(env);
    const pools = await loadPools(env.database.db, placePools(places));
    const doc = env.app.swagger() as unknown as OpenApiDoc;
    for (const name of ACTORS) {
      const client = await env.as(name);
      const stats = await fuzzAs({
        app: env.app,
        db: env.database.db,
        auditKey: env.services.keys.audit,
        doc,
        pools,
        actor: { name, token: client.token },
        freshToken: async () => (await env.as(name)).token,
        numRuns: RUNS,
        seed: SEED,
        mode: 'collect',
        checkEvery: 250,
      });
      results.push({ kind, stats });
      const statuses = Object.entries(stats.byStatus)
        .sort()
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
      console.log(
        `${kind} ${name}: ${stats.requests} requests in ${(stats.ms / 1000).toFixed(1)} s ` +
          `(${Math.round(stats.requests / (stats.ms / 1000))}/s); ${statuses}; ` +
          `5xx ${stats.serverErrors}; violations ${stats.violations.length}; ` +
          `state checks ${stats.stateChecks}, chain checks ${stats.chainChecks}`,
      );
      for (const v of stats.violations.slice(0, 20))
        console.log(`  ${v.problem}\n    ${describeRequest(v.request)}`);
    }
  } finally {
    await env.close();
  }
}

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
})();
const date = new Date().toISOString().slice(0, 10);
const n = (x: number) => x.toLocaleString('en-US');
const statusCell = (s: FuzzStats) =>
  Object.entries(s.byStatus)
    .sort()
    .map(([k, v]) => `${k}: ${n(v)}`)
    .join(', ');
const lines = [
  '',
  `### ${date}: ${n(RUNS)} requests per database per actor (${commit}, seed ${SEED}, ${os.cpus().length} cores)`,
  '',
  '| database | actor | requests | time | by status | 5xx | properties failed |',
  '|---|---|---|---|---|---|---|',
  ...results.map(
    ({ kind, stats: s }) =>
      `| ${kind} | ${s.actor} | ${n(s.requests)} | ${(s.ms / 1000).toFixed(0)} s | ${statusCell(s)} | ${s.serverErrors} | ${s.violations.length} |`,
  ),
  '',
];
console.log(lines.join('\n'));
if (!process.env.FUZZ_NO_DOC) {
  const file = new URL('../../../docs/benchmarks.md', import.meta.url);
  const text = fs.readFileSync(file, 'utf8');
  const heading = '## Fuzzer: `npm run fuzz`';
  const intro = [
    '',
    heading,
    '',
    'The OpenAPI-driven fuzzer (server/test/fuzz/openapi-fuzz.ts, fast-check): requests made from every',
    "operation's schemas, as the county administrator and a village doctor, on the harness's demo county",
    '(200 residents) and the fixtures of server/test/fuzz/fixtures.ts. Properties: no 5xx, every error',
    '`{ code, message, requestId }`, refused requests change no resident data and the audit chain verifies.',
    '`FUZZ_SEED` replays a run.',
    '',
  ].join('\n');
  fs.writeFileSync(
    file,
    (text.includes(heading) ? text.trimEnd() + '\n' : text.trimEnd() + '\n' + intro) + lines.join('\n'),
  );
}
process.exit(results.some((r) => r.stats.violations.length > 0) ? 1 : 0);
