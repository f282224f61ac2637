import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openValue, sealValue } from './sm4-box.ts';

describe('SM4 value box', () => {
  const key = crypto.randomBytes(16);
  it('opens what it sealed, and each seal differs', () => {
    const a = sealValue(key, 'totp', 'JBSWY3DPEHPK3PXP');
    const b = sealValue(key, 'totp', 'JBSWY3DPEHPK3PXP');
    expect(a).toMatch(/^sm4:v1:/);
    expect(a).not.toBe(b);
    expect(openValue(key, 'totp', a)).toBe('JBSWY3DPEHPK3PXP');
    expect(a).not.toContain('JBSWY3DP');
  });
  it.each([
    ['another key', (s: string) => openValue(crypto.randomBytes(16), 'totp', s)],
    ['another label', (s: string) => openValue(key, 'phone', s)],
    [
      'a flipped bit',
      (s: string) => openValue(key, 'totp', s.slice(0, -4) + (s.at(-4) === 'A' ? 'B' : 'A') + s.slice(-3)),
    ],
    ['a cut value', (s: string) => openValue(key, 'totp', s.slice(0, 20))],
    ['no prefix', (s: string) => openValue(key, 'totp', s.slice(7))],
  ])('refuses %s', (_what, open) => {
    expect(open(sealValue(key, 'totp', '341524194102102485'))).toBeNull();
  });
  it('matches the SM4 test vector of GB/T 32907 (one block, ECB)', () => {
    const k = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = crypto.createCipheriv('sm4-ecb', k, null).setAutoPadding(false);
    expect(Buffer.concat([c.update(k), c.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});
