/** Builders of valid synthetic input, overridable per test. */
import { idCheckDigit, type ResidentCreateInput } from '@jkda/domain';

let serial = 100;

/** A valid 18-digit ID number of the demo county for a birth date and sex. */
export function makeIdNumber(birthDate: string, sex: '1' | '2', area = '341524'): string {
  serial = (serial + 1) % 500;
  const seq = String(serial * 2 + (sex === '1' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `${area}${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idCheckDigit(first17);
}

export function basicInfo(): ResidentCreateInput['basicInfo'] {
  const none = { codes: ['1'] } as { codes: ['1'] };
  return {
    residenceType: '1',
    ethnicity: '01',
    bloodType: '5',
    rh: '3',
    education: '7',
    occupation: '4',
    maritalStatus: '2',
    paymentMethods: { codes: ['3'] },
    drugAllergy: none,
    exposure: none,
    diseases: [{ code: '1' }],
    surgeries: { has: false, items: [] },
    traumas: { has: false, items: [] },
    transfusions: { has: false, items: [] },
    familyHistory: { father: none, mother: none, siblings: none, children: none },
    hereditaryDisease: { has: false },
    disability: none,
    environment: { kitchenExhaust: '4', fuel: '5', drinkingWater: '3', toilet: '2', livestockPen: '2' },
  };
}

export function buildResident(
  villageCode: string,
  overrides: Partial<ResidentCreateInput> = {},
): ResidentCreateInput {
  const birthDate = overrides.birthDate ?? '1958-03-14';
  const sex = (overrides.sex ?? '1') as '1' | '2';
  return {
    villageCode,
    name: '张三',
    sex,
    birthDate,
    idType: '01',
    idNumber: makeIdNumber(birthDate, sex),
    phone: '13912345678',
    currentAddress: '金寨县梅山镇测试村一组1号',
    basicInfo: basicInfo(),
    ...overrides,
  };
}
