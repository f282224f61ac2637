/** Account management routes (permission user.manage: the system and county administrators). */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fieldMessage } from '@jkda/domain/messages';
import { ctxOf, langOf } from '../../platform/app.ts';
import { responses } from '../../platform/api-schema.ts';
import { loginHistoryView } from '../auth/account.schema.ts';
import {
  createdUser,
  importBody,
  importReport,
  newUserBody,
  temporaryPasswordView,
  userIdParams,
  userList,
  userListQuery,
  userView,
} from './users.schema.ts';
import { readStaffFile } from './users.import.ts';
import type { UsersService } from './users.service.ts';

export function userRoutes(app: FastifyInstance, users: UsersService, db: Kysely<DB>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'user.manage' as const };
  const tags = ['users'];

  r.get(
    '/api/users',
    {
      config,
      schema: {
        tags,
        summary: 'Accounts I manage: search by user name or name, filter by role, institution, state',
        querystring: userListQuery,
        response: responses({ 200: userList }),
      },
    },
    (req) => users.list(ctxOf(req), req.query),
  );

  r.post(
    '/api/users',
    {
      config,
      schema: {
        tags,
        summary: 'Create an account with a temporary password (to be changed at the first sign-in)',
        body: newUserBody,
        response: responses({ 201: createdUser }),
      },
    },
    async (req, reply) => reply.code(201).send(await users.create(ctxOf(req), req.body)),
  );

  r.post(
    '/api/users/import',
    {
      config,
      schema: {
        tags,
        summary: 'Create accounts from a staff list (CSV or xlsx): a report per row; all rows or none',
        body: importBody,
        response: responses({ 200: importReport }),
      },
    },
    async (req) => {
      const rows = await readStaffFile(db, req.body.fileName, req.body.content);
      const report = await users.importRows(ctxOf(req), rows, req.body.dryRun);
      const lang = langOf(req);
      return {
        ...report,
        rows: report.rows.map((row) => ({
          ...row,
          errors: row.errors.map((e) => ({ ...e, message: fieldMessage(e.code, lang) })),
        })),
      };
    },
  );

  r.get(
    '/api/users/:id',
    {
      config,
      schema: { tags, summary: 'One account', params: userIdParams, response: responses({ 200: userView }) },
    },
    (req) => users.get(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/users/:id/reset-password',
    {
      config,
      schema: {
        tags,
        summary: 'Give the account a temporary password; its sessions end and it must change it',
        params: userIdParams,
        response: responses({ 200: temporaryPasswordView }),
      },
    },
    async (req) => ({ temporaryPassword: await users.resetPassword(ctxOf(req), req.params.id) }),
  );

  for (const [path, active, summary] of [
    ['disable', false, 'Disable the account (its sessions end)'],
    ['enable', true, 'Enable the account again'],
  ] as const)
    r.post(
      `/api/users/:id/${path}`,
      {
        config,
        schema: { tags, summary, params: userIdParams, response: responses({ 200: userView }) },
      },
      (req) => users.setActive(ctxOf(req), req.params.id, active),
    );

  r.post(
    '/api/users/:id/unlock',
    {
      config,
      schema: {
        tags,
        summary: 'Clear the lock and failed sign-in counts of the account at every address',
        params: userIdParams,
        response: responses({ 200: userView }),
      },
    },
    (req) => users.unlock(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/users/:id/reset-second-factor',
    {
      config,
      schema: {
        tags,
        summary: 'Remove the account’s authenticator and recovery codes (a lost phone); its sessions end',
        params: userIdParams,
        response: responses({ 200: userView }),
      },
    },
    (req) => users.resetSecondFactor(ctxOf(req), req.params.id),
  );

  r.get(
    '/api/users/:id/logins',
    {
      config,
      schema: {
        tags,
        summary: 'The account’s sign-ins (newest first, last 100)',
        params: userIdParams,
        response: responses({ 200: loginHistoryView }),
      },
    },
    async (req) => ({ items: await users.logins(ctxOf(req), req.params.id) }),
  );
}
