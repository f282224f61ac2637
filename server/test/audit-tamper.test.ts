/**
 * Tampering with the audit log by someone with database access (owner rights: guard triggers can be
 * disabled) but without the server's key folder: each kind is named by verifyChain (issue 13, finding 3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeEachDb, type TestEnv } from './harness.ts';
import { buildResident } from './builders.ts';
import { sealAuditLog, verifyChain, type ChainProblem } from '../src/modules/audit/audit.chain.ts';
import { readCheckpoints, writeCheckpoint } from '../src/modules/audit/audit.checkpoint.ts';
import type { DB } from '../src/platform/db-types.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function unguarded(db: Kysely<DB>, work: () => Promise<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`.execute(db);
  await sql`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_guard`.execute(db);
  await sql`ALTER TABLE audit_chain_head DISABLE TRIGGER audit_chain_head_guard`.execute(db);
  try {
    await work();
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard`.execute(db);
    await sql`ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_guard`.execute(db);
    await sql`ALTER TABLE audit_chain_head ENABLE TRIGGER audit_chain_head_guard`.execute(db);
  }
}

/** A few genuine rows (create and reads of a resident), sealed; returns their ids and chain positions. */
async function genuineRows(e: TestEnv, name: string) {
  const doc = await e.as('cunyi');
  const r = (await doc.post('/api/residents', buildResident(e.villageA, { name }))).json() as { id: number };
  for (let i = 0; i < 3; i++) await doc.get(`/api/residents/${r.id}`);
  await sealAuditLog(e.database.db, e.services.keys.audit);
  const rows = await e.database.db
    .selectFrom('audit_seal as s')
    .innerJoin('audit_log as a', 'a.id', 's.audit_id')
    .select(['a.id', 's.chain_pos as pos'])
    .where('a.resident_id', '=', r.id)
    .orderBy('s.chain_pos')
    .execute();
  return { residentId: r.id, rows };
}

describeEachDb('audit log tampering', (env) => {
  // The tests share one database, so each looks at the problems its own tampering added.
  let earlier: ChainProblem[] = [];
  const same = (a: ChainProblem, b: ChainProblem) => JSON.stringify(a) === JSON.stringify(b);
  const verify = async (e: TestEnv, checkpointDir?: string) => {
    const v = await verifyChain(e.database.db, e.services.keys.audit, {
      ...(checkpointDir
        ? { checkpoints: readCheckpoints(checkpointDir, e.services.keys.checkpointPublic) }
        : {}),
    });
    const problems = v.problems.filter((p) => !earlier.some((q) => same(p, q)));
    return { ok: problems.length === 0, problems };
  };
  beforeEach(async () => {
    earlier = (await verifyChain(env().database.db, env().services.keys.audit)).problems;
  });

  it('starts intact: every seeded and written row carries a valid MAC', async () => {
    const e = env();
    await genuineRows(e, '甲审计');
    expect(await verify(e)).toMatchObject({ ok: true, problems: [] });
  });

  it('names a forged row, sealed or not, and a copy of a genuine row', async () => {
    const e = env();
    const { db } = e.database;
    const { residentId } = await genuineRows(e, '乙审计');
    // A row that looks like a doctor's read, inserted with SQL: the sealer seals it but reports it.
    const { rows } = await sql<{
      id: number;
    }>`INSERT INTO audit_log (at, county_code, actor_user_id, actor_username,
      actor_role, action, entity_type, entity_id, resident_id, outcome, mac)
      VALUES (now(), '341524', 1, 'cunyi2', 'village_doctor', 'resident.read', 'resident', ${String(residentId)},
        ${residentId}, 'ok', ${'v1:' + '0'.repeat(24) + ':' + 'f'.repeat(64)}) RETURNING id`.execute(db);
    const forged = rows[0]!.id;
    expect(await verify(e)).toMatchObject({ ok: false, problems: [{ id: forged, problem: 'forged_row' }] });
    const reported: number[] = [];
    await sealAuditLog(db, e.services.keys.audit, { onForged: (ids) => reported.push(...ids) });
    expect(reported).toEqual([forged]);
    const v = await verify(e);
    expect(v.problems).toContainEqual(expect.objectContaining({ id: forged, problem: 'forged_row' }));
    // A copy of a genuine row (its MAC too) shows up as a copy.
    const { rows: copy } = await sql<{ id: number }>`INSERT INTO audit_log (at, county_code, actor_user_id,
      actor_username, actor_role, ip, request_id, action, entity_type, entity_id, resident_id, fields, outcome,
      detail, mac)
      SELECT at, county_code, actor_user_id, actor_username, actor_role, ip, request_id, action, entity_type,
        entity_id, resident_id, fields, outcome, detail, mac
      FROM audit_log WHERE resident_id = ${residentId} AND action = 'resident.read' AND mac IS NOT NULL
      ORDER BY id LIMIT 1 RETURNING id`.execute(db);
    expect((await verify(e)).problems).toContainEqual({
      chainPos: null,
      id: copy[0]!.id,
      problem: 'copied_row',
    });
  });

  it('names an edited, a deleted and a re-ordered row', async () => {
    const e = env();
    const { db } = e.database;
    const { rows } = await genuineRows(e, '丙审计');
    const [a, b, c] = rows;
    await unguarded(db, async () => {
      await sql`UPDATE audit_log SET actor_username = 'someone' WHERE id = ${a!.id}`.execute(db);
      await sql`DELETE FROM audit_log WHERE id = ${b!.id}`.execute(db);
    });
    let v = await verify(e);
    expect(v.problems).toContainEqual({ chainPos: a!.pos, id: a!.id, problem: 'hash_mismatch' });
    expect(v.problems).toContainEqual({ chainPos: b!.pos, id: b!.id, problem: 'missing_row' });
    // Two seals swapped (the rows shown in another order).
    const d = rows[3]!;
    await unguarded(db, async () => {
      await sql`UPDATE audit_seal SET audit_id = CASE chain_pos WHEN ${c!.pos} THEN ${d.id}::bigint ELSE ${c!.id}::bigint END
        WHERE chain_pos IN (${c!.pos}, ${d.pos})`.execute(db);
    });
    v = await verify(e);
    expect(v.problems).toContainEqual({ chainPos: c!.pos, id: d.id, problem: 'hash_mismatch' });
    expect(v.problems).toContainEqual({ chainPos: d.pos, id: c!.id, problem: 'hash_mismatch' });
  });

  it('refuses to move the chain head back; a cut tail shows against a signed checkpoint', async () => {
    const e = env();
    const { db } = e.database;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-checkpoints-'));
    dirs.push(dir);
    await genuineRows(e, '丁审计');
    const cp = await writeCheckpoint(db, e.services.keys, dir, '2026-11-25');
    expect(cp?.digest).toMatch(/^([0-9a-f]{8} ){7}[0-9a-f]{8}$/);
    expect(await verify(e, dir)).toMatchObject({ ok: true });
    const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    await expect(
      sql`UPDATE audit_chain_head SET chain_pos = chain_pos - 1 WHERE id = 1`.execute(db),
    ).rejects.toThrow(/only moves forward/);
    await expect(sql`DELETE FROM audit_chain_head`.execute(db)).rejects.toThrow(/never removed/);
    // With owner rights: the newest three rows, their seals and the head moved back, consistently.
    const cut = head.chain_pos - 2;
    await unguarded(db, async () => {
      const seals = await db
        .selectFrom('audit_seal')
        .select('audit_id')
        .where('chain_pos', '>=', cut)
        .execute();
      await db
        .deleteFrom('audit_log')
        .where(
          'id',
          'in',
          seals.map((s) => s.audit_id),
        )
        .execute();
      await db.deleteFrom('audit_seal').where('chain_pos', '>=', cut).execute();
      const newHead = await db
        .selectFrom('audit_seal')
        .select(['chain_pos', 'hash'])
        .where('chain_pos', '=', cut - 1)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('audit_chain_head')
        .set({ chain_pos: newHead.chain_pos, hash: newHead.hash })
        .where('id', '=', 1)
        .execute();
    });
    // The database agrees with itself; the checkpoint does not.
    expect(await verify(e)).toMatchObject({ ok: true });
    expect((await verify(e, dir)).problems).toEqual([
      { chainPos: head.chain_pos, id: null, problem: 'cut_tail', file: cp!.file },
    ]);
    // A checkpoint file edited to agree is no longer signed.
    const saved = JSON.parse(fs.readFileSync(cp!.file, 'utf8')) as { payload: string; signature: string };
    const p = JSON.parse(saved.payload) as { chainPos: number };
    p.chainPos = cut - 1;
    fs.writeFileSync(cp!.file, JSON.stringify({ ...saved, payload: JSON.stringify(p) }));
    expect((await verify(e, dir)).problems).toEqual([
      { chainPos: cut - 1, id: null, problem: 'checkpoint_bad_signature', file: cp!.file },
    ]);
  });

  it('a row deleted before it was sealed is noticed by the server that wrote it', async () => {
    const e = env();
    const { db } = e.database;
    await sealAuditLog(db, e.services.keys.audit);
    await e.services.auditWitness.check(db, 0); // what the tests before deleted
    const doc = await e.as('cunyi');
    const r = (await doc.post('/api/residents', buildResident(e.villageA, { name: '戊审计' }))).json() as {
      id: number;
    };
    await doc.get(`/api/residents/${r.id}`);
    const read = await db
      .selectFrom('audit_log')
      .select('id')
      .where('resident_id', '=', r.id)
      .where('action', '=', 'resident.read')
      .executeTakeFirstOrThrow();
    await unguarded(db, () => db.deleteFrom('audit_log').where('id', '=', read.id).execute());
    // Sealed afterwards, the chain alone has nothing to say.
    await sealAuditLog(db, e.services.keys.audit);
    expect(await verify(e)).toMatchObject({ ok: true });
    const gone = await e.services.auditWitness.check(db, 0);
    expect(gone).toEqual([read.id]);
    await e.services.audit.record({ requestId: 'system', ip: undefined }, [
      { action: 'audit.rows_deleted', outcome: 'failed', detail: { ids: gone } },
    ]);
    expect((await verify(e)).problems).toContainEqual({
      chainPos: null,
      id: read.id,
      problem: 'deleted_before_seal',
    });
  });
});
