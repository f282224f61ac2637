/**
 * The workbench for a read-only user (the city inspector) and a village doctor: the shortcuts are the pages
 * each may open, so "new record" only for those who may create one; the counts for both.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { WORKLIST_CATEGORIES, programRegistry } from '@jkda/domain';
import { meAs, renderAs, type TestRole } from '../../test/render.tsx';
import { HomePage } from './HomePage.tsx';

const zero = { total: 0, ...Object.fromEntries(WORKLIST_CATEGORIES.map((c) => [c, 0])) };

async function setup(role: TestRole) {
  await renderAs(role, <HomePage />, '/', (_m, url) =>
    url.pathname === '/api/worklists/summary'
      ? {
          status: 200,
          body: { registers: [{ program: programRegistry.registers[0]!.program, counts: zero }] },
        }
      : undefined,
  );
  expect(await screen.findByText(`您好，${meAs(role).user.displayName}`, { exact: false })).toBeTruthy();
}

afterEach(() => vi.unstubAllGlobals());

describe('HomePage by role', () => {
  it('offers the city inspector the pages that read, and no new record', async () => {
    await setup('city_inspector');
    expect(screen.getByRole('link', { name: /档案查询/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /随访/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /新建档案/ })).toBeNull();
    expect(await screen.findByTestId('workbench-counts')).toBeTruthy();
  });

  it('offers the village doctor a new record', async () => {
    await setup('village_doctor');
    expect(screen.getByRole('link', { name: /新建档案/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /档案查询/ })).toBeTruthy();
  });
});
