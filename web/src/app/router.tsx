/** The router, built from the route table. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../pages/login/LoginPage.tsx';
import { NotFoundPage } from '../pages/errors/NotFoundPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireAuth, RoutePage } from './guards.tsx';
import { ROUTES, type AppRoute } from './routes.tsx';

export interface RouteHandle {
  route?: AppRoute;
}

const toObject = (r: AppRoute): RouteObject => ({
  path: r.path,
  element: <RoutePage route={r} />,
  handle: { route: r } satisfies RouteHandle,
});

export function buildRoutes(): RouteObject[] {
  return [
    { path: '/login', element: <LoginPage /> },
    ...ROUTES.filter((r) => r.layout === 'bare').map((r) => ({
      ...toObject(r),
      element: (
        <RequireAuth>
          <RoutePage route={r} />
        </RequireAuth>
      ),
    })),
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        ...ROUTES.filter((r) => r.layout === 'app').map(toObject),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export const createRouter = () => createBrowserRouter(buildRoutes());
