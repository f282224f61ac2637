/** Assembles the application from its capabilities. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from './platform/app.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { AuditWriter } from './modules/audit/audit.writer.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { placesRoutes } from './modules/places/places.routes.ts';
import { RegistryService } from './modules/registry/registry.service.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { HouseholdService, householdRoutes } from './modules/registry/household.ts';

export function createServices(config: Config, database: Database, auditKey: Buffer): Services {
  return {
    config,
    database,
    auditKey,
    auth: new AuthService(database.db, config.sessionHours),
    audit: new AuditWriter(database.db),
  };
}

export async function createServer(services: Services): Promise<FastifyInstance> {
  const app = await buildApp(services);
  const { db } = services.database;
  authRoutes(app, services);
  placesRoutes(app, db);
  registryRoutes(app, new RegistryService(db, services.audit));
  householdRoutes(app, new HouseholdService(db, services.audit));
  auditRoutes(app, db, services.audit);
  await app.ready();
  return app;
}
