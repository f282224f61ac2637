import { describe, it, expect } from 'vitest';
import { maskAddress, maskIdNumber, maskPhone } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 of 18 characters', () => {
    expect(maskIdNumber('340102199001011234')).toBe('340102***********4');
    expect(maskIdNumber('33010219200403064X')).toBe('330102***********X');
  });

  it('keeps the first 6 and last 3 of 15 digits', () => {
    expect(maskIdNumber('610104620927690')).toBe('610104*********');
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

describe('maskAddress', () => {
  it.each([
    ['金寨县梅山镇测试村一组1号', '金寨县梅山镇测试村一组***'],
    ['梅山镇青坊村三队', '梅山镇青坊村三队'],
    ['合肥市蜀山区长江西路100号', '合肥市蜀山区长江***'],
    ['短地址', '短地址'],
  ])('%s → %s', (a, want) => expect(maskAddress(a)).toBe(want));
});

describe('nothing a list shows together rebuilds an ID number', () => {
  it('the masked number and the birth date leave the sequence digits unknown', () => {
    const id = '341524194102102485';
    const masked = maskIdNumber(id);
    const birth = '19410210';
    // What a list shows: the masked number and the birth date. Unknown digits remain (15–17).
    const known = masked.slice(0, 6) + birth + masked.slice(14);
    expect(known.replaceAll('*', '').length).toBeLessThan(18);
    expect(masked.slice(14, 17)).toBe('***');
  });
});
