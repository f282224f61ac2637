/**
 * Account management (issue 13 §3): who may manage which accounts, create one and many (a staff CSV or
 * xlsx with a report per row, all or nothing), temporary passwords that must be changed, disable, unlock,
 * second factor reset, an account's login history, and the audit rows of every change.
 */
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { generate } from 'otplib';
import { describeEachDb, PASSWORD, type TestEnv } from './harness.ts';
import { systemLoadCountyAreas, systemSetupInstitutions } from '../src/modules/places/places.service.ts';
import { systemAddUser } from '../src/modules/auth/users.service.ts';
import { testFields } from './db-template.ts';

const OTHER_COUNTY = '341523';

interface Account {
  id: number;
  username: string;
  role: string;
  countyCode: string;
  active: boolean;
  locked: boolean;
  secondFactor: boolean;
  mustChangePassword: boolean;
  manageable: boolean;
}

const csv = (rows: string[][]) =>
  Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`).toString('base64');

describeEachDb('account management', (env) => {
  let otherUserId = 0;
  let villageClinic = '';
  let township = '';

  const tokenLogin = (e: TestEnv, username: string, password: string) =>
    e.app.inject({ method: 'POST', url: '/api/auth/token', payload: { username, password } });
  const idOf = async (e: TestEnv, username: string) =>
    (
      await e.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const auditActions = async (e: TestEnv, entityId: number) =>
    (
      await e.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(entityId))
        .execute()
    ).map((r) => r.action);

  beforeAll(async () => {
    const { db } = env().database;
    await systemLoadCountyAreas(db, OTHER_COUNTY);
    await systemSetupInstitutions(db, OTHER_COUNTY);
    otherUserId = await systemAddUser(db, testFields(), {
      username: 'other_doc',
      displayName: '外县 医生',
      role: 'township_staff',
      institutionCode: (
        await db
          .selectFrom('institution')
          .select('code')
          .where('county_code', '=', OTHER_COUNTY)
          .where('kind', '=', 'township_health_center')
          .executeTakeFirstOrThrow()
      ).code,
      password: PASSWORD,
    });
    villageClinic = env().villageA;
    township = villageClinic.slice(0, 9);
  });

  it('is for the system and county administrators only; the system administrator reads no resident', async () => {
    const e = env();
    for (const u of ['cunyi', 'xiangzhen', 'xzadmin', 'city']) {
      const res = await (await e.as(u)).get('/api/users');
      expect(res.statusCode, u).toBe(403);
    }
    const sys = await e.as('sysadmin');
    const all = (await sys.get('/api/users?pageSize=100')).json() as { items: Account[]; total: number };
    // Every account of the system administrator's own county, and none of another county.
    expect(new Set(all.items.map((a) => a.countyCode))).toEqual(new Set(['341524']));
    expect(all.items.every((a) => a.manageable)).toBe(true);
    expect((await sys.get('/api/residents')).statusCode).toBe(403);
    expect((await sys.get(`/api/users/${otherUserId}`)).statusCode).toBe(404);
    expect((await sys.post(`/api/users/${otherUserId}/disable`, {})).statusCode).toBe(404);

    const county = await e.as('county');
    const mine = (await county.get('/api/users?pageSize=100')).json() as {
      items: Account[];
      assignableRoles: string[];
    };
    expect(new Set(mine.items.map((a) => a.countyCode))).toEqual(new Set(['341524']));
    expect(mine.assignableRoles).toEqual(['village_doctor', 'township_staff', 'township_admin']);
    expect(mine.items.find((a) => a.username === 'sysadmin')?.manageable).toBe(false);
    // Another county's account does not exist for the county administrator.
    expect((await county.get(`/api/users/${otherUserId}`)).statusCode).toBe(404);
    expect((await county.post(`/api/users/${otherUserId}/reset-password`, {})).statusCode).toBe(404);
    // An account of a role they do not manage: 403.
    const sysId = await idOf(e, 'sysadmin');
    expect((await county.post(`/api/users/${sysId}/disable`, {})).statusCode).toBe(403);
    // Search by name.
    const found = (await county.get('/api/users?q=cunyi')).json() as { items: Account[] };
    expect(found.items.map((a) => a.username).sort()).toEqual(['cunyi', 'cunyi2']);
  });

  it('creates an account with a temporary password that must be changed before anything else', async () => {
    const e = env();
    const county = await e.as('county');
    const refused = await county.post('/api/users', {
      username: 'x',
      displayName: '新 医生',
      role: 'system_admin',
      institutionCode: 'NOPE',
    });
    expect(refused.statusCode).toBe(400);
    const fields = (refused.json() as { details: { field: string; code: string }[] }).details;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'username', code: 'username_format' }),
        expect.objectContaining({ field: 'role', code: 'role_not_allowed' }),
        expect.objectContaining({ field: 'institutionCode', code: 'institution_not_found' }),
      ]),
    );
    const mismatch = await county.post('/api/users', {
      username: 'new_doc',
      displayName: '新 医生',
      role: 'village_doctor',
      institutionCode: township,
    });
    expect((mismatch.json() as { details: { code: string }[] }).details[0]!.code).toBe(
      'role_institution_mismatch',
    );
    const made = await county.post('/api/users', {
      username: 'new_doc',
      displayName: '新 医生',
      role: 'village_doctor',
      institutionCode: villageClinic,
      phone: '13800001111',
    });
    expect(made.statusCode, made.body).toBe(201);
    const { user, temporaryPassword } = made.json() as { user: Account; temporaryPassword: string };
    expect(user).toMatchObject({ username: 'new_doc', mustChangePassword: true, active: true });
    expect(await auditActions(e, user.id)).toContain('user.create');
    const again = await county.post('/api/users', {
      username: 'NEW_DOC',
      displayName: '另一位',
      role: 'village_doctor',
      institutionCode: villageClinic,
    });
    expect((again.json() as { details: { code: string }[] }).details[0]!.code).toBe('username_taken');

    const login = await tokenLogin(e, 'new_doc', temporaryPassword);
    expect(login.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    const me = await e.app.inject({ url: '/api/auth/me', headers: auth });
    expect(me.json()).toMatchObject({ mustChangePassword: true });
    const blocked = await e.app.inject({ url: '/api/residents', headers: auth });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'password_change_required' });
    const changed = await e.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: auth,
      payload: { oldPassword: temporaryPassword, newPassword: 'Tea#Garden7' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await e.app.inject({ url: '/api/residents', headers: auth })).statusCode).toBe(200);
  });

  it('imports a staff CSV: a report per row, nothing written while any row is wrong', async () => {
    const e = env();
    const county = await e.as('county');
    const header = ['用户名', '姓名', '角色', '机构编码', '电话'];
    const bad = await county.post('/api/users/import', {
      fileName: 'staff.csv',
      content: csv([
        header,
        ['imp_a', '导入 甲', '村医', villageClinic, '13800002222'],
        ['imp_b', '导入 乙', '乡镇卫生院工作人员', township, ''],
        ['imp_a', '导入 丙', 'Village doctor', villageClinic, ''],
        ['cunyi', '重名', '村医', villageClinic, ''],
        ['imp_d', '导入 丁', '系统管理员', `${'341524'}000`, '12'],
      ]),
    });
    expect(bad.statusCode, bad.body).toBe(200);
    const report = bad.json() as {
      written: boolean;
      rows: { row: number; ok: boolean; errors: { field: string; code: string; message: string }[] }[];
    };
    expect(report.written).toBe(false);
    expect(report.rows.map((r) => r.ok)).toEqual([false, true, false, false, false]);
    expect(report.rows[0]!.errors[0]).toMatchObject({ field: 'username', code: 'duplicate_in_file' });
    expect(report.rows[3]!.errors[0]).toMatchObject({ code: 'username_taken' });
    expect(report.rows[3]!.row).toBe(5);
    expect(report.rows[4]!.errors.map((x) => x.code)).toEqual(['role_not_allowed', 'phone_invalid']);
    expect(report.rows[4]!.errors[0]!.message).toBeTruthy();
    expect(
      await e.database.db.selectFrom('app_user').select('id').where('username', 'like', 'imp_%').execute(),
    ).toHaveLength(0);

    const good = [
      header,
      ['imp_a', '导入 甲', '村医', villageClinic, ''],
      ['imp_b', '导入 乙', 'township_staff', township, ''],
    ];
    const dry = (
      await county.post('/api/users/import', { fileName: 'staff.csv', content: csv(good), dryRun: true })
    ).json() as {
      written: boolean;
      rows: { ok: boolean }[];
    };
    expect(dry.written).toBe(false);
    expect(dry.rows.every((r) => r.ok)).toBe(true);
    const done = (
      await county.post('/api/users/import', { fileName: 'staff.csv', content: csv(good) })
    ).json() as {
      written: boolean;
      created: { username: string; temporaryPassword: string }[];
    };
    expect(done.written).toBe(true);
    expect(done.created.map((c) => c.username)).toEqual(['imp_a', 'imp_b']);
    expect((await tokenLogin(e, 'imp_b', done.created[1]!.temporaryPassword)).statusCode).toBe(200);

    const unreadable = await county.post('/api/users/import', {
      fileName: 'staff.csv',
      content: Buffer.from('a,b\n1,2\n').toString('base64'),
    });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({ code: 'file_unreadable' });
  });

  it('imports an Excel workbook with English headers and a team', async () => {
    const e = env();
    const sys = await e.as('sysadmin');
    const team = await e.database.db
      .selectFrom('family_doctor_team')
      .select(['id', 'name'])
      .where('county_code', '=', '341524')
      .executeTakeFirstOrThrow();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('staff');
    ws.addRow(['username', 'displayName', 'role', 'institutionCode', 'team']);
    ws.addRow(['xl_doc', '表格 医生', 'village_doctor', villageClinic, team.name]);
    ws.addRow(['xl_insp', '表格 督导', 'city_inspector', '341524000', '']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await sys.post('/api/users/import', { fileName: 'staff.xlsx', content });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ written: true });
    const list = (await sys.get('/api/users?q=xl_doc')).json() as { items: { teams: { id: number }[] }[] };
    expect(list.items[0]!.teams).toEqual([expect.objectContaining({ id: team.id })]);
  });

  it('resets a password: the sessions end, the old password fails, the new one must be changed', async () => {
    const e = env();
    const doc = await e.as('cunyi2');
    const county = await e.as('county');
    const id = await idOf(e, 'cunyi2');
    const reset = await county.post(`/api/users/${id}/reset-password`, {});
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    expect((await doc.get('/api/auth/me')).statusCode).toBe(401);
    expect((await tokenLogin(e, 'cunyi2', PASSWORD)).statusCode).toBe(401);
    const login = await tokenLogin(e, 'cunyi2', temporaryPassword);
    const auth = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    expect((await e.app.inject({ url: '/api/auth/me', headers: auth })).json()).toMatchObject({
      mustChangePassword: true,
    });
    // Back to the demo password for the other tests.
    await e.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: auth,
      payload: { oldPassword: temporaryPassword, newPassword: PASSWORD },
    });
    expect(await auditActions(e, id)).toContain('user.password_reset');
  });

  it('disables an account (its sessions end at once) and enables it again', async () => {
    const e = env();
    const doc = await e.as('xiangzhen');
    const county = await e.as('county');
    const id = await idOf(e, 'xiangzhen');
    expect((await doc.get('/api/auth/me')).statusCode).toBe(200);
    const off = await county.post(`/api/users/${id}/disable`, {});
    expect(off.json()).toMatchObject({ active: false });
    expect((await doc.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await tokenLogin(e, 'xiangzhen', PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'account_disabled' });
    expect((await county.post(`/api/users/${id}/enable`, {})).json()).toMatchObject({ active: true });
    expect((await tokenLogin(e, 'xiangzhen', PASSWORD)).statusCode).toBe(200);
    // Not oneself.
    expect((await county.post(`/api/users/${await idOf(e, 'county')}/disable`, {})).statusCode).toBe(400);
    const sys = await e.as('sysadmin');
    expect((await sys.post(`/api/users/${await idOf(e, 'sysadmin')}/disable`, {})).statusCode).toBe(400);
    expect(await auditActions(e, id)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('unlocks a locked account and shows its login history', async () => {
    const e = env();
    const county = await e.as('county');
    const id = await idOf(e, 'cunyi');
    for (let i = 0; i < 5; i++) await tokenLogin(e, 'cunyi', 'Wrong@123');
    expect((await tokenLogin(e, 'cunyi', PASSWORD)).statusCode).toBe(423);
    expect((await county.get(`/api/users/${id}`)).json()).toMatchObject({ locked: true });
    const unlocked = await county.post(`/api/users/${id}/unlock`, {});
    expect(unlocked.json()).toMatchObject({ locked: false });
    expect((await tokenLogin(e, 'cunyi', PASSWORD)).statusCode).toBe(200);
    const history = (await county.get(`/api/users/${id}/logins`)).json() as { items: { outcome: string }[] };
    expect(history.items[0]!.outcome).toBe('success');
    expect(history.items.map((h) => h.outcome)).toEqual(expect.arrayContaining(['failure', 'locked']));
    expect(await auditActions(e, id)).toEqual(expect.arrayContaining(['user.unlock', 'user.logins_read']));
  });

  it('resets the second factor of an account that lost its phone', async () => {
    const e = env();
    const admin = await e.as('xzadmin');
    const { secret } = (await admin.post('/api/account/second-factor/enrol', {})).json() as {
      secret: string;
    };
    const code = await generate({ secret });
    expect((await admin.post('/api/account/second-factor/confirm', { code })).statusCode).toBe(200);
    const county = await e.as('county');
    const id = await idOf(e, 'xzadmin');
    expect((await county.get(`/api/users/${id}`)).json()).toMatchObject({ secondFactor: true });
    const reset = await county.post(`/api/users/${id}/reset-second-factor`, {});
    expect(reset.json()).toMatchObject({ secondFactor: false });
    expect((await admin.get('/api/auth/me')).statusCode).toBe(401);
    expect((await tokenLogin(e, 'xzadmin', PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(e, id)).toContain('user.second_factor_reset');
  });
});
