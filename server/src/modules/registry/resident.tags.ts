/** The key population tags that registers give: a change of the resident's record like any other. */
import type { ChangeTx } from '../../platform/change.ts';
import { diffRecords } from './registry.diff.ts';
import { editableOf } from './resident.snapshot.ts';

/** Rewrites the resident's tags with `next`, as a new version of the record (nothing when they stay). */
export async function retagResident(
  tx: ChangeTx,
  residentId: number,
  next: (tags: string[]) => string[],
  kind: string,
): Promise<void> {
  const before = await tx.repos
    .residents()
    .selectAll('r')
    .where('r.id', '=', residentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const tags = next(before.key_tags);
  if (JSON.stringify(tags) === JSON.stringify(before.key_tags)) return;
  const after = await tx.trx
    .updateTable('resident')
    .set({ key_tags: tags, version: before.version + 1, updated_at: new Date() })
    .where('id', '=', residentId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changes = diffRecords(editableOf(before), editableOf(after));
  await tx.written({
    entity: 'resident',
    id: residentId,
    version: after.version,
    countyCode: after.county_code,
    villageCode: after.village_code,
    residentId,
    kind,
    changes: [...changes, { field: 'keyTags', old: before.key_tags, new: after.key_tags }],
    snapshot: editableOf(after),
    audit: { action: `resident.${kind}`, fields: ['keyTags'] },
  });
}
