/**
 * The system under test for the browser journeys: the real API server (`jkda serve`) on a fresh
 * temporary PGlite folder and a free port (it seeds the 20,000-resident demo county), and the web app.
 *
 * WEB_SERVED_BY chooses who serves web/dist: the API server itself (its static files with SPA fallback),
 * or `vite preview` proxying /api to the API server. Switching is this one line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_SERVED_BY: 'api-server' | 'vite-preview' = 'api-server';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = path.join(ROOT, 'web');
export const PASSWORD = 'Jkda@2026';

export interface Stack {
  /** Where the browser goes. */
  baseURL: string;
  /** The API server (for setting up data through the API). */
  apiURL: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} answered:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log()}`);
}

function start(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => out };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 8000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

const bin = (pkg: string, rel: string) => path.join(ROOT, 'node_modules', pkg, rel);

/** Starts the API server on a new data folder, and the web server unless the API server serves the app. */
export async function startStack(): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-e2e-'));
  const apiPort = await freePort();
  const apiURL = `http://127.0.0.1:${apiPort}`;
  const api = start(process.execPath, [bin('tsx', 'dist/cli.mjs'), 'server/src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      JKDA_DATA_DIR: dataDir,
      PORT: String(apiPort),
      LOG_LEVEL: 'warn',
      // One year of demo history is enough for the journeys and seeds in a third of the time.
      JKDA_DEMO_HISTORY_YEARS: '1',
    },
  });
  const stops = [
    () => stopProcess(api.child),
    () => fs.promises.rm(dataDir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const s of stops) await s().catch(() => undefined);
  };
  try {
    await waitFor(`${apiURL}/api/health`, api.child, api.log, 150_000);
    if (WEB_SERVED_BY === 'api-server') return { baseURL: apiURL, apiURL, stop };
    const webPort = await freePort();
    const web = start(
      process.execPath,
      [
        bin('vite', 'bin/vite.js'),
        'preview',
        '--port',
        String(webPort),
        '--strictPort',
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: WEB,
        env: { ...process.env, JKDA_API: apiURL },
      },
    );
    stops.unshift(() => stopProcess(web.child));
    await waitFor(`http://127.0.0.1:${webPort}/`, web.child, web.log, 30_000);
    return { baseURL: `http://127.0.0.1:${webPort}`, apiURL, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
