/**
 * The committed API contract files (web/src/api/openapi.json, schema.ts) are what the routes generate,
 * and the drift check (`npm run check:api`) notices a route schema changed without `npm run gen:api`.
 */
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, contractDrift, readContracts, renderContracts } from '../scripts/openapi.ts';
import { tokenSchema } from '../src/modules/auth/auth.schema.ts';

afterEach(() => {
  z.globalRegistry.remove(tokenSchema);
});

it('the committed contract files match the routes', async () => {
  const generated = await renderContracts(await buildOpenApiDocument());
  expect(contractDrift(readContracts(), generated), 'run `npm run gen:api`').toEqual([]);
});

it('a route schema changed without regenerating is drift in both files', async () => {
  const before = await renderContracts(await buildOpenApiDocument());
  // The answer of POST /api/auth/token becomes a named component: a change of the route's declared schema.
  z.globalRegistry.add(tokenSchema, { id: 'Token' });
  const after = await renderContracts(await buildOpenApiDocument());
  expect(after['web/src/api/openapi.json']).toContain('#/components/schemas/Token');
  expect(contractDrift(before, after)).toEqual(['web/src/api/openapi.json', 'web/src/api/schema.ts']);
  expect(contractDrift(after, after)).toEqual([]);
});
