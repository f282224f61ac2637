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
