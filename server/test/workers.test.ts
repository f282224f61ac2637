/**
 * JKDA_WORKERS on PostgreSQL: the first process migrates once, starts that many server processes on one
 * port, starts again one that dies, and a stop signal ends them all.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPgDatabase } from './harness.ts';

const children = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
};
const until = async (what: () => Promise<boolean> | boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};

describe.skipIf(!process.env.TEST_DATABASE_URL)('server processes (JKDA_WORKERS)', () => {
  it('serves from 2 processes, starts a dead one again, and stops them all on SIGTERM', async () => {
    const db = await createPgDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-workers-'));
    const port = 39_000 + Math.floor(Math.random() * 1000);
    const cli = new URL('../src/cli.ts', import.meta.url).pathname;
    const server = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        JKDA_WORKERS: '2',
        JKDA_DATA_DIR: dir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const healthy = () =>
      fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    try {
      await until(healthy);
      await until(() => children(server.pid!).length === 2);
      const [first] = children(server.pid!);
      process.kill(first!, 'SIGKILL');
      await until(() => {
        const now = children(server.pid!);
        return now.length === 2 && !now.includes(first!);
      });
      expect(await healthy()).toBe(true);
      const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await healthy()).toBe(false);
    } finally {
      server.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  }, 60_000);
});
