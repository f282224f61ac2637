/**
 * A property-based fuzzer of the HTTP API, driven by the OpenAPI document the routes generate.
 *
 * For every operation it builds requests from the operation's parameter and body schemas: values of the
 * declared shape (with real ids, codes, forms and versions of the database mixed in, so that requests get
 * past validation into the services), boundary values, wrong types, huge strings, odd unicode, extra and
 * missing fields, bad path ids, malformed JSON. It sends them as given users (bearer tokens, so no CSRF
 * header is needed) and checks three properties:
 *
 * - no answer has a status of 500 or more;
 * - every error answer (4xx) has the body `{ code, message, requestId }` (strings);
 * - a refused request changes nothing: the row counts and highest versions of the resident-data tables, a
 *   digest of their rows, and the audit chain (sealed, then verified) are as before it. Accepted writes
 *   may change them: the state is taken again after each.
 *
 * fast-check makes the requests: its combinators build them from the schemas, its seeds make a failing run
 * replayable (`seed` and `path` in the failure), and in `throw` mode it shrinks a failing request to a
 * smaller one before reporting it. The fuzzer is used by server/test/fuzz.test.ts (few runs, in CI) and
 * server/test/fuzz/run.ts (`npm run fuzz`, many runs, figures).
 */
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DB } from '../../src/platform/db-types.ts';
import { sealAuditLog, verifyChain } from '../../src/modules/audit/audit.chain.ts';
import { makeIdNumber, buildResident } from '../builders.ts';
import { testFields } from '../db-template.ts';

// ---------------------------------------------------------------------------------------------------------
// The OpenAPI document

/** The parts of a JSON schema (as fastify-type-provider-zod writes them) the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  tags?: string[];
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One operation of the document. */
export interface Operation {
  /** `GET /api/residents/{id}`: the key the fuzzer and the matrix use. */
  key: string;
  method: string;
  path: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  body: JsonSchema | undefined;
  bodyRequired: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, in a stable order. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(item)) {
      if (!METHODS.includes(m)) continue;
      const params = op.parameters ?? [];
      ops.push({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
        bodyRequired: op.requestBody?.required === true,
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}

function resolve(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 20; i++) {
    const name = cur.$ref.replace('#/components/schemas/', '');
    cur = doc.components?.schemas?.[name] ?? {};
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------------------
// What the database holds: real values to aim at

/** Real ids, codes and values of the database under test. */
export interface Pools {
  residentIds: number[];
  householdIds: number[];
  enrolmentIds: number[];
  serviceIds: number[];
  userIds: number[];
  /**
   * The only accounts the user-management routes are aimed at (disable, reset password …): never the
   * fuzzer's own or the demo users', whose sessions the run needs.
   */
  disposableUserIds: number[];
  villageCodes: string[];
  townshipCodes: string[];
  serviceTypes: string[];
  programs: string[];
  /** Real forms of signed records, by service type. */
  forms: Record<string, Record<string, unknown>[]>;
  names: string[];
  idNumbers: string[];
  phones: string[];
  usernames: string[];
}

/** Reads the pools from the database (a sample of each kind, the newest first). */
export async function loadPools(db: Kysely<DB>, extra: Partial<Pools> = {}): Promise<Pools> {
  const ids = async (table: string, limit = 40): Promise<number[]> =>
    (
      await sql<{ id: number }>`SELECT id FROM ${sql.table(table)} ORDER BY id DESC LIMIT ${limit}`.execute(
        db,
      )
    ).rows.map((r) => Number(r.id));
  const fields = testFields();
  const residents = await sql<{ name: string; id_number_enc: string | null; phone_enc: string | null }>`
    SELECT name, id_number_enc, phone_enc FROM resident ORDER BY id DESC LIMIT 40`.execute(db);
  const areas = await sql<{ code: string; level: string }>`
    SELECT code, level FROM area WHERE level IN ('village', 'township') ORDER BY code`.execute(db);
  const forms = await sql<{ type: string; form: Record<string, unknown> }>`
    SELECT DISTINCT ON (type) type, form FROM service_record ORDER BY type, id DESC`.execute(db);
  const users = await sql<{ id: number; username: string }>`SELECT id, username FROM app_user`.execute(db);
  const villages = areas.rows.filter((a) => a.level === 'village').map((a) => a.code);
  const pools: Pools = {
    residentIds: await ids('resident'),
    householdIds: await ids('household'),
    enrolmentIds: await ids('program_enrolment'),
    serviceIds: await ids('service_record'),
    userIds: users.rows.map((u) => Number(u.id)),
    disposableUserIds: [],
    // A sample of villages (all of a small county's are many): the first, the last and some between.
    villageCodes: villages.filter((_, i) => i % Math.max(1, Math.floor(villages.length / 20)) === 0),
    townshipCodes: areas.rows.filter((a) => a.level === 'township').map((a) => a.code),
    serviceTypes: forms.rows.map((f) => f.type),
    programs: ['hypertension', 'diabetes', 'maternal', 'elderly', 'child', 'immunization'],
    forms: Object.fromEntries(forms.rows.map((f) => [f.type, [f.form]])),
    names: residents.rows.map((r) => r.name),
    idNumbers: residents.rows
      .map((r) => fields.openOrNull('resident.id_number', r.id_number_enc))
      .filter((x): x is string => !!x),
    phones: residents.rows
      .map((r) => fields.openOrNull('resident.phone', r.phone_enc))
      .filter((x): x is string => !!x),
    usernames: users.rows.map((u) => u.username),
  };
  for (const [k, v] of Object.entries(extra) as [keyof Pools, never][]) {
    const cur = pools[k];
    if (Array.isArray(cur) && Array.isArray(v))
      (pools[k] as unknown[]) = [...new Set([...(v as unknown[]), ...cur])];
    else if (v !== undefined) pools[k] = v;
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------------------
// Values

const pick = <T>(xs: readonly T[], fallback: T): fc.Arbitrary<T> =>
  xs.length ? fc.constantFrom(...xs) : fc.constant(fallback);

/** Strings no form expects: huge, odd unicode (NUL-free: NUL is refused at the edge, tested elsewhere). */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\n',
    'a'.repeat(201),
    '张'.repeat(5_000),
    'x'.repeat(100_000),
    '👨‍👩‍👧‍👦🏳️‍🌈',
    '\u202eevil\u202c',
    '\u200b\u200d\ufeff',
    'e\u0301\u0301\u0301',
    '\ud800',
    '\udfff\ud800',
    '\u0001\u001f\u007f',
    "'; DROP TABLE resident; --",
    '%00',
    '%',
    '\\',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '１２３４５６',
    '٣٤٥',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '9'.repeat(400),
    '0x10',
    ' 1',
    'true',
    'null',
    '[]',
    '{}',
    '2024-02-30',
    '9999-99-99',
    '0000-00-00',
    '-2024-01-01',
    '__proto__',
    'constructor',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replaceAll('\u0000', '')),
);

const oddNumber: fc.Arbitrary<number> = fc.constantFrom(
  0,
  -1,
  1,
  1.5,
  -0.0001,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53 - 1,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  5e-324,
);

/** Any JSON value of the wrong kind, nested a little. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  oddNumber,
  oddString,
  fc.constantFrom([], {}, [1, 'a', null], { a: { b: { c: [] } } }),
  fc.constant(nested(60)),
);

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
}

const dateArb = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-11-25', '2026-01-01', '2024-02-29', '2023-02-29', '2024-04-31', '1899-12-31'),
);

/** Values of the database and of the domain, by the name of the field they go in. */
function hint(name: string, pools: Pools, schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const n = name.toLowerCase();
  if (n === 'villagecode') return pick(pools.villageCodes, '341524100201');
  if (n === 'townshipcode') return pick(pools.townshipCodes, '341524100');
  if (n === 'residentid') return pick(pools.residentIds, 1);
  if (n === 'householdid') return pick(pools.householdIds, 1);
  if (n === 'managingdoctorid' || n === 'doctorid' || n === 'userid') return pick(pools.userIds, 1);
  if (n === 'version') return fc.integer({ min: 1, max: 6 });
  if (n === 'type' && schema.pattern) return pick(pools.serviceTypes, 'encounter');
  if (n === 'program') return pick(pools.programs, 'hypertension');
  if (n === 'form') {
    const all = Object.values(pools.forms).flat();
    return all.length ? fc.constantFrom(...all) : undefined;
  }
  if (n.endsWith('date') || n === 'from' || n === 'to') return dateArb;
  if (n === 'idnumber')
    return fc.oneof(
      pick(pools.idNumbers, '34152419580314001X'),
      dateArb.map((d) => makeIdNumber(d, '1')),
      fc.constantFrom('110101199003076775', '34152419580314001x', '341524580314001'),
    );
  if (n === 'phone') return fc.oneof(pick(pools.phones, '13912345678'), fc.constantFrom('0564-1234567', '1'));
  if (n === 'q' || n === 'name')
    return fc.oneof(
      pick(pools.names, '王'),
      pick(pools.idNumbers, '341524').map((s) => s.slice(-6)),
      pick(pools.phones, '139'),
      fc.constantFrom('zsf', 'wang', '张', '%', '_', '*'),
    );
  if (n === 'username') return pick(pools.usernames, 'cunyi');
  return undefined;
}

/** A value of the schema's shape (the domain's rules may still refuse it). */
export function shaped(
  doc: OpenApiDoc,
  s0: JsonSchema,
  pools: Pools,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(doc, s0);
  const h = name ? hint(name, pools, s) : undefined;
  const own = shapedOwn(doc, s, pools, depth);
  return h ? fc.oneof({ arbitrary: h, weight: 3 }, { arbitrary: own, weight: 1 }) : own;
}

function shapedOwn(doc: OpenApiDoc, s: JsonSchema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => shaped(doc, a, pools, '', depth + 1)));
  if (s.allOf?.length) return shaped(doc, s.allOf[0]!, pools, '', depth + 1);
  const types = [s.type ?? 'any'].flat();
  const type = types.find((t) => t !== 'null') ?? 'null';
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string': {
        if (s.pattern) {
          try {
            return fc.stringMatching(new RegExp(s.pattern, 'u'), { size: 'small' });
          } catch {
            // a pattern fast-check cannot generate from: a plain string below
          }
        }
        return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 30) });
      }
      case 'integer':
      case 'number': {
        const min = typeof s.minimum === 'number' ? s.minimum + (s.exclusiveMinimum === true ? 1 : 0) : -1000;
        const max =
          typeof s.maximum === 'number' ? s.maximum - (s.exclusiveMaximum === true ? 1 : 0) : 100_000;
        const lo = Math.max(min, -1e9);
        const hi = Math.min(max, 1e9);
        const inside =
          type === 'integer'
            ? fc.integer({ min: lo, max: Math.max(lo, hi) })
            : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true });
        return fc.oneof({ arbitrary: inside, weight: 4 }, fc.constantFrom(min, max));
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        if (depth > 6) return fc.constant([]);
        return fc.array(s.items ? shaped(doc, s.items, pools, '', depth + 1) : fc.anything(), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 3, 3),
        });
      case 'object': {
        if (depth > 6) return fc.constant({});
        const props = s.properties ?? {};
        const required = new Set(s.required ?? []);
        const keys = Object.keys(props);
        if (!keys.length)
          return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
        return fc.record(
          Object.fromEntries(keys.map((k) => [k, shaped(doc, props[k]!, pools, k, depth + 1)])),
          { requiredKeys: keys.filter((k) => required.has(k)) },
        );
      }
      case 'null':
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return types.includes('null') || s.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

/** A mutation of an object body: a field dropped, added or given a wrong value. */
function mutated(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fc.constant(value);
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (!keys.length) return fc.record({ extra: wrongValue });
  return fc.oneof(
    fc.constantFrom(...keys).map((k) => {
      const { [k]: _dropped, ...rest } = obj;
      return rest;
    }),
    fc.tuple(fc.constantFrom(...keys), wrongValue).map(([k, v]) => ({ ...obj, [k]: v })),
    fc
      .tuple(fc.constantFrom('extra', '__proto__', 'id', 'countyCode', 'version2'), wrongValue)
      .map(([k, v]) => ({
        ...obj,
        [k]: v,
      })),
    // One level down: a nested object's field.
    fc
      .constantFrom(
        ...keys.filter((k) => obj[k] && typeof obj[k] === 'object' && !Array.isArray(obj[k])),
        keys[0]!,
      )
      .chain((k) => mutated(obj[k]).map((v) => ({ ...obj, [k]: v }))),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Requests

export interface FuzzRequest {
  op: string;
  method: string;
  url: string;
  /** A JSON body, or a raw string sent as is. */
  payload?: unknown;
  raw?: string;
  contentType?: string;
  /** How the request was made (for the figures and for reading a failure). */
  kind: string;
}

/** Valid bodies the schemas alone would not give (deep forms), from the pools, by operation key. */
function seededBodies(op: Operation, pools: Pools): fc.Arbitrary<unknown> | undefined {
  const village = pick(pools.villageCodes, '341524100201');
  switch (op.key) {
    case 'POST /api/residents':
      return fc
        .tuple(village, dateArb, fc.constantFrom('1', '2'))
        .map(([v, birthDate, sex]) => buildResident(v, { birthDate, sex }));
    case 'PUT /api/residents/{id}':
      return fc
        .tuple(village, fc.integer({ min: 1, max: 4 }))
        .map(([v, version]) => ({ ...buildResident(v), version }));
    case 'POST /api/residents/{id}/services':
      return fc.constantFrom(...Object.entries(pools.forms)).chain(([type, forms]) =>
        fc.record({
          type: fc.constant(type),
          serviceDate: fc.constantFrom('2026-11-20', '2026-10-01', '2025-06-01'),
          delivery: fc.constantFrom('clinic', 'home', 'phone'),
          form: fc.constantFrom(...forms),
          sign: fc.boolean(),
        }),
      );
    case 'PUT /api/services/{id}':
      return fc.constantFrom(...Object.values(pools.forms).flat()).chain((form) =>
        fc.record({
          serviceDate: fc.constantFrom('2026-11-20', '2025-06-01'),
          delivery: fc.constantFrom('clinic', 'home'),
          form: fc.constant(form),
          version: fc.integer({ min: 1, max: 4 }),
          reason: fc.constantFrom('更正', ''),
        }),
      );
    default:
      return undefined;
  }
}

/** Real ids for a path parameter, by the path it is in. */
function pathIds(op: Operation, pools: Pools): number[] {
  if (op.path.startsWith('/api/residents/')) return pools.residentIds;
  if (op.path.startsWith('/api/households/')) return pools.householdIds;
  if (op.path.startsWith('/api/enrolments/')) return pools.enrolmentIds;
  if (op.path.startsWith('/api/services/')) return pools.serviceIds;
  if (op.path.startsWith('/api/users/')) return pools.disposableUserIds;
  return [...pools.residentIds, ...pools.serviceIds];
}

const badPathValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    '1e3',
    '0x1',
    '2147483648',
    '9007199254740993',
    '99999999999999999999',
    'abc',
  ),
  fc.constantFrom(' 1', '１', '%F0%9F%98%80', '..', 'null', 'undefined', '%25', '%ZZ', '1;DROP', '1%0A'),
  oddString.map((s) => encodeOdd(s.slice(0, 300))),
);

/** Percent-encodes a string; a lone surrogate becomes the bytes of one (not UTF-8: the server must cope). */
function encodeOdd(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return `%ED%A0%80${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}`;
  }
}

function pathValue(op: Operation, p: OpenApiParameter, doc: OpenApiDoc, pools: Pools): fc.Arbitrary<string> {
  const real = pathIds(op, pools);
  const any = fc.oneof(
    { arbitrary: pick(real, 1).map(String), weight: 6 },
    { arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map(String), weight: 1 },
    { arbitrary: shaped(doc, p.schema ?? {}, pools, p.name).map((v) => encodeOdd(String(v))), weight: 1 },
    { arbitrary: badPathValue, weight: 2 },
  );
  if (!op.path.startsWith('/api/users/')) return any;
  // An account id that the server could read as one (`0x1`, ` 1`) must be a disposable account's.
  const ok = new Set(real);
  return any.filter((v) => {
    let n: number;
    try {
      n = Number(decodeURIComponent(v));
    } catch {
      return true;
    }
    return !Number.isInteger(n) || n <= 0 || n >= 100_000 || ok.has(n);
  });
}

/** A query parameter's value: of its shape, or not. Arrays repeat the parameter. */
function queryValue(p: OpenApiParameter, doc: OpenApiDoc, pools: Pools): fc.Arbitrary<string | string[]> {
  const s = p.schema ?? {};
  const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  return fc.oneof(
    { arbitrary: shaped(doc, s, pools, p.name).map(asText), weight: 6 },
    { arbitrary: oddString, weight: 2 },
    { arbitrary: oddNumber.map(String), weight: 1 },
    {
      arbitrary: fc.array(shaped(doc, s, pools, p.name).map(asText), { minLength: 2, maxLength: 3 }),
      weight: 1,
    },
  );
}

function bodyArb(op: Operation, doc: OpenApiDoc, pools: Pools) {
  const s = op.body!;
  const seeded = seededBodies(op, pools);
  const valid = seeded ? fc.oneof(seeded, shaped(doc, s, pools)) : shaped(doc, s, pools);
  type Body = { payload?: unknown; raw?: string; contentType?: string; kind: string };
  const choices: fc.WeightedArbitrary<Body>[] = [
    { arbitrary: valid.map((payload) => ({ payload, kind: 'body:shaped' })), weight: 5 },
    { arbitrary: valid.chain(mutated).map((payload) => ({ payload, kind: 'body:mutated' })), weight: 5 },
    { arbitrary: wrongValue.map((payload) => ({ payload, kind: 'body:wrong-root' })), weight: 1 },
    {
      arbitrary: fc
        .constantFrom(
          '{',
          '{"a":',
          '[1,]',
          'null',
          '"x"',
          '{"__proto__":{"x":1}}',
          '\ufeff{}',
          'x'.repeat(2_000_000),
        )
        .map((raw) => ({ raw, contentType: 'application/json', kind: 'body:malformed' })),
      weight: 1,
    },
    {
      arbitrary: valid.map((v) => ({
        raw: JSON.stringify(v) ?? '',
        contentType: 'text/plain',
        kind: 'body:wrong-content-type',
      })),
      weight: 1,
    },
  ];
  if (!op.bodyRequired) choices.push({ arbitrary: fc.constant({ kind: 'body:none' }), weight: 1 });
  return fc.oneof(...choices);
}

/** The requests of one operation. */
export function requestArb(op: Operation, doc: OpenApiDoc, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const pathArb = fc.tuple(...op.pathParams.map((p) => pathValue(op, p, doc, pools)));
  const queryArb = fc.tuple(
    fc.record(Object.fromEntries(op.queryParams.map((p) => [p.name, queryValue(p, doc, pools)])), {
      requiredKeys: [],
    }),
    // Sometimes a parameter the route does not know, or a required one missing (the record left it out).
    fc.option(fc.tuple(fc.constantFrom('extra', 'page[]', 'q.x', '__proto__'), oddString), { freq: 4 }),
    // Mostly keep the required ones.
    fc.integer({ min: 0, max: 9 }),
  );
  const body = op.body
    ? bodyArb(op, doc, pools)
    : fc.constant({ kind: 'nobody' } as {
        kind: string;
        payload?: unknown;
        raw?: string;
        contentType?: string;
      });
  return fc.tuple(pathArb, queryArb, body).map(([pathValues, [query, extra, keepRequired], b]) => {
    let url = op.path;
    op.pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, pathValues[i]!);
    });
    const qs = new URLSearchParams();
    for (const p of op.queryParams) {
      let v = (query as Record<string, string | string[] | undefined>)[p.name];
      if (v === undefined && p.required && keepRequired > 0) v = 'hypertension';
      for (const x of [v ?? []].flat()) qs.append(p.name, x);
    }
    if (extra) qs.append(extra[0], extra[1]);
    const q = qs.toString();
    const kinds = [b.kind];
    if (extra) kinds.push('query:extra');
    return {
      op: op.key,
      method: op.method,
      url: q ? `${url}?${q}` : url,
      ...(b.payload !== undefined ? { payload: b.payload } : {}),
      ...(b.raw !== undefined ? { raw: b.raw, contentType: b.contentType } : {}),
      kind: kinds.join(','),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The state a refusal must leave as it was

const STATE_TABLES = [
  'resident',
  'resident_version',
  'household',
  'household_version',
  'program_enrolment',
  'program_enrolment_version',
  'service_record',
  'service_record_version',
  'outbox',
] as const;
/** Tables whose rows are digested too (their rows change only by a write of a request). */
const DIGEST_TABLES = ['resident', 'household', 'program_enrolment', 'service_record'] as const;

/** Row counts, highest versions and a digest of the rows of the resident-data tables. */
export async function dataState(db: Kysely<DB>): Promise<Record<string, string | number>> {
  const parts = [
    ...STATE_TABLES.map((t) => sql`SELECT ${t}::text AS k, count(*)::text AS v FROM ${sql.table(t)}`),
    ...DIGEST_TABLES.map(
      (t) =>
        sql`SELECT ${`${t}.version`}::text AS k, coalesce(max(version), 0)::text AS v FROM ${sql.table(t)}`,
    ),
    ...DIGEST_TABLES.map(
      (t) =>
        sql`SELECT ${`${t}.digest`}::text AS k, md5(coalesce(string_agg(x::text, ',' ORDER BY x.id), '')) AS v
          FROM ${sql.table(t)} x`,
    ),
  ];
  const { rows } = await sql<{ k: string; v: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.k, r.v]));
}

/** Seals the pending audit rows and verifies the whole chain: the problems found (none when it holds). */
export async function auditChainProblems(db: Kysely<DB>, key: Buffer): Promise<string[]> {
  await sealAuditLog(db, key);
  const v = await verifyChain(db, key);
  return v.ok ? [] : v.problems.map((p) => `${p.problem} at ${p.chainPos ?? '?'} (row ${p.id ?? '?'})`);
}

function stateDiff(a: Record<string, string | number>, b: Record<string, string | number>): string[] {
  return Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${a[k]} → ${b[k]}`);
}

// ---------------------------------------------------------------------------------------------------------
// Running

export interface Actor {
  /** The demo user name (the figures are per actor). */
  name: string;
  token: string;
}

export interface FuzzOptions {
  app: FastifyInstance;
  db: Kysely<DB>;
  auditKey: Buffer;
  doc: OpenApiDoc;
  pools: Pools;
  actor: Actor;
  /** Signs in again as the actor: a throwaway token for the operations that end their own session. */
  freshToken: () => Promise<string>;
  numRuns: number;
  seed?: number;
  /** Operations not to fuzz (by key). */
  skip?: readonly string[];
  /** `throw`: stop at the first violation and shrink it (tests); `collect`: go on and count (npm run fuzz). */
  mode: 'throw' | 'collect';
  /** Requests between two checks of the audit chain (and of the state after accepted reads). */
  checkEvery?: number;
}

/**
 * Operations that end or change the session or account they are sent with (sign-out, password, the own
 * second factor): sent with a throwaway token of the same user, signed in for that one request.
 */
export const SESSION_ENDING = ['POST /api/auth/logout', 'POST /api/auth/password'];
export const endsSession = (op: string): boolean =>
  SESSION_ENDING.includes(op) || (op.startsWith('POST /api/account/') && op !== 'POST /api/account/logins');
/** Sign-in operations: sent from another client address, so that their failures lock nobody out here. */
export const isSignIn = (op: string): boolean =>
  op.startsWith('POST /api/auth/') && !SESSION_ENDING.includes(op);

export interface Violation {
  request: FuzzRequest;
  status: number;
  problem: string;
}

export interface FuzzStats {
  actor: string;
  requests: number;
  byStatus: Record<string, number>;
  byOperation: Record<string, Record<string, number>>;
  accepted: number;
  refused: number;
  serverErrors: number;
  violations: Violation[];
  stateChecks: number;
  chainChecks: number;
  ms: number;
}

/** Checks one answer's status and error shape; returns the problem, or null. */
export function answerProblem(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `status ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 400) {
    let body: unknown;
    try {
      body = res.json();
    } catch {
      return `error body is not JSON: ${res.body.slice(0, 200)}`;
    }
    const b = body as Record<string, unknown> | null;
    for (const f of ['code', 'message', 'requestId'])
      if (typeof b?.[f] !== 'string' || !(b[f] as string).length)
        return `error body without ${f}: ${res.body.slice(0, 200)}`;
  }
  return null;
}

export const describeRequest = (r: FuzzRequest): string => {
  const body = r.raw !== undefined ? r.raw : JSON.stringify(r.payload);
  return `${r.method} ${r.url.slice(0, 300)} [${r.kind}]${body !== undefined ? ` ${String(body).slice(0, 400)}` : ''}`;
};

/** Fuzzes every operation of the document as one actor. */
export async function fuzzAs(o: FuzzOptions): Promise<FuzzStats> {
  const started = Date.now();
  const ops = operationsOf(o.doc).filter((op) => !(o.skip ?? []).includes(op.key));
  const arb = fc.oneof(...ops.map((op) => requestArb(op, o.doc, o.pools)));
  const stats: FuzzStats = {
    actor: o.actor.name,
    requests: 0,
    byStatus: {},
    byOperation: {},
    accepted: 0,
    refused: 0,
    serverErrors: 0,
    violations: [],
    stateChecks: 0,
    chainChecks: 0,
    ms: 0,
  };
  const checkEvery = o.checkEvery ?? 100;
  let state = await dataState(o.db);
  let sinceCheck = 0;
  const fail = (v: Violation) => {
    stats.violations.push(v);
    if (o.mode === 'throw') throw new Error(`${v.problem}\n  request: ${describeRequest(v.request)}`);
  };
  /** The state checks after a stretch of requests with no accepted write, and the chain. */
  const checkpoint = async (last: FuzzRequest, status: number) => {
    const now = await dataState(o.db);
    stats.stateChecks += 1;
    const diff = stateDiff(state, now);
    state = now;
    if (diff.length)
      fail({
        request: last,
        status,
        problem: `refused or read-only requests changed the data: ${diff.join('; ')}`,
      });
    const chain = await auditChainProblems(o.db, o.auditKey);
    stats.chainChecks += 1;
    if (chain.length)
      fail({ request: last, status, problem: `the audit chain broke: ${chain.slice(0, 5).join('; ')}` });
  };

  const send = async (r: FuzzRequest): Promise<LightMyRequestResponse> => {
    const token = endsSession(r.op) ? await o.freshToken() : o.actor.token;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (r.contentType) headers['content-type'] = r.contentType;
    const opts: InjectOptions = {
      method: r.method as InjectOptions['method'],
      url: r.url,
      headers,
      ...(isSignIn(r.op) ? { remoteAddress: '203.0.113.9' } : {}),
      ...(r.raw !== undefined
        ? { payload: r.raw }
        : r.payload !== undefined
          ? { payload: r.payload as object }
          : {}),
    };
    return o.app.inject(opts);
  };

  const property = fc.asyncProperty(arb, async (r) => {
    const res = await send(r);
    stats.requests += 1;
    const s = String(res.statusCode);
    stats.byStatus[s] = (stats.byStatus[s] ?? 0) + 1;
    const perOp = (stats.byOperation[r.op] ??= {});
    perOp[s] = (perOp[s] ?? 0) + 1;
    if (res.statusCode >= 500) stats.serverErrors += 1;
    const problem = answerProblem(res);
    if (problem) fail({ request: r, status: res.statusCode, problem });
    const accepted = res.statusCode < 400;
    if (accepted) stats.accepted += 1;
    else stats.refused += 1;
    const write = r.method !== 'GET' && !isSignIn(r.op) && !endsSession(r.op);
    if (write && accepted) {
      // An accepted write may change anything: the state is taken again.
      state = await dataState(o.db);
    } else if (write) {
      // A refused write is checked at once: the state before it is the one after the last check.
      const now = await dataState(o.db);
      stats.stateChecks += 1;
      const diff = stateDiff(state, now);
      state = now;
      if (diff.length)
        fail({
          request: r,
          status: res.statusCode,
          problem: `a refused write changed the data: ${diff.join('; ')}`,
        });
    }
    sinceCheck += 1;
    if (sinceCheck >= checkEvery) {
      sinceCheck = 0;
      await checkpoint(r, res.statusCode);
    }
  });
  await fc.assert(property, {
    numRuns: o.numRuns,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    // A stateful system: shrinking sends more requests; a few tries are enough to find a smaller one.
    endOnFailure: o.mode === 'collect',
  });
  await checkpoint({ op: 'end', method: 'GET', url: '(end of run)', kind: 'end' }, 0);
  stats.ms = Date.now() - started;
  return stats;
}
