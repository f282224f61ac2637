/** A resident row in the shape of the form: what versions are compared and kept on. */
import type { Selectable } from 'kysely';
import type { ResidentTable } from '../../platform/db-types.ts';

export type ResidentRow = Selectable<ResidentTable>;

/**
 * The editable fields of a stored row, in the shape of the form (what versions are compared on and kept
 * as). The identifiers stay sealed as the row has them (registry/resident.fields.ts): a version snapshot
 * or a field change holds no plaintext ID number or phone, and a write that keeps one keeps its sealed form.
 */
export function editableOf(r: ResidentRow): Record<string, unknown> {
  return {
    villageCode: r.village_code,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    idType: r.id_type,
    idNumber: r.id_number_enc ?? undefined,
    phone: r.phone_enc ?? undefined,
    currentAddress: r.current_address ?? undefined,
    registeredAddress: r.registered_address ?? undefined,
    householdId: r.household_id ?? undefined,
    relationToHead: r.relation_to_head ?? undefined,
    responsibleDoctorId: r.responsible_doctor_id ?? undefined,
    recordDate: r.record_date,
    manualTags: r.key_tags.filter((t) => t === 'pregnant' || t === 'poverty'),
    basicInfo: r.basic_info,
    status: r.status,
    archiveReason: r.archive_reason ?? undefined,
    archiveDate: r.archive_date ?? undefined,
    archiveNote: r.archive_note ?? undefined,
  };
}
