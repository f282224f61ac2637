import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from '../src/platform/db.ts';

describe('embedded data folder lock', () => {
  it('refuses a second opener with a clear message, and frees the folder on close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-lock-'));
    // A file an older build left open to everyone (issue 13, finding 6).
    fs.writeFileSync(path.join(dir, 'left-open.txt'), 'x');
    fs.chmodSync(path.join(dir, 'left-open.txt'), 0o666);
    fs.chmodSync(dir, 0o777);
    try {
      const first = await openDatabase({ dataDir: dir });
      expect(first.freshEmbedded).toBe(true);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
      // another process gets the same refusal
      const cli = new URL('../src/cli.ts', import.meta.url).pathname;
      const other = spawnSync(process.execPath, ['--import', 'tsx', cli, 'migrate'], {
        env: { ...process.env, JKDA_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(other.status).toBe(1);
      expect(other.stderr).toMatch(/in use by another jkda process \(pid \d+\)/);
      await first.close();
      const again = await openDatabase({ dataDir: dir });
      expect(again.freshEmbedded).toBe(false);
      await again.close();
      // The folder and everything PGlite wrote in it (the WAL included) are the owner's alone.
      const open: string[] = [];
      const walk = (p: string) => {
        if (fs.statSync(p).mode & 0o077) open.push(p);
        if (fs.statSync(p).isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
      };
      walk(dir);
      expect(open).toEqual([]);
      expect(fs.readdirSync(path.join(dir, 'pglite')).length).toBeGreaterThan(5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-lock-'));
    try {
      fs.writeFileSync(path.join(dir, 'jkda.lock'), '999999');
      const d = await openDatabase({ dataDir: dir });
      expect(fs.readFileSync(path.join(dir, 'jkda.lock'), 'utf8')).toBe(String(process.pid));
      await d.close();
      expect(fs.existsSync(path.join(dir, 'jkda.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
