/**
 * Writes test/durations.json from vitest's results cache of the last full run (node_modules/.vite/vitest):
 * each test file's duration, rounded to 100 ms. The run's sequencer (vitest.config.ts) orders the files
 * with it on a clean checkout, where the cache is empty, as in CI. Run after a full `npm test`:
 * `npm run test:durations`.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cacheRoot = path.join(root, 'node_modules/.vite/vitest');
const caches = fs.existsSync(cacheRoot)
  ? fs
      .readdirSync(cacheRoot)
      .map((d) => path.join(cacheRoot, d, 'results.json'))
      .filter((f) => fs.existsSync(f))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
  : [];
if (!caches.length) {
  console.error('no vitest results cache: run `npm test` first');
  process.exit(1);
}
const { results } = JSON.parse(fs.readFileSync(caches[0]!, 'utf8')) as {
  results: [string, { duration?: number; failed?: boolean }][];
};
const durations: Record<string, number> = {};
for (const [file, r] of results.sort(([a], [b]) => a.localeCompare(b)))
  if (r.duration && fs.existsSync(path.join(root, file.slice(file.indexOf(':') + 1))))
    durations[file] = Math.max(100, Math.round(r.duration / 100) * 100);
const out = path.join(root, 'test/durations.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(durations, null, 2) + '\n');
console.log(`${out}: ${Object.keys(durations).length} files`);
