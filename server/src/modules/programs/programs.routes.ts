/** HTTP wiring of the chronic disease programs: enrolment, follow-up records, worklists. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { serviceRecordAmendSchema, serviceRecordCreateSchema } from '@jkda/domain';
import { ctxOf, langOf } from '../../platform/app.ts';
import {
  enrolSchema,
  enrolmentStatusSchema,
  enrolmentUpdateSchema,
  WORKLIST_CATEGORIES,
  WORKLIST_PROGRAMS,
  type ProgramsService,
} from './programs.service.ts';

const worklistQuery = z
  .object({
    program: z.enum(WORKLIST_PROGRAMS),
    villageCode: z
      .string()
      .regex(/^\d{12}$/, { message: 'village_code_format' })
      .optional(),
    townshipCode: z
      .string()
      .regex(/^\d{9}$/, { message: 'township_code_format' })
      .optional(),
    doctorId: z.coerce.number().int().positive().optional(),
    category: z.enum(WORKLIST_CATEGORIES).optional(),
    limit: z.coerce.number().int().min(1).max(2000).default(500),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
const idParams = z.object({ id: z.coerce.number().int().positive() }).strict();
const tags = ['programs'];

export function programsRoutes(app: FastifyInstance, programs: ProgramsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/residents/:id/enrolments',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Enrol a resident in the hypertension or diabetes program',
        params: idParams,
        body: enrolSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await programs.enrol(ctxOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/enrolments/:id/status',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Change a program enrolment status (managed, lost, moved, deceased, ended)',
        params: idParams,
        body: enrolmentStatusSchema,
      },
    },
    async (req) => programs.setStatus(ctxOf(req), req.params.id, req.body),
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
      },
    },
    async (req) => programs.updateEnrolment(ctxOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/residents/:id/services',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'Program status and every service record of a resident, newest first',
        params: idParams,
      },
    },
    async (req) => programs.listForResident(ctxOf(req), req.params.id),
  );
  r.post(
    '/api/residents/:id/services',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Record a service (follow-up): draft, or signed with sign=true',
        params: idParams,
        body: serviceRecordCreateSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await programs.record(ctxOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/services/:id',
    {
      config: { permission: 'resident.read' },
      schema: { tags, summary: 'One service record (audited)', params: idParams },
    },
    async (req) => programs.get(ctxOf(req), req.params.id),
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
      },
    },
    async (req) => programs.amend(ctxOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/services/:id/sign',
    {
      config: { permission: 'service.write' },
      schema: {
        tags,
        summary: 'Sign a draft service record',
        params: idParams,
        body: z.object({ version: z.number().int().positive() }).strict(),
      },
    },
    async (req) => programs.sign(ctxOf(req), req.params.id, req.body.version),
  );
  r.get(
    '/api/worklists/chronic',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary:
          'Who is due, for a doctor, village or township: managed patients of a register with their due date, ' +
          'days overdue, face-to-face visits this year and last health check; counts by category',
        querystring: worklistQuery,
      },
    },
    async (req) => programs.worklist(ctxOf(req), req.query),
  );
  r.get(
    '/api/worklists/chronic/export.xlsx',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'The worklist as an Excel sheet for a day of home visits (audited)',
        querystring: worklistQuery.omit({ limit: true, offset: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const file = await programs.worklistExport(ctxOf(req), { ...req.query, limit: 0, offset: 0 }, lang);
      const name = `${lang === 'zh' ? '随访名单' : 'worklist'}-${req.query.program}-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="worklist.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(file);
    },
  );
}
