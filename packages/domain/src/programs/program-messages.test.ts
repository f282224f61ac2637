import { describe, it, expect } from 'vitest';
import { PROGRAM_MESSAGES, commonProgramMessage as programMessage } from './program-messages.ts';

describe('programMessage', () => {
  it.each([
    ['sbp_ge_180', 'zh', '收缩压≥180mmHg'],
    ['two_consecutive_uncontrolled', 'zh', '连续两次出现控制不满意'],
    ['bmi_mismatch', 'en', 'BMI does not match height and weight'],
    ['no_such_code', 'zh', 'no_such_code'],
  ] as const)('%s (%s) → %s', (code, lang, want) => expect(programMessage(code, lang)).toBe(want));

  it('has Chinese and English words for every code', () => {
    for (const [code, [zh, en]] of Object.entries(PROGRAM_MESSAGES)) {
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en, code).toMatch(/^[A-Z]/);
    }
  });
});
