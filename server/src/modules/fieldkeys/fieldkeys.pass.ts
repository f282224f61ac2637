/**
 * The sealing pass: brings every stored ID number and phone to the current field key (platform/field-crypto.ts).
 * It seals the plaintext an earlier release left in the legacy_* columns and in version snapshots, and after
 * `jkda keys rotate` re-encrypts what older keys sealed. It walks each table in id order, a batch per
 * transaction with its rows locked, and keeps how far it got in field_key_pass, so a pass that stops (a
 * restart, a kill) goes on from there. It changes how values are stored, never what they are: no version,
 * no outbox event; one audit row when a table is done.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { FieldCrypto, type FieldLabel } from '../../platform/field-crypto.ts';
import { writeAuditInTx } from '../audit/audit.writer.ts';
import type { AuditMac } from '../audit/audit.mac.ts';

export const PASS_TABLES = ['resident', 'resident_version', 'app_user'] as const;
export type PassTable = (typeof PASS_TABLES)[number];

export interface PassOptions {
  /** Rows per transaction (default 500). */
  batch?: number;
  /** Stop after this many batches (a test's interrupted pass); the next run resumes. */
  maxBatches?: number;
  onProgress?: (table: PassTable, scanned: number, sealed: number) => void;
}

export interface PassResult {
  /** Rows rewritten, by table. */
  sealed: Record<PassTable, number>;
  /** Whether every table is done for the current key. */
  done: boolean;
}

/** A value that needs sealing again: plaintext, or sealed with an older key. */
const stale = (fields: FieldCrypto, v: unknown): v is string =>
  typeof v === 'string' && v !== '' && FieldCrypto.versionOf(v) !== fields.current;

function reseal(fields: FieldCrypto, label: FieldLabel, v: string): string {
  return fields.seal(label, FieldCrypto.isSealed(v) ? fields.open(label, v) : v);
}

/** Whether the tables are done for the current key (a finished pass of this version each). */
export async function passStatus(
  db: Kysely<DB>,
  fields: FieldCrypto,
): Promise<{ table: string; targetVersion: number; lastId: number; sealed: number; finished: boolean }[]> {
  const rows = await db.selectFrom('field_key_pass').selectAll().execute();
  return PASS_TABLES.map((t) => {
    const r = rows.find((x) => x.table_name === t);
    return {
      table: t,
      targetVersion: r?.target_version ?? 0,
      lastId: r?.last_id ?? 0,
      sealed: r?.rows_sealed ?? 0,
      finished: Boolean(r && r.target_version === fields.current && r.finished_at),
    };
  });
}

export async function passNeeded(db: Kysely<DB>, fields: FieldCrypto): Promise<boolean> {
  return (await passStatus(db, fields)).some((s) => !s.finished);
}

/** Whether plaintext of an earlier release is still in the resident or account rows (seal before serving). */
export async function legacyPlaintextLeft(db: Kysely<DB>): Promise<boolean> {
  const r = await sql<{ left: boolean }>`SELECT
      EXISTS (SELECT 1 FROM resident WHERE legacy_id_number IS NOT NULL OR legacy_phone IS NOT NULL)
      OR EXISTS (SELECT 1 FROM app_user WHERE legacy_phone IS NOT NULL) AS left`.execute(db);
  return Boolean(r.rows[0]?.left);
}

/** Marks every table done for the current key: a database whose every value was sealed by this key. */
export async function markSealed(db: Kysely<DB>, fields: FieldCrypto): Promise<void> {
  for (const t of PASS_TABLES)
    await db
      .insertInto('field_key_pass')
      .values({ table_name: t, target_version: fields.current, finished_at: new Date() })
      .onConflict((oc) =>
        oc.column('table_name').doUpdateSet({
          target_version: fields.current,
          last_id: 0,
          rows_sealed: 0,
          started_at: new Date(),
          finished_at: new Date(),
        }),
      )
      .execute();
}

export async function runSealingPass(
  db: Kysely<DB>,
  fields: FieldCrypto,
  auditMac: AuditMac,
  opts: PassOptions = {},
): Promise<PassResult> {
  const batch = opts.batch ?? 500;
  let batches = 0;
  const sealed: Record<PassTable, number> = { resident: 0, resident_version: 0, app_user: 0 };
  // Plaintext left by an earlier release (or put back by hand) makes even a finished pass run again.
  const legacy = await legacyPlaintextLeft(db);
  for (const table of PASS_TABLES) {
    const state = await db
      .selectFrom('field_key_pass')
      .selectAll()
      .where('table_name', '=', table)
      .executeTakeFirst();
    const ofThisKey = state?.target_version === fields.current;
    if (ofThisKey && state.finished_at && !legacy) continue;
    // A pass of another (older) key, or a finished one, starts over; an unfinished one of this key resumes.
    const resume = ofThisKey && !state.finished_at;
    let lastId = resume ? state.last_id : 0;
    let total = resume ? state.rows_sealed : 0;
    await db
      .insertInto('field_key_pass')
      .values({ table_name: table, target_version: fields.current, last_id: lastId, rows_sealed: total })
      .onConflict((oc) =>
        oc.column('table_name').doUpdateSet({
          target_version: fields.current,
          last_id: lastId,
          rows_sealed: total,
          finished_at: null,
        }),
      )
      .execute();
    for (;;) {
      if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return { sealed, done: false };
      batches++;
      const step = await db.transaction().execute(async (trx) => {
        const r = await BATCH[table](trx, fields, lastId, batch);
        await trx
          .updateTable('field_key_pass')
          .set({
            last_id: r.lastId,
            rows_sealed: total + r.sealed,
            ...(r.end ? { finished_at: new Date() } : {}),
          })
          .where('table_name', '=', table)
          .execute();
        if (r.end)
          await writeAuditInTx(trx, auditMac, { requestId: 'system', ip: undefined }, [
            {
              action: 'fieldkeys.pass',
              entityType: table,
              detail: { keyVersion: fields.current, rowsSealed: total + r.sealed },
            },
          ]);
        return r;
      });
      lastId = step.lastId;
      total += step.sealed;
      sealed[table] += step.sealed;
      opts.onProgress?.(table, step.lastId, total);
      if (step.end) break;
    }
  }
  return { sealed, done: true };
}

interface Step {
  lastId: number;
  sealed: number;
  end: boolean;
}

const BATCH: Record<
  PassTable,
  (trx: Kysely<DB>, fields: FieldCrypto, after: number, n: number) => Promise<Step>
> = {
  async resident(trx, fields, after, n) {
    const rows = await trx
      .selectFrom('resident')
      .select(['id', 'legacy_id_number', 'legacy_phone', 'id_number_enc', 'phone_enc', 'basic_info'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(n)
      .forUpdate()
      .execute();
    let sealed = 0;
    for (const r of rows) {
      const set: Record<string, unknown> = {};
      if (r.legacy_id_number !== null || stale(fields, r.id_number_enc)) {
        const plain =
          r.legacy_id_number ?? (r.id_number_enc ? fields.open('resident.id_number', r.id_number_enc) : null);
        Object.assign(set, fields.idNumberColumns(plain), { legacy_id_number: null });
      }
      if (r.legacy_phone !== null || stale(fields, r.phone_enc)) {
        const plain = r.legacy_phone ?? (r.phone_enc ? fields.open('resident.phone', r.phone_enc) : null);
        Object.assign(set, fields.phoneColumns(plain), { legacy_phone: null });
      }
      const contact = r.basic_info.contactPhone;
      if (stale(fields, contact))
        set.basic_info = JSON.stringify({
          ...r.basic_info,
          contactPhone: reseal(fields, 'resident.contact_phone', contact),
        });
      if (Object.keys(set).length === 0) continue;
      await trx.updateTable('resident').set(set).where('id', '=', r.id).execute();
      sealed++;
    }
    return { lastId: rows.at(-1)?.id ?? after, sealed, end: rows.length < n };
  },

  async resident_version(trx, fields, after, n) {
    // In resident id order, every version of a batch of residents at once (the key is (resident_id, version)).
    const ids = await trx
      .selectFrom('resident')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(n)
      .execute();
    if (ids.length === 0) return { lastId: after, sealed: 0, end: true };
    const last = ids.at(-1)!.id;
    const rows = await trx
      .selectFrom('resident_version')
      .select(['resident_id', 'version', 'snapshot', 'changes'])
      .where('resident_id', '>', after)
      .where('resident_id', '<=', last)
      .forUpdate()
      .execute();
    let sealed = 0;
    for (const r of rows) {
      const snap = { ...r.snapshot };
      let touched = false;
      for (const [key, label] of [
        ['idNumber', 'resident.id_number'],
        ['phone', 'resident.phone'],
      ] as const) {
        const v = snap[key];
        if (stale(fields, v)) {
          snap[key] = reseal(fields, label, v);
          touched = true;
        }
      }
      const basic = snap.basicInfo as Record<string, unknown> | undefined;
      if (basic && stale(fields, basic.contactPhone)) {
        snap.basicInfo = {
          ...basic,
          contactPhone: reseal(fields, 'resident.contact_phone', basic.contactPhone),
        };
        touched = true;
      }
      const labels: Record<string, FieldLabel> = {
        idNumber: 'resident.id_number',
        phone: 'resident.phone',
        'basicInfo.contactPhone': 'resident.contact_phone',
      };
      const changes = r.changes.map((c) => {
        const label = labels[c.field];
        if (!label || (!stale(fields, c.old) && !stale(fields, c.new))) return c;
        touched = true;
        return {
          ...c,
          old: stale(fields, c.old) ? reseal(fields, label, c.old) : c.old,
          new: stale(fields, c.new) ? reseal(fields, label, c.new) : c.new,
        };
      });
      if (!touched) continue;
      await trx
        .updateTable('resident_version')
        .set({ snapshot: JSON.stringify(snap), changes: JSON.stringify(changes) })
        .where('resident_id', '=', r.resident_id)
        .where('version', '=', r.version)
        .execute();
      sealed++;
    }
    return { lastId: last, sealed, end: ids.length < n };
  },

  async app_user(trx, fields, after, n) {
    const rows = await trx
      .selectFrom('app_user')
      .select(['id', 'legacy_phone', 'phone_enc'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(n)
      .forUpdate()
      .execute();
    let sealed = 0;
    for (const r of rows) {
      if (r.legacy_phone === null && !stale(fields, r.phone_enc)) continue;
      const plain = r.legacy_phone ?? fields.open('app_user.phone', r.phone_enc!);
      await trx
        .updateTable('app_user')
        .set({ phone_enc: fields.seal('app_user.phone', plain), legacy_phone: null })
        .where('id', '=', r.id)
        .execute();
      sealed++;
    }
    return { lastId: rows.at(-1)?.id ?? after, sealed, end: rows.length < n };
  },
};
