/**
 * What a backup reads from the database, the same SQL on PGlite and PostgreSQL: the tables of the app's
 * schema (`public`; not pg-boss's own schema) with their columns and keys, the sequences, the migration
 * level, each table's row count and content digest, and the rows themselves as their PostgreSQL text form
 * (`t::text`, the record output: lossless for every type, the same on both databases under the session
 * settings below).
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import type { ColumnInfo, TableDigest, TableInfo } from './backup.format.ts';

/** Tables never backed up or restored as rows: migrate() writes them itself. */
export const NOT_BACKED_UP = new Set(['schema_migration']);

/**
 * Output and input settings that make the text forms identical on every database and session: times in
 * UTC, ISO dates, shortest exact floats, hex bytea; no time limits for a long read or load.
 */
export const SESSION_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
  'SET LOCAL statement_timeout = 0',
  'SET LOCAL idle_in_transaction_session_timeout = 0',
];

export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const qt = (table: string): string => `public.${q(table)}`;

export type Sql = Pick<pg.PoolClient, 'query'>;

/** The app's tables (ordinary tables of `public`), by name. */
export async function listTables(c: Sql): Promise<TableInfo[]> {
  const { rows } = await c.query<{ name: string; columns: ColumnInfo[]; key: string[] | null }>(`
    SELECT c.relname AS name,
      (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                         'generated', a.attgenerated <> '') ORDER BY a.attnum)
         FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
      (SELECT json_agg(a.attname ORDER BY k.ord)
         FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    ORDER BY c.relname COLLATE "C"`);
  return rows
    .filter((r) => !NOT_BACKED_UP.has(r.name))
    .map((r) => ({ name: r.name, columns: r.columns, key: r.key ?? [] }));
}

export async function listSequences(
  c: Sql,
): Promise<{ name: string; lastValue: string; isCalled: boolean }[]> {
  const { rows } = await c.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname COLLATE "C"`);
  const out = [];
  for (const { name } of rows) {
    const s = await c.query<{ v: string; called: boolean }>(
      `SELECT last_value::text AS v, is_called AS called FROM ${qt(name)}`,
    );
    out.push({ name, lastValue: s.rows[0]!.v, isCalled: s.rows[0]!.called });
  }
  return out;
}

export async function readMigrations(c: Sql): Promise<{ id: number; name: string; checksum: string }[]> {
  const { rows } = await c.query<{ t: string | null }>(
    `SELECT to_regclass('public.schema_migration')::text AS t`,
  );
  if (!rows[0]?.t) return [];
  const m = await c.query<{ id: number; name: string; checksum: string }>(
    'SELECT id, name, checksum FROM public.schema_migration ORDER BY id',
  );
  return m.rows;
}

/**
 * Row count and an order-independent digest of one table: the sums, over the rows, of the two halves of
 * md5(row text) as 64-bit integers (numeric sums, no overflow), hashed together with SM3. One scan, O(1)
 * memory, computed in SQL; the same figures for the same rows on any database, whatever their physical
 * order. (It detects accidental differences, which is its job; the file's integrity is the HMAC's.)
 */
export async function tableDigest(c: Sql, table: string): Promise<TableDigest> {
  const { rows } = await c.query<{ n: string; a: string; b: string }>(`
    SELECT count(*)::text AS n,
      coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint), 0)::text AS a,
      coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint), 0)::text AS b
    FROM (SELECT md5(t::text) AS h FROM ${qt(table)} AS t) s`);
  const r = rows[0]!;
  const digest = crypto.createHash('sm3').update(`${r.n}:${r.a}:${r.b}`).digest('hex').slice(0, 32);
  return { rows: Number(r.n), digest };
}

/** Tables of the list that hold at least one row (one query). */
export async function tablesWithRows(c: Sql, tables: string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const parts = tables.map((t, i) => `SELECT ${i} AS i WHERE EXISTS (SELECT 1 FROM ${qt(t)})`);
  const { rows } = await c.query<{ i: number }>(parts.join(' UNION ALL '));
  return rows.map((r) => tables[r.i]!);
}

/**
 * The rows of a table as text forms, in primary key order (ctid order without one), `pageRows` at a time
 * by keyset: each page is one indexed range read, so nothing is held but the page.
 */
export async function* readRows(c: Sql, table: TableInfo, pageRows = 2000): AsyncGenerator<string[]> {
  const types = new Map(table.columns.map((col) => [col.name, col.type]));
  const keys = table.key.length
    ? table.key.map((k) => ({ expr: `t.${q(k)}`, type: types.get(k)! }))
    : [{ expr: 't.ctid', type: 'tid' }];
  const select = keys.map((k, i) => `${k.expr}::text AS k${i}`).join(', ');
  const order = keys.map((k) => k.expr).join(', ');
  const tuple = `(${order})`;
  const params = `(${keys.map((k, i) => `$${i + 1}::${k.type}`).join(', ')})`;
  let last: string[] | null = null;
  for (;;) {
    const where: string = last ? `WHERE ${tuple} > ${params}` : '';
    const res: pg.QueryResult<Record<string, string>> = await c.query<Record<string, string>>(
      `SELECT t::text AS r, ${select} FROM ${qt(table.name)} AS t ${where} ORDER BY ${order} LIMIT ${pageRows}`,
      last ?? [],
    );
    if (res.rows.length === 0) return;
    yield res.rows.map((r) => r.r!);
    if (res.rows.length < pageRows) return;
    const end: Record<string, string> = res.rows[res.rows.length - 1]!;
    last = keys.map((_, i) => end[`k${i}`]!);
  }
}
