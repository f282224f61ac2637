import { describe, it, expect } from 'vitest';
import { isValidPhone, normalizePhone, parsePhone } from './phone.ts';

describe('isValidPhone', () => {
  it.each(['13812345678', '19912345678', '16612345678', ' 13812345678 '])('accepts mobile %s', (s) => {
    expect(isValidPhone(s)).toBe(true);
  });

  it.each([
    '0551-1234567',
    '0551-12345678',
    '010-12345678',
    '01012345678',
    '055112345678',
    '0551-1234567-8',
    '0551-12345678-1234',
    '12345678',
    '2345678',
    '2345678-12',
  ])('accepts landline %s', (s) => {
    expect(isValidPhone(s)).toBe(true);
  });

  it.each([
    '',
    '12812345678', // 12x is not a mobile prefix
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '138-1234-5678', // must be normalized first
    '+8613812345678',
    '0551-123456', // 6-digit number
    '0551-123456789', // 9-digit number
    '0551-1234567-12345', // 5-digit extension
    '0551--1234567',
    '05511234567-', // trailing hyphen
    '0551123456', // no hyphen: 0551 + 6 digits
    '01234567', // local numbers do not start with 0
    '1234567a',
  ])('rejects %j', (s) => {
    expect(isValidPhone(s)).toBe(false);
  });
});

describe('parsePhone', () => {
  it('splits landlines', () => {
    expect(parsePhone('0551-1234567-89')).toEqual({
      kind: 'landline',
      areaCode: '0551',
      number: '1234567',
      extension: '89',
    });
    expect(parsePhone('01012345678')).toEqual({ kind: 'landline', areaCode: '010', number: '12345678' });
    expect(parsePhone('02112345678')).toEqual({ kind: 'landline', areaCode: '021', number: '12345678' });
    expect(parsePhone('1234567')).toEqual({ kind: 'landline', number: '1234567' });
    expect(parsePhone('13812345678')).toEqual({ kind: 'mobile', number: '13812345678' });
  });
});

describe('normalizePhone', () => {
  it.each([
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0551 - 1234567', '0551-1234567'],
    ['0551 1234567', '0551-1234567'],
    ['-0551-1234567-', '0551-1234567'],
    ['0551--1234567', '0551-1234567'],
    ['0551-1234567 - 12', '0551-1234567-12'],
    ['0551 123 4567', '05511234567'],
    ['05511234567', '05511234567'],
    ['not a phone', 'not-a-phone'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('is idempotent and yields valid numbers from valid input', () => {
    for (const s of ['13812345678', '0551-1234567', '010-12345678-1', '05511234567']) {
      expect(normalizePhone(normalizePhone(s))).toBe(normalizePhone(s));
      expect(isValidPhone(normalizePhone(s))).toBe(true);
    }
  });
});
