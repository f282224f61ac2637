/** Assembles the application from its capabilities. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from './platform/app.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import type { ServerKeys } from './platform/secrets.ts';
import { FieldCrypto, type FieldKeys } from './platform/field-crypto.ts';
import { listenForSessionChanges } from './platform/session-notify.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { accountRoutes } from './modules/auth/account.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { UsersService } from './modules/users/users.service.ts';
import { AuditWriter } from './modules/audit/audit.writer.ts';
import { AuditMac } from './modules/audit/audit.mac.ts';
import { AuditWitness } from './modules/audit/audit.witness.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { programRegistry, type ProgramRegistry } from '@jkda/domain';
import { Jobs } from './platform/jobs.ts';
import type { ChangeEnv } from './platform/change.ts';
import { EnrolmentsService } from './modules/enrolments/enrolments.service.ts';
import { enrolmentRoutes } from './modules/enrolments/enrolments.routes.ts';
import { ServicesService } from './modules/services/services.service.ts';
import { serviceRoutes } from './modules/services/services.routes.ts';
import { WorklistService } from './modules/worklist/worklist.service.ts';
import { worklistRoutes } from './modules/worklist/worklist.routes.ts';
import { placesRoutes } from './modules/places/places.routes.ts';
import { teamRoutes } from './modules/places/teams.ts';
import { RegistryService } from './modules/registry/registry.service.ts';
import { Directory } from './modules/places/directory.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { HouseholdService, householdRoutes } from './modules/registry/household.ts';

export interface ServiceOptions {
  /** The service programs; the release's registry unless a test brings its own. */
  programs?: ProgramRegistry;
  /** Work the background jobs in this process (the server does). */
  workJobs?: boolean;
  /** Reads the field keys again (the server: the key folder), for a key another process added. */
  reloadFieldKeys?: () => FieldKeys;
}

export function createServices(
  config: Config,
  database: Database,
  keys: ServerKeys,
  opts: ServiceOptions = {},
): Services {
  const auditMac = new AuditMac(keys.audit);
  const auditWitness = new AuditWitness();
  return {
    config,
    database,
    keys,
    auditMac,
    auditWitness,
    programs: opts.programs ?? programRegistry,
    fields: new FieldCrypto(keys.fields, opts.reloadFieldKeys),
    jobs: new Jobs(database.pool, { work: opts.workJobs ?? false, maintenance: opts.workJobs ?? false }),
    auth: new AuthService(
      database.db,
      config.sessionHours,
      auditMac,
      keys.totp,
      config.sessionIdleMinutes,
      config.passwordMaxDays,
    ),
    audit: new AuditWriter(
      (text, values) => database.auditPool.query({ name: 'audit_insert_batch_v2', text, values }),
      auditMac,
      auditWitness,
    ),
  };
}

export async function createServer(services: Services): Promise<FastifyInstance> {
  const app = await buildApp(services);
  const { db } = services.database;
  authRoutes(app, services);
  accountRoutes(app, services);
  userRoutes(
    app,
    new UsersService(db, services.auditMac, services.audit, services.auth, services.fields),
    db,
  );
  placesRoutes(app, db);
  teamRoutes(app, db);
  const directory = new Directory(db);
  const changes: ChangeEnv = {
    db,
    jobs: services.jobs,
    auditMac: services.auditMac,
    auditWitness: services.auditWitness,
    onQueueError: (err, queue) => app.log.error({ err, queue }, 'job not queued after commit'),
  };
  const { programs } = services;
  app.addHook('onClose', async () => services.jobs.stop());
  if (services.database.kind === 'postgres') {
    // Sessions revoked or accounts changed by another server process: forget the cached sessions at once.
    const notes = listenForSessionChanges(
      services.database.pool.options,
      () => services.auth.forgetCachedSessions(),
      (err) => app.log.warn({ err }, 'session change listener lost its connection; retrying'),
    );
    services.auth.cacheUsable = () => notes.connected();
    app.addHook('onClose', () => notes.stop());
  }
  registryRoutes(
    app,
    new RegistryService(
      changes,
      programs,
      services.database.pool,
      services.audit,
      directory,
      services.fields,
    ),
  );
  householdRoutes(app, new HouseholdService(changes, services.audit));
  enrolmentRoutes(app, new EnrolmentsService(changes, programs), programs);
  serviceRoutes(app, new ServicesService(changes, programs, services.audit));
  worklistRoutes(
    app,
    new WorklistService(db, programs, services.audit, directory, services.fields),
    programs,
  );
  auditRoutes(app, db, services.audit);
  if (process.env.JKDA_BENCH_CEILING === '1') benchCeilingRoute(app, services);
  await app.ready();
  return app;
}

/**
 * Benchmark only (JKDA_BENCH_CEILING=1): the same authentication as every route, then one indexed
 * query, nothing else. bench/registry.bench.ts compares the record read with it.
 */
function benchCeilingRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/bench/ceiling', async (req) => {
    const id = Number((req.query as { id?: string }).id ?? 1);
    const { rows } = await services.database.pool.query<{ id: number }>(
      'SELECT id FROM resident WHERE id = $1',
      [id],
    );
    return { id: rows[0]?.id ?? null };
  });
}
