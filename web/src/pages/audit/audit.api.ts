/** The county's audit log (ability audit.read). */
import { typedApi, type Schema } from '../../api/client.ts';

export type AuditEntry = Schema<'AuditEntry'>;

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  username?: string | undefined;
  outcome?: 'ok' | 'denied' | 'failed' | undefined;
}

export const auditApi = {
  query: (f: AuditFilter, page: number, signal?: AbortSignal) =>
    typedApi.get('/api/audit', {
      query: {
        page,
        pageSize: 50,
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
        ...(f.action ? { action: f.action } : {}),
        ...(f.username ? { username: f.username } : {}),
        ...(f.outcome ? { outcome: f.outcome } : {}),
      },
      signal,
    }),
};

/** The instant a county day starts, with the county zone's offset (the API takes times with an offset). */
export function dayStart(date: string, timeZone: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(noon)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${date}T00:00:00${offset}`;
}
