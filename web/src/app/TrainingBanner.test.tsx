/** A training environment's banner: shown when the server says it is one, and only then. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderWithApp, stubApi } from '../test/render.tsx';
import { TrainingBanner } from './TrainingBanner.tsx';

const info = (training: boolean) => ({
  status: 200,
  body: { demo: true, twoFactorRoles: [], training },
});

afterEach(() => vi.unstubAllGlobals());

describe('TrainingBanner', () => {
  it('says 培训环境 on a training server', async () => {
    stubApi((_m, url) => (url.pathname === '/api/auth/sign-in-info' ? info(true) : undefined));
    renderWithApp(<TrainingBanner />);
    expect((await screen.findByTestId('training-banner')).textContent).toContain(
      '培训环境：这里的档案只用于练习',
    );
  });

  it('shows nothing on the county’s own server', async () => {
    const calls = stubApi((_m, url) => (url.pathname === '/api/auth/sign-in-info' ? info(false) : undefined));
    renderWithApp(<TrainingBanner />);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/auth/sign-in-info')).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('training-banner')).toBeNull();
  });
});
