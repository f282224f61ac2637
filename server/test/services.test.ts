import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { assessSelfCare, assessTcmConstitution } from '@jkda/domain';
import { describeEachDb } from './harness.ts';
import { buildResident } from './builders.ts';

const today = (): string => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number): string => new Date(Date.now() - n * 86400_000).toISOString().slice(0, 10);

function checkForm(over: Record<string, unknown> = {}) {
  return {
    symptoms: { codes: ['1'] },
    general: {
      temperature: 36.6,
      pulse: 74,
      respiration: 18,
      bpLeft: { sbp: 136, dbp: 84 },
      bpRight: { sbp: 142, dbp: 86 },
      heightCm: 160,
      weightKg: 64,
      waistCm: 84,
      healthSelfAssessment: '2',
      selfCare: '1',
      cognition: '1',
      emotion: '1',
    },
    lifestyle: { exercise: { frequency: '3' }, smoking: { status: '1' }, drinking: { frequency: '1' } },
    // Every item the elderly annual check asks for (an incomplete one does not count for the register).
    labs: {
      fastingGlucose: { value: 126, unit: 'mg/dL' },
      bloodRoutine: { hemoglobin: 132, wbc: 6.1, platelets: 210 },
      urineRoutine: { protein: '-', glucose: '-', ketones: '-', occultBlood: '-' },
      liver: { alt: 22, ast: 25, totalBilirubin: 12 },
      kidney: { creatinine: 78, urea: 5.2 },
      lipids: { totalCholesterol: 4.8, triglycerides: 1.4, ldl: 2.6, hdl: 1.3 },
      ecg: { code: '1' },
      ultrasound: { abdomen: { code: '1' } },
    },
    evaluation: { result: '2', abnormalities: ['血压偏高'] },
    guidance: ['1'],
    ...over,
  };
}

interface Worklist {
  counts: Record<string, number>;
  items: { residentId: number; categories: string[]; dueDate: string; lastCheckDate: string | null }[];
}

describeEachDb('service records of every kind, the elderly register and the annual check', (env) => {
  async function elder(name: string) {
    const e = env();
    const doc = await e.as('cunyi');
    const res = await doc.post(
      '/api/residents',
      buildResident(e.villageA, { name, birthDate: '1950-02-11' }),
    );
    expect(res.statusCode).toBe(201);
    return { e, doc, id: (res.json() as { id: number }).id };
  }

  it('takes a resident of 65 into the elderly register at once, and a health check clears "check missing"', async () => {
    const { e, doc, id } = await elder('体检甲');
    const url = `/api/worklists/chronic?program=elderly&villageCode=${e.villageA}&category=check_missing&limit=2000`;
    const before = (await doc.get(url)).json() as Worklist;
    expect(before.items.map((i) => i.residentId)).toContain(id);
    expect(before.counts.check_missing).toBeGreaterThanOrEqual(1);

    const rec = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: checkForm(),
      sign: true,
    });
    expect(rec.statusCode).toBe(201);
    const body = rec.json() as { warnings: { field: string; code: string }[]; status: string };
    expect(body.status).toBe('signed');
    // The values the indicators query: the arm with the higher systolic reading, glucose in mmol/L.
    const list = (await doc.get(`/api/residents/${id}/services`)).json() as {
      items: { type: string; sbp: number; dbp: number; fastingGlucose: number; weightKg: number }[];
      enrolments: { program: string; lastCheckDate: string | null }[];
    };
    expect(list.items[0]).toMatchObject({
      type: 'health_check',
      sbp: 142,
      dbp: 86,
      fastingGlucose: 7,
      weightKg: 64,
    });
    expect(list.enrolments.find((x) => x.program === 'elderly')?.lastCheckDate).toBe(today());

    const after = (await doc.get(url)).json() as Worklist;
    expect(after.items.map((i) => i.residentId)).not.toContain(id);
    const all = (
      await doc.get(`/api/worklists/chronic?program=elderly&villageCode=${e.villageA}&limit=2000`)
    ).json() as Worklist;
    const row = all.items.find((i) => i.residentId === id)!;
    expect(row.lastCheckDate).toBe(today());
    expect(row.dueDate > today()).toBe(true);
  });

  it('refuses impossible health check values field by field and keeps unusual ones as warnings', async () => {
    const { doc, id } = await elder('体检乙');
    const bad = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: checkForm({
        general: { bpLeft: { sbp: 80, dbp: 90 }, heightCm: 160, weightKg: 64, bmi: 30 },
        evaluation: { result: '2', abnormalities: [] },
      }),
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { details: { field: string; code: string }[] }).details.map((d) => d.field);
    expect(fields).toContain('form.evaluation.abnormalities');
    const rules = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: checkForm({ general: { bpLeft: { sbp: 80, dbp: 90 }, heightCm: 160, weightKg: 64, bmi: 30 } }),
    });
    expect(rules.statusCode).toBe(400);
    const details = (rules.json() as { details: { field: string; code: string }[] }).details;
    expect(details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['form.general.bpLeft.sbp', 'form.general.bmi']),
    );
    expect(details.find((d) => d.field === 'form.general.bmi')?.code).toBe('bmi_mismatch');
    const unusual = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: checkForm({ general: { temperature: 41.5, bpLeft: { sbp: 150, dbp: 90 } } }),
    });
    expect(unusual.statusCode).toBe(201);
    const w = (unusual.json() as { warnings: { field: string }[]; status: string }).warnings;
    expect(w.map((x) => x.field)).toContain('form.general.temperature');
  });

  it('scores the self-care assessment and the TCM constitution, and checks what was written against it', async () => {
    const { doc, id } = await elder('老年甲');
    const answers = {
      eating: 'moderate',
      grooming: 'moderate',
      dressing: 'mild',
      toileting: 'mild',
      activity: 'mild',
    } as const;
    const expected = assessSelfCare(answers);
    expect(expected.category).not.toBe('independent');
    const wrong = await doc.post(`/api/residents/${id}/services`, {
      type: 'elderly_self_care',
      serviceDate: today(),
      delivery: 'home',
      form: { answers, total: 0 },
    });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { details: { field: string; code: string }[] }).details[0]).toMatchObject({
      field: 'form.total',
      code: 'score_mismatch',
    });
    const ok = await doc.post(`/api/residents/${id}/services`, {
      type: 'elderly_self_care',
      serviceDate: today(),
      delivery: 'home',
      form: { answers },
      sign: true,
    });
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as { classification: string }).classification).toBe(expected.category);

    const tcm = Array.from({ length: 33 }, (_, i) => (i < 4 ? 5 : 1));
    const a = assessTcmConstitution(tcm);
    expect(a.guidanceFor.length).toBeGreaterThan(0);
    const missing = await doc.post(`/api/residents/${id}/services`, {
      type: 'elderly_tcm',
      serviceDate: today(),
      delivery: 'clinic',
      form: { answers: tcm, guidance: [] },
    });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { details: { code: string }[] }).details[0]!.code).toBe('guidance_missing');
    const saved = await doc.post(`/api/residents/${id}/services`, {
      type: 'elderly_tcm',
      serviceDate: today(),
      delivery: 'clinic',
      form: {
        answers: tcm,
        guidance: a.guidanceFor.map((constitution) => ({ constitution, codes: ['1', '2'] })),
      },
    });
    expect(saved.statusCode).toBe(201);
    expect((saved.json() as { classification: string }).classification).toBe(a.primary);

    // For a younger resident the elderly forms are kept with a warning.
    const e = env();
    const young = (
      await doc.post('/api/residents', buildResident(e.villageA, { name: '年轻甲', birthDate: '1980-02-11' }))
    ).json() as { id: number };
    const w = await doc.post(`/api/residents/${young.id}/services`, {
      type: 'elderly_self_care',
      serviceDate: today(),
      delivery: 'clinic',
      form: { answers },
    });
    expect(w.statusCode).toBe(201);
    expect((w.json() as { warnings: { code: string }[] }).warnings.map((x) => x.code)).toContain(
      'below_elderly_age',
    );
  });

  it('records encounters, consultations and a referral out and back, linked', async () => {
    const { e, doc, id } = await elder('转诊甲');
    const enc = await doc.post(`/api/residents/${id}/services`, {
      type: 'encounter',
      serviceDate: daysAgo(3),
      delivery: 'clinic',
      form: {
        subjective: '头晕3天',
        objective: '血压168/96mmHg',
        assessment: '高血压待查',
        plan: '转上级医院',
      },
      sign: true,
    });
    expect(enc.statusCode).toBe(201);
    const blank = await doc.post(`/api/residents/${id}/services`, {
      type: 'consultation',
      serviceDate: daysAgo(3),
      delivery: 'clinic',
      form: { reason: '', opinion: '调整用药', consultants: [], responsibleDoctor: '李医生' },
    });
    expect(blank.statusCode).toBe(400);
    expect((blank.json() as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['form.reason', 'form.consultants']),
    );
    const out = (
      await doc.post(`/api/residents/${id}/services`, {
        type: 'referral_out',
        serviceDate: daysAgo(3),
        delivery: 'clinic',
        form: {
          toInstitution: '金寨县人民医院',
          toDepartment: '心内科',
          impression: '高血压3级',
          presentIllness: '头晕3天',
          pastHistory: '无',
          treatment: '无',
          referringDoctor: '王医生',
        },
        sign: true,
      })
    ).json() as { id: number };
    const back = {
      type: 'referral_back',
      serviceDate: daysAgo(1),
      delivery: 'clinic',
      form: {
        diagnosis: '原发性高血压',
        mainResults: '心电图正常',
        treatment: '调整降压药',
        nextPlan: '社区随访，每月测血压',
        fromInstitution: '金寨县人民医院',
        doctor: '张医生',
        outReferralId: out.id + 1000,
      },
    };
    const unlinked = await doc.post(`/api/residents/${id}/services`, back);
    expect(unlinked.statusCode).toBe(400);
    expect((unlinked.json() as { details: { field: string }[] }).details[0]!.field).toBe(
      'form.outReferralId',
    );
    const linked = await doc.post(`/api/residents/${id}/services`, {
      ...back,
      form: { ...back.form, outReferralId: out.id },
    });
    expect(linked.statusCode).toBe(201);
    const types = (
      (await doc.get(`/api/residents/${id}/services`)).json() as { items: { type: string }[] }
    ).items.map((i) => i.type);
    expect(types).toEqual(expect.arrayContaining(['encounter', 'referral_out', 'referral_back']));
    // Another village's doctor sees none of it.
    const other = await e.as('cunyi2');
    expect((await other.get(`/api/services/${out.id}`)).statusCode).toBe(404);
  });

  it('scopes the worklist to a township or a doctor and exports it to Excel', async () => {
    const { e, doc, id } = await elder('名单甲');
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'hypertension' });
    const township = e.villageA.slice(0, 9);
    const town = await e.as('xiangzhen');
    const byTown = (
      await town.get(`/api/worklists/chronic?program=hypertension&townshipCode=${township}&limit=2000`)
    ).json() as Worklist;
    expect(byTown.items.map((i) => i.residentId)).toContain(id);
    expect(byTown.items.find((i) => i.residentId === id)!.categories).toEqual(
      expect.arrayContaining(['under_visited', 'check_missing']),
    );
    const me = (await doc.get('/api/auth/me')).json() as { user?: { id: number }; id?: number };
    const myId = me.user?.id ?? me.id;
    const mine = (
      await doc.get(`/api/worklists/chronic?program=hypertension&doctorId=${myId}&limit=2000`)
    ).json() as Worklist;
    expect(mine.items.map((i) => i.residentId)).toContain(id);
    const nobody = (
      await doc.get(`/api/worklists/chronic?program=hypertension&doctorId=999999`)
    ).json() as Worklist;
    expect(nobody.counts.total).toBe(0);
    // The name filter reads the whole list: characters anywhere in the name, or pinyin initials.
    const named = async (name: string) =>
      (
        (
          await town.get(
            `/api/worklists/chronic?program=hypertension&townshipCode=${township}&name=${encodeURIComponent(name)}`,
          )
        ).json() as Worklist
      ).items.map((i) => i.residentId);
    expect(await named('单甲')).toContain(id);
    expect(await named('mdj')).toContain(id);
    expect(await named('名单乙')).not.toContain(id);
    const filtered = (
      await town.get(`/api/worklists/chronic?program=hypertension&townshipCode=${township}&name=名单甲`)
    ).json() as Worklist;
    expect(filtered.counts.total).toBe(filtered.items.length);
    const badTown = await town.get('/api/worklists/chronic?program=hypertension&townshipCode=12');
    expect(badTown.statusCode).toBe(400);

    const x = await doc.get(
      `/api/worklists/chronic/export.xlsx?program=hypertension&villageCode=${e.villageA}`,
    );
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(names).toContain('名单甲');
  });

  it('corrects a register entry with versions and refuses an unknown managing doctor', async () => {
    const { doc, id } = await elder('名册甲');
    const unknown = await doc.post(`/api/residents/${id}/enrolments`, {
      program: 'hypertension',
      managingDoctorId: 999999,
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { details: { field: string }[] }).details[0]!.field).toBe('managingDoctorId');
    const e = (
      await doc.post(`/api/residents/${id}/enrolments`, {
        program: 'hypertension',
        diagnosisDate: '2019-04-01',
      })
    ).json() as { id: number; version: number; nextDueDate: string; managingDoctorId: number };
    expect(e.nextDueDate).toBeTruthy();
    const upd = await doc.put(`/api/enrolments/${e.id}`, {
      diagnosisDate: '2018-10-01',
      diagnosisSource: '县医院',
      version: e.version,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({
      diagnosisDate: '2018-10-01',
      diagnosisSource: '县医院',
      version: e.version + 1,
    });
    expect((await doc.put(`/api/enrolments/${e.id}`, { version: e.version })).statusCode).toBe(409);
    const list = (await doc.get(`/api/residents/${id}/services`)).json() as {
      enrolments: { id: number; program: string; version: number }[];
    };
    const elderly = list.enrolments.find((x) => x.program === 'elderly')!;
    const byAge = await doc.put(`/api/enrolments/${elderly.id}`, { version: elderly.version });
    expect(byAge.statusCode).toBe(400);
  });

  it('closes the registers when the record is archived as deceased', async () => {
    const { e, doc, id } = await elder('结案甲');
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'diabetes' });
    const r = (await doc.get(`/api/residents/${id}`)).json() as { version: number };
    const admin = await e.as('xzadmin');
    const arch = await admin.post(`/api/residents/${id}/archive`, {
      reason: 'deceased',
      date: daysAgo(1),
      version: r.version,
    });
    expect(arch.statusCode).toBe(200);
    const list = (await admin.get(`/api/residents/${id}/services`)).json() as {
      enrolments: { program: string; status: string }[];
    };
    expect(list.enrolments.map((x) => x.status)).toEqual(['deceased', 'deceased']);
  });

  it('counts an elderly check only with the items the spec asks for, and refuses a diabetic check without the foot pulse', async () => {
    const { e, doc, id } = await elder('体检丙');
    const url = `/api/worklists/chronic?program=elderly&villageCode=${e.villageA}&category=check_missing&limit=2000`;
    const base = checkForm();
    const partial = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: { ...base, labs: { fastingGlucose: { value: 6.1, unit: 'mmol/L' } } },
      sign: true,
    });
    expect(partial.statusCode, partial.body).toBe(201);
    const warned = (partial.json() as { warnings: { field: string; code: string }[] }).warnings;
    expect(warned).toContainEqual({ field: 'form.labs.ecg', code: 'annual_check_item_missing' });
    expect(warned).toContainEqual({ field: 'form.labs.lipids.hdl', code: 'annual_check_item_missing' });
    // Still missing its annual check.
    expect(((await doc.get(url)).json() as Worklist).items.map((i) => i.residentId)).toContain(id);

    const complete = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: base,
      sign: true,
    });
    expect(complete.statusCode, complete.body).toBe(201);
    expect(((await doc.get(url)).json() as Worklist).items.map((i) => i.residentId)).not.toContain(id);

    // A diabetic's check needs the dorsalis pedis pulse.
    expect((await doc.post(`/api/residents/${id}/enrolments`, { program: 'diabetes' })).statusCode).toBe(201);
    const noFoot = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: base,
    });
    expect(noFoot.statusCode).toBe(400);
    expect((noFoot.json() as { details: { field: string; code: string }[] }).details).toContainEqual(
      expect.objectContaining({ field: 'form.exam.dorsalisPedis', code: 'required' }),
    );
    const withFoot = await doc.post(`/api/residents/${id}/services`, {
      type: 'health_check',
      serviceDate: today(),
      delivery: 'clinic',
      form: { ...base, exam: { dorsalisPedis: '1' } },
    });
    expect(withFoot.statusCode, withFoot.body).toBe(201);
  });

  it("lists the user's own drafts to finish, newest first, audited as a read of each resident; a signed one leaves", async () => {
    const { e, doc, id } = await elder('草稿测试人');
    const note = { subjective: '头晕', objective: '血压正常', assessment: '无异常', plan: '观察' };
    const draft = (serviceDate: string) =>
      doc.post(`/api/residents/${id}/services`, {
        type: 'encounter',
        serviceDate,
        delivery: 'home',
        form: note,
      });
    const older = (await draft(daysAgo(3))).json() as { id: number };
    const newer = (await draft(daysAgo(1))).json() as { id: number };
    interface Drafts {
      total: number;
      items: { id: number; residentId: number; name: string; type: string; serviceDate: string }[];
    }
    const mine = (await doc.get('/api/services/drafts')).json() as Drafts;
    const ours = mine.items.filter((d) => d.residentId === id);
    expect(ours.map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(ours[0]).toMatchObject({ name: '草稿测试人', type: 'encounter', serviceDate: daysAgo(1) });
    expect(mine.total).toBeGreaterThanOrEqual(2);
    const one = (await doc.get('/api/services/drafts?limit=1')).json() as Drafts;
    expect(one.items).toHaveLength(1);
    expect(one.total).toBe(mine.total);
    // Another user of the same village sees none of them: drafts are their author's.
    const other = (await (await e.as('xiangzhen')).get('/api/services/drafts')).json() as Drafts;
    expect(other.items.map((d) => d.id)).not.toContain(newer.id);
    // The list named the resident: it is in the resident's own audit view.
    // The township's administrator too: a list's row names no resident in its own column (it was left out).
    for (const who of ['xzadmin', 'county']) {
      const admin = await e.as(who);
      const audit = (await admin.get(`/api/residents/${id}/audit`)).json() as { items: { action: string }[] };
      expect(audit.items.map((a) => a.action)).toContain('service.drafts');
    }
    // Signed: no longer a draft.
    expect((await doc.post(`/api/services/${newer.id}/sign`, { version: 1 })).statusCode).toBe(200);
    const after = (await doc.get('/api/services/drafts')).json() as Drafts;
    expect(after.items.map((d) => d.id)).not.toContain(newer.id);
    expect(after.items.map((d) => d.id)).toContain(older.id);
    expect(after.total).toBe(mine.total - 1);
    expect((await doc.get('/api/services/drafts?limit=0')).statusCode).toBe(400);
  });
});
