/** Account management calls (system and county administrators). */
import { typedApi, type QueryOf, type Schema } from '../../api/client.ts';

export type UserAccount = Schema<'UserAccount'>;
export type UserAccountList = Schema<'UserAccountList'>;
export type UserImportReport = Schema<'UserImportReport'>;
export type CreatedUser = Schema<'CreatedUser'>;
export type UserQuery = QueryOf<'get', '/api/users'>;
export type NewUser = {
  username: string;
  displayName: string;
  role: UserAccount['role'];
  institutionCode: string;
  phone?: string;
  teamId?: number;
};

export const usersApi = {
  list: (query: UserQuery) => typedApi.get('/api/users', { query }),
  create: (body: NewUser) => typedApi.post('/api/users', { body }),
  importFile: (fileName: string, content: string, dryRun: boolean) =>
    typedApi.post('/api/users/import', { body: { fileName, content, dryRun } }),
  resetPassword: (id: number) => typedApi.post('/api/users/{id}/reset-password', { path: { id } }),
  disable: (id: number) => typedApi.post('/api/users/{id}/disable', { path: { id } }),
  enable: (id: number) => typedApi.post('/api/users/{id}/enable', { path: { id } }),
  unlock: (id: number) => typedApi.post('/api/users/{id}/unlock', { path: { id } }),
  resetSecondFactor: (id: number) => typedApi.post('/api/users/{id}/reset-second-factor', { path: { id } }),
  logins: (id: number) => typedApi.get('/api/users/{id}/logins', { path: { id } }),
};

/** A file's bytes as base64 (the import route takes JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
