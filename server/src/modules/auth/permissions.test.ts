import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, ROLES, abilitiesOf, can } from './permissions.ts';
import { inJurisdiction, jurisdictionFromAreas } from './actor.ts';

describe('permission table', () => {
  const expected: Record<string, string[]> = {
    village_doctor: [
      'resident.read',
      'resident.create',
      'resident.update',
      'household.write',
      'service.write',
      'place.read',
    ],
    township_staff: [
      'resident.read',
      'resident.create',
      'resident.update',
      'household.write',
      'service.write',
      'place.read',
    ],
    township_admin: [
      'resident.read',
      'resident.create',
      'resident.update',
      'household.write',
      'service.write',
      'place.read',
      'resident.archive',
      'resident.export',
      'audit.read',
    ],
    county_admin: [
      'resident.read',
      'resident.create',
      'resident.update',
      'household.write',
      'service.write',
      'place.read',
      'resident.archive',
      'resident.export',
      'audit.read',
      'user.manage',
    ],
    city_inspector: ['resident.read', 'audit.read', 'place.read'],
    system_admin: ['user.manage', 'place.read'],
  };
  it.each(ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const)))(
    '%s may %s only if listed',
    (role, action) => {
      expect(can(role, action)).toBe(expected[role]!.includes(action));
    },
  );
  it('the system administrator never touches resident data (separation of duties)', () => {
    expect(PERMISSIONS.system_admin.filter((a) => a.startsWith('resident.'))).toEqual([]);
  });
  it('the ability map lists every action', () => {
    expect(Object.keys(abilitiesOf('village_doctor')).sort()).toEqual([...ACTIONS].sort());
  });
});

describe('jurisdiction', () => {
  const j = jurisdictionFromAreas(['341524100', '341524101201']);
  it('covers villages of a township and single villages, nothing else', () => {
    expect(inJurisdiction(j, '341524100205')).toBe(true);
    expect(inJurisdiction(j, '341524101201')).toBe(true);
    expect(inJurisdiction(j, '341524101202')).toBe(false);
    expect(inJurisdiction(jurisdictionFromAreas([]), '341524100205')).toBe(false);
    expect(inJurisdiction(jurisdictionFromAreas(['341524']), '341524101202')).toBe(true);
  });
});
