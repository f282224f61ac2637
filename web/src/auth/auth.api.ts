/** Sign-in API calls and the shape of GET /api/auth/me. */
import type { Action } from '@jkda/domain/permissions';
import { typedApi, type Schema } from '../api/client.ts';

/** What the user may do: the action names of the server's permission table (@jkda/domain/permissions). */
export type Ability = Action;

/** The signed-in user, with one boolean per ability. */
export type Me = Schema<'Me'>;

export const authApi = {
  me: () => typedApi.get('/api/auth/me'),
  login: (username: string, password: string) =>
    typedApi.post('/api/auth/login', { body: { username, password } }),
  logout: () => typedApi.post('/api/auth/logout'),
};
