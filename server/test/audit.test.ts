import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { expect, it, describe } from 'vitest';
import { describeEachDb, databaseKinds, createPgDatabase, providedTemplates } from './harness.ts';
import { pgliteFolderCopy, waitForTemplates } from './db-template.ts';
import { buildResident } from './builders.ts';
import { sealAuditLog, verifyChain } from '../src/modules/audit/audit.chain.ts';
import { openDatabase } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';
import { writeAuditInTx } from '../src/modules/audit/audit.writer.ts';
import { AuditMac } from '../src/modules/audit/audit.mac.ts';
import { readCheckpoints, writeCheckpoint } from '../src/modules/audit/audit.checkpoint.ts';
import { loadConfig } from '../src/platform/config.ts';
import { loadKeys } from '../src/platform/secrets.ts';

const run = promisify(execFile);
const CLI = fileURLToPathSafe(new URL('../src/cli.ts', import.meta.url));
function fileURLToPathSafe(u: URL): string {
  return decodeURIComponent(u.pathname);
}

describeEachDb('audit log chain', (env) => {
  it('seals rows that committed after newer rows were sealed', async (t) => {
    const e = env();
    // PGlite runs one transaction at a time, so there a row cannot commit late.
    if (e.kind === 'pglite') t.skip();
    const { db } = e.database;
    const key = e.services.keys.audit;
    await sealAuditLog(db, key);
    // A transaction that took its id earlier but commits after a newer row was sealed.
    await db.transaction().execute(async (trx) => {
      await writeAuditInTx(trx, e.services.auditMac, { requestId: 'late', ip: undefined }, [
        { action: 'late.row' },
      ]);
      await writeAuditInTx(db, e.services.auditMac, { requestId: 'early', ip: undefined }, [
        { action: 'early.row' },
      ]);
      await sealAuditLog(db, key);
    });
    await sealAuditLog(db, key);
    const unsealed = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log a
      WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)`.execute(db);
    expect(unsealed.rows[0]!.n).toBe(0);
    expect((await verifyChain(db, key)).ok).toBe(true);
  });
  it('seals rows into a chain that verifies, and detects edited and deleted rows', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const r = (await doc.post('/api/residents', buildResident(e.villageA, { name: '冯审计' }))).json() as {
      id: number;
    };
    await doc.get(`/api/residents/${r.id}`);
    const { db } = e.database;
    const key = e.services.keys.audit;
    expect(await sealAuditLog(db, key)).toBeGreaterThan(0);
    expect(await verifyChain(db, key)).toMatchObject({ ok: true });

    // The table refuses changes through normal SQL.
    await expect(
      sql`UPDATE audit_log SET action = 'x' WHERE resident_id = ${r.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE resident_id = ${r.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );

    // Someone with owner rights disables the guard and edits a row: the chain shows it.
    const posOf = async (id: number) =>
      (
        await db
          .selectFrom('audit_seal')
          .select('chain_pos')
          .where('audit_id', '=', id)
          .executeTakeFirstOrThrow()
      ).chain_pos;
    const target = await db
      .selectFrom('audit_log')
      .select('id')
      .where('resident_id', '=', r.id)
      .where('action', '=', 'resident.read')
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`.execute(db);
    await sql`UPDATE audit_log SET actor_username = 'someone_else' WHERE id = ${target.id}`.execute(db);
    let v = await verifyChain(db, key);
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({
      chainPos: await posOf(target.id),
      id: target.id,
      problem: 'hash_mismatch',
    });
    await sql`UPDATE audit_log SET actor_username = 'cunyi' WHERE id = ${target.id}`.execute(db);
    expect((await verifyChain(db, key)).ok).toBe(true);
    // Deleting a row leaves its seal without a row; deleting the newest seal too disagrees with the head.
    const middle = await db
      .selectFrom('audit_log')
      .select('id')
      .where('resident_id', '=', r.id)
      .where('action', '=', 'resident.create')
      .executeTakeFirstOrThrow();
    const middlePos = await posOf(middle.id);
    await sql`DELETE FROM audit_log WHERE id = ${middle.id}`.execute(db);
    v = await verifyChain(db, key);
    expect(v.problems).toContainEqual({ chainPos: middlePos, id: middle.id, problem: 'missing_row' });
    const last = await db
      .selectFrom('audit_seal')
      .select(['audit_id', 'chain_pos'])
      .orderBy('chain_pos', 'desc')
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_guard`.execute(db);
    await sql`DELETE FROM audit_log WHERE id = ${last.audit_id}`.execute(db);
    await sql`DELETE FROM audit_seal WHERE chain_pos = ${last.chain_pos}`.execute(db);
    await sql`ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_guard`.execute(db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard`.execute(db);
    v = await verifyChain(db, key);
    expect(v.problems).toContainEqual({ chainPos: last.chain_pos, id: null, problem: 'head_mismatch' });
  });
});

describe('jkda audit verify (command line)', () => {
  for (const kind of databaseKinds()) {
    it(`exits 1 and names the edited row [${kind}]`, async () => {
      // The data folder, and beside it the key and checkpoint folders (their default places).
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jkda-audit-'));
      const dataDir = path.join(root, 'data');
      let drop = async () => {};
      let url: string | undefined;
      if (kind === 'postgres') {
        const created = await createPgDatabase();
        url = created.url;
        drop = created.drop;
      }
      const envVars = {
        ...process.env,
        JKDA_DATA_DIR: dataDir,
        DATABASE_URL: url ?? '',
        LOG_LEVEL: 'silent',
      };
      try {
        // PGlite: a copy of the run's migrated template in the data folder (no initdb and migrations here).
        const templates = providedTemplates();
        if (kind === 'pglite' && templates) {
          await waitForTemplates(templates);
          await pgliteFolderCopy(templates, 'bare', dataDir);
        }
        const d = await openDatabase({ databaseUrl: url, dataDir });
        await migrate(d.pool);
        const mac = new AuditMac(loadKeys(loadConfig(envVars)).audit);
        await writeAuditInTx(d.db, mac, { requestId: 't1', ip: '127.0.0.1' }, [
          { action: 'resident.read', residentId: 1 },
          { action: 'resident.read', residentId: 2 },
          { action: 'resident.update', residentId: 2, fields: ['phone'] },
        ]);
        await d.close();
        // The command line's checkpoint once (PGlite); on PostgreSQL the same function, in this process.
        if (kind === 'pglite') {
          const cp = await run(process.execPath, ['--import', 'tsx', CLI, 'audit', 'checkpoint'], {
            env: envVars,
          });
          expect(cp.stdout).toMatch(/Checkpoint of chain position 3 written to .*jkda-checkpoints/);
          expect(cp.stdout).toMatch(/SM3 digest .*: ([0-9a-f]{8} ){7}[0-9a-f]{8}\n/);
        } else {
          const d1 = await openDatabase({ databaseUrl: url, dataDir });
          const keys = loadKeys(loadConfig(envVars));
          await sealAuditLog(d1.db, keys.audit);
          await writeCheckpoint(d1.db, keys, path.join(root, 'jkda-checkpoints'), '2026-12-02');
          await d1.close();
        }
        expect(fs.readdirSync(path.join(root, 'jkda-keys'))).toEqual(
          expect.arrayContaining(['audit.key', 'backup.key', 'checkpoint-sm2.pem', 'checkpoint-sm2.pub.pem']),
        );
        expect(fs.statSync(path.join(root, 'jkda-keys', 'audit.key')).mode & 0o777).toBe(0o600);
        // Intact: the command's own check, in this process (one start of the command line is enough below).
        const d2 = await openDatabase({ databaseUrl: url, dataDir });
        const keys = loadKeys(loadConfig(envVars));
        const intact = await verifyChain(d2.db, keys.audit, {
          checkpoints: readCheckpoints(path.join(root, 'jkda-checkpoints'), keys.checkpointPublic),
        });
        expect(intact).toMatchObject({ ok: true, checked: 3 });
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard`.execute(d2.db);
        await sql`UPDATE audit_log SET fields = ARRAY['name'] WHERE action = 'resident.update'`.execute(
          d2.db,
        );
        await d2.close();
        const bad = await run(process.execPath, ['--import', 'tsx', CLI, 'audit', 'verify'], {
          env: envVars,
        }).catch((e: { code: number; stderr: string }) => e);
        expect((bad as { code: number }).code).toBe(1);
        expect((bad as { stderr: string }).stderr).toMatch(/TAMPERED.*\n.*hash_mismatch at chain position 3/);
      } finally {
        await drop();
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
