/** Assembles the application from its capabilities. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from './platform/app.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { AuditWriter } from './modules/audit/audit.writer.ts';
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
}

export function createServices(
  config: Config,
  database: Database,
  auditKey: Buffer,
  opts: ServiceOptions = {},
): Services {
  return {
    config,
    database,
    auditKey,
    programs: opts.programs ?? programRegistry,
    jobs: new Jobs(database.pool, { work: opts.workJobs ?? false, maintenance: opts.workJobs ?? false }),
    auth: new AuthService(database.db, config.sessionHours),
    audit: new AuditWriter((text, values) =>
      database.auditPool.query({ name: 'audit_insert_batch', text, values }),
    ),
  };
}

export async function createServer(services: Services): Promise<FastifyInstance> {
  const app = await buildApp(services);
  const { db } = services.database;
  authRoutes(app, services);
  placesRoutes(app, db);
  teamRoutes(app, db);
  const directory = new Directory(db);
  const changes: ChangeEnv = {
    db,
    jobs: services.jobs,
    onQueueError: (err, queue) => app.log.error({ err, queue }, 'job not queued after commit'),
  };
  const { programs } = services;
  app.addHook('onClose', async () => services.jobs.stop());
  registryRoutes(
    app,
    new RegistryService(changes, programs, services.database.pool, services.audit, directory),
  );
  householdRoutes(app, new HouseholdService(changes, services.audit));
  enrolmentRoutes(app, new EnrolmentsService(changes, programs), programs);
  serviceRoutes(app, new ServicesService(changes, programs, services.audit));
  worklistRoutes(app, new WorklistService(db, programs, services.audit, directory), programs);
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
