/**
 * The system under test for the browser journeys: the real API server (`jkda serve`) on a fresh
 * temporary PGlite folder and a free port (it seeds the demo county), and the web app. The browser
 * project's global setup (global-setup.ts) starts one for the whole run; the journeys (one file,
 * journeys.e2e.test.ts) share it through sharedStack().
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
import { inject } from 'vitest';

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

/** The run's stack as the global setup gives it to the journeys (vitest `provide`). */
export interface SharedStack {
  baseURL: string;
  apiURL: string;
  /** Holds ready.json (or error.txt) once the stack is up. */
  dir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    jkdaStack: SharedStack | undefined;
  }
}

export const stackReadyFile = (dir: string) => path.join(dir, 'ready.json');
export const stackErrorFile = (dir: string) => path.join(dir, 'error.txt');

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

// The servers run in their own process groups: if this process ends without stopping them (vitest killed),
// they go with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running)
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
});

function start(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
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

export interface StackOptions {
  apiPort: number;
  /** For WEB_SERVED_BY = 'vite-preview'. */
  webPort: number;
  /** Resolves once web/dist is built: the API server registers web/dist when it starts listening. */
  webBuilt: Promise<void>;
}

/** Starts the API server on a new data folder, and the web server unless the API server serves the app. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const { apiPort, webPort } = opts;
  // The data folder, and beside it the key, checkpoint and backup folders (their default places).
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-e2e-'));
  const dataDir = path.join(root, 'data');
  const apiURL = `http://127.0.0.1:${apiPort}`;
  const serve = () =>
    start(process.execPath, [bin('tsx', 'dist/cli.mjs'), 'server/src/cli.ts', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        JKDA_DATA_DIR: dataDir,
        PORT: String(apiPort),
        LOG_LEVEL: 'warn',
        // The county list journey pages past the count cap of 10,000 (page 150 of 100 rows), and the
        // village journeys need dozens of residents per village and, in the township, women late in
        // pregnancy (12,000 had none): 20,000 residents, with one year of history.
        JKDA_DEMO_RESIDENTS: '20000',
        JKDA_DEMO_HISTORY_YEARS: '1',
        // Every journey signs in from 127.0.0.1 on this one server: no per-address request limit.
        JKDA_RATE_LIMIT: '0',
        // Password hashing as in production (vitest.config.ts lowers it for the API tests' processes).
        JKDA_SCRYPT_N: undefined,
      },
    });
  let api = serve();
  const stops = [() => stopProcess(api.child), () => fs.promises.rm(root, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops) await s().catch(() => undefined);
  };
  try {
    // The server seeds the new folder while web/dist is built; it looks for web/dist/index.html when it
    // starts listening. If the build was not done by then, a restart on the seeded folder finds it.
    await Promise.all([waitFor(`${apiURL}/api/health`, api.child, api.log, 240_000), opts.webBuilt]);
    if (WEB_SERVED_BY === 'api-server' && !(await servesWebApp(apiURL))) {
      console.log('web/dist was not built yet when the API server started: restarting it');
      await stopProcess(api.child);
      api = serve();
      await waitFor(`${apiURL}/api/health`, api.child, api.log, 60_000);
      if (!(await servesWebApp(apiURL)))
        throw new Error(`the API server does not serve web/dist:\n${api.log()}`);
    }
    if (WEB_SERVED_BY === 'api-server') return { baseURL: apiURL, apiURL, stop };
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

async function servesWebApp(apiURL: string): Promise<boolean> {
  const res = await fetch(`${apiURL}/`).catch(() => undefined);
  return !!res?.ok && (res.headers.get('content-type') ?? '').includes('text/html');
}

async function waitForStack(shared: SharedStack, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(stackReadyFile(shared.dir))) return;
    if (fs.existsSync(stackErrorFile(shared.dir)))
      throw new Error(
        `the browser stack did not start:\n${fs.readFileSync(stackErrorFile(shared.dir), 'utf8')}`,
      );
    if (Date.now() > until) throw new Error(`the browser stack was not up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What a journey uses of the run's stack (the global setup stops it at the end of the run). */
export type JourneyStack = Pick<Stack, 'baseURL' | 'apiURL'>;

/** The run's stack for a journey: waits until the global setup has it up. */
export async function sharedStack(): Promise<JourneyStack> {
  const shared = inject('jkdaStack');
  if (!shared) throw new Error('no browser stack: the global setup web/e2e/global-setup.ts starts it');
  await waitForStack(shared, 300_000);
  return { baseURL: shared.baseURL, apiURL: shared.apiURL };
}
