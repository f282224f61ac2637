/**
 * The names of the permission model, shared by the server (whose table in modules/auth/permissions.ts
 * grants actions to roles) and the web app (which asks `can(action)` of the abilities it is sent).
 */
export const ROLES = [
  'village_doctor',
  'township_staff',
  'township_admin',
  'county_admin',
  'city_inspector',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The roles' names in Chinese and English (the server's answers and the web app's filters). */
export const ROLE_LABELS: Record<Role, [zh: string, en: string]> = {
  village_doctor: ['村医', 'Village doctor'],
  township_staff: ['乡镇卫生院工作人员', 'Township staff'],
  township_admin: ['乡镇卫生院管理员', 'Township administrator'],
  county_admin: ['县级管理员', 'County administrator'],
  city_inspector: ['市级督导', 'City inspector'],
  system_admin: ['系统管理员', 'System administrator'],
};

/** What a user may do; GET /api/auth/me answers one boolean per action (its `abilities`). */
export const ACTIONS = [
  'resident.read',
  'resident.create',
  'resident.update',
  'resident.archive',
  'resident.export',
  'household.write',
  'service.write',
  'audit.read',
  'user.manage',
  'place.read',
] as const;
export type Action = (typeof ACTIONS)[number];
