/** HTTP wiring of the service records of every type: list, read, record, amend, sign. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { responses } from '../../platform/api-schema.ts';
import { ctxOf } from '../../platform/app.ts';
import {
  draftListQuery,
  draftListSchema,
  serviceListSchema,
  serviceRecordAmendSchema,
  serviceRecordCreateSchema,
  serviceRecordSchema,
  signSchema,
  visitRecordCreateSchema,
  visitRecordsSchema,
} from './services.schema.ts';
import type { ServicesService } from './services.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() }).strict();
const tags = ['services'];

export function serviceRoutes(app: FastifyInstance, services: ServicesService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/residents/:id/services',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'Register entries and every service record of a resident, newest first',
        params: idParams,
        response: responses({ 200: serviceListSchema }),
      },
    },
    async (req) => services.listForResident(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/residents/:id/services',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Record a service of any registry type: draft, or signed with sign=true',
        params: idParams,
        body: serviceRecordCreateSchema,
        response: responses({ 201: serviceRecordSchema }),
      },
    },
    async (req, reply) => reply.code(201).send(await services.record(ctxOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/residents/:id/visits',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary:
          'Record one visit that delivers several services (a combined follow-up): one record of each type, all or none',
        params: idParams,
        body: visitRecordCreateSchema,
        response: responses({ 201: visitRecordsSchema }),
      },
    },
    async (req, reply) =>
      reply.code(201).send({ items: await services.recordVisit(ctxOf(req), req.params.id, req.body) }),
  );
  r.get(
    '/api/services/drafts',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: "The signed-in user's unsigned service records, newest first (audited)",
        querystring: draftListQuery,
        response: responses({ 200: draftListSchema }),
      },
    },
    async (req) => services.drafts(ctxOf(req), req.query.limit),
  );
  r.get(
    '/api/services/:id',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'One service record (audited)',
        params: idParams,
        response: responses({ 200: serviceRecordSchema }),
      },
    },
    async (req) => services.get(ctxOf(req), req.params.id),
  );
  r.put(
    '/api/services/:id',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Amend a service record (a new version; send the version you edited)',
        params: idParams,
        body: serviceRecordAmendSchema,
        response: responses({ 200: serviceRecordSchema }),
      },
    },
    async (req) => services.amend(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/services/:id/sign',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Sign a draft service record',
        params: idParams,
        body: signSchema,
        response: responses({ 200: serviceRecordSchema }),
      },
    },
    async (req) => services.sign(ctxOf(req), req.params.id, req.body.version),
  );
}
