/** Route guards: a signed-in user (else back to sign-in, remembering where the user was) and the page's ability. */
import { Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Result } from 'antd';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorResult } from '../components/ErrorResult.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import type { AppRoute } from './routes.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'error') return <ErrorResult error={session.loadError} onRetry={session.reload} />;
  if (session.status === 'signed-out') {
    const next = location.pathname + location.search;
    const qs = new URLSearchParams({ next });
    if (session.expired) qs.set('expired', '1');
    return <Navigate to={`/login?${qs.toString()}`} replace />;
  }
  return children;
}

/** Renders the route's page when the user has its ability; the page loads lazily. */
export function RoutePage({ route }: { route: AppRoute }) {
  const { can, me } = useSession();
  const { t } = useI18n();
  // A temporary password (an administrator's reset) is changed before anything else.
  if (me?.mustChangePassword && route.id !== 'account') return <Navigate to="/account" replace />;
  if (!can(route.ability)) return <Result status="403" title={t('error.forbiddenTitle')} />;
  const Page = route.page;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}
