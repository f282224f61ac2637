/** HTTP wiring of the registers: enrol, change status, correct an entry. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ProgramRegistry } from '@jkda/domain';
import { responses } from '../../platform/api-schema.ts';
import { ctxOf } from '../../platform/app.ts';
import {
  enrolmentSchema,
  enrolmentStatusSchema,
  enrolmentUpdateSchema,
  enrolSchema,
} from './enrolments.schema.ts';
import type { EnrolmentsService } from './enrolments.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() }).strict();
const tags = ['registers'];

export function enrolmentRoutes(
  app: FastifyInstance,
  enrolments: EnrolmentsService,
  registry: ProgramRegistry,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/residents/:id/enrolments',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Enrol a resident in a register a doctor enrols in (the program registry lists them)',
        params: idParams,
        body: enrolSchema(registry),
        response: responses({ 201: enrolmentSchema }),
      },
    },
    async (req, reply) => reply.code(201).send(await enrolments.enrol(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/enrolments/:id/status',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Change a register entry status (managed, lost, moved, deceased, ended)',
        params: idParams,
        body: enrolmentStatusSchema,
        response: responses({ 200: enrolmentSchema }),
      },
    },
    async (req) => enrolments.setStatus(ctxOf(req), req.params.id, req.body),
  );
  r.put(
    '/api/enrolments/:id',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Correct a register entry: diagnosis date and source, managing doctor',
        params: idParams,
        body: enrolmentUpdateSchema,
        response: responses({ 200: enrolmentSchema }),
      },
    },
    async (req) => enrolments.update(ctxOf(req), req.params.id, req.body),
  );
}
