/** API calls of the record page: the record, its versions and (for administrators) its audit trail. */
import { api } from '../../api/client.ts';
import type { HistoryEntry, ResidentView } from '../../record/types.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number | null; username: string | null; role: string | null };
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  residentId: number | null;
  fields: string[] | null;
  outcome: string;
  sealed: boolean;
}

export interface AuditPage {
  items: AuditEntry[];
  hasMore: boolean;
  page: number;
  pageSize: number;
}

export const residentApi = {
  get: (id: number, signal?: AbortSignal) => api.get<ResidentView>(`/api/residents/${id}`, undefined, signal),
  history: (id: number, signal?: AbortSignal) =>
    api
      .get<{ items: HistoryEntry[] }>(`/api/residents/${id}/history`, undefined, signal)
      .then((r) => r.items),
  audit: (id: number, page: number, signal?: AbortSignal) =>
    api.get<AuditPage>(`/api/residents/${id}/audit`, { page, pageSize: 50 }, signal),
};
