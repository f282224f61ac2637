/** SQL of the registers. Reads start from the scoped repositories; the helpers here run inside a change. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, ProgramEnrolmentTable } from '../../platform/db-types.ts';
import { notFound, staleVersion } from '../../platform/errors.ts';
import type { Repos } from '../../platform/repos.ts';

export type EnrolmentRow = Selectable<ProgramEnrolmentTable>;

/** The enrolment in the actor's jurisdiction, locked for a change of the version the user edited. */
export async function lockEnrolment(r: Repos, id: number, version: number): Promise<EnrolmentRow> {
  const e = await r.enrolments().selectAll('e').where('e.id', '=', id).forUpdate().executeTakeFirst();
  if (!e) throw notFound();
  if (e.version !== version) throw staleVersion(e.version, version);
  return e;
}

export function enrolmentsOf(r: Repos, residentId: number): Promise<EnrolmentRow[]> {
  return r.enrolments().selectAll('e').where('e.resident_id', '=', residentId).orderBy('e.id').execute();
}

export async function managedPrograms(trx: Kysely<DB>, residentId: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('program_enrolment')
    .select('program')
    .where('resident_id', '=', residentId)
    .where('status', '=', 'managed')
    .execute();
  return rows.map((r) => r.program);
}

/** What a version row of an enrolment keeps. */
export function enrolmentSnapshot(e: EnrolmentRow): Record<string, unknown> {
  return {
    program: e.program,
    status: e.status,
    statusDate: e.status_date,
    enrolledOn: e.enrolled_on,
    diagnosisDate: e.diagnosis_date,
    diagnosisSource: e.diagnosis_source,
    managingDoctorId: e.managing_doctor_id,
    villageCode: e.village_code,
  };
}
