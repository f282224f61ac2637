/**
 * Issue 13, finding 6: ID numbers and phones are sealed at rest (SM4) and searched through blind indexes
 * (SM3 HMAC); a key rotation re-encrypts in a pass that resumes where it stopped; plaintext of an earlier
 * release is sealed by the same pass.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { FieldCrypto } from '../src/platform/field-crypto.ts';
import { AuditMac } from '../src/modules/audit/audit.mac.ts';
import { legacyPlaintextLeft, passNeeded, runSealingPass } from '../src/modules/fieldkeys/fieldkeys.pass.ts';
import { describeEachDb } from './harness.ts';
import { buildResident, makeIdNumber } from './builders.ts';
import { testKeys } from './db-template.ts';

// The server of this file already knows key 2 when it meets a value sealed with it (as the real one reads
// its key folder again); until then it seals with key 1, like a server started before a rotation.
const key2 = crypto.createHash('sha256').update('jkda-test-field-key-2').digest();
const rotated = () => {
  const k = testKeys().fields;
  return { versions: new Map([...k.versions, [2, key2]]), index: k.index };
};

describeEachDb(
  'identifiers sealed at rest',
  (env) => {
    const idNumber = makeIdNumber('1961-07-21', '2');
    const phone = '13855550427';
    const contactPhone = '13966660428';

    it('stores no ID number or phone in the clear: rows, versions, audit, outbox', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const input = buildResident(e.villageA, {
        name: '密文测',
        idNumber,
        phone,
        birthDate: '1961-07-21',
        sex: '2',
      });
      input.basicInfo = { ...input.basicInfo, contactName: '联系人', contactPhone };
      const created = await doc.post('/api/residents', input);
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: number }).id;
      const upd = await doc.put(`/api/residents/${id}`, {
        ...input,
        phone: '13855550999',
        version: 1,
      });
      expect(upd.statusCode, upd.body).toBe(200);
      const { db } = e.database;
      const dumps = await sql<{ t: string }>`
        SELECT r::text AS t FROM resident r WHERE id = ${id}
        UNION ALL SELECT v::text FROM resident_version v WHERE resident_id = ${id}
        UNION ALL SELECT a::text FROM audit_log a WHERE resident_id = ${id}
        UNION ALL SELECT o::text FROM outbox o WHERE resident_id = ${id}`.execute(db);
      expect(dumps.rows.length).toBeGreaterThan(4);
      const all = dumps.rows.map((r) => r.t).join('\n');
      for (const secret of [idNumber, idNumber.slice(6, 14), phone, '13855550999', contactPhone])
        expect(all).not.toContain(secret);
      // The record shows them whole; the update kept the sealed ID number (no change in the history).
      const view = (await doc.get(`/api/residents/${id}`)).json() as {
        idNumber: string;
        phone: string;
        basicInfo: { contactPhone?: string };
      };
      expect([view.idNumber, view.phone, view.basicInfo.contactPhone]).toEqual([
        idNumber,
        '13855550999',
        contactPhone,
      ]);
      const hist = (await doc.get(`/api/residents/${id}/history`)).json() as {
        items: { changes: { field: string; old: unknown; new: unknown }[] }[];
      };
      expect(hist.items[0]!.changes).toEqual([{ field: 'phone', old: '138****0427', new: '138****0999' }]);
    });

    it.each([
      ['the whole ID number', () => idNumber],
      ['its last 4 characters', () => idNumber.slice(-4)],
      ['its last 6 characters', () => idNumber.slice(-6)],
      ['the phone', () => '13855550999'],
      ['the last 4 digits of the phone', () => '0999'],
    ])('finds the resident by %s', async (_what, q) => {
      const doc = await env().as('cunyi');
      const res = await doc.get(`/api/residents?q=${q()}`);
      expect(res.statusCode).toBe(200);
      const names = (res.json() as { items: { name: string; idNumberMasked: string }[] }).items;
      expect(names.map((n) => n.name)).toContain('密文测');
      expect(names.find((n) => n.name === '密文测')!.idNumberMasked).toMatch(/^\d{6}\*{11}[\dX]$/);
    });

    it('refuses a second record with the same ID number through its blind index', async () => {
      const e = env();
      const doc = await e.as('cunyi');
      const dup = await doc.post(
        '/api/residents',
        buildResident(e.villageA, { idNumber, birthDate: '1961-07-21', sex: '2' }),
      );
      expect(dup.statusCode).toBe(409);
    });

    it('re-encrypts with a new key in a pass that resumes where it stopped, search working throughout', async () => {
      const e = env();
      const { db } = e.database;
      const fields = new FieldCrypto(rotated());
      const mac = new AuditMac(testKeys().audit);
      expect(await passNeeded(db, fields)).toBe(true);
      const first = await runSealingPass(db, fields, mac, { batch: 50, maxBatches: 2 });
      expect(first.done).toBe(false);
      const mid = await db
        .selectFrom('field_key_pass')
        .selectAll()
        .where('table_name', '=', 'resident')
        .executeTakeFirstOrThrow();
      expect([mid.target_version, mid.finished_at]).toEqual([2, null]);
      expect(mid.last_id).toBeGreaterThan(0);
      // Half done: the server opens both versions and its searches find both.
      const doc = await e.as('cunyi');
      expect(
        ((await doc.get(`/api/residents?q=${idNumber}`)).json() as { items: unknown[] }).items,
      ).toHaveLength(1);
      const rest = await runSealingPass(db, fields, mac, { batch: 50 });
      expect(rest.done).toBe(true);
      const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM resident
        WHERE id_number_enc NOT LIKE 'k2.%' OR phone_enc NOT LIKE 'k2.%'
          OR (basic_info ? 'contactPhone' AND basic_info->>'contactPhone' NOT LIKE 'k2.%')`.execute(db);
      expect(left.rows[0]!.n).toBe(0);
      const versions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM resident_version
        WHERE snapshot->>'idNumber' NOT LIKE 'k2.%' OR snapshot->>'phone' NOT LIKE 'k2.%'`.execute(db);
      expect(versions.rows[0]!.n).toBe(0);
      const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM resident`.execute(db);
      const state = await db
        .selectFrom('field_key_pass')
        .selectAll()
        .where('table_name', '=', 'resident')
        .executeTakeFirstOrThrow();
      expect(state.finished_at).not.toBeNull();
      // The interrupted pass did not start over: what it sealed before the stop counts once.
      expect(Number(state.rows_sealed)).toBe(total.rows[0]!.n);
      expect(await passNeeded(db, fields)).toBe(false);
      const view = (await doc.get(`/api/residents?q=${idNumber.slice(-6)}`)).json() as {
        items: { name: string }[];
      };
      expect(view.items.map((i) => i.name)).toContain('密文测');
      const audit = await db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'fieldkeys.pass')
        .execute();
      expect(audit.length).toBe(3);
    });

    it('seals the plaintext an earlier release left, and search finds it afterwards', async () => {
      const e = env();
      const { db } = e.database;
      const old = makeIdNumber('1950-01-02', '1');
      const row = await db
        .selectFrom('resident')
        .select(['id'])
        .where('name', '=', '密文测')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('resident')
        .set({
          legacy_id_number: old,
          legacy_phone: '0564-7654321',
          id_number_enc: null,
          id_number_bi: null,
          id_tail4_bi: null,
          id_tail6_bi: null,
          phone_enc: null,
          phone_bi: null,
          phone_tail4_bi: null,
        })
        .where('id', '=', row.id)
        .execute();
      expect(await legacyPlaintextLeft(db)).toBe(true);
      const fields = new FieldCrypto(rotated());
      const r = await runSealingPass(db, fields, new AuditMac(testKeys().audit), { batch: 100 });
      expect(r.sealed.resident).toBe(1);
      expect(await legacyPlaintextLeft(db)).toBe(false);
      const doc = await e.as('cunyi');
      for (const q of [old, old.slice(-4), '7654321'.slice(-4), '05647654321']) {
        const found = (await doc.get(`/api/residents?q=${q}`)).json() as { items: { id: number }[] };
        expect(
          found.items.map((i) => i.id),
          q,
        ).toContain(row.id);
      }
    });
  },
  { services: { reloadFieldKeys: rotated } },
);
