/** Archiving a record: the reason is asked for in words, the date is the county's today, the API gets both. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp, stubApi } from '../../test/render.tsx';
import { countyToday } from '../../app/today.ts';
import { ArchiveActions } from './ArchiveActions.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('ArchiveActions', () => {
  it('asks for the reason before it archives, then sends the reason, the date and the version', async () => {
    const calls = stubApi((m, url) =>
      m === 'POST' && url.pathname === '/api/residents/7/archive' ? { status: 200, body: {} } : undefined,
    );
    const changed = vi.fn();
    renderWithApp(<ArchiveActions residentId={7} version={3} archived={false} onChanged={changed} />);
    fireEvent.click(screen.getByTestId('archive-record'));
    fireEvent.click(await screen.findByTestId('archive-confirm'));
    expect(await screen.findByText('请选择结案原因（死亡、迁出或其他）')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('结案原因'));
    fireEvent.click(await screen.findByTitle('死亡'));
    fireEvent.click(screen.getByTestId('archive-confirm'));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ reason: 'deceased', date: countyToday(), version: 3 });
  });

  it('wants a note when the reason is other', async () => {
    const calls = stubApi();
    renderWithApp(<ArchiveActions residentId={7} version={3} archived={false} onChanged={() => {}} />);
    fireEvent.click(screen.getByTestId('archive-record'));
    fireEvent.mouseDown(await screen.findByLabelText('结案原因'));
    fireEvent.click(await screen.findByTitle('其他'));
    fireEvent.click(screen.getByTestId('archive-confirm'));
    expect(await screen.findByText('原因为“其他”时请写明情况')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('offers to make an archived record active again', async () => {
    const calls = stubApi((m, url) =>
      m === 'POST' && url.pathname === '/api/residents/7/restore' ? { status: 200, body: {} } : undefined,
    );
    renderWithApp(<ArchiveActions residentId={7} version={4} archived onChanged={() => {}} />);
    fireEvent.click(screen.getByTestId('restore-record'));
    fireEvent.click(await screen.findByText('确 定'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ version: 4 }));
  });
});
