/** Administrators query the audit log by resident, user and time. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { ctxOf } from '../../platform/app.ts';
import { notFound } from '../../platform/errors.ts';
import { responses } from '../../platform/api-schema.ts';
import type { Actor } from '../auth/actor.ts';
import { repos } from '../../platform/repos.ts';
import type { AuditWriter } from './audit.writer.ts';
import { auditPage, auditQuery, type AuditPage, type AuditQuery } from './audit.schema.ts';

export async function queryAudit(db: Kysely<DB>, actor: Actor, q: AuditQuery): Promise<AuditPage> {
  let query = repos(db, actor).auditLog();
  // The resident's own rows, and the reads of lists that showed them (detail.residentIds). For a resident the
  // actor may see, every such row: a list read names no resident in its own column, so the actor's scope
  // of the log (rows about residents of their area, for a township) would leave out the lists that showed
  // this resident; for one the actor may not see, nothing.
  if (q.residentId) {
    const id = q.residentId;
    const visible = await repos(db, actor)
      .residents()
      .select('r.id')
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!visible) return { items: [], hasMore: false, page: q.page, pageSize: q.pageSize };
    query = db
      .selectFrom('audit_log as a')
      .where((w) =>
        w.or([
          w('a.resident_id', '=', id),
          sql<boolean>`(a.detail -> 'residentIds') @> ${JSON.stringify([id])}::jsonb`,
        ]),
      );
  }
  if (q.userId) query = query.where('a.actor_user_id', '=', q.userId);
  if (q.username) query = query.where('a.actor_username', '=', q.username);
  if (q.action) query = query.where('a.action', '=', q.action);
  if (q.outcome) query = query.where('a.outcome', '=', q.outcome);
  if (q.from) query = query.where('a.at', '>=', new Date(q.from));
  if (q.to) query = query.where('a.at', '<', new Date(q.to));
  const rows = await query
    .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .selectAll('a')
    .select('u.display_name')
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(q.pageSize + 1)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.slice(0, q.pageSize).map((a) => ({
      id: a.id,
      at: a.at.toISOString(),
      actor: {
        id: a.actor_user_id,
        username: a.actor_username,
        displayName: a.display_name,
        role: a.actor_role,
      },
      ip: a.ip,
      requestId: a.request_id,
      action: a.action,
      entityType: a.entity_type,
      entityId: a.entity_id,
      residentId: a.resident_id,
      fields: a.fields,
      outcome: a.outcome,
    })),
    hasMore: rows.length > q.pageSize,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export function auditRoutes(app: FastifyInstance, db: Kysely<DB>, audit: AuditWriter): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const response = responses({ 200: auditPage });
  r.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Query the audit log by resident, user, action and time',
        querystring: auditQuery,
        response,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const res = await queryAudit(db, ctx.actor, req.query);
      await audit.record(ctx, [{ action: 'audit.query', detail: { ...req.query } }]);
      return res;
    },
  );
  r.get(
    '/api/residents/:id/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Who viewed or changed this record',
        params: z.object({ id: z.coerce.number().int().positive() }).strict(),
        querystring: auditQuery.pick({ page: true, pageSize: true }),
        response,
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const visible = await repos(db, ctx.actor)
        .residents()
        .select('r.id')
        .where('r.id', '=', req.params.id)
        .executeTakeFirst();
      if (!visible) throw notFound();
      const res = await queryAudit(db, ctx.actor, { ...req.query, residentId: req.params.id });
      await audit.record(ctx, [
        { action: 'audit.query', residentId: req.params.id, detail: { residentId: req.params.id } },
      ]);
      return res;
    },
  );
}
