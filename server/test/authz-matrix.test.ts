/**
 * The authorization matrix, generated from the OpenAPI document: every operation × every role × an object
 * outside the actor's jurisdiction (a resident with a household, register entry and service records, in
 * another village, another township or another county: server/test/fuzz/fixtures.ts) answers 403 or 404
 * and carries none of that object's personal data (name, ID number, phone); lists filtered to it answer
 * without it; nothing of it changes; and without a session every non-public route answers 401.
 *
 * A new route fails the first test until CASES below says how to aim it at an object out of scope.
 */
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { countyToday } from '../src/platform/today.ts';
import { describeEachDb, type Client } from './harness.ts';
import { buildResident } from './builders.ts';
import { buildPlaces, OUTSIDER, type Place, type PlaceName, type Places } from './fuzz/fixtures.ts';
import { auditChainProblems, dataState, operationsOf, type OpenApiDoc } from './fuzz/openapi-fuzz.ts';

interface Req {
  method?: string;
  url: string;
  payload?: unknown;
}

/**
 * How an operation is aimed at an object out of the actor's jurisdiction:
 * - object: the requests name the object (path id, or a body id): 403 or 404;
 * - create: the requests make something in the object's village: 403 or 404, or 400 `not_in_jurisdiction`;
 * - filter: a list narrowed to the object's place or to its personal data: 403 or 404, or an answer
 *   without it;
 * - none: the route takes no object (it answers about the actor's own jurisdiction or session): checked for
 *   no personal data of an object out of scope;
 * - session: it ends or changes the actor's own session (sign-out, password): only anonymous access is
 *   checked here (auth.test.ts has the rest);
 * - public: no session needed (sign-in, health).
 */
interface Aimed {
  kind: 'object' | 'create' | 'filter';
  requests: (t: Place, own: Place) => Req[];
}
interface NoObject {
  kind: 'none';
  requests: () => Req[];
}
type Case = Aimed | NoObject | { kind: 'session' | 'public'; why: string };

const today = countyToday();
const note = { subjective: '越权', objective: '越权', assessment: '越权', plan: '越权' };
const envelope = { type: 'encounter', serviceDate: today, delivery: 'clinic', form: note };
const consult = {
  reason: '越权',
  opinion: '越权',
  consultants: [{ doctor: '越权', institution: '越权' }],
  responsibleDoctor: '越权',
};
const visit = {
  serviceDate: today,
  delivery: 'clinic',
  records: [
    { type: 'encounter', form: note },
    { type: 'consultation', form: consult },
  ],
};

const CASES: Record<string, Case> = {
  'GET /api/areas': { kind: 'none', requests: () => [{ url: '/api/areas' }] },
  'GET /api/institutions': { kind: 'none', requests: () => [{ url: '/api/institutions' }] },
  'GET /api/doctors': { kind: 'none', requests: () => [{ url: '/api/doctors' }] },
  'GET /api/teams': { kind: 'none', requests: () => [{ url: '/api/teams' }] },
  'GET /api/auth/me': { kind: 'none', requests: () => [{ url: '/api/auth/me' }] },
  'POST /api/auth/logout': { kind: 'session', why: 'ends the own session' },
  'POST /api/auth/password': { kind: 'session', why: 'changes the own password' },
  'POST /api/auth/login': { kind: 'public', why: 'sign-in' },
  'POST /api/auth/token': { kind: 'public', why: 'sign-in for API clients' },
  'GET /api/health': { kind: 'public', why: 'health check' },
  'GET /api/auth/sign-in-info': { kind: 'public', why: 'what the sign-in page needs to know' },
  'POST /api/auth/login/second-factor': { kind: 'public', why: 'second step of the sign-in (a challenge)' },
  'POST /api/auth/token/second-factor': { kind: 'public', why: 'second step of the token sign-in' },
  'POST /api/auth/second-factor/enrol': { kind: 'public', why: 'enrolment during the sign-in (a challenge)' },
  'GET /api/account/second-factor': { kind: 'none', requests: () => [{ url: '/api/account/second-factor' }] },
  'GET /api/account/logins': { kind: 'none', requests: () => [{ url: '/api/account/logins' }] },
  // The actor's own drafts only (services.test.ts checks whose are listed).
  'GET /api/services/drafts': { kind: 'none', requests: () => [{ url: '/api/services/drafts' }] },
  'POST /api/account/second-factor/enrol': {
    kind: 'session',
    why: "changes the own account's second factor",
  },
  'POST /api/account/second-factor/confirm': {
    kind: 'session',
    why: "changes the own account's second factor",
  },
  'POST /api/account/second-factor/disable': {
    kind: 'session',
    why: "changes the own account's second factor",
  },
  // Accounts: the object is a staff account of the place's clinic.
  'GET /api/users': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/users?q=${encodeURIComponent(t.userDisplayName)}` },
      { url: `/api/users?q=${t.userPhone}` },
      { url: '/api/users?pageSize=100' },
    ],
  },
  'POST /api/users': {
    kind: 'create',
    requests: (t) => [
      {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: `x-${crypto.randomUUID().slice(0, 8)}`,
          displayName: '越权建',
          role: 'village_doctor',
          institutionCode: t.villageCode,
        },
      },
    ],
  },
  'POST /api/users/import': {
    kind: 'create',
    requests: (t) => [
      {
        method: 'POST',
        url: '/api/users/import',
        payload: {
          fileName: 'staff.csv',
          content: Buffer.from(
            `username,displayName,role,institutionCode\nx2-${t.place},越权导,village_doctor,${t.villageCode}\n`,
          ).toString('base64'),
          dryRun: false,
        },
      },
    ],
  },
  'GET /api/users/{id}': { kind: 'object', requests: (t) => [{ url: `/api/users/${t.userId}` }] },
  'GET /api/users/{id}/logins': {
    kind: 'object',
    requests: (t) => [{ url: `/api/users/${t.userId}/logins` }],
  },
  ...Object.fromEntries(
    ['reset-password', 'disable', 'enable', 'unlock', 'reset-second-factor'].map((action) => [
      `POST /api/users/{id}/${action}`,
      {
        kind: 'object',
        requests: (t: Place) => [{ method: 'POST', url: `/api/users/${t.userId}/${action}` }],
      } satisfies Case,
    ]),
  ),
  'GET /api/audit': {
    kind: 'filter',
    requests: (t) => [{ url: `/api/audit?residentId=${t.residentId}&pageSize=200` }],
  },
  'GET /api/residents': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/residents?villageCode=${t.villageCode}` },
      { url: `/api/residents?townshipCode=${t.townshipCode}` },
      { url: `/api/residents?householdId=${t.householdId}` },
      { url: `/api/residents?q=${encodeURIComponent(t.name)}` },
      { url: `/api/residents?q=${t.idNumber}` },
      { url: `/api/residents?q=${t.idNumber.slice(-6)}` },
      { url: `/api/residents?q=${t.phone}` },
    ],
  },
  // Whether another place's resident has a record: refused, or the holding institution only (registry.test.ts).
  'POST /api/residents/id-check': {
    kind: 'filter',
    requests: (t) => [
      { method: 'POST', url: '/api/residents/id-check', payload: { idType: '01', idNumber: t.idNumber } },
    ],
  },
  // The count of another place's residents: refused, or 0 (resident-count.test.ts checks the numbers).
  'GET /api/residents/count': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/residents/count?villageCode=${t.villageCode}` },
      { url: `/api/residents/count?q=${encodeURIComponent(t.name)}` },
    ],
  },
  'GET /api/residents/export.xlsx': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/residents/export.xlsx?villageCode=${t.villageCode}` },
      { url: `/api/residents/export.xlsx?q=${encodeURIComponent(t.name)}` },
      { url: `/api/residents/export.xlsx?householdId=${t.householdId}` },
    ],
  },
  'GET /api/worklists/chronic': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/worklists/chronic?program=hypertension&villageCode=${t.villageCode}` },
      { url: `/api/worklists/chronic?program=hypertension&townshipCode=${t.townshipCode}` },
      { url: `/api/worklists/chronic?program=hypertension&name=${encodeURIComponent(t.name)}` },
    ],
  },
  'GET /api/worklists/chronic/export.xlsx': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/worklists/chronic/export.xlsx?program=hypertension&villageCode=${t.villageCode}` },
      { url: `/api/worklists/chronic/export.xlsx?program=hypertension&townshipCode=${t.townshipCode}` },
    ],
  },
  'GET /api/worklists/summary': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/worklists/summary?villageCode=${t.villageCode}` },
      { url: `/api/worklists/summary?townshipCode=${t.townshipCode}` },
    ],
  },
  'POST /api/residents': {
    kind: 'create',
    requests: (t) => [{ method: 'POST', url: '/api/residents', payload: buildResident(t.villageCode) }],
  },
  'POST /api/households': {
    kind: 'create',
    requests: (t) => [
      { method: 'POST', url: '/api/households', payload: { villageCode: t.villageCode, address: '越权' } },
    ],
  },
  'GET /api/residents/{id}': { kind: 'object', requests: (t) => [{ url: `/api/residents/${t.residentId}` }] },
  'PUT /api/residents/{id}': {
    kind: 'object',
    // The body names a village of the actor's own: what refuses it must be the resident's place.
    requests: (t, own) => [
      {
        method: 'PUT',
        url: `/api/residents/${t.residentId}`,
        payload: { ...buildResident(own.villageCode, { name: '越权改' }), version: t.residentVersion },
      },
    ],
  },
  'POST /api/residents/{id}/archive': {
    kind: 'object',
    requests: (t) => [
      {
        method: 'POST',
        url: `/api/residents/${t.residentId}/archive`,
        payload: { reason: 'moved_out', date: today, version: t.residentVersion },
      },
    ],
  },
  'POST /api/residents/{id}/restore': {
    kind: 'object',
    requests: (t) => [
      {
        method: 'POST',
        url: `/api/residents/${t.residentId}/restore`,
        payload: { version: t.residentVersion },
      },
    ],
  },
  'GET /api/residents/{id}/history': {
    kind: 'object',
    requests: (t) => [{ url: `/api/residents/${t.residentId}/history` }],
  },
  'GET /api/residents/{id}/audit': {
    kind: 'object',
    requests: (t) => [{ url: `/api/residents/${t.residentId}/audit` }],
  },
  'POST /api/residents/{id}/enrolments': {
    kind: 'object',
    requests: (t) => [
      {
        method: 'POST',
        url: `/api/residents/${t.residentId}/enrolments`,
        payload: { program: 'diabetes', diagnosisDate: '2021-01-01' },
      },
    ],
  },
  'GET /api/residents/{id}/services': {
    kind: 'object',
    requests: (t) => [{ url: `/api/residents/${t.residentId}/services` }],
  },
  'POST /api/residents/{id}/services': {
    kind: 'object',
    requests: (t) => [{ method: 'POST', url: `/api/residents/${t.residentId}/services`, payload: envelope }],
  },
  'POST /api/residents/{id}/visits': {
    kind: 'object',
    requests: (t) => [{ method: 'POST', url: `/api/residents/${t.residentId}/visits`, payload: visit }],
  },
  'GET /api/households': {
    kind: 'filter',
    requests: (t) => [
      { url: `/api/households?villageCode=${t.villageCode}` },
      { url: `/api/households?townshipCode=${t.townshipCode}` },
      { url: `/api/households?q=${t.householdId}` },
      { url: `/api/households?q=${encodeURIComponent(t.name)}` },
    ],
  },
  'GET /api/households/{id}': {
    kind: 'object',
    requests: (t) => [{ url: `/api/households/${t.householdId}` }],
  },
  'POST /api/households/{id}/members': {
    kind: 'object',
    requests: (t) => [
      {
        method: 'POST',
        url: `/api/households/${t.householdId}/members`,
        payload: { residentId: t.residentId, relationToHead: '10', version: t.residentVersion },
      },
    ],
  },
  'PUT /api/enrolments/{id}': {
    kind: 'object',
    requests: (t) => [
      {
        method: 'PUT',
        url: `/api/enrolments/${t.enrolmentId}`,
        payload: { diagnosisSource: '越权', version: t.enrolmentVersion },
      },
    ],
  },
  'PUT /api/enrolments/{id}/status': {
    kind: 'object',
    requests: (t) => [
      {
        method: 'PUT',
        url: `/api/enrolments/${t.enrolmentId}/status`,
        payload: { status: 'lost', date: today, version: t.enrolmentVersion },
      },
    ],
  },
  'GET /api/services/{id}': {
    kind: 'object',
    requests: (t) => [{ url: `/api/services/${t.serviceId}` }, { url: `/api/services/${t.draftServiceId}` }],
  },
  'PUT /api/services/{id}': {
    kind: 'object',
    requests: (t) => [
      {
        method: 'PUT',
        url: `/api/services/${t.serviceId}`,
        payload: { ...envelope, type: undefined, version: t.serviceVersion, reason: '越权' },
      },
    ],
  },
  'POST /api/services/{id}/sign': {
    kind: 'object',
    requests: (t) => [
      { method: 'POST', url: `/api/services/${t.draftServiceId}/sign`, payload: { version: 1 } },
    ],
  },
};

/** Each role's demo user, the place it works in (or one it may read), and the places outside its jurisdiction. */
const HOME: Record<string, PlaceName> = {
  cunyi: 'villageA',
  cunyi2: 'villageB',
  xiangzhen: 'villageA',
  xzadmin: 'villageA',
  county: 'villageA',
  city: 'villageA',
  sysadmin: 'villageA',
  [OUTSIDER]: 'otherCounty',
};
const OUTSIDE: Record<string, PlaceName[]> = {
  cunyi: ['villageB', 'otherTownship', 'otherCounty'],
  cunyi2: ['villageA', 'otherTownship', 'otherCounty'],
  xiangzhen: ['otherTownship', 'otherCounty'],
  xzadmin: ['otherTownship', 'otherCounty'],
  county: ['otherCounty'],
  city: ['otherCounty'],
  sysadmin: ['villageA', 'otherTownship', 'otherCounty'],
  [OUTSIDER]: ['villageA', 'otherTownship'],
};
/** On the account routes the system administrator's jurisdiction is its county's accounts. */
const OUTSIDE_ACCOUNTS: Record<string, PlaceName[]> = { ...OUTSIDE, sysadmin: ['otherCounty'] };
const isAccountRoute = (path: string) => path.startsWith('/api/users');

/**
 * Findings reported and not fixed yet (docs/security.md): the matrix expects them, so that it stays green for
 * everything else and fails when one is fixed (then take it out of this list).
 */
const OPEN_FINDINGS: { match: RegExp; why: string }[] = [];

/** The text of an answer, an Excel workbook's cells included. */
async function answerText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (!type.includes('spreadsheetml')) return res.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text ?? '')))),
  );
  return cells.join('\n');
}

/** The personal data of the place's resident (and, on the account routes, of its staff account) in a text. */
function leaks(text: string, t: Place, accounts = false): string[] {
  const found: string[] = [];
  if (accounts && text.includes(t.userDisplayName)) found.push("staff account's name");
  if (accounts && text.includes(t.userPhone)) found.push("staff account's phone");
  if (text.includes(t.name)) found.push('name');
  if (text.includes(t.idNumber)) found.push('ID number');
  if (text.includes(t.phone)) found.push('phone');
  return found;
}

const send = (c: Client, r: Req) =>
  c.request({
    method: (r.method ?? 'GET') as 'GET',
    url: r.url,
    ...(r.payload !== undefined ? { payload: r.payload as object } : {}),
  });

describeEachDb('authorization matrix (from the OpenAPI document)', (env) => {
  let doc: OpenApiDoc;
  let places: Places;
  let clients: Record<string, Client>;
  beforeAll(async () => {
    const e = env();
    doc = e.app.swagger() as unknown as OpenApiDoc;
    places = await buildPlaces(e);
    const names = Object.keys(OUTSIDE);
    clients = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await e.as(n)] as const)));
  });

  it('every operation has an out-of-scope case (and every case an operation)', () => {
    const keys = operationsOf(doc).map((o) => o.key);
    const missing = keys.filter((k) => !(k in CASES));
    expect(
      missing,
      `No authorization-matrix case for ${missing.join(', ')}: add one to CASES in server/test/authz-matrix.test.ts ` +
        '(the requests that aim the operation at a resident, household, register entry or service record of ' +
        "another village, township or county; or 'none', 'session' or 'public' with the reason).",
    ).toEqual([]);
    expect(
      Object.keys(CASES).filter((k) => !keys.includes(k)),
      'cases of operations that are gone',
    ).toEqual([]);
  });

  it('every role × operation × object out of its jurisdiction: 403 or 404, or a list without it; no personal data', async () => {
    const e = env();
    const before = await dataState(e.database.db);
    const problems: string[] = [];
    let sent = 0;
    for (const op of operationsOf(doc)) {
      const found = CASES[op.key];
      if (!found || found.kind === 'session' || found.kind === 'public') continue;
      const c = found as Aimed | NoObject;
      const accounts = isAccountRoute(op.path);
      for (const [user, outside] of Object.entries(accounts ? OUTSIDE_ACCOUNTS : OUTSIDE)) {
        const targets = outside.map((p) => places[p]);
        const tries: [Place[], Req][] =
          c.kind === 'none'
            ? c.requests().map((r) => [targets, r])
            : targets.flatMap((t) => c.requests(t, places[HOME[user]!]).map((r): [Place[], Req] => [[t], r]));
        for (const [ts, r] of tries) {
          const res = await send(clients[user]!, r);
          sent += 1;
          const where = `${user} ${r.method ?? 'GET'} ${r.url} (${ts.map((t) => t.place).join(', ')})`;
          const s = res.statusCode;
          const code = s >= 400 ? (res.json() as { code?: string; details?: { code: string }[] }) : null;
          const refused = s === 403 || s === 404;
          const ok =
            c.kind === 'object'
              ? refused
              : c.kind === 'create'
                ? refused ||
                  // A staff list import answers with its report: nothing written.
                  (s === 200 && (res.json() as { written?: boolean }).written === false) ||
                  (s === 400 &&
                    (code?.details ?? []).some((d) =>
                      ['not_in_jurisdiction', 'institution_not_found'].includes(d.code),
                    ))
                : refused || s < 300;
          if (!ok) problems.push(`${where}: answered ${s} ${res.body.slice(0, 200)}`);
          const text = await answerText(res);
          for (const t of ts) {
            const leaked = leaks(text, t, accounts);
            if (leaked.length)
              problems.push(`${where}: the answer has the ${leaked.join(', ')} of ${t.place}'s resident`);
          }
        }
      }
    }
    const open = problems.filter((p) => OPEN_FINDINGS.some((f) => f.match.test(p)));
    expect(problems.filter((p) => !open.includes(p))).toEqual([]);
    for (const f of OPEN_FINDINGS)
      expect(
        open.some((p) => f.match.test(p)),
        `open finding fixed? ${f.why}: take it out of OPEN_FINDINGS`,
      ).toBe(true);
    expect(sent).toBeGreaterThan(300);
    // The refusals changed nothing, and the audit chain still verifies.
    expect(await dataState(e.database.db)).toEqual(before);
    expect(await auditChainProblems(e.database.db, e.services.keys.audit)).toEqual([]);
  });

  it('the cases reach their objects: the owner of each place reads them', async () => {
    // A case that missed (a wrong id or parameter) would pass above for the wrong reason.
    const problems: string[] = [];
    // A reader with every read permission whose jurisdiction holds the place.
    const owners = {
      villageA: 'xzadmin',
      villageB: 'xzadmin',
      otherTownship: 'county',
      otherCounty: OUTSIDER,
    } as const;
    const accountOwners = {
      villageA: 'county',
      villageB: 'county',
      otherTownship: 'county',
      otherCounty: OUTSIDER,
    } as const;
    for (const op of operationsOf(doc)) {
      const c = CASES[op.key];
      if (!c || (c.kind !== 'object' && c.kind !== 'filter') || op.method !== 'GET') continue;
      const who = isAccountRoute(op.path) ? accountOwners : owners;
      for (const [place, owner] of Object.entries(who) as [PlaceName, string][]) {
        for (const r of c.requests(places[place], places[place])) {
          const res = await send(clients[owner]!, r);
          if (res.statusCode !== 200)
            problems.push(`${owner} ${r.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // And the owner finds its resident by the same filters the others were refused.
    const res = await send(clients.cunyi!, {
      url: `/api/residents?q=${encodeURIComponent(places.villageA.name)}`,
    });
    expect(res.body).toContain(places.villageA.name);
  });

  it('without a session every non-public route answers 401', async () => {
    const e = env();
    const problems: string[] = [];
    for (const op of operationsOf(doc)) {
      const c = CASES[op.key];
      if (c?.kind === 'public') continue;
      const r: Req =
        !c || c.kind === 'session'
          ? { method: op.method, url: op.path.replaceAll(/\{\w+\}/g, '1'), payload: op.body ? {} : undefined }
          : c.kind === 'none'
            ? c.requests()[0]!
            : (c as Aimed).requests(places.villageA, places.villageA)[0]!;
      const res = await e.app.inject({
        method: (r.method ?? op.method) as 'GET',
        url: r.url,
        ...(r.payload !== undefined ? { payload: r.payload as object } : {}),
      });
      const body = res.json() as { code?: string; requestId?: string };
      if (res.statusCode !== 401 || !body.requestId)
        problems.push(`${op.key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      const leaked = leaks(res.body, places.villageA);
      if (leaked.length) problems.push(`${op.key}: anonymous answer has ${leaked.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
