/**
 * The login history of an account (login_event): each sign-in step with its time, client address and kind
 * of client (never the full user-agent string). Names that are no account leave no row here (the audit log
 * has them), so the history says nothing of which names exist.
 */
import type { Kysely } from 'kysely';
import type { DB, LoginEventTable } from '../../platform/db-types.ts';
import { clientKind } from './twofactor.ts';

export type LoginOutcome = LoginEventTable['outcome'];

export interface LoginEventCtx {
  ip: string | undefined;
  userAgent?: string | undefined;
}

export async function recordLoginEvent(
  db: Kysely<DB>,
  user: { id: number; county_code: string },
  outcome: LoginOutcome,
  kind: 'cookie' | 'bearer',
  ctx: LoginEventCtx,
  method: 'password' | 'totp' | 'recovery_code' | 'enrol' | null = null,
): Promise<void> {
  await db
    .insertInto('login_event')
    .values({
      user_id: user.id,
      county_code: user.county_code,
      outcome,
      method,
      address: ctx.ip ?? null,
      client: clientKind(ctx.userAgent, kind),
    })
    .execute();
}

export interface LoginEventView {
  at: string;
  outcome: LoginOutcome;
  method: string | null;
  address: string | null;
  client: string;
}

/** The newest sign-in steps of an account, newest first. */
export async function loginHistory(db: Kysely<DB>, userId: number, limit = 100): Promise<LoginEventView[]> {
  const rows = await db
    .selectFrom('login_event')
    .select(['at', 'outcome', 'method', 'address', 'client'])
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: r.at.toISOString(),
    outcome: r.outcome,
    method: r.method,
    address: r.address,
    client: r.client,
  }));
}
