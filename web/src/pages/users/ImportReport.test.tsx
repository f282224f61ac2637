/** The import report and the second sign-in step, as a clinic administrator sees them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp, stubApi } from '../../test/render.tsx';
import { ImportReport } from './ImportReport.tsx';
import { SecondFactorStep } from '../login/SecondFactorStep.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('ImportReport', () => {
  it('says nothing was imported and names each bad row’s problems by field', async () => {
    stubApi();
    renderWithApp(
      <ImportReport
        report={{
          written: false,
          created: [],
          rows: [
            { row: 2, username: 'imp_a', displayName: '导入 甲', ok: true, errors: [] },
            {
              row: 3,
              username: 'cunyi',
              displayName: '重名',
              ok: false,
              errors: [{ field: 'username', code: 'username_taken', message: '这个用户名已被使用' }],
            },
          ],
        }}
      />,
    );
    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText('1 行有错误，未导入任何账号。请修改文件后重新上传。')).toBeTruthy();
    expect(within(report).getByText('正确')).toBeTruthy();
    expect(within(report).getByText('用户名：这个用户名已被使用')).toBeTruthy();
  });
});

describe('SecondFactorStep', () => {
  it('sends the 6-digit code and shows the wrong-code message with the tries left', async () => {
    const calls = stubApi((method, url) =>
      method === 'POST' && url.pathname === '/api/auth/login/second-factor'
        ? {
            status: 401,
            body: {
              code: 'second_factor_invalid',
              message: '动态码不正确或已过期',
              details: [],
              requestId: 'r1',
              attemptsLeft: 3,
            },
          }
        : undefined,
    );
    const onSignedIn = vi.fn();
    renderWithApp(
      <SecondFactorStep
        pending={{ challenge: 'challenge-token', enrol: false }}
        onSignedIn={onSignedIn}
        onBack={vi.fn()}
      />,
    );
    fireEvent.change(await screen.findByTestId('totp-code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    const alert = await screen.findByTestId('tfa-problem');
    expect(alert.textContent).toContain('动态码不正确或已过期');
    expect(alert.textContent).toContain('再输错 3 次账号将被锁定');
    const sent = calls.find((c) => c.path === '/api/auth/login/second-factor');
    expect(sent?.body).toEqual({ challenge: 'challenge-token', code: '123456' });
    await waitFor(() => expect(onSignedIn).not.toHaveBeenCalled());
  });
});
