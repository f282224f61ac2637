/** The form's rules are the server's: the same schema and cross-field checks from @jkda/domain. */
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '@jkda/domain/id-number';
import {
  compareVersions,
  emptyValues,
  mergeMine,
  toPayload,
  validateResident,
  type FormValues,
} from './formModel.ts';
import { nextCodes } from './inputs/MultiChoiceInput.tsx';

const FIRST17 = '34152419850317901';
const ID = FIRST17 + idCheckDigit(FIRST17);
const WRONG_ID = FIRST17 + (ID.endsWith('1') ? '2' : '1');

function complete(overrides: Record<string, unknown> = {}): FormValues {
  const codes = (c: string) => ({ codes: [c] });
  return {
    ...emptyValues({ today: '2026-01-01', villageCode: '341524100201' }),
    name: '司马青云',
    sex: '1',
    birthDate: '1985-03-17',
    idNumber: ID,
    currentAddress: '青坊村新村组8号',
    basicInfo: {
      residenceType: '1',
      ethnicity: '01',
      bloodType: '1',
      rh: '2',
      education: '7',
      occupation: '4',
      maritalStatus: '2',
      paymentMethods: codes('3'),
      drugAllergy: codes('1'),
      exposure: codes('1'),
      diseases: [{ code: '1' }],
      surgeries: { has: false, items: [] },
      traumas: { has: false, items: [] },
      transfusions: { has: false, items: [] },
      familyHistory: { father: codes('1'), mother: codes('1'), siblings: codes('1'), children: codes('1') },
      hereditaryDisease: { has: false },
      disability: codes('1'),
      environment: { kitchenExhaust: '2', fuel: '1', drinkingWater: '1', toilet: '1', livestockPen: '1' },
    },
    ...overrides,
  } as FormValues;
}

const codesAt = (values: FormValues, path: string) =>
  validateResident(values)
    .filter((i) => i.path.join('.') === path)
    .map((i) => i.code);

describe('resident form rules', () => {
  it('accepts a complete record', () => {
    expect(validateResident(complete())).toEqual([]);
  });

  it('reports the check digit of a mistyped ID number, even while other fields are missing', () => {
    expect(codesAt(complete({ idNumber: WRONG_ID }), 'idNumber')).toEqual(['id_check_digit']);
    expect(codesAt({ idType: '01', idNumber: WRONG_ID } as FormValues, 'idNumber')).toEqual([
      'id_check_digit',
    ]);
  });

  it('requires birth date and sex to match the ID number', () => {
    expect(codesAt(complete({ birthDate: '1985-03-18' }), 'birthDate')).toEqual(['birth_date_mismatch_id']);
    expect(codesAt(complete({ sex: '2' }), 'sex')).toEqual(['sex_mismatch_id']);
  });

  it('requires the ID number for a resident identity card, not for a passport', () => {
    expect(codesAt(complete({ idNumber: '' }), 'idNumber')).toEqual(['required']);
    expect(validateResident(complete({ idType: '03', idNumber: 'E12345678' }))).toEqual([]);
  });

  it('checks phone numbers like the server', () => {
    expect(codesAt(complete({ phone: '1391234567' }), 'phone')).toEqual(['phone_invalid']);
    expect(codesAt(complete({ phone: '0564-1234567' }), 'phone')).toEqual([]);
  });

  it('says "required" for missing fields, with the server codes for the rest', () => {
    const issues = validateResident(emptyValues({ today: '2026-01-01' }));
    const byPath = new Map(issues.map((i) => [i.path.join('.'), i.code]));
    expect(byPath.get('name')).toBe('required');
    expect(byPath.get('villageCode')).toBe('required');
    expect(byPath.get('basicInfo.bloodType')).toBe('required');
    expect(byPath.get('basicInfo.drugAllergy.codes')).toBe('choice_required');
    expect(byPath.get('basicInfo.surgeries.has')).toBe('required');
  });

  it('rejects 无 combined with another choice, and a 有 history without rows', () => {
    const v = complete();
    v.basicInfo!.drugAllergy = { codes: ['1', '2'] };
    v.basicInfo!.surgeries = { has: true, items: [] };
    expect(codesAt(v, 'basicInfo.drugAllergy.codes')).toEqual(['choice_exclusive']);
    expect(codesAt(v, 'basicInfo.surgeries.items')).toEqual(['history_items_mismatch']);
  });

  it('drops empty text so optional fields stay optional', () => {
    expect(toPayload({ phone: '', basicInfo: { workUnit: '  ' } })).toEqual({ basicInfo: {} });
  });
});

describe('multiple choice with an exclusive 无', () => {
  it('choosing 无 clears the others; choosing another clears 无', () => {
    expect(nextCodes('drugAllergy', ['2', '3'], ['2', '3', '1'])).toEqual(['1']);
    expect(nextCodes('drugAllergy', ['1'], ['1', '2'])).toEqual(['2']);
    expect(nextCodes('paymentMethod', ['1'], ['1', '3'])).toEqual(['1', '3']);
  });
});

describe('stale version: compare and merge', () => {
  const base = complete({ phone: '13912345678' });
  const theirs = complete({ phone: '13912345678', currentAddress: '新地址1号' });
  const mine = complete({ phone: '13800001111' });

  it('lists what the other user and I changed, with both values', () => {
    const diffs = compareVersions(base, theirs, mine);
    expect(diffs.map((d) => [d.field, d.theirs, d.mine, d.theirsChanged, d.mineChanged, d.conflict])).toEqual(
      [
        ['currentAddress', '新地址1号', '青坊村新村组8号', true, false, false],
        ['phone', '13912345678', '13800001111', false, true, false],
      ],
    );
  });

  it('flags a field both changed differently as a conflict', () => {
    const both = compareVersions(
      base,
      theirs,
      complete({ phone: '13912345678', currentAddress: '我的地址2号' }),
    );
    expect(both.map((d) => [d.field, d.conflict])).toEqual([['currentAddress', true]]);
  });

  it('keeps my edits on top of the latest record', () => {
    const merged = toPayload(mergeMine(base, theirs, mine));
    expect(merged.phone).toBe('13800001111');
    expect(merged.currentAddress).toBe('新地址1号');
  });
});
