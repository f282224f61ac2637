/**
 * The API contract files of the web app, made from the routes: the OpenAPI document
 * (web/src/api/openapi.json) and its TypeScript types (web/src/api/schema.ts, by openapi-typescript).
 * The app is assembled exactly as in production (createServer) on a database that is never opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
} from 'kysely';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { createServer, createServices } from '../src/server.ts';
import { loadConfig } from '../src/platform/config.ts';
import { ephemeralKeys } from '../src/platform/secrets.ts';
import type { Database } from '../src/platform/db.ts';
import type { DB } from '../src/platform/db-types.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The committed contract files, relative to the repository root. */
export const CONTRACT_FILES = ['web/src/api/openapi.json', 'web/src/api/schema.ts'] as const;
export type ContractFiles = Record<(typeof CONTRACT_FILES)[number], string>;

const OFFLINE = 'The OpenAPI generator assembles the routes without a database; nothing may query it.';

class OfflineDriver extends DummyDriver {
  override acquireConnection(): Promise<DatabaseConnection> {
    return Promise.reject(new Error(OFFLINE));
  }
}

function offlineDatabase(): Database {
  const refuse = () => Promise.reject(new Error(OFFLINE));
  const pool = { query: refuse, connect: refuse, end: () => Promise.resolve() } as unknown as pg.Pool;
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new OfflineDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { kind: 'pglite', db, pool, auditPool: pool, freshEmbedded: false, close: () => db.destroy() };
}

/** The OpenAPI document that GET /api/openapi.json serves, from the production assembly of the routes. */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const config = { ...loadConfig({}), logLevel: 'silent' };
  const saved = process.env.JKDA_BENCH_CEILING;
  delete process.env.JKDA_BENCH_CEILING; // the benchmark-only route is not part of the API
  try {
    const app = await createServer(createServices(config, offlineDatabase(), ephemeralKeys()));
    try {
      return sorted(app.swagger()) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    if (saved !== undefined) process.env.JKDA_BENCH_CEILING = saved;
  }
}

/** Paths, their operations and the component schemas in name order, so the file does not depend on assembly order. */
function sorted(doc: object): object {
  const byKey = <T>(o: Record<string, T> | undefined) =>
    o && Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const d = doc as { paths?: Record<string, Record<string, unknown>>; components?: { schemas?: object } };
  return {
    ...d,
    paths: byKey(Object.fromEntries(Object.entries(d.paths ?? {}).map(([p, ops]) => [p, byKey(ops)]))),
    components: { ...d.components, schemas: byKey(d.components?.schemas as Record<string, unknown>) },
  };
}

async function formatted(file: string, text: string): Promise<string> {
  const options = await prettier.resolveConfig(path.join(ROOT, file));
  return prettier.format(text, { ...options, filepath: file });
}

/** The contents of the contract files for a document. */
export async function renderContracts(doc: OpenAPI3): Promise<ContractFiles> {
  const types = astToString(await openapiTS(structuredClone(doc)));
  const header =
    '// The API as the web app sees it: generated from the server routes by `npm run gen:api`; do not edit.\n';
  return {
    'web/src/api/openapi.json': await formatted('web/src/api/openapi.json', JSON.stringify(doc)),
    'web/src/api/schema.ts': await formatted('web/src/api/schema.ts', header + types),
  };
}

/** The committed contract files as they are on disk (undefined where missing). */
export function readContracts(root = ROOT): Partial<ContractFiles> {
  const out: Partial<ContractFiles> = {};
  for (const f of CONTRACT_FILES) {
    const p = path.join(root, f);
    if (fs.existsSync(p)) out[f] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

export function writeContracts(files: ContractFiles, root = ROOT): void {
  for (const f of CONTRACT_FILES) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), files[f]);
  }
}

/** The contract files whose committed content is not what the routes generate now. */
export function contractDrift(committed: Partial<ContractFiles>, generated: ContractFiles): string[] {
  return CONTRACT_FILES.filter((f) => committed[f] !== generated[f]);
}
