/** API calls of households: create, view, add or move a member, and finding residents to add. */
import { api } from '../../api/client.ts';

export interface HouseholdMember {
  id: number;
  name: string;
  sex: string;
  birthDate: string;
  relationToHead: string | null;
  recordNumber: string;
  status: string;
}

export interface Household {
  id: number;
  villageCode: string;
  villageName: string;
  address: string | null;
  headResidentId: number | null;
  status: string;
  version: number;
  members: HouseholdMember[];
}

export interface ResidentHit {
  id: number;
  name: string;
  sex: string;
  birthDate: string;
  idNumberMasked: string | null;
  villageName: string;
  householdId: number | null;
}

export const householdsApi = {
  get: (id: number, signal?: AbortSignal) => api.get<Household>(`/api/households/${id}`, undefined, signal),
  create: (villageCode: string, address: string) =>
    api.post<Household>('/api/households', { villageCode, address }),
  /** Puts a resident into the household (moving them from another); needs the resident record's version. */
  addMember: async (householdId: number, residentId: number, relationToHead: string) => {
    const r = await api.get<{ version: number }>(`/api/residents/${residentId}`);
    return api.post<Household>(`/api/households/${householdId}/members`, {
      residentId,
      relationToHead,
      version: r.version,
    });
  },
  findResidents: (q: string, signal?: AbortSignal) =>
    api.get<{ items: ResidentHit[] }>('/api/residents', { q, pageSize: 10 }, signal).then((r) => r.items),
};
