/**
 * The sealed identifiers of a resident's record (platform/field-crypto.ts): the ID number, the phone and the
 * contact person's phone inside basic_info, as stored in the row, in its version snapshots and in the field
 * changes of its history. Everything else of the registry sees plaintext, through these functions only.
 */
import { maskIdNumber, maskPhone } from '@jkda/domain';
import { FieldCrypto } from '../../platform/field-crypto.ts';
import type { FieldChange } from '../../platform/db-types.ts';

/** The row columns of an ID number and a phone: sealed values and blind indexes. */
export function identifierColumns(
  fields: FieldCrypto,
  idNumber: string | null,
  phone: string | null | undefined,
) {
  return { ...fields.idNumberColumns(idNumber), ...fields.phoneColumns(phone) };
}

type Basic = Record<string, unknown>;

/** basic_info as stored: the contact person's phone sealed. */
export function sealBasicInfo(fields: FieldCrypto, basic: Basic): Basic {
  const phone = basic.contactPhone;
  if (typeof phone !== 'string' || !phone || FieldCrypto.isSealed(phone)) return basic;
  return { ...basic, contactPhone: fields.seal('resident.contact_phone', phone) };
}

/** basic_info as the form has it: the contact person's phone opened (plaintext of an earlier release kept). */
export function openBasicInfo(fields: FieldCrypto, basic: Basic): Basic {
  const phone = basic.contactPhone;
  if (!FieldCrypto.isSealed(phone)) return basic;
  return { ...basic, contactPhone: fields.open('resident.contact_phone', phone) };
}

/** The identifiers of a version snapshot or a change, by the form's field names. */
const SEALED_FIELDS = {
  idNumber: 'resident.id_number',
  phone: 'resident.phone',
  'basicInfo.contactPhone': 'resident.contact_phone',
} as const;

/**
 * The identifier columns and basic_info of an edited record, keeping the sealed form of each value that
 * did not change (sealing again would give another ciphertext, and the version would show a change).
 */
export function editedIdentifiers(
  fields: FieldCrypto,
  current: { id_number_enc: string | null; phone_enc: string | null; basic_info: Basic },
  idNumber: string | null,
  phone: string | null | undefined,
  basic: Basic,
) {
  const ids =
    fields.openOrNull('resident.id_number', current.id_number_enc) === idNumber
      ? {}
      : fields.idNumberColumns(idNumber);
  const phones =
    fields.openOrNull('resident.phone', current.phone_enc) === (phone ?? null)
      ? {}
      : fields.phoneColumns(phone);
  const before = current.basic_info.contactPhone;
  const sameContact =
    FieldCrypto.isSealed(before) && fields.open('resident.contact_phone', before) === basic.contactPhone;
  return {
    ...ids,
    ...phones,
    basic_info: sameContact ? { ...basic, contactPhone: before } : sealBasicInfo(fields, basic),
  };
}

/**
 * Field changes as the history shows them: identifiers opened and masked by the one masking policy, so
 * the history never shows more of an earlier ID number or phone than a list does of the current one.
 */
export function maskedChanges(fields: FieldCrypto, changes: readonly FieldChange[]): FieldChange[] {
  return changes.map((c) => {
    const label = SEALED_FIELDS[c.field as keyof typeof SEALED_FIELDS];
    if (!label) return c;
    const mask = c.field === 'idNumber' ? maskIdNumber : maskPhone;
    const shown = (v: unknown) => {
      if (typeof v !== 'string' || !v) return v;
      return mask(FieldCrypto.isSealed(v) ? fields.open(label, v) : v);
    };
    return { ...c, old: shown(c.old), new: shown(c.new) };
  });
}
