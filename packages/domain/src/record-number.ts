/**
 * Health record number (健康档案编号): 17 digits = 12-digit village division code (统计用区划代码,
 * county 6 + township 3 + village 3) followed by a 5-digit sequence 00001-99999 within the village.
 */

export interface ParsedRecordNumber {
  villageCode: string;
  /** First 9 digits of the village code (乡级). */
  townshipCode: string;
  /** First 6 digits of the village code (县级). */
  countyCode: string;
  seq: number;
}

const MAX_SEQ = 99_999;

export function formatRecordNumber(villageCode: string, seq: number): string {
  if (!/^\d{12}$/.test(villageCode))
    throw new RangeError('formatRecordNumber: village code must be 12 digits');
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ)
    throw new RangeError(`formatRecordNumber: sequence must be an integer 1-${MAX_SEQ}`);
  return villageCode + String(seq).padStart(5, '0');
}

export function parseRecordNumber(s: string): ParsedRecordNumber | null {
  if (!/^\d{17}$/.test(s)) return null;
  const seq = Number(s.slice(12));
  if (seq < 1) return null;
  return { villageCode: s.slice(0, 12), townshipCode: s.slice(0, 9), countyCode: s.slice(0, 6), seq };
}

export function isRecordNumber(s: string): boolean {
  return parseRecordNumber(s) !== null;
}
