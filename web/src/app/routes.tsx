/**
 * The one route table: it drives the router, the side menu, breadcrumbs, page titles and which
 * abilities (from GET /api/auth/me) a page needs. A page the user may not open is not in the menu.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  CalendarOutlined,
  HomeOutlined,
  PlusOutlined,
  SearchOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Ability } from '../auth/auth.api.ts';
import type { MsgKey } from '../i18n/messages.ts';

export interface AppRoute {
  id: string;
  path: string;
  title: MsgKey;
  /** The ability the page needs; without it the page is neither routed to nor shown in the menu. */
  ability?: Ability;
  /** Shown in the side menu (under a group when given). */
  menu?: { icon: ReactNode; group?: MenuGroupId };
  /** The route above this one in the breadcrumbs. */
  parent?: string;
  /** 'app': inside the menu layout; 'bare': signed in but without the layout (printing). */
  layout: 'app' | 'bare';
  page: LazyExoticComponent<ComponentType>;
}

export type MenuGroupId = 'residents';
export const MENU_GROUPS: Record<MenuGroupId, { title: MsgKey; icon: ReactNode }> = {
  residents: { title: 'nav.residents', icon: <UserOutlined /> },
};

const page = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType }));

export const ROUTES: AppRoute[] = [
  {
    id: 'home',
    path: '/',
    title: 'nav.home',
    menu: { icon: <HomeOutlined /> },
    layout: 'app',
    page: page(() => import('../pages/home/HomePage.tsx'), 'HomePage'),
  },
  {
    id: 'residents',
    path: '/residents',
    title: 'nav.residentList',
    ability: 'resident.read',
    menu: { icon: <SearchOutlined />, group: 'residents' },
    parent: 'home',
    layout: 'app',
    page: page(() => import('../pages/residents/ResidentListPage.tsx'), 'ResidentListPage'),
  },
  {
    id: 'resident-new',
    path: '/residents/new',
    title: 'nav.residentNew',
    ability: 'resident.create',
    menu: { icon: <PlusOutlined />, group: 'residents' },
    parent: 'residents',
    layout: 'app',
    page: page(() => import('../pages/resident-form/ResidentCreatePage.tsx'), 'ResidentCreatePage'),
  },
  {
    id: 'resident',
    path: '/residents/:id',
    title: 'nav.residentRecord',
    ability: 'resident.read',
    parent: 'residents',
    layout: 'app',
    page: page(() => import('../pages/resident/ResidentPage.tsx'), 'ResidentPage'),
  },
  {
    id: 'resident-edit',
    path: '/residents/:id/edit',
    title: 'nav.residentEdit',
    ability: 'resident.update',
    parent: 'resident',
    layout: 'app',
    page: page(() => import('../pages/resident-form/ResidentEditPage.tsx'), 'ResidentEditPage'),
  },
  {
    id: 'households',
    path: '/households',
    title: 'nav.households',
    ability: 'resident.read',
    menu: { icon: <TeamOutlined /> },
    parent: 'home',
    layout: 'app',
    page: page(() => import('../pages/households/HouseholdsPage.tsx'), 'HouseholdsPage'),
  },
  {
    id: 'household',
    path: '/households/:id',
    title: 'nav.household',
    ability: 'resident.read',
    parent: 'households',
    layout: 'app',
    page: page(() => import('../pages/households/HouseholdPage.tsx'), 'HouseholdPage'),
  },
  {
    id: 'worklist',
    path: '/worklist',
    title: 'nav.worklist',
    ability: 'resident.read',
    menu: { icon: <CalendarOutlined /> },
    parent: 'home',
    layout: 'app',
    page: page(() => import('../pages/worklist/WorklistPage.tsx'), 'WorklistPage'),
  },
  {
    id: 'followup',
    path: '/residents/:id/followup/:program',
    title: 'nav.followup',
    ability: 'service.write',
    parent: 'worklist',
    layout: 'app',
    page: page(() => import('../pages/followup/FollowUpPage.tsx'), 'FollowUpPage'),
  },
  {
    id: 'service-new',
    path: '/residents/:id/services/:type/new',
    title: 'nav.serviceNew',
    ability: 'service.write',
    parent: 'resident',
    layout: 'app',
    page: page(() => import('../pages/services/ServiceRecordPage.tsx'), 'ServiceRecordPage'),
  },
  {
    id: 'service',
    path: '/residents/:id/services/:type/:serviceId',
    title: 'nav.serviceRecord',
    ability: 'resident.read',
    parent: 'resident',
    layout: 'app',
    page: page(() => import('../pages/services/ServiceRecordPage.tsx'), 'ServiceRecordPage'),
  },
  {
    id: 'record-card',
    path: '/print/residents/:id',
    title: 'nav.recordCard',
    ability: 'resident.read',
    parent: 'resident',
    layout: 'bare',
    page: page(() => import('../pages/print/RecordCardPage.tsx'), 'RecordCardPage'),
  },
];

export const routeById = (id: string): AppRoute | undefined => ROUTES.find((r) => r.id === id);

/** Fills :params of a route path, e.g. pathOf('resident', { id: 7 }) → /residents/7. */
export function pathOf(id: string, params: Record<string, string | number> = {}): string {
  const r = routeById(id);
  if (!r) throw new Error(`no route ${id}`);
  return r.path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(String(params[k] ?? '')));
}
