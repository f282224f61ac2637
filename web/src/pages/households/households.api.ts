/** API calls of households: search, create, view, add or move a member, and finding residents to add. */
import { typedApi, type BodyOf, type Query, type Schema } from '../../api/client.ts';

export type Household = Schema<'Household'>;
export type HouseholdList = Schema<'HouseholdList'>;
export type HouseholdMember = Schema<'HouseholdMember'>;

type RelationToHead = BodyOf<'post', '/api/households/{id}/members'>['relationToHead'];

export const householdsApi = {
  /** Households of my jurisdiction by number, head name (characters, pinyin, initials) or address. */
  search: (query: Query, signal?: AbortSignal) => typedApi.get('/api/households', { query, signal }),
  get: (id: number, signal?: AbortSignal) => typedApi.get('/api/households/{id}', { path: { id }, signal }),
  create: (villageCode: string, address: string) =>
    typedApi.post('/api/households', { body: { villageCode, address } }),
  /**
   * Puts a resident into the household (moving them from another); needs the resident record's version.
   * relationToHead is a code of the relation picker (the server checks it against the code table).
   */
  addMember: async (householdId: number, residentId: number, relationToHead: string) => {
    const r = await typedApi.get('/api/residents/{id}', { path: { id: residentId } });
    return typedApi.post('/api/households/{id}/members', {
      path: { id: householdId },
      body: { residentId, relationToHead: relationToHead as RelationToHead, version: r.version },
    });
  },
};
