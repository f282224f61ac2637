/** Creating accounts (CLI and setup). Runs as SYSTEM; the password policy always applies. */
import type { Kysely } from 'kysely';
import { passwordPolicyOk } from '@jkda/domain/messages';
import type { DB } from '../../platform/db-types.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { hashPassword } from './password.ts';
import { ROLES, type Role } from './permissions.ts';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  institutionCode: string;
  password: string;
  phone?: string;
}

export async function systemAddUser(db: Kysely<DB>, fields: FieldCrypto, u: NewUser): Promise<number> {
  if (!/^[a-z0-9_.-]{3,32}$/i.test(u.username))
    throw new Error('User names have 3–32 letters, digits, _ . -');
  if (!(ROLES as readonly string[]).includes(u.role))
    throw new Error(`Role must be one of: ${ROLES.join(', ')}`);
  if (!passwordPolicyOk(u.password))
    throw new Error(
      'The password needs at least 8 characters from three of: upper-case, lower-case, digits, symbols.',
    );
  const inst = await db
    .selectFrom('institution')
    .select(['id', 'county_code', 'kind'])
    .where('code', '=', u.institutionCode)
    .executeTakeFirst();
  if (!inst) throw new Error(`No institution with code ${u.institutionCode}.`);
  const row = await db
    .insertInto('app_user')
    .values({
      county_code: inst.county_code,
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      institution_id: inst.id,
      phone_enc: fields.sealOrNull('app_user.phone', u.phone),
      password_hash: await hashPassword(u.password),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
