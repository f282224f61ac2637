import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** When a test file can start doing its work, in ms from the start of the run (guesses). */
const READY_AT = {
  // The node project's database templates (server/test/db-template.ts).
  database: 10_000,
  // The browser stack: web/dist built and the API server seeded (web/e2e/global-setup.ts).
  stack: 60_000,
};

/**
 * Each test file's duration in the last full run (`npm run test:durations` writes it): what the sequencer
 * goes by on a clean checkout, as in CI, where vitest's own results cache is empty.
 */
const committedDurations = (root: string): Record<string, number> => {
  const file = path.join(root, 'test/durations.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {};
};

/** A file's cost beyond its tests' time (loading it, its databases opened and dropped), in ms (2026-12). */
const fileOverhead = (needsDatabase: boolean) => (needsDatabase ? 1_500 : 300);
/** What a worker spends loading another project's modules when it moves to that project's files, in ms. */
const PROJECT_SWITCH = 5_000;

/**
 * The order in which the workers take the test files (each takes the next one when it gets free): a
 * simulated run on `maxWorkers` workers (durations of the last run, guesses on a first run, as in CI). The
 * browser journeys are the run's longest files and can start only when the stack is up: a worker takes one
 * as soon as it is, and until then the workers that will take them take only files that end in time. The
 * other workers take the longest file that can start, of the project they ran last while it has one.
 */
class WorkersSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { root, maxWorkers } = this.ctx.config;
    const rel = (f: TestSpecification) => path.relative(root, f.moduleId);
    const isJourney = (f: TestSpecification) => f.project.name === 'browser';
    const needsDatabase = (f: TestSpecification) => rel(f).startsWith('server/test/');
    // A new file's guess, by kind (2026-12): the journeys' file, a page test in jsdom, an API test, a unit test.
    const guess = (f: TestSpecification) =>
      isJourney(f)
        ? 300_000
        : f.project.name === 'web' && rel(f).endsWith('.tsx')
          ? 8_000
          : needsDatabase(f)
            ? 5_000
            : 500;
    const committed = committedDurations(root);
    const duration = (f: TestSpecification) => {
      const key = `${f.project.name}:${rel(f)}`;
      const ran = this.ctx.cache.getFileTestResults(key)?.duration || committed[key] || guess(f);
      return ran + (isJourney(f) ? 0 : fileOverhead(needsDatabase(f)));
    };
    const readyAt = (f: TestSpecification) =>
      isJourney(f) ? READY_AT.stack : needsDatabase(f) ? READY_AT.database : 0;
    const left = [...files].sort((a, b) => duration(b) - duration(a) || rel(a).localeCompare(rel(b)));
    const workers = Math.max(1, maxWorkers);
    const free: number[] = Array.from({ length: workers }, () => 0);
    // The project of each worker's last file: a worker that moves to another project loads that project's
    // modules anew (the server, or antd and the app), which costs seconds; so each stays with its own.
    const project: (string | undefined)[] = Array.from({ length: workers }, () => undefined);
    const order: TestSpecification[] = [];
    while (left.length) {
      const now = Math.min(...free);
      const worker = free.indexOf(now);
      const startOf = (f: TestSpecification) => Math.max(now, readyAt(f));
      const journeys = left.filter(isJourney).length;
      const chainAt = journeys ? READY_AT.stack : Infinity;
      const startable = left.filter((f) => startOf(f) === now);
      const same = startable.filter((f) => f.project.name === project[worker]);
      const canStart = same.length ? same : startable;
      // This worker is one the journeys left need when no other (enough) will be free by then.
      const othersFreeByThen = free.filter((t, i) => i !== worker && t <= chainAt).length;
      const keepForChain = now < chainAt && othersFreeByThen < journeys;
      const next =
        startable.find(isJourney) ??
        (keepForChain
          ? (canStart.find((f) => now + duration(f) <= chainAt) ??
            startable.find((f) => now + duration(f) <= chainAt) ??
            canStart.at(-1))
          : canStart[0]) ??
        left.reduce((a, b) => (startOf(b) < startOf(a) ? b : a));
      const moves = project[worker] !== undefined && project[worker] !== next.project.name;
      free[worker] = startOf(next) + duration(next) + (moves ? PROJECT_SWITCH : 0);
      project[worker] = next.project.name;
      order.push(next);
      left.splice(left.indexOf(next), 1);
    }
    return Promise.resolve(order);
  }
}

// Cheaper password hashing in the test processes (server/src/modules/auth/password.ts): the suite signs
// in some thousand times. Set here, in the main process, so the template builder and the workers inherit it;
// the browser stack's server is started without it (web/e2e/stack.ts).
process.env.JKDA_SCRYPT_N ??= '1024';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every core: vitest's default leaves one free, which on the CI machine's two cores ran one file at a time.
    maxWorkers: '100%',
    sequence: { sequencer: WorkersSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts', 'server/test/**/*.test.ts'],
          // One migrated, seeded database per run; each test file gets a copy (server/test/harness.ts).
          globalSetup: ['server/test/db-setup.ts'],
          // The files of a worker share its loaded modules: importing the server (~4 s through the
          // transform) once per worker instead of once per file. Each file opens its own databases and
          // app, so nothing else is shared.
          isolate: false,
        },
      },
      {
        // Component and page tests of the web app (form rules) in a simulated DOM.
        extends: true,
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/test/setup.ts'],
          // As the node project: the files of a worker share the loaded modules (antd, React, the app);
          // each test renders into a clean document (cleanup in setup.ts) and restores what it stubs.
          isolate: false,
        },
      },
      {
        // Browser journeys: real API server + Debian's Chromium; skipped when /usr/bin/chromium is absent.
        // One server for the run (global-setup.ts); the journeys are one file (journeys.e2e.test.ts) and run
        // one after another on it (as two files side by side they slowed each other and kept both workers
        // from the other files: 603 s against 483 s on this 2-vCPU machine, docs/benchmarks.md).
        extends: true,
        test: {
          name: 'browser',
          include: ['web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['web/e2e/global-setup.ts'],
          testTimeout: 90_000,
          // A journey's beforeAll waits for the stack.
          hookTimeout: 300_000,
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
