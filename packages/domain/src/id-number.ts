/**
 * Chinese resident ID number (公民身份号码, GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character. Old 15-digit numbers have a
 * 2-digit year (19YY) and no check character; they are accepted and upgraded to 18 characters.
 */
import { AREA_CODES_PACKED } from './data/area-codes.ts';
import { DEFAULT_TIME_ZONE, localDate } from './programs/date-math.ts';

export type IdNumberErrorCode =
  | 'id_length'
  | 'id_charset'
  | 'id_area'
  | 'id_birth_date'
  | 'id_future_birth'
  | 'id_implausible_age'
  | 'id_check_digit';

export interface IdNumberInfo {
  /** 18 characters, check character X in upper case. */
  normalized: string;
  upgradedFrom15: boolean;
  areaCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** '1' male (odd 17th digit), '2' female. */
  sex: '1' | '2';
}

export type IdNumberResult =
  { ok: true; info: IdNumberInfo } | { ok: false; error: IdNumberErrorCode; expectedCheckDigit?: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_MAP = '10X98765432';
const MAX_AGE = 130;
/** Residence permits for Hong Kong, Macao and Taiwan residents use these province-level codes. */
const PERMIT_AREA_CODES = new Set(['810000', '820000', '830000']);

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckDigit: expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_MAP[sum % 11]!;
}

/** Upgrades a 15-digit number: "19" goes before the 2-digit year and the check character is appended. */
export function upgradeIdNumber15(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('upgradeIdNumber15: expected 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckDigit(first17);
}

let knownAreaCodes: Set<string> | undefined;
let provinceCodes: Set<string> | undefined;

/**
 * Whether a 6-digit code is a current or historical division code, a permit code, or the code of a foreign
 * permanent residence card (2023): 9, then the 2-digit code of the province that issued it, then 3 digits.
 */
export function isKnownAreaCode(code6: string): boolean {
  if (!/^\d{6}$/.test(code6)) return false;
  if (PERMIT_AREA_CODES.has(code6)) return true;
  knownAreaCodes ??= unpackAreaCodes(AREA_CODES_PACKED);
  if (code6.startsWith('9')) {
    provinceCodes ??= new Set(
      [...knownAreaCodes].filter((c) => c.endsWith('0000')).map((c) => c.slice(0, 2)),
    );
    return provinceCodes.has(code6.slice(1, 3));
  }
  return knownAreaCodes.has(code6);
}

/** See scripts/build-area-codes.ts: tokens of a 4-digit prefix followed by 2-digit suffixes. */
function unpackAreaCodes(packed: string): Set<string> {
  const set = new Set<string>();
  for (const token of packed.split(/\s+/)) {
    const prefix = token.slice(0, 4);
    for (let i = 4; i + 2 <= token.length; i += 2) set.add(prefix + token.slice(i, i + 2));
  }
  return set;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whether YYYYMMDD is a real calendar date. */
function isCalendarDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** Today's local date as YYYY-MM-DD. */
/** Without a `today` from the caller: the date in China's zone, never the machine's own (often UTC). */
function localToday(): string {
  return localDate(DEFAULT_TIME_ZONE);
}

/** Age in whole years on a date (both YYYY-MM-DD). */
function ageInYears(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/**
 * Validates an ID number. Checks run in this order and the first failure is returned: length, charset,
 * birth date, future birth, age, area code (unless checkArea is false), check character.
 * The area check is lenient about the year: any code that ever existed is accepted.
 */
export function validateIdNumber(
  raw: string,
  opts: { today?: string; checkArea?: boolean } = {},
): IdNumberResult {
  const trimmed = raw.trim();
  if (trimmed.length !== 15 && trimmed.length !== 18) return { ok: false, error: 'id_length' };
  const s = trimmed.toUpperCase();
  if (!(s.length === 15 ? /^\d{15}$/ : /^\d{17}[\dX]$/).test(s)) return { ok: false, error: 'id_charset' };

  const upgradedFrom15 = s.length === 15;
  const birth = upgradedFrom15 ? `19${s.slice(6, 12)}` : s.slice(6, 14);
  if (!isCalendarDate(birth)) return { ok: false, error: 'id_birth_date' };
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`;
  const today = opts.today ?? localToday();
  if (birthDate > today) return { ok: false, error: 'id_future_birth' };
  if (ageInYears(birthDate, today) > MAX_AGE) return { ok: false, error: 'id_implausible_age' };

  const areaCode = s.slice(0, 6);
  if (opts.checkArea !== false && !isKnownAreaCode(areaCode)) return { ok: false, error: 'id_area' };

  let normalized = s;
  if (upgradedFrom15) {
    normalized = upgradeIdNumber15(s);
  } else {
    const expected = idCheckDigit(s.slice(0, 17));
    if (s[17] !== expected) return { ok: false, error: 'id_check_digit', expectedCheckDigit: expected };
  }
  const sex = Number(normalized[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, info: { normalized, upgradedFrom15, areaCode, birthDate, sex } };
}
