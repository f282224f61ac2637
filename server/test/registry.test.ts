import { expect, it } from 'vitest';
import { describeEachDb } from './harness.ts';
import { buildResident, makeIdNumber } from './builders.ts';

interface View {
  id: number;
  version: number;
  recordNumber: string;
  phone: string | null;
  idNumber: string | null;
  name: string;
  status: string;
}

describeEachDb('resident registry API', (env) => {
  it('creates, reads, updates, searches and shows history', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const input = buildResident(e.villageA, { name: '张三丰' });
    const created = await doc.post('/api/residents', input);
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json() as View;
    expect(r.recordNumber).toMatch(new RegExp(`^${e.villageA}\\d{5}$`));
    expect(r.idNumber).toBe(input.idNumber);
    expect(r.version).toBe(1);

    const read = await doc.get(`/api/residents/${r.id}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as View).phone).toBe('13912345678');

    const { villageCode: _v, ...rest } = input;
    const upd = await doc.put(`/api/residents/${r.id}`, {
      ...rest,
      villageCode: e.villageA,
      phone: '13700001111',
      version: 1,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((upd.json() as View).version).toBe(2);

    const hist = await doc.get(`/api/residents/${r.id}/history`);
    const items = (
      hist.json() as {
        items: {
          version: number;
          action: string;
          changedBy: { name: string };
          changes: { field: string; old: unknown; new: unknown }[];
        }[];
      }
    ).items;
    expect(items.map((i) => i.version)).toEqual([2, 1]);
    // The history masks identifiers like every list (the record alone shows them whole).
    expect(items[0]!.changes).toEqual([{ field: 'phone', old: '139****5678', new: '137****1111' }]);
    expect(items[0]!.changedBy.name).toContain('王医生');

    for (const q of [
      'zsf',
      'zhangsanf',
      '张三丰',
      input.idNumber!,
      input.idNumber!.slice(-6),
      r.recordNumber,
      '13700001111',
    ]) {
      const s = await doc.get(`/api/residents?q=${encodeURIComponent(q)}`);
      expect(s.statusCode).toBe(200);
      const body = s.json() as { items: { id: number; idNumberMasked: string; phoneMasked: string }[] };
      const hit = body.items.find((i) => i.id === r.id);
      expect(hit, `search ${q}`).toBeDefined();
      expect(hit!.idNumberMasked).toBe(
        `${input.idNumber!.slice(0, 6)}***********${input.idNumber!.slice(-1)}`,
      );
      expect(hit!.phoneMasked).toBe('137****1111');
    }
  });

  it('answers 400 with a field error for each bad field', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const good = buildResident(e.villageA);
    const badId = good.idNumber!.slice(0, 17) + (good.idNumber!.endsWith('1') ? '2' : '1');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ idNumber: badId }, 'idNumber', 'id_check_digit'],
      [{ birthDate: '1958-03-15' }, 'birthDate', 'birth_date_mismatch_id'],
      [{ sex: '2' }, 'sex', 'sex_mismatch_id'],
      [{ phone: '1234' }, 'phone', 'phone_invalid'],
      [{ name: '' }, 'name', 'required'],
      [{ birthDate: '1958-02-30', idNumber: undefined, idType: '03' }, 'birthDate', 'date_invalid'],
      [{ villageCode: '123' }, 'villageCode', 'village_code_format'],
      [{ villageCode: e.villageB }, 'villageCode', 'not_in_jurisdiction'],
      [{ sex: '7' }, 'sex', 'invalid_value'],
      [{ unknownField: 1 }, 'unknownField', 'unrecognized_keys'],
      [{ currentAddress: undefined }, 'currentAddress', 'required'],
    ];
    for (const [patch, field, code] of cases) {
      const res = await doc.post('/api/residents', { ...good, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      const body = res.json() as {
        code: string;
        message: string;
        details: { field: string; code: string; message: string }[];
        requestId: string;
      };
      expect(body.code).toBe('validation_failed');
      expect(body.requestId).toBeTruthy();
      expect(body.details, JSON.stringify(patch)).toContainEqual(expect.objectContaining({ field, code }));
      expect(body.details.every((d) => d.message.length > 0)).toBe(true);
    }
    const en = await doc.request({
      method: 'POST',
      url: '/api/residents',
      payload: { ...good, phone: 'x' },
      headers: { 'accept-language': 'en-US' },
    });
    expect((en.json() as { message: string }).message).toMatch(/not filled in correctly/);
  });

  it('answers 409 for a duplicate ID number: a pointer inside the jurisdiction, nothing outside', async () => {
    const e = env();
    const a = await e.as('cunyi');
    const input = buildResident(e.villageA, { name: '李四' });
    const first = await a.post('/api/residents', input);
    expect(first.statusCode).toBe(201);
    const again = await a.post('/api/residents', { ...input, name: '李四' });
    expect(again.statusCode).toBe(409);
    const body = again.json() as { code: string; existing: { id: number } };
    expect(body.code).toBe('duplicate_id_number');
    expect(body.existing.id).toBe((first.json() as View).id);

    const b = await e.as('cunyi2');
    const other = await b.post('/api/residents', { ...input, villageCode: e.villageB });
    expect(other.statusCode).toBe(409);
    const ob = other.json() as Record<string, unknown>;
    expect(ob.code).toBe('duplicate_id_number_elsewhere');
    expect(ob.existing).toBeUndefined();
    expect(JSON.stringify(ob)).not.toContain('李四');
    // Whom to ask for a transfer: the institution that holds the record, and nothing of the resident.
    const holder = (first.json() as { institution: { name: string } }).institution.name;
    expect(holder.length).toBeGreaterThan(0);
    expect(ob.institution).toBe(holder);

    // The same answers as soon as the number is typed, before the rest of the form (POST: not in a URL).
    const check = (c: typeof a, idNumber: string, idType = '01') =>
      c.post('/api/residents/id-check', { idType, idNumber });
    const here = await check(a, input.idNumber!);
    expect(here.statusCode, here.body).toBe(200);
    expect(here.json()).toEqual({
      status: 'here',
      id: (first.json() as View).id,
      recordNumber: (first.json() as View).recordNumber,
    });
    const there = await check(b, input.idNumber!.toLowerCase());
    expect(there.json()).toEqual({ status: 'elsewhere', institution: holder });
    expect(there.body).not.toContain('李四');
    const unused = makeIdNumber('1990-03-07', '1', '110101');
    expect((await check(a, unused)).json()).toEqual({ status: 'free' });
    // A mistyped number (a wrong check digit) is a field error, as on saving.
    const bad = await check(a, unused.slice(0, 17) + (unused.endsWith('1') ? '2' : '1'));
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { details: { field: string }[] }).details[0]!.field).toBe('idNumber');
    // Each hit is in the holder's audit view, with whether it was the asker's to see.
    const rows = await e.database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'detail'])
      .where('action', '=', 'resident.duplicate_check')
      .where('resident_id', '=', (first.json() as View).id)
      .execute();
    expect(rows.map((r) => r.actor_username)).toEqual(expect.arrayContaining(['cunyi', 'cunyi2']));
    // The inspector writes nothing and checks nothing.
    expect((await check(await e.as('city'), input.idNumber!)).statusCode).toBe(403);
    // lower-case x and 15-digit forms are the same person
    const fifteen = await a.post('/api/residents', {
      ...buildResident(e.villageA, {
        birthDate: '1962-09-27',
        sex: '2',
        idNumber: '610104620927690',
        name: '王五',
      }),
    });
    expect(fifteen.statusCode, fifteen.body).toBe(201);
    expect((fifteen.json() as View).idNumber).toBe('610104196209276908');
    const eighteen = await a.post(
      '/api/residents',
      buildResident(e.villageA, {
        birthDate: '1962-09-27',
        sex: '2',
        idNumber: '610104196209276908',
        name: '王五',
      }),
    );
    expect(eighteen.statusCode).toBe(409);
  });

  it('warns about a possible duplicate without ID number and creates after confirmation', async () => {
    const e = env();
    const a = await e.as('cunyi');
    const noId = buildResident(e.villageA, {
      name: '赵六',
      idType: '03',
      idNumber: 'E12345678',
      birthDate: '1970-01-01',
    });
    expect((await a.post('/api/residents', noId)).statusCode).toBe(201);
    const twin = { ...noId, idType: '99' as const, idNumber: undefined };
    const warn = await a.post('/api/residents', twin);
    expect(warn.statusCode).toBe(409);
    const body = warn.json() as { code: string; candidates: { name: string }[] };
    expect(body.code).toBe('possible_duplicate');
    expect(body.candidates[0]!.name).toBe('赵六');
    const confirmed = await a.post('/api/residents', { ...twin, confirmPossibleDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('answers 409 to a stale version and keeps the newer data', async () => {
    const e = env();
    const a = await e.as('cunyi');
    const input = buildResident(e.villageA, { name: '孙七' });
    const r = (await a.post('/api/residents', input)).json() as View;
    const ok = await a.put(`/api/residents/${r.id}`, { ...input, phone: '13811112222', version: 1 });
    expect(ok.statusCode).toBe(200);
    const stale = await a.put(`/api/residents/${r.id}`, { ...input, phone: '13833334444', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    expect(((await a.get(`/api/residents/${r.id}`)).json() as View).phone).toBe('13811112222');
  });

  it('keeps other villages out: 404 by id, nothing in search, no update', async () => {
    const e = env();
    const a = await e.as('cunyi');
    const b = await e.as('cunyi2');
    const input = buildResident(e.villageA, { name: '周八' });
    const r = (await a.post('/api/residents', input)).json() as View;
    const byId = await b.get(`/api/residents/${r.id}`);
    expect(byId.statusCode).toBe(404);
    expect((byId.json() as { code: string }).code).toBe('not_found');
    for (const q of ['zb', '周八', input.idNumber!, r.recordNumber]) {
      const s = (await b.get(`/api/residents?q=${encodeURIComponent(q)}&status=all`)).json() as {
        items: { id: number }[];
      };
      expect(s.items.map((i) => i.id)).not.toContain(r.id);
    }
    const all = (await b.get(`/api/residents?pageSize=100&status=all`)).json() as {
      items: { villageCode: string }[];
      total: number;
    };
    expect(all.items.every((i) => i.villageCode === e.villageB)).toBe(true);
    const upd = await b.put(`/api/residents/${r.id}`, { ...input, villageCode: e.villageB, version: 1 });
    expect([400, 404]).toContain(upd.statusCode);
    const upd2 = await b.put(`/api/residents/${r.id}`, { ...input, villageCode: e.villageA, version: 1 });
    expect(upd2.statusCode).toBe(400); // village A is not B's to write into
    expect((await b.get(`/api/residents/${r.id}/history`)).statusCode).toBe(404);
    // the township sees both villages
    const t = await e.as('xiangzhen');
    expect((await t.get(`/api/residents/${r.id}`)).statusCode).toBe(200);
  });

  it('records every read and write in the audit log', async () => {
    const e = env();
    const a = await e.as('cunyi');
    const r = (await a.post('/api/residents', buildResident(e.villageA, { name: '吴九' }))).json() as View;
    await a.get(`/api/residents/${r.id}`);
    await a.get(`/api/residents/${r.id}/history`);
    await a.get(`/api/residents?q=wj`);
    const admin = await e.as('county');
    const log = await admin.get(`/api/residents/${r.id}/audit`);
    expect(log.statusCode).toBe(200);
    const actions = (log.json() as { items: { action: string; actor: { username: string } }[] }).items.map(
      (i) => `${i.actor.username}:${i.action}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['cunyi:resident.create', 'cunyi:resident.read', 'cunyi:resident.history']),
    );
    const search = await admin.get(
      `/api/audit?action=resident.search&userId=${(await e.database.db.selectFrom('app_user').select('id').where('username', '=', 'cunyi').executeTakeFirstOrThrow()).id}`,
    );
    expect((search.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
    // a village doctor may not read the audit log
    expect((await a.get(`/api/residents/${r.id}/audit`)).statusCode).toBe(403);
  });

  it('archives with a reason and date, never deletes, and restores', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const r = (await doc.post('/api/residents', buildResident(e.villageA, { name: '郑十' }))).json() as View;
    expect(
      (
        await doc.post(`/api/residents/${r.id}/archive`, {
          reason: 'deceased',
          date: '2026-01-02',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const admin = await e.as('xzadmin');
    const bad = await admin.post(`/api/residents/${r.id}/archive`, {
      reason: 'other',
      date: '2026-01-02',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    const arch = await admin.post(`/api/residents/${r.id}/archive`, {
      reason: 'deceased',
      date: '2026-01-02',
      version: 1,
    });
    expect(arch.statusCode, arch.body).toBe(200);
    expect(arch.json()).toMatchObject({
      status: 'archived',
      archiveReason: 'deceased',
      archiveDate: '2026-01-02',
      version: 2,
    });
    const active = (await doc.get(`/api/residents?q=${encodeURIComponent('郑十')}`)).json() as {
      items: { id: number }[];
    };
    expect(active.items.map((i) => i.id)).not.toContain(r.id);
    const archived = (
      await doc.get(`/api/residents?q=${encodeURIComponent('郑十')}&status=archived`)
    ).json() as { items: { id: number }[] };
    expect(archived.items.map((i) => i.id)).toContain(r.id);
    const restored = await admin.post(`/api/residents/${r.id}/restore`, { version: 2 });
    expect(restored.json()).toMatchObject({ status: 'active', version: 3 });
  });

  it('keeps households with a head and moves members between them', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const h1 = (
      await doc.post('/api/households', { villageCode: e.villageA, address: '一组1号' })
    ).json() as { id: number };
    const h2 = (
      await doc.post('/api/households', { villageCode: e.villageA, address: '一组2号' })
    ).json() as { id: number };
    const head = (
      await doc.post(
        '/api/residents',
        buildResident(e.villageA, { name: '钱一', householdId: h1.id, relationToHead: '02' }),
      )
    ).json() as View;
    const child = (
      await doc.post(
        '/api/residents',
        buildResident(e.villageA, {
          name: '钱二',
          birthDate: '1990-05-05',
          householdId: h1.id,
          relationToHead: '20',
        }),
      )
    ).json() as View;
    const second = await doc.post(
      '/api/residents',
      buildResident(e.villageA, { name: '钱三', householdId: h1.id, relationToHead: '02' }),
    );
    expect(second.statusCode).toBe(400);
    expect((second.json() as { details: { code: string }[] }).details[0]!.code).toBe('head_exists');
    let v = (await doc.get(`/api/households/${h1.id}`)).json() as {
      headResidentId: number;
      members: { id: number }[];
    };
    expect(v.headResidentId).toBe(head.id);
    expect(v.members.map((m) => m.id).sort()).toEqual([head.id, child.id].sort());
    const moved = await doc.post(`/api/households/${h2.id}/members`, {
      residentId: child.id,
      relationToHead: '02',
      version: child.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    v = (await doc.get(`/api/households/${h1.id}`)).json() as typeof v;
    expect(v.members.map((m) => m.id)).toEqual([head.id]);
    const v2 = (await doc.get(`/api/households/${h2.id}`)).json() as typeof v;
    expect(v2.headResidentId).toBe(child.id);
    const b = await e.as('cunyi2');
    expect((await b.get(`/api/households/${h1.id}`)).statusCode).toBe(404);
  });

  it('finds households by number, head name, pinyin, initials and address, in the jurisdiction only', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const made = (address: string) =>
      doc
        .post('/api/households', { villageCode: e.villageA, address })
        .then((r) => r.json() as { id: number });
    const h = await made('槐树湾5_号');
    const other = await made('东岗%2号');
    await doc.post(
      '/api/residents',
      buildResident(e.villageA, { name: '诸葛户', householdId: h.id, relationToHead: '02' }),
    );
    await doc.post(
      '/api/residents',
      buildResident(e.villageA, {
        name: '诸葛二',
        birthDate: '1995-01-01',
        householdId: h.id,
        relationToHead: '20',
      }),
    );
    type List = {
      items: { id: number; head: { name: string } | null; members: number; address: string | null }[];
      total: number;
      totalExact: boolean;
    };
    const find = async (user: string, qs: string) => {
      const res = await (await e.as(user)).get(`/api/households?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as List;
    };
    const ids = async (qs: string, user = 'cunyi') => (await find(user, qs)).items.map((i) => i.id);
    const cases: [string, string, number[]][] = [
      ['household number', `q=${h.id}`, [h.id]],
      ['head name, characters', `q=${encodeURIComponent('诸葛')}`, [h.id]],
      ['head name, pinyin', 'q=zhuge', [h.id]],
      ['head name, initials', 'q=zgh', [h.id]],
      ['part of the address', `q=${encodeURIComponent('树湾')}`, [h.id]],
      ['a LIKE wildcard is a character', `q=${encodeURIComponent('5_号')}`, [h.id]],
      ['a percent sign is a character', `q=${encodeURIComponent('%2号')}`, [other.id]],
    ];
    for (const [what, qs, want] of cases) expect(await ids(qs), what).toEqual(want);
    const row = (await find('cunyi', `q=${h.id}`)).items[0]!;
    expect(row).toMatchObject({ head: { name: '诸葛户' }, members: 2, address: '槐树湾5_号' });
    // Newest first over the village; another village's doctor finds none of it.
    const all = await find('cunyi', `villageCode=${e.villageA}&pageSize=100`);
    expect(all.items[0]!.id).toBe(other.id);
    expect(all.totalExact).toBe(true);
    expect(await ids(`q=${h.id}`, 'cunyi2')).toEqual([]);
    expect(await ids(`villageCode=${e.villageA}`, 'cunyi2')).toEqual([]);
    // The heads shown are in the audit of the search.
    const audit = await e.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'household.search')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.detail)).toContain('residentIds');
    const bad = await doc.get('/api/households?villageCode=12&pageSize=500');
    expect(bad.statusCode).toBe(400);
  });

  it('ID numbers from the builder are valid (guards the builder itself)', () => {
    expect(makeIdNumber('2000-02-29', '2')).toMatch(/^34152420000229\d{3}[\dX]$/);
  });
});

describeEachDb('resident list filters', (env) => {
  it('filters by age range, key population, sex and village, and derives age tags', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const old = (
      await doc.post(
        '/api/residents',
        buildResident(e.villageA, { name: '老人甲', birthDate: '1950-06-01', sex: '2' }),
      )
    ).json() as View;
    const child = (
      await doc.post(
        '/api/residents',
        buildResident(e.villageA, { name: '小孩乙', birthDate: '2022-02-02', sex: '1' }),
      )
    ).json() as View;
    const withHbp = await doc.post('/api/residents', {
      ...buildResident(e.villageA, { name: '高血压丙', birthDate: '1966-01-01' }),
      basicInfo: {
        ...buildResident(e.villageA).basicInfo,
        diseases: [{ code: '2', diagnosedAt: '2015-03' }],
      },
    });
    expect(withHbp.statusCode, withHbp.body).toBe(201);
    const ids = async (qs: string) =>
      (
        (await doc.get(`/api/residents?villageCode=${e.villageA}&pageSize=100&${qs}`)).json() as {
          items: { id: number; keyTags: string[] }[];
        }
      ).items;
    expect((await ids('tag=elderly')).map((i) => i.id)).toContain(old.id);
    expect((await ids('tag=elderly')).map((i) => i.id)).not.toContain(child.id);
    expect((await ids('tag=child')).map((i) => i.id)).toEqual([child.id]);
    expect((await ids('tag=hypertension')).map((i) => i.id)).toEqual([(withHbp.json() as View).id]);
    expect((await ids('ageMin=65&sex=2')).map((i) => i.id)).toContain(old.id);
    expect((await ids('ageMax=6')).map((i) => i.id)).toEqual([child.id]);
    expect((await ids('tag=elderly')).find((i) => i.id === old.id)!.keyTags).toContain('elderly');
    const bad = await doc.get('/api/residents?ageMin=-1&sex=7');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { details: { field: string }[] }).details.map((d) => d.field).sort()).toEqual([
      'querystring.ageMin',
      'querystring.sex',
    ]);
  });

  it('counts every match for administrators, with the list filters and scope; others may not count', async () => {
    const e = env();
    const count = async (user: string, qs: string) => {
      const res = await (await e.as(user)).get(`/api/residents/count?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { total: number }).total;
    };
    const listTotal = async (user: string, qs: string) =>
      ((await (await e.as(user)).get(`/api/residents?${qs}`)).json() as { total: number }).total;
    const { db } = e.database;
    const inDb = async (village?: string, status: 'active' | 'archived' = 'active') =>
      (
        await db
          .selectFrom('resident')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', status)
          .$if(!!village, (q) => q.where('village_code', '=', village!))
          .executeTakeFirstOrThrow()
      ).n;
    // The county administrator counts the county, and by village, as the database does.
    expect(await count('county', '')).toBe(Number(await inDb()));
    expect(await count('county', `villageCode=${e.villageA}`)).toBe(Number(await inDb(e.villageA)));
    expect(await count('county', 'status=archived')).toBe(Number(await inDb(undefined, 'archived')));
    // The same numbers as the list where the list counts to the end (the demo county is below its cap).
    for (const qs of ['', `villageCode=${e.villageA}`, 'tag=elderly', 'sex=2&ageMin=60', 'q=王'])
      expect(await count('county', qs), qs).toBe(await listTotal('county', qs));
    // The township administrator counts the township only: another township's village gives 0.
    const other = await db
      .selectFrom('area')
      .select('code')
      .where('level', '=', 'village')
      .where('code', 'not like', `${e.villageA.slice(0, 9)}%`)
      .executeTakeFirstOrThrow();
    expect(await count('xzadmin', `villageCode=${other.code}`)).toBe(0);
    expect(await count('xzadmin', '')).toBe(await listTotal('xzadmin', ''));
    // Village doctors and the city inspector have no count (they see the list's own total).
    for (const user of ['cunyi', 'city'])
      expect((await (await e.as(user)).get('/api/residents/count')).statusCode).toBe(403);
  });
});
