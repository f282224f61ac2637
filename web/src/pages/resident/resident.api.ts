/** API calls of the record page: the record, its versions and (for administrators) its audit trail. */
import { typedApi, type Schema } from '../../api/client.ts';

export type AuditEntry = Schema<'AuditEntry'>;
export type AuditPage = Schema<'AuditPage'>;

export const residentApi = {
  get: (id: number, signal?: AbortSignal) => typedApi.get('/api/residents/{id}', { path: { id }, signal }),
  history: (id: number, signal?: AbortSignal) =>
    typedApi.get('/api/residents/{id}/history', { path: { id }, signal }).then((r) => r.items),
  audit: (id: number, page: number, signal?: AbortSignal) =>
    typedApi.get('/api/residents/{id}/audit', { path: { id }, query: { page, pageSize: 50 }, signal }),
};
