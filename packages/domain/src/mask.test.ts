import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskPhone } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 of 18 characters', () => {
    expect(maskIdNumber('340102199001011234')).toBe('340102********1234');
    expect(maskIdNumber('33010219200403064X')).toBe('330102********064X');
  });

  it('keeps the first 6 and last 3 of 15 digits', () => {
    expect(maskIdNumber('610104620927690')).toBe('610104******690');
  });

  it('masks other identifiers in the middle', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('masks the middle 4 digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 138 1234 5678 ')).toBe('138****5678');
  });

  it('keeps the area code and last 4 digits of a landline', () => {
    expect(maskPhone('0551-1234567')).toBe('0551-***4567');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('01012345678')).toBe('010-****5678');
    expect(maskPhone('0551-1234567-89')).toBe('0551-***4567-89');
    expect(maskPhone('2345678')).toBe('***5678');
  });

  it('keeps only the last 4 characters of anything else', () => {
    expect(maskPhone('+86 13812345678')).toBe('***********5678');
  });
});
