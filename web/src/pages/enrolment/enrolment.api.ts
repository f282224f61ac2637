/**
 * The register entries of a resident (the registers of the program registry) and the calls that change
 * them. The types are the server's declared answers and bodies (schema.ts).
 */
import { ENROLMENT_STATUSES as STATUSES, type EnrolmentStatus } from '@jkda/domain';
import { typedApi, type BodyOf, type Schema } from '../../api/client.ts';

export const ENROLMENT_STATUSES: readonly EnrolmentStatus[] = STATUSES;
export type { EnrolmentStatus };

/** One register entry as GET /api/residents/:id/services answers it in `enrolments`. */
export type Enrolment = Schema<'Enrolment'>;

export type EnrolBody = BodyOf<'post', '/api/residents/{id}/enrolments'>;
export type EnrolmentUpdateBody = BodyOf<'put', '/api/enrolments/{id}'>;
export type EnrolmentStatusBody = BodyOf<'put', '/api/enrolments/{id}/status'>;

export const enrolmentApi = {
  enrol: (residentId: number, body: EnrolBody) =>
    typedApi.post('/api/residents/{id}/enrolments', { path: { id: residentId }, body }),
  update: (id: number, body: EnrolmentUpdateBody) =>
    typedApi.put('/api/enrolments/{id}', { path: { id }, body }),
  setStatus: (id: number, body: EnrolmentStatusBody) =>
    typedApi.put('/api/enrolments/{id}/status', { path: { id }, body }),
};
