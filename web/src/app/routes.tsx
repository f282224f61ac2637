/**
 * The route table with its pages: each route of routeTable.tsx and the page component it shows, loaded
 * when first opened. Only the router and the layout import this module; pages import routeTable.tsx.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ROUTE_TABLE, type RouteId, type RouteMeta } from './routeTable.tsx';

export interface AppRoute extends RouteMeta {
  page: LazyExoticComponent<ComponentType>;
}

const page = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) =>
  lazy(async () => ({ default: (await load())[name] as ComponentType }));

const PAGES: Record<RouteId, LazyExoticComponent<ComponentType>> = {
  home: page(() => import('../pages/home/HomePage.tsx'), 'HomePage'),
  residents: page(() => import('../pages/residents/ResidentListPage.tsx'), 'ResidentListPage'),
  'resident-new': page(() => import('../pages/resident-form/ResidentCreatePage.tsx'), 'ResidentCreatePage'),
  resident: page(() => import('../pages/resident/ResidentPage.tsx'), 'ResidentPage'),
  'resident-edit': page(() => import('../pages/resident-form/ResidentEditPage.tsx'), 'ResidentEditPage'),
  households: page(() => import('../pages/households/HouseholdsPage.tsx'), 'HouseholdsPage'),
  household: page(() => import('../pages/households/HouseholdPage.tsx'), 'HouseholdPage'),
  worklist: page(() => import('../pages/worklist/WorklistPage.tsx'), 'WorklistPage'),
  followup: page(() => import('../pages/followup/FollowUpPage.tsx'), 'FollowUpPage'),
  'service-new': page(() => import('../pages/services/ServiceRecordPage.tsx'), 'ServiceRecordPage'),
  service: page(() => import('../pages/services/ServiceRecordPage.tsx'), 'ServiceRecordPage'),
  'record-card': page(() => import('../pages/print/RecordCardPage.tsx'), 'RecordCardPage'),
  users: page(() => import('../pages/users/UsersPage.tsx'), 'UsersPage'),
  'audit-log': page(() => import('../pages/audit/AuditLogPage.tsx'), 'AuditLogPage'),
  account: page(() => import('../pages/account/AccountPage.tsx'), 'AccountPage'),
};

export const ROUTES: AppRoute[] = ROUTE_TABLE.map((r) => ({ ...r, page: PAGES[r.id] }));
