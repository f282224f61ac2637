/**
 * Account management, always within the administrator's own county. The system administrator manages every account of it; a county
 * administrator the village doctors, township staff and township administrators of their own county (an
 * account of another county answers 404, one of a role they do not manage 403). Every change is audited in
 * its own transaction; a change that should shut someone out (reset, disable, second factor reset) also
 * ends the account's sessions.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { isValidPhone } from '@jkda/domain/phone';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { passwordPolicyOk } from '@jkda/domain/messages';
import type { DB } from '../../platform/db-types.ts';
import { AppError, notFound, type FieldError } from '../../platform/errors.ts';
import { writeAuditInTx, type AuditWriter } from '../audit/audit.writer.ts';
import type { AuditMac } from '../audit/audit.mac.ts';
import type { Ctx } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { ROLE_LABELS, ROLES, type Role } from '../auth/permissions.ts';
import { loginHistory, type LoginEventView } from '../auth/login-events.ts';
import { systemClearSecondFactor } from '../auth/second-factor.service.ts';
import type { NewUserBody, UserView } from './users.schema.ts';

/** What a county administrator may give and manage; the system administrator manages every role. */
const COUNTY_ADMIN_ROLES: readonly Role[] = ['village_doctor', 'township_staff', 'township_admin'];

/** The institution kinds each role belongs to. */
const ROLE_INSTITUTIONS: Record<Role, readonly string[]> = {
  village_doctor: ['village_clinic', 'community_health_station'],
  township_staff: ['township_health_center', 'community_health_center'],
  township_admin: ['township_health_center', 'community_health_center'],
  county_admin: ['county_health_commission'],
  city_inspector: ['county_health_commission'],
  system_admin: ['county_health_commission'],
};

export function assignableRoles(role: Role): Role[] {
  if (role === 'system_admin') return [...ROLES];
  if (role === 'county_admin') return [...COUNTY_ADMIN_ROLES];
  return [];
}

/** A temporary password that meets the policy: 12 characters of four kinds, no look-alikes. */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];
  const all = sets.join('');
  for (;;) {
    const pick = (set: string) => set[crypto.randomInt(set.length)]!;
    const chars = [...sets.map(pick), ...Array.from({ length: 8 }, () => pick(all))];
    for (let i = chars.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const pw = chars.join('');
    if (passwordPolicyOk(pw)) return pw;
  }
}

export interface ListQuery {
  q?: string | undefined;
  role?: Role | undefined;
  institutionId?: number | undefined;
  active?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

/** A row ready to insert, after its checks. */
interface CheckedUser {
  username: string;
  displayName: string;
  role: Role;
  institutionId: number;
  countyCode: string;
  phone: string | null;
  teamId: number | null;
}

export class UsersService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly auditMac: AuditMac,
    private readonly audit: AuditWriter,
    private readonly auth: AuthService,
    private readonly fields: FieldCrypto,
  ) {}

  async list(ctx: Ctx, q: ListQuery): Promise<{ items: UserView[]; total: number; assignableRoles: Role[] }> {
    let base = this.db.selectFrom('app_user as u');
    // Every administrator manages the accounts of their own county only, the system administrator too.
    base = base.where('u.county_code', '=', ctx.actor.countyCode);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) =>
        eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]),
      );
    }
    if (q.role) base = base.where('u.role', '=', q.role);
    if (q.institutionId) base = base.where('u.institution_id', '=', q.institutionId);
    if (q.active) base = base.where('u.active', '=', q.active === 'true');
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const ids = await base
      .select('u.id')
      .orderBy('u.county_code')
      .orderBy('u.username')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    const items = await this.views(
      ctx,
      ids.map((r) => r.id),
    );
    await this.audit.record(ctx, [
      { action: 'user.list', entityType: 'user', detail: { count: items.length, filtered: !!q.q } },
    ]);
    return { items, total: Number(total.n), assignableRoles: assignableRoles(ctx.actor.role) };
  }

  async get(ctx: Ctx, id: number): Promise<UserView> {
    await this.inScope(ctx, id);
    const [view] = await this.views(ctx, [id]);
    return view!;
  }

  async create(ctx: Ctx, body: NewUserBody): Promise<{ user: UserView; temporaryPassword: string }> {
    const { user, errors } = await this.check(ctx, body, new Set());
    if (!user) throw new AppError(400, 'validation_failed', errors);
    const password = temporaryPassword();
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.insert(trx, user, await hashPassword(password));
      await writeAuditInTx(trx, this.auditMac, ctx, [this.createdEntry(newId, user)]);
      return newId;
    });
    return { user: (await this.views(ctx, [id]))[0]!, temporaryPassword: password };
  }

  /** Checks every row; writes them all in one transaction only when every row is right. */
  async importRows(
    ctx: Ctx,
    rows: { row: number; values: NewUserBody }[],
    dryRun: boolean,
  ): Promise<{
    written: boolean;
    rows: { row: number; username: string; displayName: string; ok: boolean; errors: FieldError[] }[];
    created: { row: number; username: string; temporaryPassword: string }[];
  }> {
    const seen = new Set<string>();
    const dup = new Set<string>();
    for (const r of rows) {
      const name = r.values.username.toLowerCase();
      if (seen.has(name)) dup.add(name);
      seen.add(name);
    }
    const checked: { row: number; user: CheckedUser | null; errors: FieldError[]; values: NewUserBody }[] =
      [];
    for (const r of rows) {
      const res = await this.check(ctx, r.values, dup);
      checked.push({ row: r.row, values: r.values, ...res });
    }
    const report = checked.map((c) => ({
      row: c.row,
      username: c.values.username,
      displayName: c.values.displayName,
      ok: c.errors.length === 0,
      errors: c.errors,
    }));
    const allOk = rows.length > 0 && report.every((r) => r.ok);
    if (!allOk || dryRun) {
      await this.audit.record(ctx, [
        {
          action: 'user.import',
          outcome: allOk ? 'ok' : 'failed',
          detail: { rows: rows.length, bad: report.filter((r) => !r.ok).length, dryRun },
        },
      ]);
      return { written: false, rows: report, created: [] };
    }
    const created: { row: number; username: string; temporaryPassword: string }[] = [];
    const prepared = await Promise.all(
      checked.map(async (c) => {
        const pw = temporaryPassword();
        return { c, pw, hash: await hashPassword(pw) };
      }),
    );
    await this.db.transaction().execute(async (trx) => {
      const entries = [];
      for (const { c, pw, hash } of prepared) {
        const id = await this.insert(trx, c.user!, hash);
        entries.push(this.createdEntry(id, c.user!, { import: true }));
        created.push({ row: c.row, username: c.user!.username, temporaryPassword: pw });
      }
      entries.push({ action: 'user.import', detail: { rows: rows.length, created: created.length } });
      await writeAuditInTx(trx, this.auditMac, ctx, entries);
    });
    return { written: true, rows: report, created };
  }

  async resetPassword(ctx: Ctx, id: number): Promise<string> {
    const u = await this.manageable(ctx, id);
    const password = temporaryPassword();
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({
          password_hash: hash,
          password_changed_at: new Date(),
          must_change_password: true,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await this.endSessions(trx, id);
      await trx.deleteFrom('login_throttle').where('username', '=', u.username).execute();
      await writeAuditInTx(trx, this.auditMac, ctx, [this.entry('user.password_reset', u)]);
    });
    this.auth.forgetCachedSessions();
    return password;
  }

  async setActive(ctx: Ctx, id: number, active: boolean): Promise<UserView> {
    if (id === ctx.actor.userId) throw new AppError(400, 'own_account');
    const u = await this.manageable(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ active, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      if (!active) await this.endSessions(trx, id);
      await writeAuditInTx(trx, this.auditMac, ctx, [this.entry(active ? 'user.enable' : 'user.disable', u)]);
    });
    this.auth.forgetCachedSessions();
    return (await this.views(ctx, [id]))[0]!;
  }

  /** Clears the account's lock and failure counts at every address. */
  async unlock(ctx: Ctx, id: number): Promise<UserView> {
    const u = await this.manageable(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      const cleared = await trx.deleteFrom('login_throttle').where('username', '=', u.username).execute();
      await writeAuditInTx(trx, this.auditMac, ctx, [
        this.entry('user.unlock', u, { addresses: Number(cleared[0]?.numDeletedRows ?? 0) }),
      ]);
    });
    return (await this.views(ctx, [id]))[0]!;
  }

  /** Removes the second factor (a lost phone): the user enrols again at the next sign-in if the role needs it. */
  async resetSecondFactor(ctx: Ctx, id: number): Promise<UserView> {
    if (id === ctx.actor.userId) throw new AppError(400, 'own_account');
    const u = await this.manageable(ctx, id);
    await this.db.transaction().execute(async (trx) => {
      await systemClearSecondFactor(trx, id);
      await this.endSessions(trx, id);
      await writeAuditInTx(trx, this.auditMac, ctx, [this.entry('user.second_factor_reset', u)]);
    });
    this.auth.forgetCachedSessions();
    return (await this.views(ctx, [id]))[0]!;
  }

  async logins(ctx: Ctx, id: number): Promise<LoginEventView[]> {
    const u = await this.inScope(ctx, id);
    const items = await loginHistory(this.db, id);
    await this.audit.record(ctx, [this.entry('user.logins_read', u)]);
    return items;
  }

  // ---- helpers ----

  /** The account if the actor's scope holds it (else 404). */
  private async inScope(ctx: Ctx, id: number) {
    let q = this.db
      .selectFrom('app_user')
      .select(['id', 'username', 'role', 'county_code'])
      .where('id', '=', id);
    q = q.where('county_code', '=', ctx.actor.countyCode);
    const u = await q.executeTakeFirst();
    if (!u) throw notFound();
    return u;
  }

  /** The account if the actor may change it: in scope (else 404) and of a role they manage (else 403). */
  private async manageable(ctx: Ctx, id: number) {
    const u = await this.inScope(ctx, id);
    if (!assignableRoles(ctx.actor.role).includes(u.role as Role)) {
      await this.audit.record(ctx, [this.entry('user.manage', u, {}, 'denied')]);
      throw new AppError(403, 'forbidden');
    }
    return u;
  }

  private entry(
    action: string,
    u: { id: number; county_code: string; role: string },
    detail: Record<string, unknown> = {},
    outcome: 'ok' | 'denied' = 'ok',
  ) {
    return {
      action,
      outcome,
      entityType: 'user',
      entityId: u.id,
      countyCode: u.county_code,
      detail: { role: u.role, ...detail },
    };
  }

  private createdEntry(id: number, u: CheckedUser, extra: Record<string, unknown> = {}) {
    return this.entry(
      'user.create',
      { id, county_code: u.countyCode, role: u.role },
      {
        institutionId: u.institutionId,
        ...(u.teamId ? { teamId: u.teamId } : {}),
        ...extra,
      },
    );
  }

  private async endSessions(trx: Kysely<DB>, id: number): Promise<void> {
    await trx
      .updateTable('user_session')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    await trx.deleteFrom('login_challenge').where('user_id', '=', id).execute();
  }

  /** The checks of a new account; the field codes are those of FIELD_MESSAGES. */
  private async check(
    ctx: Ctx,
    v: NewUserBody,
    duplicates: Set<string>,
  ): Promise<{ user: CheckedUser | null; errors: FieldError[] }> {
    const errors: FieldError[] = [];
    const username = v.username.trim();
    if (!/^[a-z0-9_.-]{3,32}$/i.test(username)) errors.push({ field: 'username', code: 'username_format' });
    else if (duplicates.has(username.toLowerCase()))
      errors.push({ field: 'username', code: 'duplicate_in_file' });
    else {
      const taken = await this.db
        .selectFrom('app_user')
        .select('id')
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst();
      if (taken) errors.push({ field: 'username', code: 'username_taken' });
    }
    const displayName = v.displayName.trim();
    if (!displayName) errors.push({ field: 'displayName', code: 'required' });
    const roleOk = (ROLES as readonly string[]).includes(v.role);
    if (!roleOk) errors.push({ field: 'role', code: 'invalid_value' });
    else if (!assignableRoles(ctx.actor.role).includes(v.role))
      errors.push({ field: 'role', code: 'role_not_allowed' });
    let inst = v.institutionCode
      ? this.db
          .selectFrom('institution')
          .select(['id', 'county_code', 'kind'])
          .where('code', '=', v.institutionCode.trim())
          .where('active', '=', true)
      : null;
    if (inst) inst = inst.where('county_code', '=', ctx.actor.countyCode);
    const institution = inst ? await inst.executeTakeFirst() : undefined;
    if (!institution) errors.push({ field: 'institutionCode', code: 'institution_not_found' });
    else if (roleOk && !ROLE_INSTITUTIONS[v.role].includes(institution.kind))
      errors.push({ field: 'institutionCode', code: 'role_institution_mismatch' });
    const phone = v.phone?.trim() || null;
    if (phone && !isValidPhone(phone)) errors.push({ field: 'phone', code: 'phone_invalid' });
    let teamId: number | null = null;
    if (v.teamId !== undefined && institution) {
      const team = await this.db
        .selectFrom('family_doctor_team')
        .select('id')
        .where('id', '=', v.teamId)
        .where('county_code', '=', institution.county_code)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!team) errors.push({ field: 'teamId', code: 'team_not_found' });
      else teamId = team.id;
    }
    if (errors.length || !institution) return { user: null, errors };
    return {
      user: {
        username,
        displayName,
        role: v.role,
        institutionId: institution.id,
        countyCode: institution.county_code,
        phone,
        teamId,
      },
      errors,
    };
  }

  private async insert(trx: Kysely<DB>, u: CheckedUser, hash: string): Promise<number> {
    const row = await trx
      .insertInto('app_user')
      .values({
        county_code: u.countyCode,
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        institution_id: u.institutionId,
        phone_enc: this.fields.sealOrNull('app_user.phone', u.phone),
        password_hash: hash,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (u.teamId)
      await trx
        .insertInto('family_doctor_team_member')
        .values({ team_id: u.teamId, user_id: row.id, duty: 'doctor' })
        .execute();
    return row.id;
  }

  /** The views of accounts, in the order of the ids. */
  private async views(ctx: Ctx, ids: number[]): Promise<UserView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('app_user as u')
      .innerJoin('institution as i', 'i.id', 'u.institution_id')
      .select([
        'u.id',
        'u.username',
        'u.display_name',
        'u.role',
        'u.institution_id',
        'i.code as institution_code',
        'i.name as institution_name',
        'u.county_code',
        'u.phone_enc',
        'u.active',
        'u.totp_secret_enc',
        'u.must_change_password',
      ])
      .select((eb) => [
        eb
          .exists(
            eb
              .selectFrom('login_throttle as t')
              .select('t.username')
              .whereRef('t.username', '=', 'u.username')
              .where('t.locked_until', '>', new Date()),
          )
          .as('locked'),
        eb
          .selectFrom('login_event as e')
          .select((e) => e.fn.max('e.at').as('at'))
          .whereRef('e.user_id', '=', 'u.id')
          .where('e.outcome', '=', 'success')
          .as('last_login_at'),
      ])
      .where('u.id', 'in', ids)
      .execute();
    const teams = await this.db
      .selectFrom('family_doctor_team_member as m')
      .innerJoin('family_doctor_team as t', 't.id', 'm.team_id')
      .select(['m.user_id', 't.id', 't.name'])
      .where('m.user_id', 'in', ids)
      .orderBy('t.id')
      .execute();
    const may = assignableRoles(ctx.actor.role);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const role = r.role as Role;
      const [zh, en] = ROLE_LABELS[role];
      const last = r.last_login_at as Date | string | null;
      return [
        {
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          role,
          roleLabel: { zh, en },
          institutionId: r.institution_id,
          institutionCode: r.institution_code,
          institutionName: r.institution_name,
          countyCode: r.county_code,
          phone: this.fields.openOrNull('app_user.phone', r.phone_enc),
          active: r.active,
          locked: Boolean(r.locked),
          secondFactor: r.totp_secret_enc !== null,
          mustChangePassword: r.must_change_password,
          lastLoginAt: last ? new Date(last).toISOString() : null,
          teams: teams.filter((t) => t.user_id === id).map((t) => ({ id: t.id, name: t.name })),
          manageable: may.includes(role),
        },
      ];
    });
  }
}
