/**
 * Programs benchmark (not a test): a county of 1,000,000 residents with about 10 million service records
 * (follow-ups, health checks, elderly assessments, encounters over BENCH_YEARS years) in PostgreSQL; measures
 * through the HTTP API the worklist latency for a village doctor and for a township, and the rate of
 * recording signed hypertension follow-ups.
 *
 *   npm run bench:programs                    # postgres://postgres@127.0.0.1:5432, database jkda_bench_programs
 *   BENCH_RESIDENTS=100000 npm run bench:programs
 *   BENCH_RELOAD=1 npm run bench:programs     # drop and load again
 *   BENCH_LOAD_ONLY=1 npm run bench:programs  # load, no measurements
 *
 * Recording adds signed follow-ups dated today to the database (as a real day would); reload to start clean.
 */
import pg from 'pg';
import { localDate } from '@jkda/domain';
import { databaseUrl, DURATION, measure, prepareCounty, startServer, token, type Figures } from './lib.ts';

const DB_NAME = process.env.BENCH_DB ?? 'jkda_bench_programs';
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 1_000_000);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const dbUrl = databaseUrl(DB_NAME);

async function facts() {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await c.query<T>(text, values)).rows;
  const services = await q<{ type: string; n: number }>(
    'SELECT type, count(*)::int AS n FROM service_record GROUP BY type ORDER BY 2 DESC',
  );
  const enrolments = await q<{ program: string; n: number }>(
    `SELECT program, count(*)::int AS n FROM program_enrolment WHERE status = 'managed' GROUP BY 1 ORDER BY 1`,
  );
  const users = await q<{ username: string; id: number; code: string }>(
    `SELECT u.username, u.id, i.code FROM app_user u JOIN institution i ON i.id = u.institution_id
     WHERE u.username IN ('cunyi', 'xiangzhen')`,
  );
  const village = users.find((u) => u.username === 'cunyi')!.code;
  const township = users.find((u) => u.username === 'xiangzhen')!.code.slice(0, 9);
  const sizes = await q<{ scope: string; n: number }>(
    `SELECT 'village' AS scope, count(*)::int AS n FROM program_enrolment
       WHERE village_code = $1 AND program = 'hypertension' AND status = 'managed'
     UNION ALL SELECT 'township', count(*)::int FROM program_enrolment
       WHERE township_code = $2 AND program = 'hypertension' AND status = 'managed'`,
    [village, township],
  );
  const patients = await q<{ resident_id: number }>(
    `SELECT resident_id FROM program_enrolment WHERE village_code = $1 AND program = 'hypertension'
       AND status = 'managed' ORDER BY resident_id`,
    [village],
  );
  await c.end();
  return { services, enrolments, village, township, sizes, patients: patients.map((p) => p.resident_id) };
}

const row = (name: string, f: Figures) => `| ${name} | ${f.p50} | ${f.p99} | ${f.rps} | ${f.errors} |`;

async function main(): Promise<void> {
  await prepareCounty(DB_NAME, RESIDENTS, { history: true, years: YEARS });
  if (process.env.BENCH_LOAD_ONLY === '1') return;
  const f = await facts();
  const total = f.services.reduce((a, s) => a + s.n, 0);
  console.log(`\n${RESIDENTS} residents, ${total} service records:`);
  for (const s of f.services) console.log(`  ${s.type.padEnd(22)} ${s.n}`);
  console.log(`Managed: ${f.enrolments.map((e) => `${e.program} ${e.n}`).join(', ')}`);
  console.log(
    `Hypertension patients in the village doctor's village: ${f.sizes[0]!.n}; in the township: ${f.sizes[1]!.n}`,
  );
  const { stop } = await startServer(dbUrl);
  try {
    const doctor = await token('cunyi');
    const town = await token('xiangzhen');
    const categories = [
      '',
      '&category=overdue',
      '&category=due_week',
      '&category=under_visited',
      '&category=check_missing',
    ];
    const lists = (scope: string) =>
      ['hypertension', 'diabetes', 'elderly'].flatMap((p) =>
        categories.map((c) => `/api/worklists/chronic?program=${p}${scope}${c}`),
      );
    // Let the start-up work (the register sweep by age) finish, as it has by a township's morning.
    await measure(lists(`&townshipCode=${f.township}`), town, 2);
    console.log(
      `\nWorklist latency (all programs × categories round-robin, first page: 100 rows), ${DURATION} s each:`,
    );
    console.log('| who | p50 ms | p99 ms | req/s | errors |');
    console.log('|---|---|---|---|---|');
    console.log(
      row(
        'village doctor, own village, 1 connection',
        await measure(lists(`&villageCode=${f.village}`), doctor, 1),
      ),
    );
    console.log(
      row(
        'village doctor, own village, 8 connections',
        await measure(lists(`&villageCode=${f.village}`), doctor, 8),
      ),
    );
    console.log(
      row(
        'township, whole township, 1 connection',
        await measure(lists(`&townshipCode=${f.township}`), town, 1),
      ),
    );
    console.log(
      row(
        'township, whole township, 8 connections',
        await measure(lists(`&townshipCode=${f.township}`), town, 8),
      ),
    );
    console.log(
      row(
        'township, whole township, 500 rows a page (limit=500), 8 connections',
        await measure(
          lists(`&townshipCode=${f.township}`).map((p) => `${p}&limit=500`),
          town,
          8,
        ),
      ),
    );
    const today = localDate(); // the county's date (Asia/Shanghai), as the server's
    const body = (sbp: number) =>
      JSON.stringify({
        type: 'hypertension_followup',
        serviceDate: today,
        delivery: 'home',
        sign: true,
        form: {
          symptoms: { codes: ['1'] },
          sbp,
          dbp: 82,
          weightKg: 64,
          heartRate: 74,
          lifestyle: { psychology: '1', compliance: '1' },
          medicationAdherence: '1',
          adverseReaction: { has: false },
          classification: '1',
          medications: [{ name: '硝苯地平缓释片', timesPerDay: 1, dose: '20mg' }],
          saltIntake: '2',
        },
      });
    const posts = f.patients.map((id, i) => ({
      path: `/api/residents/${id}/services`,
      method: 'POST' as const,
      body: body(120 + (i % 15)),
    }));
    const conns = Number(process.env.BENCH_CONNECTIONS ?? 8);
    const rec = await measure(posts, doctor, conns);
    console.log(
      `\nRecording a signed hypertension follow-up (validation, rules, version, worklist state, audit), ${conns} connections:`,
    );
    console.log('| route | p50 ms | p99 ms | req/s | errors |');
    console.log('|---|---|---|---|---|');
    console.log(row('POST /api/residents/:id/services', rec));
  } finally {
    stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
