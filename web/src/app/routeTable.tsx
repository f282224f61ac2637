/**
 * The one route table: it drives the router, the side menu, breadcrumbs, page titles and which
 * abilities (from GET /api/auth/me) a page needs. A page the user may not open is not in the menu.
 * It names no page component (routes.tsx adds those), so pages may import pathOf without a cycle.
 */
import type { ReactNode } from 'react';
import {
  AuditOutlined,
  CalendarOutlined,
  HomeOutlined,
  PlusOutlined,
  SearchOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Ability } from '../auth/auth.api.ts';
import type { MsgKey } from '../i18n/messages.ts';

export interface RouteMeta {
  id: RouteId;
  path: string;
  title: MsgKey;
  /** The ability the page needs; without it the page is neither routed to nor shown in the menu. */
  ability?: Ability;
  /** Shown in the side menu (under a group when given). */
  menu?: { icon: ReactNode; group?: MenuGroupId };
  /** The route above this one in the breadcrumbs. */
  parent?: RouteId;
  /** 'app': inside the menu layout; 'bare': signed in but without the layout (printing). */
  layout: 'app' | 'bare';
}

export type MenuGroupId = 'residents';
export const MENU_GROUPS: Record<MenuGroupId, { title: MsgKey; icon: ReactNode }> = {
  residents: { title: 'nav.residents', icon: <UserOutlined /> },
};

export const ROUTE_IDS = [
  'home',
  'residents',
  'resident-new',
  'resident',
  'resident-edit',
  'households',
  'household',
  'worklist',
  'followup',
  'service-new',
  'service',
  'record-card',
  'users',
  'audit-log',
  'account',
] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

export const ROUTE_TABLE: RouteMeta[] = [
  {
    id: 'home',
    path: '/',
    title: 'nav.home',
    menu: { icon: <HomeOutlined /> },
    layout: 'app',
  },
  {
    id: 'residents',
    path: '/residents',
    title: 'nav.residentList',
    ability: 'resident.read',
    menu: { icon: <SearchOutlined />, group: 'residents' },
    parent: 'home',
    layout: 'app',
  },
  {
    id: 'resident-new',
    path: '/residents/new',
    title: 'nav.residentNew',
    ability: 'resident.create',
    menu: { icon: <PlusOutlined />, group: 'residents' },
    parent: 'residents',
    layout: 'app',
  },
  {
    id: 'resident',
    path: '/residents/:id',
    title: 'nav.residentRecord',
    ability: 'resident.read',
    parent: 'residents',
    layout: 'app',
  },
  {
    id: 'resident-edit',
    path: '/residents/:id/edit',
    title: 'nav.residentEdit',
    ability: 'resident.update',
    parent: 'resident',
    layout: 'app',
  },
  {
    id: 'households',
    path: '/households',
    title: 'nav.households',
    ability: 'resident.read',
    menu: { icon: <TeamOutlined /> },
    parent: 'home',
    layout: 'app',
  },
  {
    id: 'household',
    path: '/households/:id',
    title: 'nav.household',
    ability: 'resident.read',
    parent: 'households',
    layout: 'app',
  },
  {
    id: 'worklist',
    path: '/worklist',
    title: 'nav.worklist',
    ability: 'resident.read',
    menu: { icon: <CalendarOutlined /> },
    parent: 'home',
    layout: 'app',
  },
  {
    id: 'followup',
    path: '/residents/:id/followup/:program',
    title: 'nav.followup',
    ability: 'service.write',
    parent: 'worklist',
    layout: 'app',
  },
  {
    id: 'service-new',
    path: '/residents/:id/services/:type/new',
    title: 'nav.serviceNew',
    ability: 'service.write',
    parent: 'resident',
    layout: 'app',
  },
  {
    id: 'service',
    path: '/residents/:id/services/:type/:serviceId',
    title: 'nav.serviceRecord',
    ability: 'resident.read',
    parent: 'resident',
    layout: 'app',
  },
  {
    id: 'record-card',
    path: '/print/residents/:id',
    title: 'nav.recordCard',
    ability: 'resident.read',
    parent: 'resident',
    layout: 'bare',
  },
  {
    id: 'users',
    path: '/users',
    title: 'nav.users',
    ability: 'user.manage',
    menu: { icon: <SolutionOutlined /> },
    parent: 'home',
    layout: 'app',
  },
  {
    id: 'audit-log',
    path: '/audit',
    title: 'nav.auditLog',
    ability: 'audit.read',
    menu: { icon: <AuditOutlined /> },
    parent: 'home',
    layout: 'app',
  },
  {
    // Reached from the user's name in the header; every signed-in user has one.
    id: 'account',
    path: '/account',
    title: 'nav.account',
    parent: 'home',
    layout: 'app',
  },
];

export const routeById = (id: string): RouteMeta | undefined => ROUTE_TABLE.find((r) => r.id === id);

/** Fills :params of a route path, e.g. pathOf('resident', { id: 7 }) → /residents/7. */
export function pathOf(id: RouteId, params: Record<string, string | number> = {}): string {
  const r = routeById(id);
  if (!r) throw new Error(`no route ${id}`);
  return r.path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(String(params[k] ?? '')));
}
