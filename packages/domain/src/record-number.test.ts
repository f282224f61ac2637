import { describe, it, expect } from 'vitest';
import { formatRecordNumber, isRecordNumber, parseRecordNumber } from './record-number.ts';

const VILLAGE = '340102001001';

describe('formatRecordNumber', () => {
  it('appends a zero-padded 5-digit sequence', () => {
    expect(formatRecordNumber(VILLAGE, 1)).toBe('34010200100100001');
    expect(formatRecordNumber(VILLAGE, 123)).toBe('34010200100100123');
    expect(formatRecordNumber(VILLAGE, 99_999)).toBe('34010200100199999');
  });

  it.each([
    ['34010200100', 1],
    ['3401020010010', 1],
    ['34010200100a', 1],
    [VILLAGE, 0],
    [VILLAGE, 100_000],
    [VILLAGE, 1.5],
    [VILLAGE, -1],
    [VILLAGE, Number.NaN],
  ])('throws for (%j, %d)', (village, seq) => {
    expect(() => formatRecordNumber(village, seq)).toThrow(RangeError);
  });
});

describe('parseRecordNumber', () => {
  it('splits the number into its codes and sequence', () => {
    expect(parseRecordNumber('34010200100100123')).toEqual({
      villageCode: VILLAGE,
      townshipCode: '340102001',
      countyCode: '340102',
      seq: 123,
    });
  });

  it('round-trips with formatRecordNumber', () => {
    for (const seq of [1, 42, 99_999])
      expect(parseRecordNumber(formatRecordNumber(VILLAGE, seq))?.seq).toBe(seq);
  });

  it.each([
    '34010200100100000',
    '3401020010010001',
    '340102001001000011',
    '3401020010010000X',
    ' 34010200100100001',
    '',
  ])('rejects %j', (s) => {
    expect(parseRecordNumber(s)).toBeNull();
    expect(isRecordNumber(s)).toBe(false);
  });

  it('isRecordNumber accepts a well-formed number', () => {
    expect(isRecordNumber('34010200100100001')).toBe(true);
  });
});
