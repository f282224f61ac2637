/**
 * Global setup of the browser journeys: builds web/dist and starts one API server with the demo county
 * (stack.ts) for the whole run. It returns at once: the build and the seeding run while the other projects'
 * tests do, and each journey waits for the stack in sharedStack().
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { hasChromium } from './browser.ts';
import {
  freePort,
  ROOT,
  stackErrorFile,
  stackReadyFile,
  startStack,
  WEB_SERVED_BY,
  type SharedStack,
  type Stack,
} from './stack.ts';

function buildWeb(): Promise<void> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      // The app as `npm start` builds it: vitest sets NODE_ENV=test, with which Vite builds React's development
      // bundle (StrictMode runs every effect twice: each page asked the API twice, and renders slower).
      { cwd: path.join(ROOT, 'web'), stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`vite build exited with ${code}`));
      console.log(`web/dist built in ${Date.now() - t0} ms`);
      resolve();
    });
  });
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!hasChromium) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-e2e-stack-'));
  const [apiPort, webPort] = await Promise.all([freePort(), freePort()]);
  const shared: SharedStack = {
    apiURL: `http://127.0.0.1:${apiPort}`,
    baseURL: `http://127.0.0.1:${WEB_SERVED_BY === 'api-server' ? apiPort : webPort}`,
    dir,
  };
  project.provide('jkdaStack', shared);
  const launch = (): Promise<Stack | undefined> => {
    const t0 = Date.now();
    const webBuilt = buildWeb();
    return startStack({ apiPort, webPort, webBuilt })
      .then((stack) => {
        fs.writeFileSync(stackReadyFile(dir), JSON.stringify({ ms: Date.now() - t0 }));
        console.log(`browser stack up in ${Date.now() - t0} ms`);
        return stack;
      })
      .catch(async (e: unknown) => {
        await webBuilt.catch(() => undefined);
        fs.writeFileSync(stackErrorFile(dir), e instanceof Error ? (e.stack ?? e.message) : String(e));
        return undefined;
      });
  };
  let started = launch();
  // vitest --watch: journeys that run again get a new stack (a new demo county, web/dist built again).
  project.onTestsRerun(async (specs) => {
    if (!specs.some((s) => s.project.name === project.name)) return;
    const stack = await started;
    await stack?.stop();
    for (const f of [stackReadyFile(dir), stackErrorFile(dir)]) fs.rmSync(f, { force: true });
    started = launch();
  });
  return async () => {
    const stack = await started;
    await stack?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
