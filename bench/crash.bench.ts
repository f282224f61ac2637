/**
 * Crash benchmark (not a test): `kill -9` of the server while 1,000 residents are being created by 50
 * concurrent clients, on the embedded database and on PostgreSQL; then a restart, and every write the server
 * had acknowledged (201) must be there, whole, and the audit log must verify.
 *
 *   npm run bench:crash                       # both databases
 *   BENCH_CRASH_KINDS=pglite npm run bench:crash
 *   BENCH_WRITES=2000 BENCH_KILL_AFTER=1200 npm run bench:crash
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idCheckDigit } from '@jkda/domain';
import { basicInfo } from '../server/test/builders.ts';
import { databaseUrl, ensureDatabase, PORT } from './lib.ts';

const WRITES = Number(process.env.BENCH_WRITES ?? 1000);
const KILL_AFTER = Number(process.env.BENCH_KILL_AFTER ?? Math.round(WRITES / 2));
const CONCURRENCY = 50;
const KINDS = (process.env.BENCH_CRASH_KINDS ?? 'pglite,postgres').split(',');
const API = `http://127.0.0.1:${PORT}`;

function idNumber(i: number): { idNumber: string; birthDate: string; sex: '1' | '2' } {
  const birth = new Date(Date.UTC(1930, 0, 1) + (i % 25_000) * 86_400_000);
  const birthDate = birth.toISOString().slice(0, 10);
  const sex = i % 2 ? '1' : '2';
  const seq = String((Math.floor(i / 25_000) * 2 + (sex === '1' ? 1 : 0) + 700) % 1000).padStart(3, '0');
  const first17 = `341524${birthDate.replaceAll('-', '')}${seq}`;
  return { idNumber: first17 + idCheckDigit(first17), birthDate, sex };
}

function serve(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'serve'], {
    env: { ...process.env, PORT: String(PORT), JKDA_RATE_LIMIT: '0', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function up(): Promise<void> {
  for (let t = 0; t < 3000; t++) {
    if (
      await fetch(`${API}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not answer within 300 s');
}

async function bearer(): Promise<{ token: string; village: string }> {
  const res = await fetch(`${API}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'cunyi', password: 'Jkda@2026' }),
  });
  const { token } = (await res.json()) as { token: string };
  const me = (await (
    await fetch(`${API}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    user: { jurisdiction: { villages: string[] } };
  };
  return { token, village: me.user.jurisdiction.villages[0]! };
}

async function run(kind: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-crash-'));
  const env: NodeJS.ProcessEnv = { JKDA_DATA_DIR: path.join(root, 'data'), DATABASE_URL: '' };
  if (kind === 'postgres') {
    process.env.BENCH_RELOAD = '1';
    await ensureDatabase('jkda_crash');
    env.DATABASE_URL = databaseUrl('jkda_crash');
    const seeded = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/src/cli.ts',
        'seed',
        '--residents',
        '300',
        '--history-years',
        '1',
        '--allow-postgres',
      ],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
    );
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  } else {
    env.JKDA_DEMO_RESIDENTS = '300';
    env.JKDA_DEMO_HISTORY_YEARS = '1';
  }
  let server = serve(env);
  await up();
  const { token, village } = await bearer();
  console.log(`${kind}: server up, writing ${WRITES} residents into ${village}…`);
  const acked = new Map<number, string>();
  let sent = 0;
  let refused = 0;
  let failed = 0;
  let killedAt = 0;
  const t0 = performance.now();
  const client = async () => {
    while (sent < WRITES) {
      const i = sent++;
      // Names are Chinese characters only: the number in 〇一二三… digits.
      const name = `崩溃${[...String(i).padStart(4, '0')].map((d) => '〇一二三四五六七八九'[Number(d)]).join('')}`;
      const body = {
        villageCode: village,
        name,
        idType: '01',
        ...idNumber(i),
        phone: `139${String(10_000_000 + i).slice(-8)}`,
        currentAddress: '金寨县测试村一组',
        basicInfo: basicInfo(),
      };
      try {
        const res = await fetch(`${API}/api/residents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (res.status === 201) {
          acked.set(((await res.json()) as { id: number }).id, name);
          if (acked.size === KILL_AFTER && !killedAt) {
            server.kill('SIGKILL');
            killedAt = performance.now() - t0;
          }
        } else if (refused++ === 0)
          console.log(`first refusal: ${res.status} ${(await res.text()).slice(0, 300)}`);
      } catch {
        failed++; // the connection died with the server
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  console.log(`${kind}: ${acked.size} acknowledged, ${refused} refused, ${failed} cut off; restarting…`);
  if (!killedAt) server.kill('SIGKILL');
  await new Promise((r) =>
    server.exitCode !== null || server.signalCode ? r(null) : server.once('exit', r),
  );
  const restart0 = performance.now();
  server = serve(env);
  await up();
  const restartMs = performance.now() - restart0;
  const again = await bearer();
  let present = 0;
  const missing: number[] = [];
  for (const [id, name] of acked) {
    const res = await fetch(`${API}/api/residents/${id}`, {
      headers: { authorization: `Bearer ${again.token}` },
    });
    const ok = res.status === 200 && ((await res.json()) as { name: string }).name === name;
    if (ok) present++;
    else missing.push(id);
  }
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  const verify = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'audit', 'verify'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  fs.rmSync(root, { recursive: true, force: true });
  return {
    kind,
    acked: acked.size,
    present,
    missing: missing.length,
    refused,
    failed,
    killedAtMs: Math.round(killedAt),
    restartMs: Math.round(restartMs),
    auditVerify:
      verify.status === 0 ? 'intact' : `FAILED: ${(verify.stderr || verify.stdout).trim().split('\n')[0]}`,
  };
}

async function main() {
  const results = [];
  for (const kind of KINDS) {
    const r = await run(kind);
    console.log(JSON.stringify(r));
    results.push(r);
  }
  const day = new Date().toISOString().slice(0, 10);
  console.log(
    `\n| database | acknowledged | present after restart | missing | killed after | restart to first answer | audit verify |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.kind} | ${r.acked} | ${r.present} | ${r.missing} | ${(r.killedAtMs / 1000).toFixed(1)} s | ${(r.restartMs / 1000).toFixed(1)} s | ${r.auditVerify} |`,
    );
  console.log(
    `\n(${WRITES} creates by ${CONCURRENCY} clients, kill -9 at the ${KILL_AFTER}th acknowledgement, ${day})`,
  );
  if (results.some((r) => r.acked < KILL_AFTER || r.missing > 0 || r.auditVerify !== 'intact'))
    process.exitCode = 1;
}

await main();
