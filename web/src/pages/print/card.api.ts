/** API call of the record card: the record itself (GET /api/residents/:id, audited as a read). */
import { api } from '../../api/client.ts';
import type { ResidentView } from '../../record/types.ts';

export const cardApi = {
  get: (id: number, signal?: AbortSignal) => api.get<ResidentView>(`/api/residents/${id}`, undefined, signal),
};
