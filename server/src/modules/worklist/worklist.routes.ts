/** HTTP wiring of the worklist: the list with its counts, and its Excel sheet. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ProgramRegistry } from '@jkda/domain';
import { binaryFile, responses } from '../../platform/api-schema.ts';
import { ctxOf, langOf } from '../../platform/app.ts';
import { countyToday } from '../../platform/today.ts';
import {
  worklistQuerySchema,
  worklistSchema,
  worklistSummaryQuerySchema,
  worklistSummarySchema,
} from './worklist.schema.ts';
import type { WorklistService } from './worklist.service.ts';

const tags = ['worklist'];

export function worklistRoutes(
  app: FastifyInstance,
  worklist: WorklistService,
  registry: ProgramRegistry,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const query = worklistQuerySchema(registry);
  r.get(
    '/api/worklists/chronic',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary:
          'Who is due, for a doctor, village or township: managed patients of a register with their due date, ' +
          'days overdue, face-to-face visits this year and last health check; counts by category',
        querystring: query,
        response: responses({ 200: worklistSchema }),
      },
    },
    async (req) => worklist.worklist(ctxOf(req), req.query),
  );
  r.get(
    '/api/worklists/summary',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary:
          'The workbench: how many are due in each register (total and by category) for a doctor, village or ' +
          'township within the jurisdiction',
        querystring: worklistSummaryQuerySchema(registry),
        response: responses({ 200: worklistSummarySchema }),
      },
    },
    async (req) => worklist.summary(ctxOf(req), req.query),
  );
  r.get(
    '/api/worklists/chronic/export.xlsx',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'The worklist as an Excel sheet for a day of home visits (audited)',
        querystring: query.omit({ limit: true, offset: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: binaryFile }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const file = await worklist.export(ctxOf(req), { ...req.query, limit: 0, offset: 0 }, lang);
      const name = `${lang === 'zh' ? '随访名单' : 'worklist'}-${req.query.program}-${countyToday()}.xlsx`;
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
