import { expect, it } from 'vitest';
import { describeEachDb } from './harness.ts';
import { buildResident } from './builders.ts';

const daysAgo = (n: number): string => new Date(Date.now() - n * 86400_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number): string =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

function htnForm(over: Record<string, unknown> = {}) {
  return {
    symptoms: { codes: ['1'] },
    sbp: 132,
    dbp: 82,
    weightKg: 65,
    heightCm: 165,
    heartRate: 76,
    lifestyle: { cigarettesPerDay: 0, psychology: '1', compliance: '1' },
    medicationAdherence: '1',
    adverseReaction: { has: false },
    classification: '1',
    medications: [{ name: '氨氯地平', timesPerDay: 1, dose: '5mg' }],
    saltIntake: '2',
    ...over,
  };
}

interface Svc {
  id: number;
  version: number;
  nextVisitDate: string;
  nextAction: string;
  classification: string;
  status: string;
  warnings: { field: string; code: string }[];
}

describeEachDb('chronic disease programs', (env) => {
  async function patient(name: string) {
    const e = env();
    const doc = await e.as('cunyi');
    const r = (
      await doc.post('/api/residents', buildResident(e.villageA, { name, birthDate: '1955-05-05' }))
    ).json() as { id: number };
    return { e, doc, id: r.id };
  }

  it('records follow-ups by the spec: next visit in 3 months when controlled, 2 weeks when first uncontrolled, referral after two', async () => {
    const { doc, id } = await patient('随访甲');
    const notEnrolled = await doc.post(`/api/residents/${id}/services`, {
      type: 'hypertension_followup',
      serviceDate: daysAgo(30),
      delivery: 'clinic',
      form: htnForm(),
    });
    expect(notEnrolled.statusCode).toBe(400);
    expect((notEnrolled.json() as { details: { code: string }[] }).details[0]!.code).toBe('not_enrolled');
    expect(
      (
        await doc.post(`/api/residents/${id}/enrolments`, {
          program: 'hypertension',
          diagnosisDate: '2015-03-01',
        })
      ).statusCode,
    ).toBe(201);
    // The key population tag follows enrolment (the form lists no disease), as a new version of the record.
    const rec = (await doc.get(`/api/residents/${id}`)).json() as { keyTags: string[]; version: number };
    expect(rec.keyTags).toContain('hypertension');
    expect(rec.version).toBe(2);
    const hist = (await doc.get(`/api/residents/${id}/history`)).json() as {
      items: { action: string; changes: { field: string }[] }[];
    };
    expect(hist.items[0]).toMatchObject({ action: 'program_enrol', changes: [{ field: 'keyTags' }] });
    expect((await doc.post(`/api/residents/${id}/enrolments`, { program: 'hypertension' })).statusCode).toBe(
      409,
    );
    const d1 = daysAgo(60);
    const first = (
      await doc.post(`/api/residents/${id}/services`, {
        type: 'hypertension_followup',
        serviceDate: d1,
        delivery: 'clinic',
        form: htnForm(),
        sign: true,
      })
    ).json() as Svc;
    expect(first).toMatchObject({ classification: 'controlled', nextAction: 'routine', status: 'signed' });
    expect(first.nextVisitDate > addDays(d1, 88) && first.nextVisitDate <= addDays(d1, 92)).toBe(true);
    const d2 = daysAgo(40);
    const second = (
      await doc.post(`/api/residents/${id}/services`, {
        type: 'hypertension_followup',
        serviceDate: d2,
        delivery: 'home',
        form: htnForm({ sbp: 150, dbp: 95, classification: '2' }),
        sign: true,
      })
    ).json() as Svc;
    expect(second).toMatchObject({
      classification: 'uncontrolled',
      nextAction: 'recheck_2w',
      nextVisitDate: addDays(d2, 14),
    });
    const d3 = daysAgo(26);
    const third = (
      await doc.post(`/api/residents/${id}/services`, {
        type: 'hypertension_followup',
        serviceDate: d3,
        delivery: 'clinic',
        form: htnForm({ sbp: 152, dbp: 96, classification: '2' }),
        sign: true,
      })
    ).json() as Svc;
    expect(third).toMatchObject({ nextAction: 'referral_2w', nextVisitDate: addDays(d3, 14) });
    expect(third.warnings).toContainEqual({ field: 'form.referral', code: 'referral_expected' });
    const list = (await doc.get(`/api/residents/${id}/services`)).json() as {
      enrolments: { program: string }[];
      items: { id: number }[];
    };
    expect(list.enrolments.map((x) => x.program).sort()).toEqual(['elderly', 'hypertension']);
    expect(list.items.map((i) => i.id)).toEqual([third.id, second.id, first.id]);
  });

  it('rejects values and classifications that contradict each other, field by field', async () => {
    const { doc, id } = await patient('随访乙');
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'hypertension' });
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { sbp: 150, dbp: 95, classification: '1' },
        'form.classification',
        'classification_contradicts_values',
      ],
      [{ sbp: 80, dbp: 90 }, 'form.sbp', 'sbp_not_above_dbp'],
      [{ sbp: undefined }, 'form.sbp', 'required'],
      [{ medicationAdherence: '7' }, 'form.medicationAdherence', 'invalid_value'],
    ];
    for (const [patch, field, code] of cases) {
      const res = await doc.post(`/api/residents/${id}/services`, {
        type: 'hypertension_followup',
        serviceDate: daysAgo(1),
        delivery: 'clinic',
        form: htnForm(patch),
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(
        (res.json() as { details: { field: string; code: string; message: string }[] }).details,
        JSON.stringify(patch),
      ).toContainEqual(expect.objectContaining({ field, code }));
    }
    const future = await doc.post(`/api/residents/${id}/services`, {
      type: 'hypertension_followup',
      serviceDate: addDays(daysAgo(0), 3),
      delivery: 'clinic',
      form: htnForm(),
    });
    expect(future.statusCode).toBe(400);
    // Diabetes: an HbA1c needs the day of its test, which cannot be after the visit.
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'diabetes' });
    const dm = (over: Record<string, unknown>) =>
      doc.post(`/api/residents/${id}/services`, {
        type: 'diabetes_followup',
        serviceDate: daysAgo(2),
        delivery: 'clinic',
        form: { ...htnForm({ saltIntake: undefined }), fastingGlucose: 6.1, ...over },
      });
    for (const [over, code] of [
      [{ hba1c: 6.8 }, 'required'],
      [{ hba1c: 6.8, hba1cDate: daysAgo(0) }, 'date_after_service'],
    ] as const) {
      const res = await dm(over);
      expect(res.statusCode).toBe(400);
      expect((res.json() as { details: { field: string; code: string }[] }).details).toContainEqual(
        expect.objectContaining({ field: 'form.hba1cDate', code }),
      );
    }
    expect((await dm({ hba1c: 6.8, hba1cDate: daysAgo(20) })).statusCode).toBe(201);
  });

  it('signs drafts, amends with versions, and keeps other villages out', async () => {
    const { e, doc, id } = await patient('随访丙');
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'diabetes' });
    const form = { ...htnForm({ fastingGlucose: 6.2 }), saltIntake: undefined };
    const draft = (
      await doc.post(`/api/residents/${id}/services`, {
        type: 'diabetes_followup',
        serviceDate: daysAgo(3),
        delivery: 'clinic',
        form,
      })
    ).json() as Svc;
    expect(draft).toMatchObject({ status: 'draft', version: 1, classification: 'controlled' });
    const signed = (await doc.post(`/api/services/${draft.id}/sign`, { version: 1 })).json() as Svc;
    expect(signed).toMatchObject({ status: 'signed', version: 2 });
    const amended = await doc.put(`/api/services/${draft.id}`, {
      serviceDate: daysAgo(3),
      delivery: 'home',
      form: { ...form, fastingGlucose: 6.4 },
      version: 2,
      reason: '录入错误',
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect((amended.json() as Svc).version).toBe(3);
    expect(
      (
        await doc.put(`/api/services/${draft.id}`, {
          serviceDate: daysAgo(3),
          delivery: 'home',
          form,
          version: 2,
        })
      ).statusCode,
    ).toBe(409);
    const other = await e.as('cunyi2');
    expect((await other.get(`/api/services/${draft.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.post(`/api/residents/${id}/services`, {
          type: 'diabetes_followup',
          serviceDate: daysAgo(1),
          delivery: 'clinic',
          form,
        })
      ).statusCode,
    ).toBe(404);
    const wl = (await other.get('/api/worklists/chronic?program=diabetes')).json() as {
      items: { residentId: number }[];
    };
    expect(wl.items.map((i) => i.residentId)).not.toContain(id);
  });

  it('puts an overdue patient on the worklist and takes them off after the visit', async () => {
    const { e, doc, id } = await patient('随访丁');
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'hypertension' });
    await doc.post(`/api/residents/${id}/services`, {
      type: 'hypertension_followup',
      serviceDate: daysAgo(120),
      delivery: 'clinic',
      form: htnForm(),
      sign: true,
    });
    const before = (
      await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}&category=overdue`)
    ).json() as {
      counts: { overdue: number };
      items: { residentId: number; overdueDays: number; visitsThisYear: number }[];
    };
    const row = before.items.find((i) => i.residentId === id)!;
    expect(row.overdueDays).toBeGreaterThan(20);
    expect(before.counts.overdue).toBeGreaterThanOrEqual(1);
    await doc.post(`/api/residents/${id}/services`, {
      type: 'hypertension_followup',
      serviceDate: daysAgo(0),
      delivery: 'clinic',
      form: htnForm(),
      sign: true,
    });
    // a second visit on the same day: still one row per patient
    await doc.post(`/api/residents/${id}/services`, {
      type: 'hypertension_followup',
      serviceDate: daysAgo(0),
      delivery: 'phone',
      form: htnForm(),
      sign: true,
    });
    const after = (
      await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}&category=overdue`)
    ).json() as { items: { residentId: number }[] };
    expect(after.items.map((i) => i.residentId)).not.toContain(id);
    const all = (
      await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}`)
    ).json() as { items: { residentId: number; dueDate: string; categories: string[] }[] };
    expect(all.items.filter((i) => i.residentId === id)).toHaveLength(1);
    const now = all.items.find((i) => i.residentId === id)!;
    expect(now.dueDate > addDays(daysAgo(0), 80)).toBe(true);
    expect(now.categories).not.toContain('overdue');
  });

  it('records a combined visit: two signed records in one call, all or none, problems named by record', async () => {
    const { e, doc, id } = await patient('合并甲');
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'hypertension' });
    const dmForm = (over: Record<string, unknown> = {}) => ({
      ...htnForm({ saltIntake: undefined }),
      medications: [{ name: '二甲双胍', timesPerDay: 2, dose: '0.5g' }],
      fastingGlucose: 6.2,
      ...over,
    });
    const visit = (records: { type: string; form: Record<string, unknown> }[]) =>
      doc.post(`/api/residents/${id}/visits`, {
        serviceDate: daysAgo(1),
        delivery: 'home',
        sign: true,
        records,
      });
    const both = (dm: Record<string, unknown> = {}) => [
      { type: 'hypertension_followup', form: htnForm() },
      { type: 'diabetes_followup', form: dmForm(dm) },
    ];
    const count = async () =>
      ((await doc.get(`/api/residents/${id}/services`)).json() as { items: unknown[] }).items.length;
    const fieldsOf = (res: { json(): unknown }) =>
      (res.json() as { details: { field: string; code: string }[] }).details;

    // Not in the diabetes register: nothing is saved, not even the hypertension record.
    const notEnrolled = await visit(both());
    expect(notEnrolled.statusCode).toBe(400);
    expect(fieldsOf(notEnrolled).map((d) => `${d.field} ${d.code}`)).toEqual(['records.1.type not_enrolled']);
    expect(await count()).toBe(0);

    await doc.post(`/api/residents/${id}/enrolments`, { program: 'diabetes' });
    // A problem in the second form names that form's field; the first is not saved either.
    const noGlucose = await visit(both({ fastingGlucose: undefined }));
    expect(noGlucose.statusCode).toBe(400);
    expect(fieldsOf(noGlucose).map((d) => d.field)).toContain('records.1.form.fastingGlucose');
    expect(await count()).toBe(0);
    // One form, or the same type twice, is not a combined visit.
    for (const [records, code] of [
      [both().slice(0, 1), 'visit_too_few'],
      [[both()[0]!, both()[0]!], 'visit_type_twice'],
    ] as const) {
      const res = await visit([...records]);
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res).map((d) => d.code)).toContain(code);
    }

    const ok = await visit(both({ fastingGlucose: 8.4, classification: '2' }));
    expect(ok.statusCode).toBe(201);
    const items = (ok.json() as { items: (Svc & { type: string; serviceDate: string; delivery: string })[] })
      .items;
    expect(items.map((x) => [x.type, x.status, x.serviceDate, x.delivery])).toEqual([
      ['hypertension_followup', 'signed', daysAgo(1), 'home'],
      ['diabetes_followup', 'signed', daysAgo(1), 'home'],
    ]);
    // Each record is judged by its own program: BP controlled, glucose not (next visit within 2 weeks).
    expect(items[0]!.nextVisitDate > addDays(daysAgo(1), 80)).toBe(true);
    expect(items[1]!.nextVisitDate <= addDays(daysAgo(1), 14)).toBe(true);
    expect(await count()).toBe(2);
    // Both registers count the visit.
    for (const program of ['hypertension', 'diabetes']) {
      const wl = (
        await doc.get(`/api/worklists/chronic?program=${program}&villageCode=${e.villageA}`)
      ).json() as { items: { residentId: number; lastVisitDate: string | null }[] };
      expect(wl.items.find((i) => i.residentId === id)?.lastVisitDate).toBe(daysAgo(1));
    }
    // A resident outside the user's villages: not found, as for one record.
    const other = await e.as('cunyi2');
    expect(
      (
        await other.post(`/api/residents/${id}/visits`, {
          serviceDate: daysAgo(1),
          delivery: 'home',
          sign: true,
          records: both(),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('finishes a draft follow-up: the amended values and the signature in one call, one version', async () => {
    const { e, doc, id } = await patient('草稿甲');
    await doc.post(`/api/residents/${id}/enrolments`, { program: 'hypertension' });
    const draft = (
      await doc.post(`/api/residents/${id}/services`, {
        type: 'hypertension_followup',
        serviceDate: daysAgo(1),
        delivery: 'home',
        form: htnForm({ sbp: 130 }),
      })
    ).json() as Svc;
    expect(draft.status).toBe('draft');
    const finish = (version: number, over: Record<string, unknown>) =>
      doc.put(`/api/services/${draft.id}`, {
        serviceDate: daysAgo(1),
        delivery: 'home',
        form: htnForm(over),
        version,
        sign: true,
      });
    // Only its author signs it: a colleague of the township who may write there is refused, either way.
    const colleague = await e.as('xiangzhen');
    for (const res of [
      await colleague.post(`/api/services/${draft.id}/sign`, { version: draft.version }),
      await colleague.put(`/api/services/${draft.id}`, {
        serviceDate: daysAgo(1),
        delivery: 'home',
        form: htnForm(),
        version: draft.version,
        sign: true,
      }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect((res.json() as { code: string }).code).toBe('draft_not_yours');
    }
    // The values are checked as for any signed record: a contradiction refuses it, and nothing is signed.
    const wrong = await finish(draft.version, { sbp: 168, dbp: 100, classification: '1' });
    expect(wrong.statusCode).toBe(400);
    expect(((await doc.get(`/api/services/${draft.id}`)).json() as Svc).status).toBe('draft');
    const done = await finish(draft.version, { sbp: 126 });
    expect(done.statusCode).toBe(200);
    const signed = done.json() as Svc & { signedAt: string | null };
    expect([signed.status, signed.version, typeof signed.signedAt]).toEqual(['signed', 2, 'string']);
    // Signed, it counts for the register: the patient's last visit.
    const wl = (
      await doc.get(`/api/worklists/chronic?program=hypertension&villageCode=${e.villageA}`)
    ).json() as { items: { residentId: number; lastVisitDate: string | null }[] };
    expect(wl.items.find((i) => i.residentId === id)?.lastVisitDate).toBe(daysAgo(1));
    // Signing again with the same values changes nothing.
    expect(((await finish(2, { sbp: 126 })).json() as Svc).version).toBe(2);
  });
});
