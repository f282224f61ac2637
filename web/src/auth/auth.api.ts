/** Sign-in API calls and the shape of GET /api/auth/me. */
import { api } from '../api/client.ts';

export type Ability =
  | 'resident.read'
  | 'resident.create'
  | 'resident.update'
  | 'resident.archive'
  | 'resident.export'
  | 'household.write'
  | 'service.write'
  | 'audit.read'
  | 'user.manage'
  | 'place.read';

export interface Me {
  user: {
    id: number;
    username: string;
    displayName: string;
    role: string;
    roleLabel: { zh: string; en: string };
    institutionId: number;
    institutionName: string;
    countyCode: string;
    jurisdiction: { counties: string[]; townships: string[]; villages: string[] };
  };
  abilities: Partial<Record<Ability, boolean>>;
  csrfToken: string | null;
  expiresAt: string;
}

export const authApi = {
  me: () => api.get<Me>('/api/auth/me'),
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }),
  logout: () => api.post<undefined>('/api/auth/logout'),
};
