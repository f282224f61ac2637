/** Sign-in and session routes. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CSRF_COOKIE, SESSION_COOKIE, ctxOf, type Services } from '../../platform/app.ts';
import { abilitiesOf, ROLE_LABELS } from './permissions.ts';
import type { SessionInfo } from './auth.service.ts';

const credentials = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) })
  .strict();

const meSchema = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    roleLabel: z.object({ zh: z.string(), en: z.string() }),
    institutionId: z.number(),
    institutionName: z.string(),
    countyCode: z.string(),
    jurisdiction: z.object({
      counties: z.array(z.string()),
      townships: z.array(z.string()),
      villages: z.array(z.string()),
    }),
  }),
  abilities: z.record(z.string(), z.boolean()),
  csrfToken: z.string().nullable(),
  expiresAt: z.string(),
});

function meOf(s: SessionInfo): z.infer<typeof meSchema> {
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
  };
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
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      const { token, info } = await s.auth.login(req.body.username, req.body.password, 'cookie', {
        requestId: req.id,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      const common = {
        path: '/',
        sameSite: 'strict' as const,
        secure: s.config.cookieSecure,
        expires: info.expiresAt,
      };
      void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
      void reply.setCookie(CSRF_COOKIE, info.csrfToken ?? '', { ...common, httpOnly: false });
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
        response: {
          200: z.object({ token: z.string(), tokenType: z.literal('Bearer'), expiresAt: z.string() }),
        },
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
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } } },
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
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, jurisdiction and abilities',
        response: { 200: meSchema },
      },
    },
    (req) => Promise.resolve(meOf(req.session!)),
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: z
          .object({ oldPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) })
          .strict(),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await s.auth.changePassword(
        req.session!.actor.userId,
        req.body.oldPassword,
        req.body.newPassword,
        ctxOf(req),
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
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      await s.database.pool.query('SELECT 1');
      return { status: 'ok' as const, database: s.database.kind };
    },
  );
}
