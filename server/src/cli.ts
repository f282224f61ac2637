/**
 * The `jkda` command line: serve, training, migrate, seed, user add, audit verify/seal/checkpoint, backup, restore,
 * restore-drill, keys rotate/reencrypt/status, county add, village import.
 * npm scripts call it (`npm start` = `jkda serve`).
 */
import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig, type Config } from './platform/config.ts';
import { DataDirLockedError, openDatabase, type Database } from './platform/db.ts';
import { migrate } from './platform/migrate.ts';
import { loadKeys } from './platform/secrets.ts';
import { createServer, createServices } from './server.ts';
import { sealAuditLog, verifyChain } from './modules/audit/audit.chain.ts';
import { AuditMac } from './modules/audit/audit.mac.ts';
import { hasCheckpointOf, readCheckpoints, writeCheckpoint } from './modules/audit/audit.checkpoint.ts';
import { ROLES, ROLE_LABELS, type Role } from './modules/auth/permissions.ts';
import { systemAddUser } from './modules/auth/users.service.ts';
import {
  systemAddVillages,
  systemIsEmpty,
  systemLoadCountyAreas,
  systemSetupInstitutions,
} from './modules/places/places.service.ts';
import { sweepRegistersByAge } from './modules/enrolments/enrolments.state.ts';
import { countyToday } from './platform/today.ts';
import { DEMO_COUNTY, DEMO_PASSWORD, systemCreateDemoCounty, type DemoLogin } from './modules/seed/demo.ts';
import { addBackupCommands } from './modules/backup/backup.cli.ts';
import { addKeyCommands, sealAtStart } from './modules/fieldkeys/fieldkeys.cli.ts';
import { FieldCrypto } from './platform/field-crypto.ts';
import { loadFieldKeys } from './platform/secrets.ts';
import { backupScheduleFromEnv, startBackupSchedule } from './modules/backup/backup.schedule.ts';

async function open(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(database.pool);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  return database;
}

async function withDatabase(fn: (database: Database, config: Config) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await open(config);
  try {
    await fn(database, config);
  } finally {
    await database.close();
  }
}

function printLogins(logins: DemoLogin[]): void {
  console.log('\nDemo logins (password for all: %s):', DEMO_PASSWORD);
  for (const l of logins)
    console.log(
      `  ${l.username.padEnd(10)} ${ROLE_LABELS[l.role][0]} / ${ROLE_LABELS[l.role][1]} — ${l.institution}`,
    );
  console.log('');
}

/**
 * With JKDA_WORKERS > 1 on PostgreSQL the first process migrates, makes sure the audit key exists, then
 * starts that many server processes on the port (node:cluster) and starts again any that dies; a stop
 * signal stops them all. Process 0 alone does the background work.
 */
async function servePrimary(config: Config): Promise<void> {
  await withDatabase(() => Promise.resolve());
  loadKeys(config);
  let stopping = false;
  const fork = (index: number) => {
    const w = cluster.fork({ JKDA_WORKER_INDEX: String(index) });
    w.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`server process ${index} ended (${signal ?? code}); starting it again`);
      setTimeout(() => fork(index), 1000);
    });
  };
  for (let i = 0; i < config.workers; i++) fork(i);
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const done = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(done);
        process.exit(0);
      }
    }, 100);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function serve(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    if (config.databaseUrl) return servePrimary(config);
    console.warn(
      'JKDA_WORKERS needs DATABASE_URL (the embedded database belongs to one process): one process.',
    );
  }
  // The process that does the background work: the only one, or process 0 of several.
  const lead = cluster.isPrimary || process.env.JKDA_WORKER_INDEX === '0';
  const database = await open(config);
  const { db } = database;
  if (database.kind === 'pglite' && database.freshEmbedded && (await systemIsEmpty(db))) {
    // JKDA_DEMO_RESIDENTS: residents of the demo (default 20,000); JKDA_DEMO_HISTORY_YEARS: years of
    // service history (default 3; the browser tests use 1).
    const demoResidents = Number(process.env.JKDA_DEMO_RESIDENTS ?? 20_000);
    const size = Number.isInteger(demoResidents) && demoResidents >= 0 ? demoResidents : 20_000;
    console.log(
      `New embedded database: creating the demo county (金寨县) with ${size.toLocaleString('en')} synthetic residents…`,
    );
    const t0 = Date.now();
    const historyYears = Number(process.env.JKDA_DEMO_HISTORY_YEARS ?? 3);
    const fields = new FieldCrypto(loadKeys(config).fields);
    const { logins, residents } = await systemCreateDemoCounty(db, {
      auditMac: new AuditMac(loadKeys(config).audit),
      fields,
      residents: size,
      seed: 1,
      historyYears: Number.isInteger(historyYears) && historyYears > 0 ? historyYears : 3,
      // `jkda training` starts the server with JKDA_TRAINING=1 on its own folder.
      training: process.env.JKDA_TRAINING === '1',
    });
    console.log(`Demo county ready: ${residents} residents in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
    printLogins(logins);
  } else {
    const demo = await db
      .selectFrom('deployment_county')
      .select('county_code')
      .where('is_demo', '=', true)
      .executeTakeFirst();
    if (demo && lead) {
      const users = await db
        .selectFrom('app_user as u')
        .innerJoin('institution as i', 'i.id', 'u.institution_id')
        .select(['u.username', 'u.role', 'u.display_name', 'i.name'])
        .where('u.username', 'in', ['cunyi', 'cunyi2', 'xiangzhen', 'xzadmin', 'county', 'city', 'sysadmin'])
        .orderBy('u.id')
        .execute();
      printLogins(
        users.map((u) => ({
          username: u.username,
          role: u.role as Role,
          displayName: u.display_name,
          institution: u.name,
        })),
      );
    }
  }
  const keys = loadKeys(config);
  const auditKey = keys.audit;
  const services = createServices(config, database, keys, {
    workJobs: lead,
    reloadFieldKeys: () => loadFieldKeys(config),
  });
  const app = await createServer(services);
  if (lead) await sealAtStart(db, services.fields, services.auditMac, app.log);
  const system = { requestId: 'system', ip: undefined };
  // Rows without the server's MAC were written in the database by someone else: a security event.
  const onForged = (ids: number[]) => {
    app.log.error({ auditIds: ids }, 'audit rows without the server MAC were sealed');
    void services.audit
      .record(system, [{ action: 'audit.forged_rows', outcome: 'failed', detail: { ids } }])
      .catch(() => {});
  };
  const sealer = setInterval(() => {
    if (process.env.JKDA_NO_SEAL === '1' || !lead) return;
    sealAuditLog(db, auditKey, { onForged })
      .then(() => {
        // The day's signed checkpoint, outside the database, once the county's day has changed.
        const day = countyToday();
        if (hasCheckpointOf(config.checkpointDir, day)) return;
        return writeCheckpoint(db, keys, config.checkpointDir, day).then((c) => {
          if (c) app.log.info({ chainPos: c.chainPos, digest: c.digest }, 'audit checkpoint written');
        });
      })
      .catch((e: unknown) => app.log.error({ err: e }, 'audit sealing failed'));
  }, 2000);
  // Every process checks that the audit rows it committed are still there until they are sealed.
  const witness = setInterval(() => {
    services.auditWitness
      .check(db)
      .then(async (gone) => {
        if (gone.length === 0) return;
        app.log.error({ auditIds: gone }, 'audit rows were deleted before they were sealed');
        await services.audit.record(system, [
          { action: 'audit.rows_deleted', outcome: 'failed', detail: { ids: gone } },
        ]);
      })
      .catch((e: unknown) => app.log.error({ err: e }, 'audit witness check failed'));
  }, 5000);
  // The registers entered by age take residents in: at start, then once a day.
  let sweptOn = '';
  const sweepRegisters = async () => {
    const day = countyToday();
    if (day === sweptOn || !lead) return;
    sweptOn = day;
    const count = await sweepRegistersByAge(db, services.programs, day);
    if (count) app.log.info(`registers by age: ${count} entries taken in or ended`);
  };
  const sweeper = setInterval(() => {
    sweepRegisters().catch((e: unknown) => app.log.error({ err: e }, 'register sweep failed'));
  }, 600_000);
  // Scheduled backups (JKDA_BACKUP_EVERY_HOURS): the way to back up an embedded database while it runs.
  const backups = lead
    ? startBackupSchedule(config, database, keys.backup, app.log, {
        ...backupScheduleFromEnv(),
        auditMac: services.auditMac,
      })
    : null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    clearInterval(sealer);
    clearInterval(sweeper);
    await backups?.stop();
    clearInterval(witness);
    await app.close();
    if (lead) {
      await sealAuditLog(db, auditKey, { onForged }).catch(() => 0);
      await writeCheckpoint(db, keys, config.checkpointDir, countyToday()).catch(() => null);
    }
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A server process of several stops when the first process is gone (killed outright), not left behind.
  if (cluster.isWorker) process.on('disconnect', () => void stop('primary gone'));
  await app.listen({ port: config.port, host: config.host });
  // The sweep runs once the server answers (on a large county it takes minutes); it is idempotent, so a
  // stop in the middle resumes where it left off at the next start.
  sweepRegisters().catch((e: unknown) => app.log.error({ err: e }, 'register sweep failed'));
  if (lead)
    console.log(
      `jkda is running on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
    );
}

const program = new Command('jkda').description('County resident health record platform (居民健康档案)');

program
  .command('serve')
  .description('Start the web server (migrates first; seeds a demo county into a new embedded folder)')
  .action(serve);

/**
 * A training environment: the server on a folder of its own (data, keys, checkpoints and backups under one
 * `training` folder beside the data folder), holding a demo county marked as training, so staff practise
 * without touching the county's records: the county's database, keys and folders are never read.
 */
function training(o: { port: string; dir?: string; residents: string }): Promise<void> {
  const root = path.resolve(o.dir ?? path.join(path.dirname(loadConfig().dataDir), 'training'));
  for (const name of [
    'DATABASE_URL',
    'JKDA_KEY_DIR',
    'JKDA_CHECKPOINT_DIR',
    'JKDA_BACKUP_DIR',
    'JKDA_AUDIT_KEY',
    'JKDA_BACKUP_KEY',
    'JKDA_TOTP_KEY',
    'JKDA_FIELD_KEYS',
    'JKDA_INDEX_KEY',
    'JKDA_WORKERS',
  ])
    delete process.env[name];
  Object.assign(process.env, {
    JKDA_DATA_DIR: path.join(root, 'data'),
    PORT: o.port,
    JKDA_TRAINING: '1',
    JKDA_DEMO_RESIDENTS: o.residents,
  });
  console.log(`Training environment (培训环境) in ${root}: its records are for practice only.`);
  return serve();
}

program
  .command('training')
  .description(
    'Start a training environment (培训环境) on its own folder: a demo county for practice, never the real records',
  )
  .option('--port <n>', 'port', '3100')
  .option('--dir <folder>', 'the training folder (default: `training` beside the data folder)')
  .option('--residents <n>', 'residents of the training county on its first start', '2000')
  .action(training);

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(() => withDatabase(() => Promise.resolve(console.log('Database is up to date.'))));

program
  .command('seed')
  .description('Create the demo county with N synthetic residents (deterministic for a seed)')
  .option('--residents <n>', 'number of residents', '20000')
  .option('--seed <s>', 'random seed', '1')
  .option('--county <code>', 'county division code (Anhui)', DEMO_COUNTY)
  .option('--history-years <n>', 'years of service history for the enrolled', '3')
  .option('--allow-postgres', 'allow demo data on a PostgreSQL server (never on production)')
  .action(
    (o: { residents: string; seed: string; county: string; historyYears: string; allowPostgres?: boolean }) =>
      withDatabase(async (database, config) => {
        if (database.kind === 'postgres' && !o.allowPostgres)
          throw new Error('Refusing to write demo data to a PostgreSQL server without --allow-postgres.');
        const existing = await database.db
          .selectFrom('resident')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('county_code', '=', o.county)
          .executeTakeFirstOrThrow();
        if (Number(existing.n) > 0)
          throw new Error(
            `County ${o.county} already has ${existing.n} residents; seed into a new database.`,
          );
        const t0 = Date.now();
        let last = 0;
        const { logins, residents } = await systemCreateDemoCounty(database.db, {
          auditMac: new AuditMac(loadKeys(config).audit),
          fields: new FieldCrypto(loadKeys(config).fields),
          countyCode: o.county,
          residents: Number(o.residents),
          seed: Number(o.seed),
          historyYears: Number(o.historyYears),
          onProgress: (n) => {
            if (n - last >= 100_000) {
              last = n;
              console.log(`  ${n} residents…`);
            }
          },
        });
        console.log(`Seeded ${residents} residents in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
        printLogins(logins);
      }),
  );

const user = program.command('user').description('Manage user accounts');
user
  .command('add')
  .description('Add a user account')
  .requiredOption('--username <name>')
  .requiredOption('--name <displayName>')
  .addOption(new Option('--role <role>').choices([...ROLES]).makeOptionMandatory())
  .requiredOption('--institution <code>', 'institution code (county+000, township or village code)')
  .option('--password <pw>', 'initial password (or set JKDA_NEW_PASSWORD)')
  .action((o: { username: string; name: string; role: Role; institution: string; password?: string }) =>
    withDatabase(async ({ db }, config) => {
      const password = o.password ?? process.env.JKDA_NEW_PASSWORD;
      if (!password) throw new Error('Give --password or set JKDA_NEW_PASSWORD.');
      const id = await systemAddUser(db, new FieldCrypto(loadKeys(config).fields), {
        username: o.username,
        displayName: o.name,
        role: o.role,
        institutionCode: o.institution,
        password,
      });
      console.log(`User ${o.username} created (id ${id}).`);
    }),
  );

const audit = program.command('audit').description('Audit log integrity');
audit
  .command('verify')
  .description(
    'Seal pending rows, then recompute the HMAC chain and every row MAC, and hold the chain against the signed checkpoints; exits 1 if any row was altered, forged or removed',
  )
  .option('--checkpoints <path>', 'a checkpoint file or folder (default: JKDA_CHECKPOINT_DIR)')
  .action((o: { checkpoints?: string }) =>
    withDatabase(async ({ db }, config) => {
      const keys = loadKeys(config);
      await sealAuditLog(db, keys.audit, { maxRows: Number.MAX_SAFE_INTEGER, full: true });
      const checkpoints = readCheckpoints(o.checkpoints ?? config.checkpointDir, keys.checkpointPublic);
      const r = await verifyChain(db, keys.audit, { checkpoints });
      const against = `${checkpoints.length} signed checkpoint(s)`;
      if (r.ok) {
        console.log(`Audit log intact: ${r.checked} rows verified, against ${against}.`);
      } else {
        console.error(
          `Audit log TAMPERED: ${r.problems.length} problem(s) in ${r.checked} rows, against ${against}:`,
        );
        for (const p of r.problems.slice(0, 50))
          console.error(
            `  ${p.problem} at chain position ${p.chainPos ?? '-'} (row id ${p.id ?? '-'})${p.file ? ` [${p.file}]` : ''}`,
          );
        process.exitCode = 1;
      }
    }),
  );
audit
  .command('seal')
  .description('Seal pending audit rows into the chain')
  .action(() =>
    withDatabase(async ({ db }, config) => {
      const n = await sealAuditLog(db, loadKeys(config).audit, {
        maxRows: Number.MAX_SAFE_INTEGER,
        full: true,
      });
      console.log(`Sealed ${n} rows.`);
    }),
  );
audit
  .command('checkpoint')
  .description('Seal pending rows and write a signed checkpoint of the chain to JKDA_CHECKPOINT_DIR')
  .action(() =>
    withDatabase(async ({ db }, config) => {
      const keys = loadKeys(config);
      await sealAuditLog(db, keys.audit, { maxRows: Number.MAX_SAFE_INTEGER, full: true });
      const c = await writeCheckpoint(db, keys, config.checkpointDir, countyToday());
      if (!c) return console.log('Nothing sealed yet: no checkpoint written.');
      console.log(`Checkpoint of chain position ${c.chainPos} written to ${c.file}`);
      console.log(`Its SM3 digest (keep it off this machine): ${c.digest}`);
    }),
  );

program
  .command('county')
  .description('Set up a county: its areas and institutions')
  .command('add <code>')
  .action((code: string) =>
    withDatabase(async ({ db }) => {
      const { countyName, townships } = await systemLoadCountyAreas(db, code);
      await systemSetupInstitutions(db, code);
      console.log(`County ${code} ${countyName} set up with ${townships.length} townships.`);
    }),
  );

program
  .command('village')
  .description('Villages (村/居委会) of a county')
  .command('import <county> <file>')
  .description('Import villages from a CSV file with columns code,name (12-digit codes)')
  .action((county: string, file: string) =>
    withDatabase(async ({ db }) => {
      const rows = fs
        .readFileSync(file, 'utf8')
        .trim()
        .split(/\r?\n/)
        .filter((l) => !/^code,/.test(l));
      const villages = rows.map((l) => {
        const [code = '', name = ''] = l.split(',').map((s) => s.trim());
        return { code, name, townshipCode: code.slice(0, 9) };
      });
      await systemAddVillages(db, county, villages, false);
      await systemSetupInstitutions(db, county);
      console.log(`Imported ${villages.length} villages.`);
    }),
  );

addBackupCommands(program);
addKeyCommands(program, (fn) => withDatabase((database, config) => fn(database.db, config)));

program.parseAsync().catch((e: unknown) => {
  if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
