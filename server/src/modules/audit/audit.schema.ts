/** API shapes of the audit log queries. */
import { z } from 'zod';
import { named } from '../../platform/api-schema.ts';

export const auditQuery = z
  .object({
    residentId: z.coerce.number().int().positive().optional(),
    userId: z.coerce.number().int().positive().optional(),
    /** The account by its sign-in name (also names that are no account: failed sign-ins). */
    username: z.string().trim().min(1).max(64).optional(),
    action: z.string().max(60).optional(),
    outcome: z.enum(['ok', 'denied', 'failed']).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = named(
  'AuditEntry',
  z.object({
    id: z.number(),
    at: z.string(),
    actor: z.object({
      id: z.number().nullable(),
      username: z.string().nullable(),
      /** The account's display name today (a staff member's name, not resident data). */
      displayName: z.string().nullable(),
      role: z.string().nullable(),
    }),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    residentId: z.number().nullable(),
    fields: z.array(z.string()).nullable(),
    outcome: z.string(),
  }),
);

export const auditPage = named(
  'AuditPage',
  z.object({
    items: z.array(auditEntry),
    hasMore: z.boolean(),
    page: z.number(),
    pageSize: z.number(),
  }),
);
export type AuditPage = z.infer<typeof auditPage>;
