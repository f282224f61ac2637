/** API calls of the record form: create (POST /api/residents) and update (PUT /api/residents/:id). */
import { api } from '../../api/client.ts';
import type { ResidentView } from '../../record/types.ts';

export const residentFormApi = {
  create: (payload: Record<string, unknown>, confirmPossibleDuplicate: boolean) =>
    api.post<ResidentView>(
      '/api/residents',
      confirmPossibleDuplicate ? { ...payload, confirmPossibleDuplicate: true } : payload,
    ),
  update: (id: number, payload: Record<string, unknown>, version: number) =>
    api.put<ResidentView>(`/api/residents/${id}`, { ...payload, version }),
  get: (id: number, signal?: AbortSignal) => api.get<ResidentView>(`/api/residents/${id}`, undefined, signal),
};
