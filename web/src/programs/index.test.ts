/** The web's program registry against the domain's: one form per service type, hooks where they are asked for. */
import { describe, expect, it } from 'vitest';
import { programRegistry } from '@jkda/domain';
import { followUpRegisterOf, formTypes, PROGRAM_UIS, resultOf, serviceFormOf } from './index.ts';

describe('web program registry', () => {
  it('has one form for every service type of the registry, under the program that defines the type', () => {
    expect([...formTypes]).toEqual([...programRegistry.serviceTypes]);
    for (const ui of PROGRAM_UIS) {
      expect(programRegistry.programs.map((p) => p.id)).toContain(ui.program);
      for (const s of ui.services) expect(programRegistry.programOfType(s.type)?.id).toBe(ui.program);
    }
    const types = PROGRAM_UIS.flatMap((p) => p.services.map((s) => s.type));
    expect(new Set(types).size).toBe(types.length);
  });

  it('records the follow-up types of the doctor registers on their own page, every other type on the generic one', () => {
    for (const r of programRegistry.doctorRegisters.filter((x) => x.followUpType))
      expect(followUpRegisterOf(r.followUpType!)).toBe(r);
    for (const type of programRegistry.serviceTypes)
      if (!programRegistry.registers.some((r) => r.followUpType === type))
        expect(followUpRegisterOf(type)).toBeUndefined();
    expect(serviceFormOf('no_such_type')).toBeUndefined();
  });

  it('words and tones of stored results come from the registry and the type', () => {
    expect(resultOf('hypertension_followup', 'controlled', 'zh')).toEqual({ text: '控制满意', tone: 'good' });
    expect(resultOf('diabetes_followup', 'complication', 'en')).toEqual({
      text: 'Complication',
      tone: 'bad',
    });
    expect(resultOf('elderly_self_care', 'mild', 'zh')).toEqual({ text: '轻度依赖', tone: null });
    expect(resultOf('encounter', null, 'zh')).toEqual({ text: '', tone: null });
  });
});
