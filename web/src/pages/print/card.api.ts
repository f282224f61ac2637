/** API call of the record card: the record itself (GET /api/residents/:id, audited as a read). */
import { typedApi } from '../../api/client.ts';

export const cardApi = {
  get: (id: number, signal?: AbortSignal) => typedApi.get('/api/residents/{id}', { path: { id }, signal }),
};
