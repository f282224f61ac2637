/**
 * Global setup of the node project: starts building this run's database templates (db-template.ts) in a
 * child process and returns at once, so tests that need no database run meanwhile; the harness waits for
 * the templates. At the end it drops this run's PostgreSQL databases and removes the tarballs.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { dropRunDatabases, errorFile, type DbTemplates } from './db-template.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default function setup(project: TestProject): () => Promise<void> {
  const runId = `jkda_t_${crypto.randomBytes(4).toString('hex')}`;
  const templates: DbTemplates = {
    dir: fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-db-templates-')),
    runId,
    ...(process.env.TEST_DATABASE_URL
      ? { pg: { bare: `${runId}_tpl_bare`, demo: `${runId}_tpl_demo` } }
      : {}),
  };
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'server/test/db-template.ts'),
      JSON.stringify(templates),
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-8000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('close', (code) => {
      // A child that dies without saying why (a crash, a kill) must not leave the workers waiting.
      if (code !== 0 && !fs.existsSync(errorFile(templates)))
        fs.writeFileSync(errorFile(templates), `template builder exited with ${code}:\n${stderr}`);
      resolve();
    });
  });
  project.provide('jkdaDbTemplates', templates);
  return async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    await dropRunDatabases(templates);
    fs.rmSync(templates.dir, { recursive: true, force: true });
  };
}
