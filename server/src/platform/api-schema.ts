/**
 * What every route's schema shares in the OpenAPI document (and so in the web app's generated types):
 * the one error body, the answers a route lists beside its own, and names for reused shapes.
 *
 * A route declares `response: responses({ 200: someView })`; `someView` is a zod object named with
 * `named('SomeView', …)` when the web app should see it as `components['schemas']['SomeView']`.
 * The serializer does not check answers (see app.ts), so server/test/contracts.test.ts checks real
 * answers against these schemas; after changing one run `npm run gen:api` (`npm run check` fails until then).
 */
import { z } from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from '@jkda/domain/messages';

/** Gives a schema a name in the OpenAPI document's components (zod's global registry id). */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  return schema.meta({ id });
}

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];

export const fieldErrorSchema = named(
  'FieldError',
  z.object({
    /** Dotted path of the field ('' for the whole body); query and path fields start with their part. */
    field: z.string(),
    code: z.string(),
    message: z.string(),
  }),
);

const ref = z.object({ id: z.number(), recordNumber: z.string() });

/** The body of every 4xx and 5xx answer (platform/app.ts sendError); some codes carry more. */
export const apiErrorSchema = named(
  'ApiError',
  z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(fieldErrorSchema),
    requestId: z.string(),
    currentVersion: z.number().optional().describe('stale_version: the stored version'),
    yourVersion: z.number().optional().describe('stale_version: the version sent'),
    attemptsLeft: z.number().optional().describe('invalid_credentials: tries left before the account locks'),
    lockedUntil: z.string().optional().describe('account_locked: until when'),
    secondsLeft: z.number().optional().describe('account_locked: seconds until it unlocks'),
    existing: ref.optional().describe('duplicate_id_number: the record that has this ID number'),
    institution: z
      .string()
      .optional()
      .describe(
        'duplicate_id_number_elsewhere: the institution that holds the record (ask it for a transfer)',
      ),
    candidates: z
      .array(
        z.object({ id: z.number(), recordNumber: z.string(), name: z.string(), villageName: z.string() }),
      )
      .optional()
      .describe('possible_duplicate: look-alike records inside the jurisdiction'),
    elsewhere: z.number().optional().describe('possible_duplicate: how many look-alikes are outside it'),
    limit: z.number().optional().describe('export_too_large: the most rows one export may have'),
    enrolmentId: z.number().optional().describe('conflict (already enrolled): the existing enrolment'),
    challenge: z
      .string()
      .optional()
      .describe('second_factor_required: the pending sign-in, for the second-factor routes'),
    enrol: z
      .boolean()
      .optional()
      .describe('second_factor_required: the account must first set up its authenticator'),
    challengeExpiresAt: z.string().optional().describe('second_factor_required: until when the step is open'),
  }),
);
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** A file answer (e.g. an Excel export; the route names its type in `produces`). */
export const binaryFile = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary' });

/** The error answers every route may give (validation, sign-in, permission, not found, conflicts, limits). */
export const errorResponses = { '4xx': apiErrorSchema, 500: apiErrorSchema } as const;

/** A route's `response`: its own success answers plus the shared error answers. */
export function responses<const R extends Record<number, z.ZodType>>(ok: R): R & typeof errorResponses {
  return { ...ok, ...errorResponses };
}

/**
 * The OpenAPI document without the component schemas that nothing refers to: fastify-type-provider-zod
 * writes every named schema twice (as request input `XInput` and as answer `X`), most used only one way.
 */
export function withoutUnusedSchemas<T extends object>(doc: T): T {
  const { components } = doc as { components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas;
  if (!schemas) return doc;
  const used = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const m = k === '$ref' && typeof x === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(x) : null;
        if (m?.[1] && !used.has(m[1])) {
          used.add(m[1]);
          walk(schemas[m[1]]);
        } else walk(x);
      }
  };
  walk({ ...doc, components: { ...components, schemas: {} } });
  const kept = Object.fromEntries(Object.entries(schemas).filter(([id]) => used.has(id)));
  return { ...doc, components: { ...components, schemas: kept } };
}
