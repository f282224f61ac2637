/**
 * The second sign-in step (cookie and token), the sign-in page's facts, and the user's own account: two
 * factors (status, enrol by QR code, confirm, turn off) and login history. Also the guard that keeps an
 * account with a temporary password to changing it.
 */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Services } from '../../platform/app.ts';
import { responses } from '../../platform/api-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { meOf, setSessionCookies } from './auth.routes.ts';
import {
  challengeBody,
  codeBody,
  enrolment,
  loginHistoryView,
  passwordBody,
  recoveryCodesView,
  secondFactorBody,
  secondFactorStatus,
  signedIn,
  signInInfo,
  tokenSignedIn,
} from './account.schema.ts';
import { loginHistory } from './login-events.ts';
import { TWO_FACTOR_ROLES } from './twofactor.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route stays open to an account that must first change its temporary password. */
    duringPasswordChange?: boolean;
  }
}

export function accountRoutes(app: FastifyInstance, s: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signInLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
  const signInCtx = (req: { id: string; ip: string; headers: { 'user-agent'?: string | undefined } }) => ({
    requestId: req.id,
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });

  // A temporary password (an administrator's reset) opens only the routes that change it.
  app.addHook('preHandler', (req, _reply, done) => {
    const config = req.routeOptions.config;
    if (!req.session?.mustChangePassword || config.public || config.duringPasswordChange) return done();
    done(new AppError(403, 'password_change_required'));
  });

  r.get(
    '/api/auth/sign-in-info',
    {
      config: { public: true },
      schema: {
        tags: ['account'],
        summary:
          'What the sign-in page tells: the demo county, who needs two factors, a training environment',
        response: responses({ 200: signInInfo }),
      },
    },
    async () => {
      const counties = await s.database.db
        .selectFrom('deployment_county')
        .select(['is_demo', 'is_training'])
        .execute();
      return {
        demo: counties.some((c) => c.is_demo),
        twoFactorRoles: [...TWO_FACTOR_ROLES],
        training: counties.some((c) => c.is_training),
      };
    },
  );

  r.post(
    '/api/auth/second-factor/enrol',
    {
      config: { public: true, ...signInLimit },
      schema: {
        tags: ['account'],
        summary: 'Set up the authenticator inside a pending sign-in (the QR code to scan)',
        body: challengeBody,
        response: responses({ 200: enrolment }),
      },
    },
    (req) => s.auth.secondFactor.enrolInChallenge(req.body.challenge, signInCtx(req)),
  );

  r.post(
    '/api/auth/login/second-factor',
    {
      config: { public: true, ...signInLimit },
      schema: {
        tags: ['account'],
        summary: 'Finish a web sign-in with the authenticator code or a recovery code (sets the cookie)',
        body: secondFactorBody,
        response: responses({ 200: signedIn }),
      },
    },
    async (req, reply) => {
      const { session, recoveryCodes } = await s.auth.secondFactor.complete(
        req.body.challenge,
        req.body,
        'cookie',
        signInCtx(req),
      );
      setSessionCookies(s, req, reply, session.token, session.info);
      return { ...meOf(session.info), ...(recoveryCodes ? { recoveryCodes } : {}) };
    },
  );

  r.post(
    '/api/auth/token/second-factor',
    {
      config: { public: true, ...signInLimit },
      schema: {
        tags: ['account'],
        summary: 'Finish an API sign-in with the authenticator code or a recovery code',
        body: secondFactorBody,
        response: responses({ 200: tokenSignedIn }),
      },
    },
    async (req) => {
      const { session, recoveryCodes } = await s.auth.secondFactor.complete(
        req.body.challenge,
        req.body,
        'bearer',
        signInCtx(req),
      );
      return {
        token: session.token,
        tokenType: 'Bearer' as const,
        expiresAt: session.info.expiresAt.toISOString(),
        ...(recoveryCodes ? { recoveryCodes } : {}),
      };
    },
  );

  r.get(
    '/api/account/second-factor',
    {
      schema: {
        tags: ['account'],
        summary: 'My two-step verification: on or off, required for my role, recovery codes left',
        response: responses({ 200: secondFactorStatus }),
      },
    },
    (req) => s.auth.secondFactor.status(ctxOf(req).actor),
  );

  r.post(
    '/api/account/second-factor/enrol',
    {
      schema: {
        tags: ['account'],
        summary: 'Start setting up (or replacing) my authenticator: the QR code to scan',
        response: responses({ 200: enrolment }),
      },
    },
    (req) => s.auth.secondFactor.beginEnrol(ctxOf(req).actor),
  );

  r.post(
    '/api/account/second-factor/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Confirm the new authenticator with one of its codes; answers ten recovery codes',
        body: codeBody,
        response: responses({ 200: recoveryCodesView }),
      },
    },
    async (req) => ({ recoveryCodes: await s.auth.secondFactor.confirmEnrol(ctxOf(req), req.body.code) }),
  );

  r.post(
    '/api/account/second-factor/disable',
    {
      schema: {
        tags: ['account'],
        summary: 'Turn my two-step verification off (not for roles that require it)',
        body: passwordBody,
        response: responses({ 204: z.null() }),
      },
    },
    async (req, reply) => {
      await s.auth.secondFactor.disable(ctxOf(req), req.body.password);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/account/logins',
    {
      config: { duringPasswordChange: true },
      schema: {
        tags: ['account'],
        summary: 'My sign-ins: time, address, kind of client, outcome (newest first, last 100)',
        response: responses({ 200: loginHistoryView }),
      },
    },
    async (req) => ({ items: await loginHistory(s.database.db, ctxOf(req).actor.userId) }),
  );
}
