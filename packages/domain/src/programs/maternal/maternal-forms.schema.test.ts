import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { schemaIssues } from '../../issues.ts';
import {
  firstPrenatalSchema,
  postpartum42Schema,
  postpartumVisitSchema,
  pregnancyOutcomeSchema,
  prenatalFollowUpSchema,
} from './maternal-forms.schema.ts';
import { CHECK42, FIRST, FOLLOW, OUTCOME, POSTPARTUM } from './maternal.fixtures.ts';

/** The issues as the registry reports them (issues.ts): [path, stable code]. */
const issues = (schema: z.ZodType, input: unknown): [string, string][] =>
  schemaIssues(schema, input).map((i) => [i.path.join('.'), i.code]);

describe('valid forms pass', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['first prenatal', firstPrenatalSchema, FIRST],
    [
      'first prenatal, LMP unknown, ultrasound dating',
      firstPrenatalSchema,
      {
        ...FIRST,
        lmp: 'unknown',
        ultrasoundDating: { date: '2025-03-01', weeks: 8, days: 3 },
      },
    ],
    [
      'first prenatal, full labs',
      firstPrenatalSchema,
      {
        ...FIRST,
        husband: { name: '张三', age: 30, phone: '13800000000' },
        labs: {
          bloodRoutine: { hemoglobin: 125, wbc: 6.5, platelets: 220 },
          urineRoutine: { protein: '-', glucose: '-', ketones: '-', occultBlood: '-' },
          bloodType: { abo: '3', rh: '2' },
          glucose: 4.8,
          liver: { alt: 20, ast: 22, albumin: 42, totalBilirubin: 10, directBilirubin: 3 },
          kidney: { creatinine: 55, urea: 3.5 },
          vaginalSecretions: { codes: ['1'] },
          vaginalCleanliness: '2',
          hepatitisB: { hbsag: '1', hbsab: '2', hbeag: '1', hbeab: '1', hbcab: '1' },
          syphilis: '1',
          hiv: '1',
          ultrasound: '宫内早孕，单活胎',
        },
        gynaecology: { vulva: { code: '1' }, cervix: { code: '2', other: '宫颈糜烂' } },
      },
    ],
    ['follow-up, examined', prenatalFollowUpSchema, FOLLOW],
    [
      'follow-up, visit 4 with 分娩准备 and 其他',
      prenatalFollowUpSchema,
      {
        ...FOLLOW,
        visitNumber: 4,
        gestationalAge: { weeks: 32, days: 0 },
        guidance: { codes: ['6', '8'], other: '胎动计数' },
      },
    ],
    [
      'follow-up, urged',
      prenatalFollowUpSchema,
      { kind: 'urged', visitNumber: 3, institution: '县妇幼保健院', doctor: '王医生' },
    ],
    [
      'follow-up, lost',
      prenatalFollowUpSchema,
      { kind: 'lost', visitNumber: 3, reason: '外出打工', doctor: '王医生' },
    ],
    ['postpartum visit', postpartumVisitSchema, POSTPARTUM],
    ['postpartum visit, lost', postpartumVisitSchema, { kind: 'lost', reason: '迁居他处', doctor: '王医生' }],
    ['42-day check', postpartum42Schema, CHECK42],
    [
      '42-day check, referred',
      postpartum42Schema,
      {
        ...CHECK42,
        classification: { code: '2', other: '子宫复旧不良' },
        handling: { code: '2', reason: '子宫复旧不良', institution: '县人民医院妇产科' },
      },
    ],
    ['outcome, live birth', pregnancyOutcomeSchema, OUTCOME],
    [
      'outcome, miscarriage',
      pregnancyOutcomeSchema,
      { outcome: { code: '4' }, date: '2025-02-20', doctor: '王医生' },
    ],
  ])('%s', (_name, schema, input) => expect(issues(schema, input)).toEqual([]));
});

describe('missing fields and bad codes fail', () => {
  const { gravidity: _g, ...noGravidity } = FIRST;
  const { bp: _b, ...noBp } = FOLLOW;
  const { doctor: _d, ...noDoctor } = POSTPARTUM;
  it.each<[string, z.ZodType, unknown, [string, string][]]>([
    ['first: no gravidity', firstPrenatalSchema, noGravidity, [['gravidity', 'required']]],
    [
      'first: parity above gravidity − 1',
      firstPrenatalSchema,
      { ...FIRST, gravidity: 1 },
      [['parity', 'parity_exceeds_gravidity']],
    ],
    ['first: bad LMP', firstPrenatalSchema, { ...FIRST, lmp: '2025-02-30' }, [['lmp', 'date_invalid']]],
    [
      'first: 无 with another past history',
      firstPrenatalSchema,
      { ...FIRST, pastHistory: { codes: ['1', '5'] } },
      [['pastHistory.codes', 'choice_exclusive']],
    ],
    [
      'first: past history code 9',
      firstPrenatalSchema,
      { ...FIRST, pastHistory: { codes: ['9'] } },
      [['pastHistory.codes.0', 'invalid_value']],
    ],
    [
      'first: 其他 without text',
      firstPrenatalSchema,
      { ...FIRST, personalHistory: { codes: ['7'] } },
      [['personalHistory.other', 'required']],
    ],
    [
      'first: surgery 有 without text',
      firstPrenatalSchema,
      { ...FIRST, gynaecologicalSurgery: { code: '2' } },
      [['gynaecologicalSurgery.other', 'required']],
    ],
    [
      'first: 异常 without a description',
      firstPrenatalSchema,
      { ...FIRST, overallAssessment: { code: '2' } },
      [['overallAssessment.other', 'required']],
    ],
    [
      'first: referral without institution',
      firstPrenatalSchema,
      { ...FIRST, referral: { code: '2', reason: '高血压' } },
      [['referral.institution', 'required']],
    ],
    [
      'first: no guidance',
      firstPrenatalSchema,
      { ...FIRST, guidance: { codes: [] } },
      [['guidance.codes', 'choice_required']],
    ],
    ['first: an unknown field', firstPrenatalSchema, { ...FIRST, extra: 1 }, [['', 'unrecognized_keys']]],
    [
      'first: 8 days',
      firstPrenatalSchema,
      { ...FIRST, gestationalAge: { weeks: 10, days: 7 } },
      [['gestationalAge.days', 'too_big']],
    ],
    [
      'first: bad dipstick',
      firstPrenatalSchema,
      { ...FIRST, labs: { urineRoutine: { protein: 'lots' } } },
      [['labs.urineRoutine.protein', 'lab_result_format']],
    ],
    [
      'first: bad Rh',
      firstPrenatalSchema,
      { ...FIRST, labs: { bloodType: { rh: '4' } } },
      [['labs.bloodType.rh', 'invalid_value']],
    ],
    ['follow-up: no BP', prenatalFollowUpSchema, noBp, [['bp', 'required']]],
    [
      'follow-up: visit 6',
      prenatalFollowUpSchema,
      { ...FOLLOW, visitNumber: 6 },
      [['visitNumber', 'invalid_value']],
    ],
    [
      'follow-up: code 7 is not on the 2nd visit',
      prenatalFollowUpSchema,
      { ...FOLLOW, guidance: { codes: ['7'], other: 'x' } },
      [['guidance.codes', 'invalid_value']],
    ],
    [
      'follow-up: 其他 of visit 3 needs text',
      prenatalFollowUpSchema,
      { ...FOLLOW, visitNumber: 3, guidance: { codes: ['7'] } },
      [['guidance.other', 'required']],
    ],
    [
      'follow-up: unknown kind',
      prenatalFollowUpSchema,
      { ...FOLLOW, kind: 'phoned' },
      [['kind', 'invalid_union']],
    ],
    [
      'follow-up: lost without reason',
      prenatalFollowUpSchema,
      { kind: 'lost', visitNumber: 2, doctor: '王医生' },
      [['reason', 'required']],
    ],
    [
      'follow-up: urged with readings',
      prenatalFollowUpSchema,
      { kind: 'urged', visitNumber: 2, doctor: 'x', bp: { sbp: 1, dbp: 1 } },
      [['', 'unrecognized_keys']],
    ],
    ['postpartum: no doctor', postpartumVisitSchema, noDoctor, [['doctor', 'required']]],
    [
      'postpartum: discharged before delivery',
      postpartumVisitSchema,
      { ...POSTPARTUM, dischargeDate: '2025-09-30' },
      [['dischargeDate', 'date_order']],
    ],
    [
      'postpartum: guidance code of the 42-day form',
      postpartumVisitSchema,
      { ...POSTPARTUM, guidance: { codes: ['7'] } },
      [['guidance.codes.0', 'invalid_value']],
    ],
    [
      '42-day: 未恢复 without a description',
      postpartum42Schema,
      { ...CHECK42, classification: { code: '2' } },
      [['classification.other', 'required']],
    ],
    [
      '42-day: 转诊 without reason and institution',
      postpartum42Schema,
      { ...CHECK42, handling: { code: '2' } },
      [
        ['handling.reason', 'required'],
        ['handling.institution', 'required'],
      ],
    ],
    [
      '42-day: classification 3',
      postpartum42Schema,
      { ...CHECK42, classification: { code: '3' } },
      [['classification.code', 'invalid_value']],
    ],
    [
      'outcome: 其他 without text',
      pregnancyOutcomeSchema,
      { ...OUTCOME, outcome: { code: '9' } },
      [['outcome.other', 'required']],
    ],
    [
      'outcome: bad newborn id',
      pregnancyOutcomeSchema,
      { ...OUTCOME, babies: [{ sex: '1', bornAlive: true, residentId: 0 }] },
      [['babies.0.residentId', 'too_small']],
    ],
  ])('%s', (_name, schema, input, want) => expect(issues(schema, input)).toEqual(want));
});
