/** An audit row as GET /api/audit answers it, for the audit page and column tests. */
import type { AuditEntry } from './audit.api.ts';

export const auditRow = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 1,
  at: '2026-12-02T01:30:00.000Z',
  actor: { id: 5, username: 'county', displayName: '县卫健委管理员 张科长', role: 'county_admin' },
  ip: '10.0.0.8',
  requestId: 'r1',
  action: 'resident.archive',
  entityType: 'resident',
  entityId: '42',
  residentId: 42,
  fields: ['status'],
  outcome: 'ok',
  ...over,
});
