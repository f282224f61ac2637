/**
 * JKDA_WORKERS on PostgreSQL: the first process migrates once, starts that many server processes on one
 * port, starts again one that dies, and a stop signal ends them all.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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
const until = async (what: () => Promise<boolean> | boolean, why: () => string, ms = 90_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out; the server said: ${why()}`);
};
/** A port nobody listens on now (the system picks it). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe.skipIf(!process.env.TEST_DATABASE_URL)('server processes (JKDA_WORKERS)', () => {
  it('serves from 2 processes, starts a dead one again, and stops them all on SIGTERM', async () => {
    const db = await createPgDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-workers-'));
    const port = await freePort();
    const cli = new URL('../src/cli.ts', import.meta.url).pathname;
    const server = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        JKDA_WORKERS: '2',
        JKDA_DATA_DIR: dir,
        JKDA_KEY_DIR: path.join(dir, 'keys'),
        JKDA_CHECKPOINT_DIR: path.join(dir, 'checkpoints'),
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
    const said = () => stderr || '(nothing)';
    const healthy = () =>
      fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    try {
      await until(healthy, said);
      await until(() => children(server.pid!).length === 2, said);
      const [first] = children(server.pid!);
      process.kill(first!, 'SIGKILL');
      await until(() => {
        const now = children(server.pid!);
        return now.length === 2 && !now.includes(first!);
      }, said);
      // Serving again (a pooled keep-alive connection to the killed process may fail once: asked again).
      await until(healthy, said, 15_000);
      const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await healthy()).toBe(false);
    } finally {
      const left = children(server.pid!);
      server.kill('SIGKILL');
      for (const pid of left) process.kill(pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  }, 240_000);
});
