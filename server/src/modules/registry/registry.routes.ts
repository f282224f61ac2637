/** HTTP wiring of the resident registry. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { residentArchiveSchema, residentCreateSchema, residentUpdateSchema } from '@jkda/domain';
import { ctxOf, langOf } from '../../platform/app.ts';
import { binaryFile, responses } from '../../platform/api-schema.ts';
import {
  historyEntry,
  idCheck,
  idCheckBody,
  residentIdParams,
  residentCount,
  residentList,
  residentListQuery,
  residentView,
} from './registry.schema.ts';
import type { RegistryService } from './registry.service.ts';
import { countyToday } from '../../platform/today.ts';

const tags = ['residents'];

export function registryRoutes(app: FastifyInstance, registry: RegistryService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/residents',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary:
          'Search residents in my jurisdiction (ID number, record number, phone, name, pinyin initials)',
        querystring: residentListQuery,
        response: responses({ 200: residentList }),
      },
    },
    async (req) => {
      const res = await registry.search(ctxOf(req), req.query);
      return { ...res, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  r.get(
    '/api/residents/count',
    {
      // Administrators: those who may take the list out may count it to the end too.
      config: { permission: 'resident.export' },
      schema: {
        tags,
        summary: 'Count every match of the list query past the list cap (administrators)',
        querystring: residentListQuery.omit({ page: true, pageSize: true }),
        response: responses({ 200: residentCount }),
      },
    },
    async (req) => registry.count(ctxOf(req), req.query),
  );

  r.get(
    '/api/residents/export.xlsx',
    {
      config: { permission: 'resident.export' },
      schema: {
        tags,
        summary: 'Export the filtered list to Excel (identifiers masked; audited)',
        querystring: residentListQuery.omit({ page: true, pageSize: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: responses({ 200: binaryFile }),
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const file = await registry.export(ctxOf(req), req.query, lang);
      const name = `${lang === 'zh' ? '居民名单' : 'residents'}-${countyToday()}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="residents.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(file);
    },
  );

  r.post(
    '/api/residents',
    {
      config: { permission: 'resident.create' },
      schema: {
        tags,
        summary: 'Create a health record',
        body: residentCreateSchema,
        response: responses({ 201: residentView }),
      },
    },
    async (req, reply) => reply.code(201).send(await registry.create(ctxOf(req), req.body)),
  );

  r.post(
    '/api/residents/id-check',
    {
      config: { permission: 'resident.create' },
      schema: {
        tags,
        summary:
          'Whether the county has a record with this ID number, before a new one is filled in (audited)',
        body: idCheckBody,
        response: responses({ 200: idCheck }),
      },
    },
    async (req) => registry.checkIdNumber(ctxOf(req), req.body),
  );

  r.get(
    '/api/residents/:id',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'Read one health record (audited)',
        params: residentIdParams,
        response: responses({ 200: residentView }),
      },
    },
    async (req) => registry.get(ctxOf(req), req.params.id),
  );

  r.put(
    '/api/residents/:id',
    {
      config: { permission: 'resident.update' },
      schema: {
        tags,
        summary: 'Update a health record (send the version you edited)',
        params: residentIdParams,
        body: residentUpdateSchema,
        response: responses({ 200: residentView }),
      },
    },
    async (req) => registry.update(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/residents/:id/archive',
    {
      config: { permission: 'resident.archive' },
      schema: {
        tags,
        summary: 'Archive a record with a reason (deceased, moved out, other); nothing is deleted',
        params: residentIdParams,
        body: residentArchiveSchema,
        response: responses({ 200: residentView }),
      },
    },
    async (req) => registry.archive(ctxOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/residents/:id/restore',
    {
      config: { permission: 'resident.archive' },
      schema: {
        tags,
        summary: 'Make an archived record active again',
        params: residentIdParams,
        body: z.object({ version: z.number().int().positive() }).strict(),
        response: responses({ 200: residentView }),
      },
    },
    async (req) => registry.restore(ctxOf(req), req.params.id, req.body.version),
  );

  r.get(
    '/api/residents/:id/history',
    {
      config: { permission: 'resident.read' },
      schema: {
        tags,
        summary: 'Versions of a record: who changed which fields when, old and new values',
        params: residentIdParams,
        response: responses({ 200: z.object({ items: z.array(historyEntry) }) }),
      },
    },
    async (req) => ({ items: await registry.history(ctxOf(req), req.params.id) }),
  );
}
