/**
 * Where an unsigned record is finished: a register's follow-up on its follow-up page (`?draft=`), any other
 * type on the generic service-record page.
 */
import { pathOf } from '../../app/routeTable.tsx';
import { followUpRegisterOf } from '../../programs/index.ts';

export function draftPath(d: { residentId: number; type: string; id: number }): string {
  const register = followUpRegisterOf(d.type);
  return register
    ? `${pathOf('followup', { id: d.residentId, program: register.program })}?draft=${d.id}`
    : pathOf('service', { id: d.residentId, type: d.type, serviceId: d.id });
}
