/**
 * The HTTP application: Fastify with zod schemas (validation and the OpenAPI document), cookie and
 * bearer authentication (routes are private unless marked public), the permission table, the one
 * error shape, rate limiting and body limits.
 */
import crypto from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchema,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { errorMessage, fieldMessage, FIELD_MESSAGES, type Lang } from '@jkda/domain/messages';
import { programMessage } from '@jkda/domain';
import type { ProgramRegistry } from '@jkda/domain';
import type { Config } from './config.ts';
import type { ServerKeys } from './secrets.ts';
import type { FieldCrypto } from './field-crypto.ts';
import type { AuditMac } from '../modules/audit/audit.mac.ts';
import type { AuditWitness } from '../modules/audit/audit.witness.ts';
import type { Jobs } from './jobs.ts';
import type { Database } from './db.ts';
import { AppError, issueCode, type FieldError } from './errors.ts';
import { withoutUnusedSchemas } from './api-schema.ts';
import { can, type Action } from '../modules/auth/permissions.ts';
import type { Ctx } from '../modules/auth/actor.ts';
import { AuthService, type SessionInfo } from '../modules/auth/auth.service.ts';
import { AuditWriter } from '../modules/audit/audit.writer.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no signed-in user. */
    public?: boolean;
    /** The action of the permission table that the route needs. */
    permission?: Action;
  }
  interface FastifyRequest {
    session: SessionInfo | null;
  }
}

export const SESSION_COOKIE = 'jkda_session';
export const CSRF_COOKIE = 'jkda_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface Services {
  config: Config;
  database: Database;
  auth: AuthService;
  audit: AuditWriter;
  /** The keys from the key folder (platform/secrets.ts). */
  keys: ServerKeys;
  /** Signs every audit row as it is written (modules/audit/audit.mac.ts). */
  auditMac: AuditMac;
  /** Checks that the audit rows this process committed are still there until sealed. */
  auditWitness: AuditWitness;
  /** The service programs (the release's registry; tests may add programs). */
  programs: ProgramRegistry;
  /** Background jobs (pg-boss), queued after commits. */
  jobs: Jobs;
  /** Seals and opens ID numbers and phones, and makes their blind indexes (platform/field-crypto.ts). */
  fields: FieldCrypto;
}

export type App = FastifyInstance;

export function langOf(req: FastifyRequest): Lang {
  const al = req.headers['accept-language'];
  return typeof al === 'string' && /^\s*en\b/i.test(al) ? 'en' : 'zh';
}

/** The request's context for services; only for authenticated routes. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.session) throw new AppError(401, 'unauthenticated');
  return { actor: req.session.actor, requestId: req.id, ip: req.ip };
}

/** Words for a field error code: the form vocabulary first, then the program rules' codes. */
function detailMessage(code: string, lang: Lang): string {
  if (code in FIELD_MESSAGES) return fieldMessage(code, lang);
  const words = programMessage(code, lang);
  return words !== code ? words : fieldMessage(code, lang);
}

function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  const lang = langOf(req);
  return reply.code(err.status).send({
    code: err.code,
    message: errorMessage(err.code, lang),
    details: err.details.map((d) => ({
      field: d.field,
      code: d.code,
      message: d.message ?? detailMessage(d.code, lang),
    })),
    requestId: req.id,
    ...err.extra,
  });
}

/**
 * Fastify's own two lines a request ("incoming request", "request completed", both at info: most of the
 * log) give way to the one line of the onResponse hook, at the level its outcome deserves (responseLogLevel);
 * Fastify's other lines (a response that failed while being sent, a serializer error) stay.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(
    error: Error | null | undefined,
    _req: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) reply.log.error({ err: error }, 'request errored');
  }
}

/** What helmet and the API hook would have added to an answer that none of the hooks saw. */
const FRAMEWORK_ERROR_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

interface ZodIssueLike {
  keyword?: string;
  message?: string;
  instancePath?: string;
  params?: { keys?: string[] };
}

/** Zod issues (as fastify-type-provider-zod reports them) → field errors with our stable codes. */
function fieldErrorsFrom(validation: readonly ZodIssueLike[], context: string | undefined): FieldError[] {
  return validation.map((v) => {
    const path = (v.instancePath ?? '').split('/').filter(Boolean).join('.');
    const code = issueCode(v.keyword, v.message);
    const prefix = context && context !== 'body' ? `${context}.` : '';
    const field = prefix + path;
    if (v.keyword === 'unrecognized_keys' && v.params?.keys?.length)
      return { field: field ? `${field}.${v.params.keys.join(',')}` : v.params.keys.join(','), code };
    return { field, code };
  });
}

export interface RouteContract {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

const contracts = new WeakMap<FastifyInstance, RouteContract[]>();

/** Every route of the app with the schema it was declared with (for contract tests and the OpenAPI tools). */
export function routeContracts(app: FastifyInstance): readonly RouteContract[] {
  return contracts.get(app) ?? [];
}

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // A database error's detail and query parameters can quote the values of a row (an ID number).
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'err.detail',
        'err.parameters',
        'err.query',
      ],
      serializers: { req: logRequest },
    },
    logController: new OneLinePerRequest(),
    genReqId: () => crypto.randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: process.env.JKDA_TRUST_PROXY === 'true',
    // The router's own refusals (a malformed percent-escape, an over-long path parameter) come before every
    // hook and the error handler: answered in the one error shape, with the headers of an API refusal.
    frameworkErrors: (err, req, reply) => {
      void reply.headers(FRAMEWORK_ERROR_HEADERS);
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      void sendError(req, reply, new AppError(status, 'bad_request'));
    },
  });
  const routes: RouteContract[] = [];
  contracts.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url, schema: r.schema });
  });
  app.addHook('onResponse', (req, reply, done) => {
    const ms = reply.elapsedTime;
    const level = responseLogLevel(reply.statusCode, ms);
    // The request logger is bound to the request id (reqId) already. Nothing is built for a line not written
    // (the ordinary request at the default level).
    const log = req.log as typeof req.log & { isLevelEnabled?: (l: string) => boolean };
    if (log.isLevelEnabled?.(level) !== false) log[level](responseLine(req, reply.statusCode, ms), 'request');
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API (OpenAPI); responses are built field by field from typed rows, so
  // they are serialized without re-validating them on every request (that cost 5x on the record read).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('session', null);

  await app.register(cookie);
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      errorResponseBuilder: () => new AppError(429, 'rate_limited'),
    });
  }
  await app.register(swagger, {
    openapi: {
      info: { title: 'jkda API', description: '县域居民健康档案平台 API', version: '0.1.0' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    // Named schemas (api-schema.ts `named`) become components; the unused input/output twins are dropped.
    transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
  });

  // Security headers on every answer, the refusals of the hook below included: registered before it.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only when the request came over TLS (below): over plain HTTP the header means nothing.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    // Personal data is never kept by a browser or a proxy.
    if (isApiRoute(req)) void reply.header('cache-control', 'no-store');
    if (req.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done();
  });

  app.addHook('onRequest', async (req) => {
    const reply = req.routeOptions.config;
    // Deny by default on the route the router matched (it decodes the path: /%61pi/areas is /api/areas).
    if (!isApiRoute(req)) return;
    const bearer = bearerOf(req);
    const token = bearer ?? req.cookies[SESSION_COOKIE];
    req.session = token ? await services.auth.session(token) : null;
    // A session is used the way it was opened: an API token sent as the cookie would write without CSRF.
    if (req.session && (req.session.kind === 'bearer') !== (bearer !== undefined)) req.session = null;
    if (reply.public) return;
    if (!req.session) throw new AppError(401, token ? 'session_expired' : 'unauthenticated');
    if (req.session.kind === 'cookie' && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !req.session.csrfToken || !safeEqual(sent, req.session.csrfToken))
        throw new AppError(403, 'csrf_failed');
    }
    if (reply.permission && !can(req.session.actor.role, reply.permission)) {
      // A refused attempt is a security event: who tried which route.
      await services.audit.record(ctxOf(req), [
        {
          action: 'auth.forbidden',
          outcome: 'denied',
          detail: { method: req.method, route: req.routeOptions.url, permission: reply.permission },
        },
      ]);
      throw new AppError(403, 'forbidden');
    }
  });

  // A NUL character cannot be stored in PostgreSQL text or jsonb: refuse it at the edge, on its field, for
  // every route (the database would otherwise answer with an error the route did not expect).
  app.addHook('preValidation', (req, _reply, done) => {
    const found = [nulPath(req.query, 'query'), nulPath(req.params, 'params'), nulPath(req.body, '')].find(
      (p) => p !== null,
    );
    if (found !== undefined && found !== null)
      return done(new AppError(400, 'validation_failed', [{ field: found, code: 'invalid_character' }]));
    done();
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendError(
        req,
        reply,
        new AppError(400, 'validation_failed', fieldErrorsFrom(err.validation, err.validationContext)),
      );
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(req, reply, new AppError(413, 'payload_too_large'));
    if (e.statusCode === 429) return sendError(req, reply, new AppError(429, 'rate_limited'));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return sendError(req, reply, new AppError(e.statusCode === 415 ? 415 : 400, 'bad_request'));
    if (e.code === '40001' || e.code === '40P01') return sendError(req, reply, new AppError(409, 'conflict'));
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, new AppError(500, 'internal'));
  });
  // The web app (web/dist), when built: static files, and index.html for the app's own routes.
  const webRoot = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
  const hasWeb = fs.existsSync(`${webRoot}index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !isApiPath(req.url)) return reply.sendFile('index.html');
    return sendError(req, reply, new AppError(404, 'route_not_found'));
  });

  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, (_req, reply) =>
      reply.send(app.swagger()),
    );
  return app;
}

/**
 * A request as the log shows it: method, the route's pattern (`/api/residents/:id`) and the record ids of its
 * path, never the query string (a search for an ID number, a name or a phone) nor an unmatched path.
 */
export function logRequest(req: {
  method: string;
  url: string;
  id?: string;
  routeOptions?: { url?: string | undefined };
  params?: unknown;
}): { method: string; route: string; ids?: Record<string, string>; reqId?: string } {
  const route = req.routeOptions?.url ?? '(no route)';
  const ids: Record<string, string> = {};
  if (req.params && typeof req.params === 'object')
    for (const [k, v] of Object.entries(req.params as Record<string, unknown>))
      // Only numeric ids: a path parameter is never logged as text.
      if (typeof v === 'string' && /^\d{1,12}$/.test(v)) ids[k] = v;
  return {
    method: req.method,
    route,
    ...(Object.keys(ids).length ? { ids } : {}),
    ...(req.id ? { reqId: req.id } : {}),
  };
}

/** Requests taking at least this long are logged at warn, whatever their status. */
export const SLOW_REQUEST_MS = 1000;

/**
 * The level of a request's one log line: a server error at error, a slow answer at warn, a refusal (4xx: a
 * session ended, a permission missing, a form refused) at info, and every other answer at debug.
 */
export function responseLogLevel(status: number, ms: number): 'error' | 'warn' | 'info' | 'debug' {
  if (status >= 500) return 'error';
  if (ms >= SLOW_REQUEST_MS) return 'warn';
  if (status >= 400) return 'info';
  return 'debug';
}

/**
 * A request's one log line: what logRequest shows (method, route pattern, numeric record ids; never the
 * raw URL, its query string or a name), the status and the time in whole milliseconds. The request id
 * comes from the request logger's binding (reqId), so it is not repeated here.
 */
export function responseLine(
  req: Parameters<typeof logRequest>[0],
  status: number,
  ms: number,
): { method: string; route: string; ids?: Record<string, string>; status: number; ms: number } {
  const { reqId: _bound, ...line } = logRequest(req);
  return { ...line, status, ms: Math.round(ms) };
}

/** The path (`form.name`, `query.q`) of the first string holding a NUL character, or null. */
function nulPath(value: unknown, at: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at || 'body' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.includes('\u0000')) return at || 'body';
    const found = nulPath(v, at ? `${at}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Whether a path is under /api/, read as the router reads it (percent-decoded). */
function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: judge the raw path (the router answers 400 or 404 for it).
  }
  return decoded.startsWith('/api/') || decoded === '/api';
}

/** Whether the request is for the API: by the route the router matched, or by its decoded path. */
function isApiRoute(req: FastifyRequest): boolean {
  // Either says so: the matched route (the web app's catch-all matches unknown /api paths too) or the path.
  return req.routeOptions.url?.startsWith('/api/') === true || isApiPath(req.url);
}

function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
