/**
 * Mothers and children benchmark (not a test): the demo county of 1,000,000 residents with its pregnancies,
 * births, children 0–6 and their vaccination histories (and BENCH_YEARS of the other services) in
 * PostgreSQL; measures through the HTTP API the due lists of the scheduled registers — immunization, child
 * health, maternal care — for a township (every child 0–6 of it) and for a village doctor.
 *
 *   npm run bench:mother-child                   # postgres://postgres@127.0.0.1:5432, database jkda_bench_mother_child
 *   BENCH_RESIDENTS=100000 npm run bench:mother-child
 *   BENCH_RELOAD=1 npm run bench:mother-child    # drop and load again
 *
 * Target (issue 14): the township's immunization due list p99 < 50 ms.
 */
import pg from 'pg';
import { databaseUrl, DURATION, measure, prepareCounty, startServer, token, type Figures } from './lib.ts';

const DB_NAME = process.env.BENCH_DB ?? 'jkda_bench_mother_child';
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const YEARS = Number(process.env.BENCH_YEARS ?? 1);
const dbUrl = databaseUrl(DB_NAME);
const REGISTERS = ['immunization', 'child_health', 'maternal'];

async function facts() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await c.query<T>(text, values)).rows;
  const users = await q<{ username: string; code: string }>(
    `SELECT u.username, i.code FROM app_user u JOIN institution i ON i.id = u.institution_id
     WHERE u.username IN ('cunyi', 'xiangzhen')`,
  );
  const village = users.find((u) => u.username === 'cunyi')!.code;
  const township = users.find((u) => u.username === 'xiangzhen')!.code.slice(0, 9);
  const sizes = await q<{ program: string; county: number; township: number; village: number }>(
    `SELECT program, count(*)::int AS county,
            count(*) FILTER (WHERE township_code = $2)::int AS township,
            count(*) FILTER (WHERE village_code = $1)::int AS village
     FROM program_enrolment WHERE status = 'managed' AND program = ANY($3) GROUP BY 1 ORDER BY 1`,
    [village, township, REGISTERS],
  );
  const doses = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM service_record WHERE type = 'immunization_dose'`,
  );
  await c.end();
  return { village, township, sizes, doses: doses[0]!.n };
}

const row = (name: string, f: Figures) => `| ${name} | ${f.p50} | ${f.p99} | ${f.rps} | ${f.errors} |`;

async function main(): Promise<void> {
  await prepareCounty(DB_NAME, RESIDENTS, { history: true, years: YEARS });
  const f = await facts();
  console.log(
    `\n${RESIDENTS} residents, ${f.doses} vaccination records. Managed (county / township / village):`,
  );
  for (const s of f.sizes)
    console.log(`  ${s.program.padEnd(14)} ${s.county} / ${s.township} / ${s.village}`);
  const { stop } = await startServer(dbUrl);
  try {
    const doctor = await token('cunyi');
    const town = await token('xiangzhen');
    const categories = ['', '&category=overdue', '&category=due_week'];
    const lists = (program: string, scope: string) =>
      categories.map((c) => `/api/worklists/chronic?program=${program}${scope}${c}`);
    const townScope = `&townshipCode=${f.township}`;
    // Warm up, and let the start-up sweeps finish (as they have by a township's morning): rounds of lists
    // until the median stops falling.
    let last = Infinity;
    for (let round = 0; round < 8; round++) {
      const w = await measure(
        REGISTERS.flatMap((p) => lists(p, townScope)),
        town,
        2,
      );
      if (w.p50 >= last * 0.9) break;
      last = w.p50;
    }
    console.log(
      `\nDue lists (all, overdue, due this week round-robin; first page: 100 rows), ${DURATION} s each:`,
    );
    console.log('| list | p50 ms | p99 ms | req/s | errors |');
    console.log('|---|---|---|---|---|');
    for (const conns of [1, 8])
      console.log(
        row(
          `immunization, whole township, ${conns} connection${conns > 1 ? 's' : ''}`,
          await measure(lists('immunization', townScope), town, conns),
        ),
      );
    console.log(
      row(
        'immunization, whole township, 8 users, 16 lists a second in all',
        await measure(lists('immunization', townScope), town, 8, 16),
      ),
    );
    console.log(
      row(
        'immunization, whole township, 500 rows a page, 8 connections',
        await measure(
          lists('immunization', townScope).map((p) => `${p}&limit=500`),
          town,
          8,
        ),
      ),
    );
    for (const program of ['child_health', 'maternal'])
      console.log(
        row(`${program}, whole township, 8 connections`, await measure(lists(program, townScope), town, 8)),
      );
    console.log(
      row(
        'all three, village doctor, own village, 8 connections',
        await measure(
          REGISTERS.flatMap((p) => lists(p, `&villageCode=${f.village}`)),
          doctor,
          8,
        ),
      ),
    );
  } finally {
    stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
