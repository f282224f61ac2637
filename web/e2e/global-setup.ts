/** Builds web/dist once before the browser journeys (the API server serves it, or vite preview does). */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { hasChromium } from './browser.ts';
import { ROOT } from './stack.ts';

export default function setup(): void {
  if (!hasChromium) return;
  const t0 = Date.now();
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: path.join(ROOT, 'web'),
      stdio: 'inherit',
    },
  );
  console.log(`web/dist built in ${Date.now() - t0} ms`);
}
