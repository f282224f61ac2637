/** Sign-in and session routes. */
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CSRF_COOKIE, SESSION_COOKIE, ctxOf, type Services } from '../../platform/app.ts';
import { responses } from '../../platform/api-schema.ts';
import { abilitiesOf, ROLE_LABELS } from './permissions.ts';
import type { SessionInfo } from './auth.service.ts';
import { credentials, healthSchema, meSchema, passwordChange, tokenSchema, type Me } from './auth.schema.ts';
import { countyTimeZone } from '../../platform/today.ts';

export function meOf(s: SessionInfo): Me {
  const a = s.actor;
  const [zh, en] = ROLE_LABELS[a.role];
  return {
    user: {
      id: a.userId,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      roleLabel: { zh, en },
      institutionId: a.institutionId,
      institutionName: a.institutionName,
      countyCode: a.countyCode,
      jurisdiction: a.jurisdiction,
    },
    abilities: abilitiesOf(a.role),
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
    timeZone: countyTimeZone(),
    mustChangePassword: s.mustChangePassword,
  };
}

/** Sets the session cookie (httpOnly) and the CSRF cookie of a web sign-in. */
export function setSessionCookies(
  s: Services,
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  info: SessionInfo,
): void {
  const common = {
    path: '/',
    sameSite: 'strict' as const,
    // Secure whenever the sign-in came over TLS (directly or through a proxy that says so), and always
    // with JKDA_COOKIE_SECURE; a clinic LAN on plain HTTP (npm start) needs it off to sign in at all.
    secure: s.config.cookieSecure || req.protocol === 'https',
    expires: info.expiresAt,
  };
  void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, info.csrfToken ?? '', { ...common, httpOnly: false });
}

export function authRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loginLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

  r.post(
    '/api/auth/login',
    {
      config: { public: true, ...loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in to the web app (sets the session cookie)',
        body: credentials,
        response: responses({ 200: meSchema }),
      },
    },
    async (req, reply) => {
      const { token, info } = await s.auth.login(req.body.username, req.body.password, 'cookie', {
        requestId: req.id,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookies(s, req, reply, token, info);
      return meOf(info);
    },
  );

  r.post(
    '/api/auth/token',
    {
      config: { public: true, ...loginLimit },
      schema: {
        tags: ['auth'],
        summary: 'Get a bearer token for an API client',
        body: credentials,
        response: responses({ 200: tokenSchema }),
      },
    },
    async (req) => {
      const { token, info } = await s.auth.login(req.body.username, req.body.password, 'bearer', {
        requestId: req.id,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      return { token, tokenType: 'Bearer' as const, expiresAt: info.expiresAt.toISOString() };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { duringPasswordChange: true },
      schema: { tags: ['auth'], summary: 'End the current session', response: responses({ 204: z.null() }) },
    },
    async (req, reply) => {
      const h = req.headers.authorization;
      const token = h?.replace(/^Bearer\s+/i, '') ?? req.cookies[SESSION_COOKIE];
      if (token) await s.auth.logout(token, ctxOf(req));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, jurisdiction and abilities',
        response: responses({ 200: meSchema }),
      },
    },
    (req) => Promise.resolve(meOf(req.session!)),
  );

  r.post(
    '/api/auth/password',
    {
      config: { duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: passwordChange,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      await s.auth.changePassword(
        req.session!.actor.userId,
        req.body.oldPassword,
        req.body.newPassword,
        ctxOf(req),
        req.session!.sessionId,
      );
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        response: responses({ 200: healthSchema }),
      },
    },
    async () => {
      await s.database.pool.query('SELECT 1');
      return { status: 'ok' as const, database: s.database.kind };
    },
  );
}
