/** Forward-only numbered SQL migrations, applied in order under a PostgreSQL advisory lock. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type pg from 'pg';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);
const LOCK_KEY = 7_350_001; // arbitrary, constant: "jkda migrations"

export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8');
      return {
        id: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/**
 * Applies pending migrations; returns the names applied. Each migration runs in its own transaction.
 * `upTo` stops after that migration id (a restore brings an empty database to its backup's level first).
 */
export async function migrate(pool: pg.Pool, opts: { upTo?: number } = {}): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (
        await client.query<{ id: number; checksum: string; name: string }>(
          'SELECT id, name, checksum FROM schema_migration',
        )
      ).rows.map((r) => [r.id, r]),
    );
    for (const m of listMigrations()) {
      if (opts.upTo !== undefined && m.id > opts.upTo) break;
      const prior = done.get(m.id);
      if (prior) {
        if (prior.checksum !== m.checksum)
          throw new Error(
            `Migration ${m.name} was changed after it was applied; add a new migration instead.`,
          );
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migration (id, name, checksum) VALUES ($1, $2, $3)', [
          m.id,
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(m.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}
