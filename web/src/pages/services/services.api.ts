/**
 * API calls of the service records of every type: list, read, record (draft or signed), amend, sign. The
 * types are the server's declared answers and bodies (schema.ts, generated from its route schemas).
 */
import { DELIVERY } from '@jkda/domain';
import { typedApi, type BodyOf, type Schema } from '../../api/client.ts';

export type Delivery = Schema<'ServiceRecord'>['delivery'];
export const DELIVERIES: readonly Delivery[] = DELIVERY;

export type Enrolment = Schema<'Enrolment'>;
/** One row of a resident's service list (queryable values, no form). */
export type ServiceItem = Schema<'ServiceItem'>;
/** GET /api/residents/:id/services: the register entries and every service record, newest first. */
export type ServiceList = Schema<'ServiceList'>;
/** One service record with its form, status, version and warnings. */
export type ServiceRecordFull = Schema<'ServiceRecord'>;
export type FieldCode = ServiceRecordFull['warnings'][number];

/** A list row as the timeline and the trend charts read it (`weightKg` may be absent in older answers). */
export type ServiceListItem = Omit<ServiceItem, 'weightKg' | 'staffUserId'> & { weightKg?: number | null };

/** What the timeline reads of GET /api/residents/:id/services. */
export interface ResidentServices {
  enrolments: (Pick<Enrolment, 'id' | 'program' | 'status' | 'enrolledOn'> &
    Partial<Pick<Enrolment, 'lastCheckDate'>>)[];
  items: ServiceListItem[];
}

export type ServiceCreateBody = BodyOf<'post', '/api/residents/{id}/services'>;
/** One visit's records of several types (a combined follow-up): all saved, or none. */
export type VisitCreateBody = BodyOf<'post', '/api/residents/{id}/visits'>;
export type ServiceAmendBody = BodyOf<'put', '/api/services/{id}'>;

export const servicesApi = {
  list: (residentId: number, signal?: AbortSignal) =>
    typedApi.get('/api/residents/{id}/services', { path: { id: residentId }, signal }),
  get: (id: number, signal?: AbortSignal) => typedApi.get('/api/services/{id}', { path: { id }, signal }),
  create: (residentId: number, body: ServiceCreateBody) =>
    typedApi.post('/api/residents/{id}/services', { path: { id: residentId }, body }),
  recordVisit: (residentId: number, body: VisitCreateBody) =>
    typedApi.post('/api/residents/{id}/visits', { path: { id: residentId }, body }),
  amend: (id: number, body: ServiceAmendBody) => typedApi.put('/api/services/{id}', { path: { id }, body }),
  sign: (id: number, version: number) =>
    typedApi.post('/api/services/{id}/sign', { path: { id }, body: { version } }),
};
