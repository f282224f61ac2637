/**
 * The workbench for a read-only user (the city inspector) and a village doctor: the shortcuts are the pages
 * each may open, so "new record" only for those who may create one; the counts for both.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { WORKLIST_CATEGORIES, programRegistry } from '@jkda/domain';
import { ME, renderWithApp, stubApi } from '../../test/render.tsx';
import { HomePage } from './HomePage.tsx';

const DOCTOR = { ...ME, abilities: { ...ME.abilities, 'service.write': true } };
const INSPECTOR = {
  ...ME,
  user: {
    ...ME.user,
    id: 40,
    displayName: '市卫健委 督导员',
    role: 'city_inspector' as const,
    roleLabel: { zh: '市级督导', en: 'City inspector' },
  },
  abilities: {
    ...Object.fromEntries(Object.keys(ME.abilities).map((a) => [a, false])),
    'resident.read': true,
    'audit.read': true,
    'place.read': true,
  } as typeof ME.abilities,
};

const zero = { total: 0, ...Object.fromEntries(WORKLIST_CATEGORIES.map((c) => [c, 0])) };

async function setup(me: typeof ME) {
  stubApi((_m, url) =>
    url.pathname === '/api/auth/me'
      ? { status: 200, body: me }
      : url.pathname === '/api/worklists/summary'
        ? {
            status: 200,
            body: { registers: [{ program: programRegistry.registers[0]!.program, counts: zero }] },
          }
        : undefined,
  );
  renderWithApp(<HomePage />);
  // The page shows nothing until the session is loaded.
  await screen.findByText(`您好，${me.user.displayName}`, { exact: false });
}

afterEach(() => vi.unstubAllGlobals());

describe('HomePage by role', () => {
  it('offers the city inspector the pages that read, and no new record', async () => {
    await setup(INSPECTOR);
    expect(screen.getByRole('link', { name: /档案查询/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /随访/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /新建档案/ })).toBeNull();
    expect(await screen.findByTestId('workbench-counts')).toBeTruthy();
  });

  it('offers the village doctor a new record', async () => {
    await setup(DOCTOR);
    expect(screen.getByRole('link', { name: /新建档案/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /档案查询/ })).toBeTruthy();
  });
});
