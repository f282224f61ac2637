/**
 * The resident list for a read-only user (the city inspector) and a village doctor: both find residents
 * and open their records; only the doctor is offered a new record (resident.create), and the export only to
 * those who may export.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderAs, type TestRole } from '../../test/render.tsx';
import { ResidentListPage } from './ResidentListPage.tsx';
import type { residentsApi } from './residents.api.ts';

type ResidentList = Awaited<ReturnType<typeof residentsApi.list>>;

const LIST: ResidentList = {
  items: [
    {
      id: 5,
      recordNumber: '341524100201000005',
      name: '张桂兰',
      sex: '2',
      birthDate: '1950-03-01',
      age: 76,
      idNumberMasked: '3415**********2485',
      phoneMasked: '139****0001',
      villageCode: '341524100201',
      villageName: '青坊村',
      householdId: 3,
      keyTags: [],
      status: 'active',
      version: 1,
    },
  ],
  total: 1,
  totalExact: true,
  page: 1,
  pageSize: 20,
  queryKind: 'digits',
};

function setup(role: TestRole, path = '/residents?q=2485') {
  return renderAs(role, <ResidentListPage />, path, (_m, url) =>
    url.pathname === '/api/residents' ? { status: 200, body: LIST } : undefined,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('ResidentListPage by role', () => {
  it('the city inspector finds and opens records, with no new-record or export button', async () => {
    const calls = await setup('city_inspector');
    expect((await screen.findByRole('link', { name: '张桂兰' })).getAttribute('href')).toBe('/residents/5');
    // The header search's query is the list's own `q` parameter.
    expect(calls.find((c) => c.path === '/api/residents')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('2485');
    expect(screen.queryByRole('button', { name: /新建档案/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /新建档案/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /导出/ })).toBeNull();
  });

  it('the village doctor is offered a new record', async () => {
    await setup('village_doctor');
    await screen.findByRole('link', { name: '张桂兰' });
    expect(screen.getByRole('button', { name: /新建档案/ })).toBeTruthy();
  });
});
