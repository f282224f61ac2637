/**
 * The workbench for a read-only user (the city inspector) and a village doctor: the shortcuts are the pages
 * each may open, so "new record" only for those who may create one; the counts for both; the drafts to
 * finish for who records services.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { WORKLIST_CATEGORIES, programRegistry } from '@jkda/domain';
import { meAs, renderAs, type TestRole } from '../../test/render.tsx';
import { HomePage } from './HomePage.tsx';
import { followUpRegisterOf } from '../../programs/index.ts';

const zero = { total: 0, ...Object.fromEntries(WORKLIST_CATEGORIES.map((c) => [c, 0])) };

const DRAFTS = {
  total: 12,
  items: [
    {
      id: 41,
      residentId: 7,
      name: '张桂兰',
      type: programRegistry.serviceTypes[0]!,
      serviceDate: '2026-11-30',
      version: 1,
      updatedAt: '2026-11-30T02:00:00Z',
    },
  ],
};

async function setup(role: TestRole) {
  return renderAs(role, <HomePage />, '/', (_m, url) =>
    url.pathname === '/api/worklists/summary'
      ? {
          status: 200,
          body: { registers: [{ program: programRegistry.registers[0]!.program, counts: zero }] },
        }
      : url.pathname === '/api/services/drafts'
        ? { status: 200, body: DRAFTS }
        : undefined,
  ).then(async (calls) => {
    expect(await screen.findByText(`您好，${meAs(role).user.displayName}`, { exact: false })).toBeTruthy();
    return calls;
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('HomePage by role', () => {
  it('offers the city inspector the pages that read, and no new record', async () => {
    await setup('city_inspector');
    expect(screen.getByRole('link', { name: /档案查询/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /随访/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /新建档案/ })).toBeNull();
    expect(await screen.findByTestId('workbench-counts')).toBeTruthy();
    // Nothing to finish for who writes nothing: no drafts card, no request.
    expect(screen.queryByTestId('workbench-drafts')).toBeNull();
  });

  it("lists the village doctor's drafts to finish, each opening its record, and counts the rest", async () => {
    const calls = await setup('village_doctor');
    const draft = await screen.findByTestId('draft-41');
    expect(draft.textContent).toContain('张桂兰');
    expect(draft.textContent).toContain('2026-11-30');
    expect(draft.textContent).toContain(programRegistry.typeLabel(DRAFTS.items[0]!.type, 'zh'));
    const link = screen.getByRole('link', { name: '继续填写' });
    // A register's follow-up is finished on its follow-up page; any other type on the service-record page.
    const type = DRAFTS.items[0]!.type;
    const register = followUpRegisterOf(type);
    expect(link.getAttribute('href')).toBe(
      register ? `/residents/7/followup/${register.program}?draft=41` : `/residents/7/services/${type}/41`,
    );
    expect(screen.getByText('另有 11 份草稿')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/services/drafts')).toBe(true);
  });

  it('offers the village doctor a new record', async () => {
    await setup('village_doctor');
    expect(screen.getByRole('link', { name: /新建档案/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /档案查询/ })).toBeTruthy();
  });
});
