/** The password policy: length, three character classes, and no common password in a disguise. */
import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordPolicyOk } from './messages.ts';

describe('password policy', () => {
  it.each([
    ['Jkda@2026', true],
    ['Tea#Garden7', true],
    ['New#Pass2026', true],
    ['abcdefgh', false], // one class
    ['Ab1!', false], // short
    ['Passw0rd', false],
    ['P@ssw0rd!', false],
    ['Password1!', false],
    ['Admin@123', false],
    ['@Admin123', false],
    ['Qwerty@2026', false],
    ['Woaini1314!', false],
    ['AAAAaaaa1!', false], // one letter repeated
  ])('%s → %s', (pw, ok) => expect(passwordPolicyOk(pw)).toBe(ok));

  it('reads a common word through case, and digits and symbols at its ends', () => {
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('12password!!')).toBe(true);
    expect(isCommonPassword('pass-word')).toBe(false);
  });
});
