import { describe, expect, it } from 'vitest';
import {
  diabetesFollowUpSchema,
  FORM_SCHEMAS,
  SERVICE_TYPES,
  serviceRecordCreateSchema,
} from './followup.schema.ts';

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
    expect(Object.keys(FORM_SCHEMAS).sort()).toEqual([...SERVICE_TYPES].sort());
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
