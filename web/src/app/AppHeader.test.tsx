/**
 * The header's resident search: Enter opens the resident list with the query (its `q` parameter); on a
 * phone an icon that opens the box over the header; none for a user who may not read residents.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { ME, renderWithApp, stubApi } from '../test/render.tsx';
import { AppHeader, residentSearchPath } from './AppHeader.tsx';

/** The system administrator: accounts, no resident data. */
const SYSADMIN = {
  ...ME,
  user: {
    ...ME.user,
    role: 'system_admin' as const,
    roleLabel: { zh: '系统管理员', en: 'System administrator' },
  },
  abilities: {
    ...Object.fromEntries(Object.keys(ME.abilities).map((a) => [a, false])),
    'user.manage': true,
    'place.read': true,
  } as typeof ME.abilities,
};

function Where() {
  const l = useLocation();
  return <output data-testid="where">{`${l.pathname}${l.search}`}</output>;
}
const where = () => screen.getByTestId('where').textContent ?? '';
/** The search box's input (the test id is on its wrapper). */
const findBox = () => screen.findByRole<HTMLInputElement>('searchbox', { name: '查找居民' });

function setup({ me = ME, phone = false }: { me?: typeof ME; phone?: boolean } = {}) {
  stubApi((_m, url) => (url.pathname === '/api/auth/me' ? { status: 200, body: me } : undefined));
  renderWithApp(
    <>
      <AppHeader {...(phone ? { onMenu: () => undefined } : {})} />
      <Where />
    </>,
    '/worklist',
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the header search', () => {
  it('opens the resident list with what was typed, on Enter', async () => {
    setup();
    const box = await findBox();
    expect(box.placeholder).toContain('拼音');
    fireEvent.change(box, { target: { value: ' 2485 ' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(where()).toBe('/residents?q=2485'));
    // The box is empty again: the list's own search box holds the query now.
    expect(box.value).toBe('');
  });

  it('does nothing for an empty query', async () => {
    setup();
    const box = await findBox();
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(where()).toBe('/worklist');
  });

  it('keeps names and ID numbers in the list URL parameter, encoded', () => {
    expect(residentSearchPath('张桂兰')).toBe(`/residents?q=${encodeURIComponent('张桂兰')}`);
    expect(new URLSearchParams(residentSearchPath('zgl').split('?')[1]).get('q')).toBe('zgl');
  });

  it('is an icon on a phone that opens the box over the header; Escape closes it', async () => {
    setup({ phone: true });
    const open = await screen.findByTestId('header-search-open');
    expect(screen.queryByTestId('header-search')).toBeNull();
    fireEvent.click(open);
    const box = await findBox();
    expect(screen.getByTestId('header-search-phone').contains(box)).toBe(true);
    fireEvent.keyDown(box, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('header-search')).toBeNull());

    fireEvent.click(screen.getByTestId('header-search-open'));
    const again = await findBox();
    fireEvent.change(again, { target: { value: '13900000001' } });
    fireEvent.keyDown(again, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(where()).toBe('/residents?q=13900000001'));
    expect(screen.queryByTestId('header-search')).toBeNull();
  });

  it('is not there for a user who may not read residents', async () => {
    setup({ me: SYSADMIN });
    await screen.findByTestId('header-account');
    expect(screen.queryByTestId('header-search')).toBeNull();
    expect(screen.queryByTestId('header-search-open')).toBeNull();
  });

  it('is not there on a phone either for such a user', async () => {
    setup({ me: SYSADMIN, phone: true });
    await screen.findByTestId('menu-open');
    expect(screen.queryByTestId('header-search-open')).toBeNull();
  });
});
