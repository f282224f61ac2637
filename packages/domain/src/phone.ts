/** Mainland China phone numbers: mobile (11 digits, 13x-19x) and landline (area code 0xx/0xxx, 7-8 digits). */

export type ParsedPhone =
  | { kind: 'mobile'; number: string }
  | { kind: 'landline'; areaCode?: string; number: string; extension?: string };

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(?:(0\d{2,3})(-?))?([1-9]\d{6,7})(?:-(\d{1,4}))?$/;

/** Area codes starting 01/02 (Beijing 010, 02x cities) have 3 digits; all others have 4. */
function areaCodeLength(digits: string): number {
  return /^0[12]/.test(digits) ? 3 : 4;
}

/** Parses a phone number in the canonical form (see normalizePhone); null if it is not one. */
export function parsePhone(s: string): ParsedPhone | null {
  const t = s.trim();
  if (MOBILE.test(t)) return { kind: 'mobile', number: t };
  const m = LANDLINE.exec(t);
  if (!m) return null;
  const [, area, hyphen, rest = '', extension] = m;
  let areaCode = area;
  let number = rest;
  if (area && !hyphen) {
    // Without a hyphen the split is ambiguous; use the real area code length instead of the regex's guess.
    const digits = area + rest;
    areaCode = digits.slice(0, areaCodeLength(digits));
    number = digits.slice(areaCode.length);
    if (!/^[1-9]\d{6,7}$/.test(number)) return null;
  }
  return {
    kind: 'landline',
    number,
    ...(areaCode ? { areaCode } : {}),
    ...(extension ? { extension } : {}),
  };
}

/**
 * Mobile: 11 digits starting 13-19. Landline: optional area code (0 + 2-3 digits), optional '-',
 * 7-8 digits (not starting with 0), optional '-' and an extension of up to 4 digits. Without the hyphen,
 * the area code must have its real length (3 digits for 01x/02x, else 4). Surrounding spaces are ignored.
 */
export function isValidPhone(s: string): boolean {
  return parsePhone(s) !== null;
}

/**
 * Tidies a phone number as typed: full-width characters become ASCII, spaces go, and separators are
 * kept as single hyphens (between area code, number and extension). Mobile numbers become 11 bare
 * digits. A string that is not a phone number is returned tidied but otherwise unchanged.
 */
export function normalizePhone(s: string): string {
  const groups = s
    .normalize('NFKC')
    .split(/[\s-]+/)
    .filter(Boolean);
  const hyphenated = groups.join('-');
  const digits = groups.join('');
  if (MOBILE.test(digits)) return digits;
  if (parsePhone(hyphenated)) return hyphenated;
  if (parsePhone(digits)) return digits;
  return hyphenated;
}
