/**
 * The one permission table: role × action. Anything not listed is denied.
 * Jurisdiction (which residents) is a separate, data-level filter; see actor.ts.
 */
import { ACTIONS, type Action, type Role } from '@jkda/domain/permissions';

export { ACTIONS, ROLE_LABELS, ROLES, type Action, type Role } from '@jkda/domain/permissions';

const clinical: Action[] = [
  'resident.read',
  'resident.create',
  'resident.update',
  'household.write',
  'service.write',
  'place.read',
];

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  village_doctor: clinical,
  township_staff: clinical,
  township_admin: [...clinical, 'resident.archive', 'resident.export', 'audit.read'],
  county_admin: [...clinical, 'resident.archive', 'resident.export', 'audit.read', 'user.manage'],
  // Read-only oversight for city acceptance checks.
  city_inspector: ['resident.read', 'audit.read', 'place.read'],
  // Separation of duties (三权分立): the system administrator manages accounts, not resident data.
  system_admin: ['user.manage', 'place.read'],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** The ability map sent to the web app, which hides what the user may not do. */
export function abilitiesOf(role: Role): Record<Action, boolean> {
  return Object.fromEntries(ACTIONS.map((a) => [a, can(role, a)])) as Record<Action, boolean>;
}
