/**
 * The second step of signing in, and the user's own two-factor settings.
 *
 * A right password for an account that needs a second factor opens no session: it answers 401
 * `second_factor_required` with a challenge (a random token, kept as SHA-256) that lives 5 minutes, is
 * bound to the client address and to the kind of session (cookie or bearer) of the route that made it, and
 * takes at most 5 codes. Every wrong code is also counted by the password lockout (login_throttle, the same
 * atomic upsert), so passwords and codes share one budget of 5 per name and address. An account of a role
 * that must use two factors but has none yet enrols inside the challenge: it gets a secret, and the first
 * right code of that secret turns the second factor on, answers the ten recovery codes and signs in.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { writeAuditInTx, type AuditCtx } from '../audit/audit.writer.ts';
import type { AuditMac } from '../audit/audit.mac.ts';
import type { Actor } from './actor.ts';
import { recordLoginEvent, type LoginEventCtx } from './login-events.ts';
import { verifyPassword } from './password.ts';
import {
  checkCode,
  newRecoveryCodes,
  newSecret,
  openSecret,
  otpauthUri,
  recoveryHash,
  roleNeedsSecondFactor,
  sealSecret,
} from './twofactor.ts';

export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_ATTEMPTS = 5;

const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');

type Kind = 'cookie' | 'bearer';
type SignInCtx = Omit<AuditCtx, 'actor'> & LoginEventCtx;
export type SecondFactorMethod = 'totp' | 'recovery_code' | 'enrol';

export interface SignInUser {
  id: number;
  username: string;
  county_code: string;
}

/** What the second step needs of the sign-in service (auth.service.ts). */
export interface SessionOpener<S> {
  lockedUntil(username: string, address: string): Promise<Date | null>;
  countFailure(username: string, address: string): Promise<{ failures: number; lockedUntil: Date | null }>;
  openSession(
    user: SignInUser,
    kind: Kind,
    ctx: SignInCtx,
    method: SecondFactorMethod,
    inTx: (trx: Kysely<DB>) => Promise<void>,
  ): Promise<S>;
  lockedError(until: Date): AppError;
  forgetCachedSessions(): void;
}

export interface SecondFactorStatus {
  enabled: boolean;
  required: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

export class SecondFactorService<S> {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly auditMac: AuditMac,
    private readonly key: Buffer,
    private readonly auth: SessionOpener<S>,
  ) {}

  /** Opens the pending step for a right password and returns the error that tells the client so. */
  async challenge(user: SignInUser & { totp_secret_enc: string | null }, kind: Kind, ctx: SignInCtx) {
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
    const enrol = !user.totp_secret_enc;
    await this.db.transaction().execute(async (trx) => {
      // The account's spent and expired steps are of no further use.
      await trx
        .deleteFrom('login_challenge')
        .where('user_id', '=', user.id)
        .where((eb) => eb.or([eb('expires_at', '<', new Date()), eb('consumed_at', 'is not', null)]))
        .execute();
      await trx
        .insertInto('login_challenge')
        .values({
          token_hash: sha256(token),
          user_id: user.id,
          kind,
          address: ctx.ip ?? '',
          user_agent: ctx.userAgent?.slice(0, 300) ?? null,
          enrol,
          expires_at: expiresAt,
        })
        .execute();
      await this.audit(trx, ctx, user, 'auth.login', 'ok', { kind, secondFactor: 'pending', enrol });
      await recordLoginEvent(trx, user, 'second_factor_pending', kind, ctx, 'password');
    });
    return new AppError(401, 'second_factor_required', [], {
      challenge: token,
      enrol,
      challengeExpiresAt: expiresAt.toISOString(),
    });
  }

  /** A new secret for an account that enrols inside its sign-in challenge (the QR code's content). */
  async enrolInChallenge(token: string, ctx: SignInCtx) {
    const { challenge, user } = await this.openChallenge(token, null, ctx);
    if (!challenge.enrol) throw new AppError(409, 'conflict');
    const secret = newSecret();
    await this.db
      .updateTable('login_challenge')
      .set({ pending_secret_enc: sealSecret(this.key, user.id, secret) })
      .where('id', '=', challenge.id)
      .execute();
    return { secret, otpauthUri: otpauthUri(user.username, secret) };
  }

  /**
   * The second step: a code of the authenticator (or, once enrolled, a recovery code) for the challenge.
   * Right: the session opens (and an enrolment in the challenge is confirmed, its recovery codes answered).
   * Wrong: counted against the challenge and the lockout; the 5th wrong one locks the name at the address.
   */
  async complete(
    token: string,
    answer: { code?: string | undefined; recoveryCode?: string | undefined },
    kind: Kind,
    ctx: SignInCtx,
  ): Promise<{ session: S; recoveryCodes?: string[] }> {
    const { challenge, user } = await this.openChallenge(token, kind, ctx);
    const address = ctx.ip ?? '';
    const locked = await this.auth.lockedUntil(user.username, address);
    if (locked) {
      await this.consume(challenge.id);
      await this.audit(this.db, ctx, user, 'auth.second_factor', 'denied', { reason: 'locked' });
      await recordLoginEvent(this.db, user, 'locked', kind, ctx);
      throw this.auth.lockedError(locked);
    }
    // Take one attempt of the challenge first (atomically), so parallel guesses cannot exceed the five.
    const attempt = await this.db
      .updateTable('login_challenge')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', challenge.id)
      .where('attempts', '<', CHALLENGE_ATTEMPTS)
      .where('consumed_at', 'is', null)
      .returning('attempts')
      .executeTakeFirst();
    if (!attempt) throw new AppError(401, 'challenge_expired');

    const method: SecondFactorMethod = challenge.enrol
      ? 'enrol'
      : answer.recoveryCode
        ? 'recovery_code'
        : 'totp';
    let step: number | null = null;
    let ok: boolean;
    if (method === 'enrol') {
      if (!challenge.pending_secret_enc) throw new AppError(400, 'second_factor_not_enrolled');
      step = await checkCode(
        openSecret(this.key, user.id, challenge.pending_secret_enc),
        answer.code ?? '',
        null,
      );
      ok = step !== null;
    } else if (method === 'recovery_code') {
      // Single use: the code is spent by the same statement that finds it.
      const spent = await this.db
        .updateTable('recovery_code')
        .set({ used_at: new Date() })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', recoveryHash(this.key, user.id, answer.recoveryCode ?? ''))
        .where('used_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      ok = spent !== undefined;
    } else {
      ok = await this.acceptCode(user.id, answer.code ?? '');
    }

    if (!ok) {
      const counted = await this.auth.countFailure(user.username, address);
      await this.audit(this.db, ctx, user, 'auth.second_factor', 'failed', {
        method,
        locked: counted.lockedUntil !== null,
      });
      const outcome = counted.lockedUntil ? 'locked' : 'second_factor_failure';
      await recordLoginEvent(this.db, user, outcome, kind, ctx, method);
      if (counted.lockedUntil) {
        await this.consume(challenge.id);
        throw this.auth.lockedError(counted.lockedUntil);
      }
      throw new AppError(401, 'second_factor_invalid', [], {
        attemptsLeft: Math.max(0, Math.min(CHALLENGE_ATTEMPTS - attempt.attempts, 5 - counted.failures)),
      });
    }

    let recoveryCodes: string[] | undefined;
    const session = await this.auth.openSession(user, kind, ctx, method, async (trx) => {
      const used = await trx
        .updateTable('login_challenge')
        .set({ consumed_at: new Date() })
        .where('id', '=', challenge.id)
        .where('consumed_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!used) throw new AppError(401, 'challenge_expired');
      if (method === 'enrol') {
        recoveryCodes = await this.turnOn(trx, user.id, challenge.pending_secret_enc!, step!);
        await this.audit(trx, ctx, user, 'auth.second_factor_enrol', 'ok', { during: 'sign_in' });
      } else if (method === 'recovery_code') {
        const left = await this.codesLeft(user.id, trx);
        await this.audit(trx, ctx, user, 'auth.recovery_code_used', 'ok', { left });
      }
    });
    return recoveryCodes ? { session, recoveryCodes } : { session };
  }

  // ---- the signed-in user's own settings ----

  async status(actor: Actor): Promise<SecondFactorStatus> {
    const u = await this.db
      .selectFrom('app_user')
      .select(['totp_secret_enc', 'totp_enabled_at', 'role', 'county_code'])
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    return {
      enabled: u.totp_secret_enc !== null,
      required: await roleNeedsSecondFactor(this.db, u.role, u.county_code),
      enabledAt: u.totp_enabled_at?.toISOString() ?? null,
      recoveryCodesLeft: u.totp_secret_enc ? await this.codesLeft(actor.userId) : 0,
    };
  }

  /** Starts (or restarts) an enrolment: a new secret, pending until a code of it is confirmed. */
  async beginEnrol(actor: Actor) {
    const secret = newSecret();
    await this.db
      .updateTable('app_user')
      .set({ totp_pending_enc: sealSecret(this.key, actor.userId, secret) })
      .where('id', '=', actor.userId)
      .execute();
    return { secret, otpauthUri: otpauthUri(actor.username, secret) };
  }

  /** Confirms the pending secret with one of its codes: two factors on, ten new recovery codes. */
  async confirmEnrol(ctx: AuditCtx & { actor: Actor }, code: string): Promise<string[]> {
    const u = await this.db
      .selectFrom('app_user')
      .select(['totp_pending_enc', 'totp_secret_enc'])
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    if (!u.totp_pending_enc) throw new AppError(400, 'second_factor_not_enrolled');
    const step = await checkCode(openSecret(this.key, ctx.actor.userId, u.totp_pending_enc), code, null);
    if (step === null) {
      await writeAuditInTx(this.db, this.auditMac, ctx, [
        {
          action: 'auth.second_factor_enrol',
          outcome: 'failed',
          entityType: 'user',
          entityId: ctx.actor.userId,
        },
      ]);
      throw new AppError(400, 'second_factor_invalid', [{ field: 'code', code: 'invalid' }]);
    }
    return this.db.transaction().execute(async (trx) => {
      const codes = await this.turnOn(trx, ctx.actor.userId, u.totp_pending_enc!, step);
      await writeAuditInTx(trx, this.auditMac, ctx, [
        {
          action: 'auth.second_factor_enrol',
          entityType: 'user',
          entityId: ctx.actor.userId,
          detail: { replaced: u.totp_secret_enc !== null },
        },
      ]);
      return codes;
    });
  }

  /** Turns two factors off, with the password; refused for a role that must use them. */
  async disable(ctx: AuditCtx & { actor: Actor }, password: string): Promise<void> {
    const u = await this.db
      .selectFrom('app_user')
      .select(['password_hash', 'role', 'county_code'])
      .where('id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow();
    if (await roleNeedsSecondFactor(this.db, u.role, u.county_code)) {
      await writeAuditInTx(this.db, this.auditMac, ctx, [
        {
          action: 'auth.second_factor_disable',
          outcome: 'denied',
          entityType: 'user',
          entityId: ctx.actor.userId,
        },
      ]);
      throw new AppError(403, 'second_factor_mandatory');
    }
    if (!(await verifyPassword(password, u.password_hash)))
      throw new AppError(400, 'validation_failed', [{ field: 'password', code: 'invalid' }]);
    await this.db.transaction().execute(async (trx) => {
      await systemClearSecondFactor(trx, ctx.actor.userId);
      await writeAuditInTx(trx, this.auditMac, ctx, [
        { action: 'auth.second_factor_disable', entityType: 'user', entityId: ctx.actor.userId },
      ]);
    });
  }

  // ---- helpers ----

  /** The challenge of a token for this route kind and address, still open; else 401 challenge_expired. */
  private async openChallenge(token: string, kind: Kind | null, ctx: SignInCtx) {
    let q = this.db.selectFrom('login_challenge').selectAll();
    if (kind) q = q.where('kind', '=', kind);
    const challenge = await q
      .where('token_hash', '=', sha256(token))
      .where('address', '=', ctx.ip ?? '')
      .where('consumed_at', 'is', null)
      .where('expires_at', '>', new Date())
      .where('attempts', '<', CHALLENGE_ATTEMPTS)
      .executeTakeFirst();
    if (!challenge) throw new AppError(401, 'challenge_expired');
    const user = await this.db
      .selectFrom('app_user')
      .select(['id', 'username', 'county_code', 'active'])
      .where('id', '=', challenge.user_id)
      .executeTakeFirstOrThrow();
    if (!user.active) throw new AppError(403, 'account_disabled');
    return { challenge, user };
  }

  private async consume(id: number): Promise<void> {
    await this.db
      .updateTable('login_challenge')
      .set({ consumed_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** A code of the enrolled secret, taken at most once: its time step must be after the last one taken. */
  private async acceptCode(userId: number, code: string): Promise<boolean> {
    const u = await this.db
      .selectFrom('app_user')
      .select(['totp_secret_enc', 'totp_last_step'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (!u.totp_secret_enc) return false;
    const step = await checkCode(openSecret(this.key, userId, u.totp_secret_enc), code, u.totp_last_step);
    if (step === null) return false;
    // Two requests with the same code: only the one that moves the step forward wins.
    const moved = await this.db
      .updateTable('app_user')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .returning('id')
      .executeTakeFirst();
    return moved !== undefined;
  }

  /** Stores the confirmed secret (already sealed for this user) and replaces the recovery codes. */
  private async turnOn(trx: Kysely<DB>, userId: number, sealed: string, step: number): Promise<string[]> {
    await trx
      .updateTable('app_user')
      .set({
        totp_secret_enc: sealed,
        totp_pending_enc: null,
        totp_enabled_at: new Date(),
        totp_last_step: step,
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
    const codes = newRecoveryCodes();
    await trx
      .insertInto('recovery_code')
      .values(codes.map((c) => ({ user_id: userId, code_hash: recoveryHash(this.key, userId, c) })))
      .execute();
    return codes;
  }

  private async codesLeft(userId: number, db: Kysely<DB> = this.db): Promise<number> {
    const r = await db
      .selectFrom('recovery_code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private async audit(
    db: Kysely<DB>,
    ctx: SignInCtx,
    user: SignInUser,
    action: string,
    outcome: 'ok' | 'denied' | 'failed',
    detail: Record<string, unknown>,
  ): Promise<void> {
    await writeAuditInTx(db, this.auditMac, { requestId: ctx.requestId, ip: ctx.ip }, [
      {
        action,
        outcome,
        detail,
        countyCode: user.county_code,
        actorUserId: user.id,
        entityType: 'user',
        entityId: user.id,
      },
    ]);
  }
}

/** Removes an account's second factor and recovery codes (its own choice, or an administrator's reset). */
export async function systemClearSecondFactor(db: Kysely<DB>, userId: number): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      totp_secret_enc: null,
      totp_pending_enc: null,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await db.deleteFrom('login_challenge').where('user_id', '=', userId).execute();
}
