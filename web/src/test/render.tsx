/** Renders a page or component inside the app's providers, with the API answered by a stub. */
import type { ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { SessionProvider, useSession } from '../auth/session.tsx';
import type { Me } from '../auth/auth.api.ts';
import { Themed } from '../app/theme.tsx';

export const ME: Me = {
  user: {
    id: 1,
    username: 'cunyi',
    displayName: '青坊村卫生室 王医生',
    role: 'village_doctor',
    roleLabel: { zh: '村医', en: 'Village doctor' },
    institutionId: 6,
    institutionName: '青坊村卫生室',
    countyCode: '341524',
    jurisdiction: { counties: [], townships: [], villages: ['341524100201'] },
  },
  abilities: {
    'resident.read': true,
    'resident.create': true,
    'resident.update': true,
    'resident.archive': false,
    'resident.export': false,
    'household.write': true,
    'service.write': false,
    'audit.read': false,
    'user.manage': false,
    'place.read': true,
  },
  csrfToken: 'csrf-token',
  expiresAt: '2099-01-01T00:00:00Z',
  timeZone: 'Asia/Shanghai',
  mustChangePassword: false,
};

export const AREAS = [
  { code: '341524100', name: '梅山镇', level: 'township', parentCode: '341524' },
  { code: '341524100201', name: '青坊村', level: 'village', parentCode: '341524100' },
];
export const DOCTORS = [{ id: 1, name: '青坊村卫生室 王医生', institutionName: '青坊村卫生室' }];

export type Handler = (
  method: string,
  url: URL,
  body: unknown,
) => { status: number; body?: unknown } | undefined;

/** Stubs fetch: sign-in data and places by default, then the test's own handler. */
export function stubApi(handler: Handler = () => undefined) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetchStub = vi.fn((input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, body, headers: init.headers as Record<string, string> });
    const answer =
      handler(method, url, body) ??
      (url.pathname === '/api/auth/me'
        ? { status: 200, body: ME }
        : url.pathname === '/api/areas'
          ? { status: 200, body: { items: AREAS } }
          : url.pathname === '/api/doctors'
            ? { status: 200, body: { items: DOCTORS } }
            : { status: 404, body: { code: 'route_not_found', message: '没有这个接口。', details: [] } });
    return Promise.resolve(
      new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

export function renderWithApp(ui: ReactElement, path = '/') {
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] });
  return render(
    <I18nProvider>
      <Themed locale={zhCN}>
        <AntApp>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </AntApp>
      </Themed>
    </I18nProvider>,
  );
}

/** The roles page tests sign in as. */
export type TestRole = 'village_doctor' | 'city_inspector';

/** Every ability off: a role's own list turns on what it may do. */
const NONE = Object.fromEntries(Object.keys(ME.abilities).map((a) => [a, false])) as Me['abilities'];

/**
 * The signed-in user of a role as the server describes one: the village doctor (ME, who also records
 * services: service.write), or the city inspector, who reads residents and the audit log and writes nothing.
 */
export function meAs(role: TestRole): Me {
  if (role === 'village_doctor') return { ...ME, abilities: { ...ME.abilities, 'service.write': true } };
  return {
    ...ME,
    user: {
      ...ME.user,
      id: 40,
      displayName: '市卫健委 督导员',
      role: 'city_inspector',
      roleLabel: { zh: '市级督导', en: 'City inspector' },
      jurisdiction: { counties: ['341524'], townships: [], villages: [] },
    },
    abilities: { ...NONE, 'resident.read': true, 'audit.read': true, 'place.read': true },
  };
}

/** Shown once the session is loaded: what a page hides before then proves nothing. */
function SignedIn() {
  return useSession().me ? <output data-testid="signed-in" hidden /> : null;
}

/**
 * Renders `ui` (at `path`) signed in as `role` (meAs) and waits until the session is loaded: the API stub
 * answers the session with that user and the rest with `handler`, then the defaults. Returns the calls.
 */
export async function renderAs(
  role: TestRole,
  ui: ReactElement,
  path = '/',
  handler: Handler = () => undefined,
) {
  const me = meAs(role);
  const calls = stubApi((method, url, body) =>
    url.pathname === '/api/auth/me' ? { status: 200, body: me } : handler(method, url, body),
  );
  renderWithApp(
    <>
      {ui}
      <SignedIn />
    </>,
    path,
  );
  await screen.findByTestId('signed-in');
  return calls;
}
