/** Finding a household: typing searches after a pause, rows show the head and open the household. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AREAS, renderWithApp, stubApi } from '../../test/render.tsx';
import { HouseholdSearch } from './HouseholdSearch.tsx';
import type { HouseholdList } from './households.api.ts';

const ROW = {
  id: 12,
  villageCode: '341524100201',
  villageName: '青坊村',
  address: '槐树湾5号',
  head: { id: 5, name: '诸葛户' },
  members: 3,
  status: 'active' as const,
};

afterEach(() => vi.unstubAllGlobals());

describe('HouseholdSearch', () => {
  it('searches by what was typed and lists households with their head and members', async () => {
    const queries: (string | null)[] = [];
    stubApi((_m, url) => {
      if (url.pathname !== '/api/households') return undefined;
      queries.push(url.searchParams.get('q'));
      const q = url.searchParams.get('q');
      const body: HouseholdList = {
        items: !q || q === 'zgh' ? [ROW] : [],
        total: !q || q === 'zgh' ? 1 : 0,
        totalExact: true,
        page: 1,
        pageSize: 10,
      };
      return { status: 200, body };
    });
    renderWithApp(<HouseholdSearch villages={AREAS.filter((a) => a.level === 'village') as never} />);
    expect((await screen.findByRole('link', { name: '12' })).getAttribute('href')).toBe('/households/12');
    expect(screen.getByText('诸葛户')).toBeTruthy();
    expect(screen.getByText('3 人')).toBeTruthy();
    expect(screen.getByTestId('household-total').textContent).toBe('共 1 户');

    const box = screen.getByRole('searchbox');
    for (const text of ['n', 'no', 'nobody']) fireEvent.change(box, { target: { value: text } });
    await waitFor(() => expect(screen.getByText('没有找到家庭档案')).toBeTruthy());
    fireEvent.change(box, { target: { value: 'zgh' } });
    await screen.findByRole('link', { name: '12' });
    // One request per pause in typing, not one per change.
    expect(queries).toEqual([null, 'nobody', 'zgh']);
  });
});
