/** Sign-in, sessions (web cookie or API bearer token), lockout, and loading the actor of a session. */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { passwordPolicyOk } from '@jkda/domain/messages';
import type { DB } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { jurisdictionFromAreas, type Actor } from './actor.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import type { Role } from './permissions.ts';
import { writeAuditInTx, type AuditCtx } from '../audit/audit.writer.ts';
import type { AuditMac } from '../audit/audit.mac.ts';
import { recordLoginEvent } from './login-events.ts';
import { SecondFactorService, type SecondFactorMethod, type SignInUser } from './second-factor.service.ts';
import { secondFactorNeeded } from './twofactor.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Earlier passwords a new one may not repeat (besides the current one). */
export const PASSWORD_HISTORY = 5;
const CACHE_MS = 5_000;

export interface SessionInfo {
  sessionId: number;
  kind: 'cookie' | 'bearer';
  csrfToken: string | null;
  expiresAt: Date;
  actor: Actor;
  /** An administrator reset the password: only changing it is allowed (users module's guard). */
  mustChangePassword: boolean;
}

type SignInCtx = Omit<AuditCtx, 'actor'> & { userAgent?: string | undefined };
type Opened = { token: string; info: SessionInfo };

const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');

export class AuthService {
  private cache = new Map<string, { info: SessionInfo; at: number }>();
  /**
   * Whether cached sessions may be answered from: on PostgreSQL only while this process hears of sessions
   * revoked by the others (platform/session-notify.ts); otherwise each request reads its session.
   */
  cacheUsable: () => boolean = () => true;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly sessionHours: number,
    private readonly auditMac: AuditMac,
    totpKey: Buffer,
    /** A session unused this long ends (FACTS §10.2: auto-logout on idle). */
    private readonly idleMinutes = 30,
    /** A password older than this must be changed at sign-in (FACTS §10.2: periodic change; 0 = never). */
    private readonly passwordMaxDays = 90,
  ) {
    this.secondFactor = new SecondFactorService<Opened>(db, auditMac, totpKey, this);
  }

  /** The second step of signing in and the user's own two-factor settings (second-factor.service.ts). */
  readonly secondFactor: SecondFactorService<Opened>;

  /**
   * Checks credentials with lockout; on success opens a session and returns its secret token. Failures are
   * counted per typed user name and client address in one atomic upsert, the same way whether the name is an
   * account or not, so parallel guesses cannot slip past the count, the answers (401 with the attempts left,
   * 423 when locked) say nothing of which names exist, and a lock from one address does not shut the user out
   * at another (the per-address rate limit bounds guesses across names).
   */
  async login(
    username: string,
    password: string,
    kind: 'cookie' | 'bearer',
    ctx: SignInCtx,
  ): Promise<Opened> {
    const address = ctx.ip ?? '';
    const user = await this.db
      .selectFrom('app_user')
      .select(['id', 'password_hash', 'active', 'county_code', 'username', 'role', 'totp_secret_enc'])
      .where('username', '=', username)
      .executeTakeFirst();
    const lockedUntil = await this.lockedUntil(username, address);
    if (lockedUntil) {
      await this.audit(ctx, user?.id ?? null, user?.county_code ?? null, 'auth.login', 'denied', {
        reason: 'locked',
      });
      if (user) await recordLoginEvent(this.db, user, 'locked', kind, ctx, 'password');
      throw lockedError(lockedUntil);
    }
    // The same work for a name that is no account (a hash of the dummy password), so timing says nothing.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok) {
      const counted = await this.countFailure(username, address);
      await this.audit(ctx, user?.id ?? null, user?.county_code ?? null, 'auth.login', 'failed', {
        reason: user ? 'bad_password' : 'unknown_user',
        locked: counted.lockedUntil !== null,
      });
      if (user)
        await recordLoginEvent(
          this.db,
          user,
          counted.lockedUntil ? 'locked' : 'failure',
          kind,
          ctx,
          'password',
        );
      if (counted.lockedUntil) throw lockedError(counted.lockedUntil);
      throw new AppError(401, 'invalid_credentials', [], {
        attemptsLeft: Math.max(0, MAX_FAILED_LOGINS - counted.failures),
      });
    }
    // A right password that raced with the failure that locked the name is refused too.
    const raced = await this.lockedUntil(username, address);
    if (raced) throw lockedError(raced);
    if (!user.active) {
      await this.audit(ctx, user.id, user.county_code, 'auth.login', 'denied', { reason: 'disabled' });
      await recordLoginEvent(this.db, user, 'disabled', kind, ctx, 'password');
      throw new AppError(403, 'account_disabled');
    }
    // A password alone opens no session for an account that needs a second factor: a pending step does.
    if (await secondFactorNeeded(this.db, user)) throw await this.secondFactor.challenge(user, kind, ctx);
    return this.openSession(user, kind, ctx, 'password');
  }

  /**
   * Opens a session after the last factor: clears the name's failure count at the address, writes the
   * session, its audit row and the login history row, and runs `inTx` (the second step's own writes) in the
   * same transaction.
   */
  async openSession(
    user: SignInUser,
    kind: 'cookie' | 'bearer',
    ctx: SignInCtx,
    method: 'password' | SecondFactorMethod,
    inTx?: (trx: Kysely<DB>) => Promise<void>,
  ): Promise<Opened> {
    const { username } = user;
    const address = ctx.ip ?? '';
    const token = crypto.randomBytes(32).toString('base64url');
    const csrf = kind === 'cookie' ? crypto.randomBytes(24).toString('base64url') : null;
    const expiresAt = new Date(Date.now() + this.sessionHours * 3600_000);
    const session = await this.db.transaction().execute(async (trx) => {
      if (inTx) await inTx(trx);
      await trx
        .deleteFrom('login_throttle')
        .where('username', '=', username)
        .where('address', '=', address)
        .execute();
      const s = await trx
        .insertInto('user_session')
        .values({
          token_hash: sha256(token),
          user_id: user.id,
          kind,
          csrf_token: csrf,
          ip: ctx.ip ?? null,
          user_agent: ctx.userAgent?.slice(0, 300) ?? null,
          expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.audit(
        ctx,
        user.id,
        user.county_code,
        'auth.login',
        'ok',
        method === 'password' ? { kind } : { kind, secondFactor: method },
        trx,
      );
      await recordLoginEvent(trx, user, 'success', kind, ctx, method);
      return s;
    });
    const actor = await this.loadActor(user.id);
    if (!actor) throw new AppError(403, 'account_disabled');
    const flags = await this.db
      .selectFrom('app_user')
      .select(['must_change_password', 'password_changed_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    return {
      token,
      info: {
        sessionId: session.id,
        kind,
        csrfToken: csrf,
        expiresAt,
        actor,
        mustChangePassword: this.mustChange(flags),
      },
    };
  }

  /** Whether the account may only change its password: a temporary one, or one past its age. */
  private mustChange(u: { must_change_password: boolean; password_changed_at: Date }): boolean {
    return (
      u.must_change_password ||
      (this.passwordMaxDays > 0 &&
        Date.now() - u.password_changed_at.getTime() > this.passwordMaxDays * 86_400_000)
    );
  }

  lockedError(until: Date): AppError {
    return lockedError(until);
  }

  /** This process forgets its cached sessions (after sessions were revoked or an account changed). */
  forgetCachedSessions(): void {
    this.cache.clear();
  }

  /** When the name is locked at the address until, or null. */
  async lockedUntil(username: string, address: string): Promise<Date | null> {
    const row = await this.db
      .selectFrom('login_throttle')
      .select('locked_until')
      .where('username', '=', username)
      .where('address', '=', address)
      .executeTakeFirst();
    return row?.locked_until && row.locked_until > new Date() ? row.locked_until : null;
  }

  /**
   * Counts one failure of the name at the address, atomically: the 5th within the count locks for
   * LOCK_MINUTES and starts the count again. Returns the failures counted and the lock, if this one set it.
   */
  async countFailure(
    username: string,
    address: string,
  ): Promise<{ failures: number; lockedUntil: Date | null }> {
    const row = await sql<{ failures: number; locked_until: Date | null; locked_now: boolean }>`
      INSERT INTO login_throttle AS t (username, address, failures, updated_at)
      VALUES (${username}, ${address}, 1, now())
      ON CONFLICT (username, address) DO UPDATE SET
        failures = CASE WHEN t.failures + 1 >= ${MAX_FAILED_LOGINS}::int THEN 0 ELSE t.failures + 1 END,
        locked_until = CASE WHEN t.failures + 1 >= ${MAX_FAILED_LOGINS}::int
                            THEN now() + make_interval(mins => ${LOCK_MINUTES}::int) ELSE t.locked_until END,
        updated_at = now()
      RETURNING failures, locked_until, (failures = 0) AS locked_now`.execute(this.db);
    const r = row.rows[0]!;
    return { failures: r.failures, lockedUntil: r.locked_now ? r.locked_until : null };
  }

  /** The live session of a token, or null when unknown, revoked or expired. */
  async session(token: string): Promise<SessionInfo | null> {
    // The cache is keyed by the token itself (it only lives in this process's memory), so a hit costs no hash.
    const cached = this.cache.get(token);
    const now = Date.now();
    if (cached && now - cached.at < CACHE_MS && this.cacheUsable())
      return cached.info.expiresAt.getTime() > now ? cached.info : null;
    const hash = sha256(token);
    const row = await this.db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select([
        's.id',
        's.kind',
        's.csrf_token',
        's.expires_at',
        's.user_id',
        's.last_seen_at',
        'u.must_change_password',
        'u.password_changed_at',
      ])
      .where('s.token_hash', '=', hash)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', new Date())
      .where('s.last_seen_at', '>', new Date(now - this.idleMinutes * 60_000))
      .where('u.active', '=', true)
      .executeTakeFirst();
    if (!row) {
      this.cache.delete(token);
      return null;
    }
    const actor = await this.loadActor(row.user_id);
    if (!actor) return null;
    // Being used keeps the session alive: its last use is written at most once a minute.
    if (now - row.last_seen_at.getTime() > 60_000)
      await this.db
        .updateTable('user_session')
        .set({ last_seen_at: new Date(now) })
        .where('id', '=', row.id)
        .execute();
    const info: SessionInfo = {
      sessionId: row.id,
      kind: row.kind,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      actor,
      mustChangePassword: this.mustChange(row),
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(token, { info, at: now });
    return info;
  }

  async logout(token: string, ctx: AuditCtx): Promise<void> {
    const hash = sha256(token);
    this.cache.delete(token);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('user_session')
        .set({ revoked_at: new Date() })
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .execute();
      await writeAuditInTx(trx, this.auditMac, ctx, [{ action: 'auth.logout' }]);
    });
  }

  async loadActor(userId: number): Promise<Actor | null> {
    const u = await this.db
      .selectFrom('app_user as u')
      .innerJoin('institution as i', 'i.id', 'u.institution_id')
      .select([
        'u.id',
        'u.username',
        'u.display_name',
        'u.role',
        'u.institution_id',
        'u.county_code',
        'i.name as institution_name',
      ])
      .where('u.id', '=', userId)
      .where('u.active', '=', true)
      .executeTakeFirst();
    if (!u) return null;
    const areas = await this.db
      .selectFrom('institution_area')
      .select('area_code')
      .where('institution_id', '=', u.institution_id)
      .execute();
    return {
      userId: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role as Role,
      institutionId: u.institution_id,
      institutionName: u.institution_name,
      countyCode: u.county_code,
      jurisdiction: jurisdictionFromAreas(areas.map((a) => a.area_code)),
    };
  }

  /**
   * Changes the user's password after checking the current one and the policy (common passwords, the
   * current one and the last PASSWORD_HISTORY ones refused), and ends every other session of the user: a stolen session does not outlive the
   * change that was meant to shut it out.
   */
  async changePassword(
    userId: number,
    oldPw: string,
    newPw: string,
    ctx: AuditCtx,
    keepSessionId?: number,
  ): Promise<void> {
    const u = await this.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(oldPw, u.password_hash)))
      throw new AppError(400, 'validation_failed', [{ field: 'oldPassword', code: 'invalid' }]);
    if (!passwordPolicyOk(newPw))
      throw new AppError(400, 'password_policy', [{ field: 'newPassword', code: 'invalid' }]);
    const earlier = await this.db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(PASSWORD_HISTORY)
      .execute();
    const reused = async () => {
      if (newPw === oldPw) return true;
      for (const h of earlier) if (await verifyPassword(newPw, h.password_hash)) return true;
      return false;
    };
    if (await reused())
      throw new AppError(400, 'password_reused', [{ field: 'newPassword', code: 'invalid' }]);
    const hash = await hashPassword(newPw);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('password_history')
        .values({ user_id: userId, password_hash: u.password_hash })
        .execute();
      await trx
        .updateTable('app_user')
        .set({
          password_hash: hash,
          password_changed_at: new Date(),
          must_change_password: false,
          updated_at: new Date(),
        })
        .where('id', '=', userId)
        .execute();
      let others = trx
        .updateTable('user_session')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (keepSessionId !== undefined) others = others.where('id', '!=', keepSessionId);
      await others.execute();
      await writeAuditInTx(trx, this.auditMac, ctx, [
        { action: 'auth.password_change', entityType: 'user', entityId: userId },
      ]);
    });
    // This process forgets the sessions it had cached (the revoked ones among them) at once.
    this.cache.clear();
  }

  private async audit(
    ctx: Omit<AuditCtx, 'actor'>,
    userId: number | null,
    countyCode: string | null,
    action: string,
    outcome: 'ok' | 'denied' | 'failed',
    detail: Record<string, unknown>,
    trx: Kysely<DB> = this.db,
  ): Promise<void> {
    await writeAuditInTx(trx, this.auditMac, ctx, [
      {
        action,
        outcome,
        detail,
        ...(countyCode ? { countyCode } : {}),
        ...(userId ? { actorUserId: userId } : {}),
      },
    ]);
  }
}

function lockedError(until: Date): AppError {
  return new AppError(423, 'account_locked', [], {
    lockedUntil: until.toISOString(),
    secondsLeft: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)),
  });
}
