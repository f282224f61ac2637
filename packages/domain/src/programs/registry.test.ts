import { describe, expect, it } from 'vitest';
import { diabetesFollowUpSchema } from './diabetes/followup.schema.ts';
import { serviceRecordCreateSchema } from './envelope.schema.ts';
import { createRegistry, programRegistry, PROGRAM_DEFS } from './registry.ts';
import type { ProgramDef } from './program.ts';
import { NO_VALUES } from './program.ts';

const dm = {
  symptoms: { codes: ['1'] },
  sbp: 130,
  dbp: 80,
  lifestyle: {},
  medicationAdherence: '1',
  adverseReaction: { has: false },
  classification: '1',
  fastingGlucose: 6.2,
};

describe('follow-up schemas and the service type registry', () => {
  it('has a form schema for every service type, and the envelope accepts each type', () => {
    const SERVICE_TYPES = programRegistry.serviceTypes;
    expect(SERVICE_TYPES.length).toBeGreaterThanOrEqual(9);
    for (const type of SERVICE_TYPES) expect(programRegistry.serviceType(type)?.schema).toBeDefined();
    for (const type of SERVICE_TYPES)
      expect(
        serviceRecordCreateSchema.safeParse({ type, serviceDate: '2026-01-05', delivery: 'home', form: {} })
          .success,
      ).toBe(true);
    expect(
      serviceRecordCreateSchema.safeParse({
        type: 'x',
        serviceDate: '2026-01-05',
        delivery: 'home',
        form: {},
      }).success,
    ).toBe(false);
    // A type no program defines is refused by the registry.
    expect(programRegistry.checkForm('no_such_type', {}, ctx).errors).toEqual([
      { field: 'type', code: 'invalid_value' },
    ]);
  });

  it.each([
    [{}, null],
    [{ hba1c: 6.9, hba1cDate: '2026-01-02' }, null],
    [{ hba1c: 6.9 }, 'hba1cDate'],
    [{ hba1cDate: '2026-01-02' }, null],
  ])('diabetes HbA1c %j needs its test date → %s', (over, errorAt) => {
    const r = diabetesFollowUpSchema.safeParse({ ...dm, ...over });
    if (errorAt === null) expect(r.success).toBe(true);
    else expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([errorAt]);
  });
});

const ctx = { birthDate: '1950-03-01', sex: '1', serviceDate: '2026-01-05', previousClassification: null };

describe('the program registry', () => {
  it('gives every type one program, and every register-bound type a register', () => {
    for (const type of programRegistry.serviceTypes) {
      expect(programRegistry.programOfType(type)).toBeDefined();
      const reg = programRegistry.serviceType(type)!.register;
      if (reg) expect(programRegistry.register(reg)).toBeDefined();
    }
    expect(PROGRAM_DEFS.length).toBe(programRegistry.programs.length);
  });

  it('refuses a type or register defined twice, and a type bound to an unknown register', () => {
    const p: ProgramDef = {
      id: 'x',
      label: { zh: '甲', en: 'X' },
      services: [
        {
          type: 'x_visit',
          label: { zh: '甲', en: 'X' },
          schema: diabetesFollowUpSchema,
          evaluate: () => ({ errors: [], warnings: [], values: NO_VALUES }),
        },
      ],
    };
    expect(() => createRegistry([p, { ...p, id: 'y' }])).toThrow(/defined twice/);
    expect(() => createRegistry([{ ...p, services: [{ ...p.services[0]!, register: 'nowhere' }] }])).toThrow(
      /unknown register/,
    );
    const byAge = (minAge: number, maxAge: number): ProgramDef => ({
      ...p,
      services: [],
      register: {
        program: 'x',
        label: p.label,
        entry: { by: 'age', minAge, maxAge },
        tag: 'x',
        worklist: ['overdue'],
        worklistTitle: p.label,
      },
    });
    expect(() => createRegistry([byAge(7, 7)])).toThrow(/maxAge must be above minAge/);
    expect(createRegistry([byAge(0, 7)]).ageRegisters).toHaveLength(1);
  });

  it('offers register-bound types only to residents managed in the register, and age-bound types by age', () => {
    const types = (registers: string[], birthDate: string) =>
      programRegistry.applicableTypes({ birthDate, sex: '1', registers }, '2026-06-01');
    const young = types([], '1990-01-01');
    const old = types([], '1950-01-01');
    expect(young.length).toBeLessThan(old.length);
    const withRegister = types(
      programRegistry.doctorRegisters.map((r) => r.program),
      '1990-01-01',
    );
    const followUps = programRegistry.doctorRegisters.filter((r) => r.followUpType);
    for (const r of followUps) expect(withRegister).toContain(r.followUpType);
    for (const r of followUps) expect(young).not.toContain(r.followUpType);
    // A register of one sex offers its types to that sex only.
    for (const r of programRegistry.registers.filter((x) => x.sex)) {
      const own = programRegistry.programs.find((p) => p.register === r)!.services.map((s) => s.type);
      const other = r.sex === '1' ? '2' : '1';
      const on = (sex: string) =>
        programRegistry.applicableTypes(
          { birthDate: '1995-01-01', sex, registers: [r.program] },
          '2026-06-01',
        );
      expect(on(r.sex!)).toEqual(expect.arrayContaining(own));
      for (const t of own) expect(on(other)).not.toContain(t);
    }
  });

  it('schedules: every scheduled register names known types and words its due keys', () => {
    expect(programRegistry.scheduledRegisters.length).toBeGreaterThan(0);
    for (const r of programRegistry.scheduledRegisters) {
      for (const t of r.schedule.types) expect(programRegistry.serviceType(t)).toBeDefined();
      const due = r.schedule.nextDue({
        birthDate: '2026-05-01',
        sex: r.sex ?? '1',
        enrolledOn: '2026-05-01',
        records: [],
        on: '2026-05-02',
      });
      // A new entry is due something, of one of its types, with words that are not its key.
      expect(due).not.toBeNull();
      expect(r.schedule.types).toContain(due!.type);
      expect(due!.from <= due!.by).toBe(true);
      expect(r.schedule.dueWords(due!.key, 'zh')).not.toBe(due!.key);
    }
  });

  it("looks up the words of each program's own rule codes, and the shared ones", () => {
    for (const p of programRegistry.programs)
      for (const [code, [zh, en]] of Object.entries(p.messages ?? {})) {
        expect(programRegistry.hasMessage(code)).toBe(true);
        // A code a program shares keeps the shared words; its own are used otherwise.
        if (programRegistry.message(code, 'zh') === zh) expect(programRegistry.message(code, 'en')).toBe(en);
      }
    expect(programRegistry.message('sbp_ge_180', 'zh')).toBe('收缩压≥180mmHg');
    expect(programRegistry.hasMessage('no_such_code')).toBe(false);
    expect(programRegistry.message('no_such_code', 'zh')).toBe('no_such_code');
  });

  it('reports schema issues on the envelope field names with stable codes, then the rules', () => {
    // The follow-up type whose schema takes the sample form (fasting glucose and all).
    const followUp = programRegistry.doctorRegisters
      .map((r) => r.followUpType!)
      .find((t) => programRegistry.serviceType(t)!.schema.safeParse(dm).success)!;
    const bad = programRegistry.checkForm(followUp, { ...dm, sbp: '130' }, ctx);
    expect(bad.errors).toContainEqual({ field: 'form.sbp', code: 'invalid_type' });
    expect(bad.form).toBeNull();
    // A reading missing at a clinic visit is the rules' finding, on a form the schema took.
    const missing = programRegistry.checkForm(followUp, { ...dm, sbp: undefined }, ctx);
    expect(missing.errors).toContainEqual({ field: 'form.sbp', code: 'required' });
    expect(missing.form).not.toBeNull();
    const good = programRegistry.checkForm(followUp, dm, ctx);
    expect(good.form).not.toBeNull();
    expect(good.values.sbp).toBe(130);
  });
});
