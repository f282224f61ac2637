import { describe, it, expect } from 'vitest';
import { ageOn, basicInfoSchema, residentCreateSchema } from './resident.schema.ts';
import { CODE_TABLES, labelOf } from './code-tables.ts';

const none = { codes: ['1'] };
const noEvents = { has: false, items: [] };

const valid = {
  villageCode: '340102001001',
  name: '张三',
  sex: '1',
  birthDate: '1990-03-07',
  idType: '01',
  idNumber: '110101199003078670',
  phone: '13812345678',
  currentAddress: '安徽省合肥市瑶海区明光路1号',
  recordDate: '2024-05-01',
  basicInfo: {
    residenceType: '1',
    ethnicity: '01',
    bloodType: '1',
    rh: '2',
    education: '2',
    occupation: '1',
    maritalStatus: '2',
    paymentMethods: { codes: ['2'] },
    drugAllergy: none,
    exposure: none,
    diseases: [{ code: '1' }],
    surgeries: noEvents,
    traumas: noEvents,
    transfusions: noEvents,
    familyHistory: { father: none, mother: none, siblings: none, children: none },
    hereditaryDisease: { has: false },
    disability: none,
    environment: { kitchenExhaust: '2', fuel: '3', drinkingWater: '1', toilet: '1', livestockPen: '1' },
  },
};

/** The [path, message] pairs of the issues for an input. */
function issues(input: unknown): [string, string][] {
  const r = residentCreateSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('residentCreateSchema', () => {
  it('accepts a complete valid resident', () => {
    expect(residentCreateSchema.safeParse(valid).error).toBeUndefined();
  });

  it('rejects a wrong ID check digit', () => {
    expect(issues({ ...valid, idNumber: '110101199003078671' })).toEqual([['idNumber', 'id_check_digit']]);
  });

  it('rejects a birth date that disagrees with the ID number', () => {
    expect(issues({ ...valid, birthDate: '1990-03-08' })).toEqual([['birthDate', 'birth_date_mismatch_id']]);
  });

  it('rejects a sex that disagrees with the ID number', () => {
    expect(issues({ ...valid, sex: '2' })).toEqual([['sex', 'sex_mismatch_id']]);
  });

  it('rejects a bad phone number', () => {
    expect(issues({ ...valid, phone: '12345' })).toEqual([['phone', 'phone_invalid']]);
  });

  it('rejects unknown fields', () => {
    const r = residentCreateSchema.safeParse({ ...valid, nickname: '小张' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('requires a name', () => {
    const { name: _name, ...withoutName } = valid;
    expect(issues(withoutName).map(([path]) => path)).toEqual(['name']);
    expect(issues({ ...valid, name: '  ' })).toContainEqual(['name', 'required']);
  });
});

describe('ageOn', () => {
  it.each([
    ['1958-03-14', '2026-03-13', 67],
    ['1958-03-14', '2026-03-14', 68],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
    ['2026-11-25', '2026-11-25', 0],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('code names of the form as Anhui uses them today', () => {
  it('reads ethnicity 99 as 少数民族 and payment method 2 as 城乡居民基本医疗保险; 3 stays valid but retired', () => {
    expect(labelOf('ethnicity', '99', 'zh')).toBe('少数民族');
    expect(labelOf('paymentMethod', '2', 'zh')).toBe('城乡居民基本医疗保险');
    expect(CODE_TABLES.paymentMethod.find((e) => e.code === '3')).toMatchObject({ retired: true });
    const info = basicInfoSchema.shape.paymentMethods.safeParse({ codes: ['3'] });
    expect(info.success).toBe(true);
  });
});

describe('the basic information form as the spec fills it', () => {
  const base = () => {
    const r = residentCreateSchema.safeParse(valid);
    expect(r.error?.issues ?? []).toEqual([]);
    return structuredClone(valid);
  };
  const issues = (input: unknown) =>
    (residentCreateSchema.safeParse(input).error?.issues ?? []).map(
      (i) => `${i.path.join('.')}:${i.message}`,
    );

  it.each([
    [
      'other payment method without its text',
      { paymentMethods: { codes: ['8'] } },
      'basicInfo.paymentMethods.other:other_text_required',
    ],
    [
      'other disability without its text',
      { disability: { codes: ['8'] } },
      'basicInfo.disability.other:other_text_required',
    ],
    [
      'malignant tumour without its name',
      { diseases: [{ code: '6', diagnosedAt: '2015-02' }] },
      'basicInfo.diseases.0.note:other_text_required',
    ],
    [
      'occupational disease without its name',
      { diseases: [{ code: '12' }] },
      'basicInfo.diseases.0.note:other_text_required',
    ],
    ['ethnic minority without its name', { ethnicity: '99' }, 'basicInfo.ethnicityOther:other_text_required'],
    [
      'a diagnosis before birth',
      { diseases: [{ code: '2', diagnosedAt: '1940-01' }] },
      'basicInfo.diseases.0.diagnosedAt:record_before_birth',
    ],
    [
      'a diagnosis in the future',
      { diseases: [{ code: '2', diagnosedAt: '2099-01' }] },
      'basicInfo.diseases.0.diagnosedAt:date_future',
    ],
    [
      'a surgery before birth',
      { surgeries: { has: true, items: [{ name: '阑尾切除', date: '1940-01-01' }] } },
      'basicInfo.surgeries.items.0.date:record_before_birth',
    ],
    [
      'a transfusion in the future',
      { transfusions: { has: true, items: [{ name: '贫血', date: '2099-01-01' }] } },
      'basicInfo.transfusions.items.0.date:date_future',
    ],
  ])('%s', (_name, over, expected) => {
    const b = base();
    expect(issues({ ...b, basicInfo: { ...b.basicInfo, ...over } })).toContain(expected);
  });

  it.each([
    ['other payment method with its text', { paymentMethods: { codes: ['8'], other: '工伤保险' } }],
    ['malignant tumour with its name', { diseases: [{ code: '6', diagnosedAt: '2015-02', note: '胃癌' }] }],
    ['ethnic minority with its name', { ethnicity: '99', ethnicityOther: '回族' }],
  ])('%s is accepted', (_name, over) => {
    const b = base();
    expect(issues({ ...b, basicInfo: { ...b.basicInfo, ...over } })).toEqual([]);
  });

  it.each(['0', '9'])('refuses sex %s beside an ID number (the number says the sex)', (sex) => {
    expect(issues({ ...base(), sex })).toContain('sex:sex_mismatch_id');
  });
});
