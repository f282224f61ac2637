/**
 * API calls of the record form: create (POST /api/residents), the ID number's check before the rest is filled
 * in (POST /api/residents/id-check) and update (PUT /api/residents/:id).
 */
import { typedApi, type BodyOf } from '../../api/client.ts';

/**
 * The form model gives its payload as plain fields (formModel.ts toPayload); the server checks it with the
 * same domain schema the form validates with, so it is sent as the route's body type.
 */
type Payload = Record<string, unknown>;

export const residentFormApi = {
  create: (payload: Payload, confirmPossibleDuplicate: boolean) =>
    typedApi.post('/api/residents', {
      body: (confirmPossibleDuplicate ? { ...payload, confirmPossibleDuplicate: true } : payload) as BodyOf<
        'post',
        '/api/residents'
      >,
    }),
  checkId: (idType: string, idNumber: string) =>
    typedApi.post('/api/residents/id-check', {
      body: { idType, idNumber } as BodyOf<'post', '/api/residents/id-check'>,
    }),
  update: (id: number, payload: Payload, version: number) =>
    typedApi.put('/api/residents/{id}', {
      path: { id },
      body: { ...payload, version } as BodyOf<'put', '/api/residents/{id}'>,
    }),
  get: (id: number, signal?: AbortSignal) => typedApi.get('/api/residents/{id}', { path: { id }, signal }),
};

export type IdHolder = Awaited<ReturnType<typeof residentFormApi.checkId>>;
