/**
 * The household pages for a read-only user (the city inspector) and a village doctor: creating a
 * household, adding a member and changing a member's relation are the doctor's (household.write); both
 * may open a household and its members' records.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderAs, type TestRole } from '../../test/render.tsx';
import type { Household } from './households.api.ts';
import { HouseholdPage } from './HouseholdPage.tsx';
import { HouseholdsPage } from './HouseholdsPage.tsx';

const HOUSEHOLD: Household = {
  id: 3,
  villageCode: '341524100201',
  villageName: '青坊村',
  address: '青坊村3组12号',
  headResidentId: 5,
  status: 'active',
  version: 2,
  members: [
    {
      id: 5,
      name: '张桂兰',
      sex: '2',
      birthDate: '1950-03-01',
      relationToHead: '02',
      recordNumber: '341524100201000005',
      status: 'active',
      version: 1,
    },
  ],
};

function setup(role: TestRole, path: string) {
  return renderAs(
    role,
    <Routes>
      <Route path="/households" element={<HouseholdsPage />} />
      <Route path="/households/:id" element={<HouseholdPage />} />
    </Routes>,
    path,
    (_m, url) => (url.pathname === '/api/households/3' ? { status: 200, body: HOUSEHOLD } : undefined),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('households by role', () => {
  it('the city inspector can open a household but not create one', async () => {
    await setup('city_inspector', '/households');
    expect(await screen.findByText('查找家庭档案')).toBeTruthy();
    expect(screen.queryByText('新建家庭档案')).toBeNull();
    expect(screen.queryByRole('button', { name: '创建家庭档案' })).toBeNull();
  });

  it('the village doctor can create a household', async () => {
    await setup('village_doctor', '/households');
    expect(await screen.findByRole('button', { name: '创建家庭档案' })).toBeTruthy();
  });

  it('the city inspector sees the members but cannot add one or change a relation', async () => {
    await setup('city_inspector', '/households/3');
    expect((await screen.findByRole('link', { name: '张桂兰' })).getAttribute('href')).toBe('/residents/5');
    expect(screen.queryByTestId('add-member')).toBeNull();
    expect(screen.queryByRole('button', { name: '修改关系' })).toBeNull();
    expect(screen.queryByText('操作')).toBeNull();
  });

  it('the village doctor can add a member and change a relation', async () => {
    await setup('village_doctor', '/households/3');
    await screen.findByRole('link', { name: '张桂兰' });
    expect(screen.getByTestId('add-member')).toBeTruthy();
    expect(screen.getByRole('button', { name: '修改关系' })).toBeTruthy();
  });
});
