/** The county's audit log page: rows in words, filters sent as the API's query, the county day's bounds. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp, stubApi } from '../../test/render.tsx';
import { AuditLogPage } from './AuditLogPage.tsx';
import { dayStart } from './audit.api.ts';
import { auditRow } from './auditRow.fixture.ts';

afterEach(() => vi.unstubAllGlobals());

const row = auditRow({ fields: ['status', 'archiveReason'] });

describe('AuditLogPage', () => {
  it('shows each row in words, with the record it concerns as a link', async () => {
    stubApi((_m, url) =>
      url.pathname === '/api/audit'
        ? { status: 200, body: { items: [row], hasMore: false, page: 1, pageSize: 50 } }
        : undefined,
    );
    renderWithApp(<AuditLogPage />);
    expect(await screen.findByText('结案')).toBeTruthy();
    expect(screen.getByText('县卫健委管理员 张科长')).toBeTruthy();
    expect(screen.getByText('档案 #42').closest('a')?.getAttribute('href')).toBe('/residents/42');
    expect(screen.queryByText('resident.archive')).toBeNull();
  });

  it('sends the user name filter, and starts again from the first page', async () => {
    const queries: URLSearchParams[] = [];
    stubApi((_m, url) => {
      if (url.pathname !== '/api/audit') return undefined;
      queries.push(url.searchParams);
      return { status: 200, body: { items: [row], hasMore: true, page: 1, pageSize: 50 } };
    });
    renderWithApp(<AuditLogPage />);
    await screen.findByText('结案');
    fireEvent.click(screen.getByText('下一页'));
    await waitFor(() => expect(queries.at(-1)?.get('page')).toBe('2'));
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: ' cunyi ' } });
    fireEvent.click(screen.getByTestId('audit-search'));
    await waitFor(() => expect(queries.at(-1)?.get('username')).toBe('cunyi'));
    expect(queries.at(-1)?.get('page')).toBe('1');
  });

  it.each([
    ['Asia/Shanghai', '2026-12-02', '2026-12-02T00:00:00+08:00'],
    ['Asia/Urumqi', '2026-12-02', '2026-12-02T00:00:00+06:00'],
    ['UTC', '2026-12-02', '2026-12-02T00:00:00+00:00'],
  ])('starts the county day in %s', (zone, day, iso) => {
    expect(dayStart(day, zone)).toBe(iso);
  });
});
