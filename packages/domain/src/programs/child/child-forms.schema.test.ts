import { describe, expect, it } from 'vitest';
import { schemaIssues } from '../../issues.ts';
import type { z } from 'zod';
import {
  childTcmSchema,
  infantCheckSchema,
  newbornVisitSchema,
  preschoolCheckSchema,
  toddlerCheckSchema,
} from './child-forms.schema.ts';
import { INFANT_1, INFANT_6, NEWBORN, PRESCHOOL_48, TCM_6, TODDLER_18 } from './child.fixtures.ts';

const issues = (schema: z.ZodType, form: unknown) =>
  schemaIssues(schema, form).map((i) => `${i.path.join('.')}:${i.code}`);

describe('valid forms pass', () => {
  it.each([
    ['newborn', newbornVisitSchema, NEWBORN],
    ['满月', infantCheckSchema, INFANT_1],
    ['6 months', infantCheckSchema, INFANT_6],
    ['18 months', toddlerCheckSchema, TODDLER_18],
    ['4 years', preschoolCheckSchema, PRESCHOOL_48],
    ['TCM 6 months', childTcmSchema, TCM_6],
  ])('%s', (_, schema, form) => {
    expect(issues(schema, form)).toEqual([]);
  });
});

describe('the newborn visit form', () => {
  it.each([
    ['unknown field', { ...NEWBORN, extra: 1 }, ':unrecognized_keys'],
    ['bad sex code', { ...NEWBORN, sex: '3' }, 'sex:invalid_value'],
    ['bad hearing code', { ...NEWBORN, hearingScreening: '5' }, 'hearingScreening:invalid_value'],
    ['no name', { ...NEWBORN, name: ' ' }, 'name:required'],
    [
      '未进行 with a disease',
      { ...NEWBORN, diseaseScreening: { codes: ['1', '3'] } },
      'diseaseScreening.codes:choice_exclusive',
    ],
    [
      'jaundice 无 and face',
      { ...NEWBORN, jaundice: { codes: ['1', '2'] } },
      'jaundice.codes:choice_exclusive',
    ],
    ['birth weight 8 kg', { ...NEWBORN, birthWeightKg: 8 }, 'birthWeightKg:too_big'],
    ['discharge before birth', { ...NEWBORN, dischargeDate: '2024-02-28' }, 'dischargeDate:date_order'],
    ['asphyxia without Apgar', { ...NEWBORN, asphyxia: { code: '2' } }, 'asphyxia.apgar1:required'],
    ['fontanelle other without text', { ...NEWBORN, fontanelle: { code: '4' } }, 'fontanelle.other:required'],
    ['skin other without text', { ...NEWBORN, skin: { code: '4' } }, 'skin.other:required'],
    ['malformation without text', { ...NEWBORN, malformation: { code: '2' } }, 'malformation.other:required'],
    [
      'referral without reason',
      { ...NEWBORN, referral: { code: '2', institution: '县医院' } },
      'referral.reason:required',
    ],
    ['bad ID number', { ...NEWBORN, idNumber: '1234' }, 'idNumber:id_charset'],
  ])('%s fails', (_, form, expected) => {
    expect(issues(newbornVisitSchema, form)).toContain(expected);
  });
  it('accepts an asphyxia with unknown Apgar and an ID number', () => {
    expect(
      issues(newbornVisitSchema, {
        ...NEWBORN,
        asphyxia: { code: '2', apgarUnknown: true },
        idNumber: '34010220240301001X',
      }),
    ).toEqual([]);
  });
});

describe('per-check requirements of the infant form', () => {
  const { development: _d, hemoglobin: _h, hearing: _he, ...six } = INFANT_6;
  it.each([
    ['month 2 is no column', { ...INFANT_1, monthAge: 2 }, 'monthAge:invalid_value'],
    ['满月 with development', { ...INFANT_1, development: { signs: [] } }, 'development:not_applicable'],
    ['满月 without umbilicus', { ...INFANT_1, umbilicus: undefined }, 'umbilicus:required'],
    ['满月 umbilicus code 5', { ...INFANT_1, umbilicus: { code: '5' } }, 'umbilicus.code:invalid_value'],
    ['满月 without mouth', { ...INFANT_1, mouth: undefined }, 'mouth:required'],
    ['满月 with hearing', { ...INFANT_1, hearing: '1' }, 'hearing:not_applicable'],
    ['满月 with teeth', { ...INFANT_1, teethErupted: 0 }, 'teethErupted:not_applicable'],
    ['6 months without development', six, 'development:required'],
    ['6 months without hearing', six, 'hearing:required'],
    [
      '6 months without rickets symptoms',
      { ...INFANT_6, ricketsSymptoms: undefined },
      'ricketsSymptoms:required',
    ],
    ['6 months without teeth', { ...INFANT_6, teethErupted: undefined }, 'teethErupted:required'],
    ['6 months with umbilicus', { ...INFANT_6, umbilicus: { code: '1' } }, 'umbilicus:not_applicable'],
    ['warning sign 5', { ...INFANT_6, development: { signs: ['5'] } }, 'development.signs.0:invalid_value'],
    ['grade 高', { ...INFANT_6, weightGrade: '高' }, 'weightGrade:invalid_value'],
    ['ill without what', { ...INFANT_6, illness: { code: '2' } }, 'illness.pneumonia:required'],
    [
      'not ill with pneumonia',
      { ...INFANT_6, illness: { code: '1', pneumonia: 1 } },
      'illness.pneumonia:not_applicable',
    ],
    ['no head circumference', { ...INFANT_6, headCm: undefined }, 'headCm:required'],
  ])('%s fails', (_, form, expected) => {
    expect(issues(infantCheckSchema, form)).toContain(expected);
  });
  it('the 6-month check passes without haemoglobin (it may be done at 8 months)', () => {
    expect(issues(infantCheckSchema, { ...INFANT_6, hemoglobin: undefined })).toEqual([]);
  });
  it('the 3-month umbilicus is normal / abnormal', () => {
    const three = {
      ...INFANT_1,
      monthAge: 3,
      ricketsSymptoms: { codes: ['1'] },
      ricketsSigns: { codes: ['1'] },
      development: { signs: ['2'] },
    };
    expect(issues(infantCheckSchema, { ...three, umbilicus: { code: '1' } })).toEqual([]);
    expect(issues(infantCheckSchema, { ...three, umbilicus: { code: '3' } })).toContain(
      'umbilicus.code:invalid_value',
    );
  });
});

describe('per-check requirements of the toddler form', () => {
  it.each([
    ['18 months without haemoglobin', { ...TODDLER_18, hemoglobin: undefined }, 'hemoglobin:required'],
    ['18 months without gait', { ...TODDLER_18, gait: undefined }, 'gait:required'],
    ['18 months without rickets signs', { ...TODDLER_18, ricketsSigns: undefined }, 'ricketsSigns:required'],
    ['18 months with hearing', { ...TODDLER_18, hearing: '1' }, 'hearing:not_applicable'],
    ['12 months without hearing', { ...TODDLER_18, monthAge: 12, hemoglobin: undefined }, 'hearing:required'],
    [
      'caries over teeth',
      { ...TODDLER_18, teeth: { erupted: 2, caries: 3 } },
      'teeth.caries:caries_exceed_teeth',
    ],
    [
      'complexion 黄染 is not on this form',
      { ...TODDLER_18, complexion: { code: '3' } },
      'complexion.code:invalid_value',
    ],
    ['month 36 belongs to the 3–6 form', { ...TODDLER_18, monthAge: 36 }, 'monthAge:invalid_value'],
  ])('%s fails', (_, form, expected) => {
    expect(issues(toddlerCheckSchema, form)).toContain(expected);
  });
  it('the 12-month check needs no haemoglobin, gait or rickets symptoms', () => {
    const { gait: _g, hemoglobin: _h, ...rest } = TODDLER_18;
    expect(issues(toddlerCheckSchema, { ...rest, monthAge: 12, hearing: '1' })).toEqual([]);
  });
});

describe('per-check requirements of the 3–6 form', () => {
  it.each([
    ['4 years without vision', { ...PRESCHOOL_48, vision: undefined }, 'vision:required'],
    ['4 years without haemoglobin', { ...PRESCHOOL_48, hemoglobin: undefined }, 'hemoglobin:required'],
    ['4 years with hearing', { ...PRESCHOOL_48, hearing: '1' }, 'hearing:not_applicable'],
    ['3 years without hearing', { ...PRESCHOOL_48, monthAge: 36 }, 'hearing:required'],
    [
      '正常 with 消瘦',
      { ...PRESCHOOL_48, physicalAssessment: { codes: ['1', '3'] } },
      'physicalAssessment.codes:choice_exclusive',
    ],
    ['vision 5.5', { ...PRESCHOOL_48, vision: { left: 5.5, right: 5 } }, 'vision.left:too_big'],
    ['no development', { ...PRESCHOOL_48, development: undefined }, 'development:required'],
    ['head circumference is no row', { ...PRESCHOOL_48, headCm: 50 }, ':unrecognized_keys'],
  ])('%s fails', (_, form, expected) => {
    expect(issues(preschoolCheckSchema, form)).toContain(expected);
  });
  it('the 3-year check needs neither vision nor haemoglobin', () => {
    const { vision: _v, hemoglobin: _h, ...rest } = PRESCHOOL_48;
    expect(issues(preschoolCheckSchema, { ...rest, monthAge: 36, hearing: '2' })).toEqual([]);
  });
});

describe('the TCM form', () => {
  it.each([
    ['month 8 is no TCM age', { ...TCM_6, monthAge: 8 }, 'monthAge:invalid_value'],
    ['code 5', { ...TCM_6, services: { codes: ['5'] } }, 'services.codes:invalid_value'],
    ['其他 without text', { ...TCM_6, services: { codes: ['4'] } }, 'services.other:required'],
    ['none', { ...TCM_6, services: { codes: [] } }, 'services.codes:choice_required'],
  ])('%s fails', (_, form, expected) => {
    expect(issues(childTcmSchema, form)).toContain(expected);
  });
});
