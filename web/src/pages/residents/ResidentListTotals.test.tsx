/**
 * The list's total past the server's count cap: administrators (resident.export) get the exact number from
 * a second request, once per query and not per page; others see "more than 10000" and no count request.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ME, renderWithApp, stubApi } from '../../test/render.tsx';
import { ResidentListPage } from './ResidentListPage.tsx';
import type { residentsApi } from './residents.api.ts';

type ResidentList = Awaited<ReturnType<typeof residentsApi.list>>;

const ADMIN = {
  ...ME,
  user: { ...ME.user, id: 30, role: 'county_admin' as const },
  abilities: { ...ME.abilities, 'resident.export': true, 'resident.archive': true, 'audit.read': true },
};

const CAPPED: ResidentList = {
  items: Array.from({ length: 20 }, (_, i) => ({
    id: i + 1,
    recordNumber: `3415241002010${String(i + 1).padStart(5, '0')}`,
    name: `居民${i + 1}`,
    sex: '2',
    birthDate: '1950-03-01',
    age: 76,
    idNumberMasked: null,
    phoneMasked: null,
    villageCode: '341524100201',
    villageName: '青坊村',
    householdId: null,
    keyTags: [],
    status: 'active',
    version: 1,
  })),
  total: 10000,
  totalExact: false,
  page: 1,
  pageSize: 20,
  queryKind: null,
};

function setup(me: typeof ME, path: string) {
  const calls = stubApi((_m, url) =>
    url.pathname === '/api/auth/me'
      ? { status: 200, body: me }
      : url.pathname === '/api/residents'
        ? { status: 200, body: { ...CAPPED, page: Number(url.searchParams.get('page') ?? 1) } }
        : url.pathname === '/api/residents/count'
          ? { status: 200, body: { total: 123456 } }
          : undefined,
  );
  renderWithApp(<ResidentListPage />, path);
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the resident list total past the count cap', () => {
  it.each([
    ['the county administrator', ADMIN, '/residents', true],
    ['the county administrator, filtered', ADMIN, '/residents?sex=2', true],
    ['a village doctor', ME, '/residents', false],
  ])('%s', async (_who, me, path, counts) => {
    const calls = setup(me, path);
    await screen.findByRole('link', { name: '居民1' });
    if (counts) {
      expect((await screen.findByTestId('list-total')).textContent).toMatch(/共 123456 条/);
      const countCalls = calls.filter((c) => c.path === '/api/residents/count');
      expect(countCalls).toHaveLength(1);
      const listCall = calls.find((c) => c.path === '/api/residents')!;
      expect(listCall).toBeTruthy();
    } else {
      await waitFor(() => expect(screen.getByTestId('list-total').textContent).toMatch(/超过 10000 条/));
      expect(calls.some((c) => c.path === '/api/residents/count')).toBe(false);
    }
  });
});
