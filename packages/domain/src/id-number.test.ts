import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  idCheckDigit,
  isKnownAreaCode,
  upgradeIdNumber15,
  validateIdNumber,
  type IdNumberErrorCode,
} from './id-number.ts';

const TODAY = '2025-06-30';

/** Minimal CSV reader: comma-separated, fields may be double-quoted ("" escapes a quote). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endField();
    } else if (!quoted && c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') {
      field += c;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const vectors = parseCsv(readFileSync(new URL('./data/id-test-vectors.csv', import.meta.url), 'utf8'));

type Expected = 'valid' | IdNumberErrorCode;

/** Expected result per category of the shared vectors (the lenient, area-checking validator we build). */
const BY_CATEGORY: Record<string, Expected> = {
  bad_length: 'id_length',
  bad_length_17: 'id_length',
  bad_charset: 'id_charset',
  bad_area_code: 'id_area',
  bad_birth_date: 'id_birth_date',
  bad_birth_date_15: 'id_birth_date',
  bad_check_digit: 'id_check_digit',
  bad_check_digit_X: 'id_check_digit',
  valid_18: 'valid',
  valid_18_X: 'valid',
  valid_15: 'valid',
  valid_15_upgrade_X: 'valid',
  hk_macau_residence_permit: 'valid',
  hk_residence_permit_X: 'valid',
  macau_residence_permit: 'valid',
  taiwan_residence_permit: 'valid',
  historical_area_code: 'valid',
  historical_area_code_X: 'valid',
  historical_area_code_reused: 'valid',
  foreign_permanent_resident_2023: 'valid',
  // Lenient about the year an area code came into use, and about the case of x.
  birth_before_area_code: 'valid',
  lowercase_x: 'valid',
  // Area code 111111 does not exist.
  contested_15: 'id_area',
  // Birth date 1991-02-83 is checked before the (also unknown) area code.
  invalid_15: 'id_birth_date',
  fake: 'id_area',
  // Area 340524 is in no list; the area is checked before the check character.
  anhui_X: 'id_area',
  anhui_bad_check: 'id_area',
  // No assertion in the source: derived from the computed columns (check ok, area in the timeline).
  basic_info: 'valid',
  // No assertion in the source: the check character is wrong.
  age_boundary: 'id_check_digit',
};

/** Rows whose category does not decide the result by itself. */
const BY_ID: Record<string, Expected> = {
  // 16 characters: the length is checked before the characters.
  'TES12345678901 j': 'id_length',
  // The source checks only the province; area 431389 is in no list, so we reject it.
  '431389760616601': 'id_area',
};

function expectedFor(row: Record<string, string>): Expected | undefined {
  return BY_ID[row.id_number!] ?? BY_CATEGORY[row.category!];
}

describe('validateIdNumber over the shared test vectors', () => {
  it('has an expectation for every row', () => {
    expect(vectors.length).toBe(49);
    expect(vectors.filter((r) => expectedFor(r) === undefined).map((r) => r.category)).toEqual([]);
  });

  it.each(vectors.map((r) => [r.id_number!, r.category!, r] as const))('%s (%s)', (id, _category, row) => {
    const expected = expectedFor(row);
    const result = validateIdNumber(id, { today: TODAY });
    if (expected === 'valid') {
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      expect(result.info.birthDate).toBe(row.birth_date_parsed);
      expect(result.info.normalized).toBe(id.length === 15 ? upgradeIdNumber15(id) : id.toUpperCase());
      expect(result.info.upgradedFrom15).toBe(id.length === 15);
      if (row.expected_upgrade_18) expect(result.info.normalized).toBe(row.expected_upgrade_18);
    } else {
      expect(result).toMatchObject({ ok: false, error: expected });
      if (expected === 'id_check_digit') {
        expect(result).toMatchObject({ expectedCheckDigit: idCheckDigit(id.slice(0, 17)) });
      }
    }
  });

  it('the computed mod11_2_check_ok column agrees with idCheckDigit', () => {
    for (const r of vectors.filter((v) => v.mod11_2_check_ok === 'yes' || v.mod11_2_check_ok === 'no')) {
      const id = r.id_number!.toUpperCase();
      expect(idCheckDigit(id.slice(0, 17)) === id[17], id).toBe(r.mod11_2_check_ok === 'yes');
    }
  });
});

/** An 18-digit number with a correct check character. */
function make(area: string, birth: string, seq = '123'): string {
  const first17 = area + birth + seq;
  return first17 + idCheckDigit(first17);
}

describe('idCheckDigit and upgradeIdNumber15', () => {
  it('computes MOD 11-2 check characters', () => {
    expect(idCheckDigit('44030819990110151')).toBe('2');
    expect(idCheckDigit('33010219200403064')).toBe('X');
    expect(idCheckDigit('11010119900307867')).toBe('0');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => idCheckDigit('1234')).toThrow(RangeError);
    expect(() => idCheckDigit('1101011990030786X')).toThrow(RangeError);
  });

  it('upgrades the 15-digit vectors of the CSV', () => {
    const rows = vectors.filter((r) => r.expected_upgrade_18);
    expect(rows.length).toBe(3);
    for (const r of rows) expect(upgradeIdNumber15(r.id_number!)).toBe(r.expected_upgrade_18);
  });

  it('throws on bad input', () => {
    expect(() => upgradeIdNumber15('61010462092769')).toThrow(RangeError);
    expect(() => upgradeIdNumber15('61010462092769X')).toThrow(RangeError);
    expect(() => upgradeIdNumber15('110101199003078670')).toThrow(RangeError);
  });
});

describe('validateIdNumber edge cases', () => {
  const v = (id: string, today = TODAY) => validateIdNumber(id, { today });

  it('returns the parts of a valid number', () => {
    expect(v('110101199003078670')).toEqual({
      ok: true,
      info: {
        normalized: '110101199003078670',
        upgradedFrom15: false,
        areaCode: '110101',
        birthDate: '1990-03-07',
        sex: '1',
      },
    });
    expect(v('500154199804106120')).toMatchObject({ ok: true, info: { sex: '2' } });
  });

  it('accepts 29 February only in leap years', () => {
    expect(v(make('340102', '20000229'))).toMatchObject({ ok: true, info: { birthDate: '2000-02-29' } });
    expect(v(make('340102', '20240229'))).toMatchObject({ ok: true, info: { birthDate: '2024-02-29' } });
    expect(v(make('340102', '19000229'))).toEqual({ ok: false, error: 'id_birth_date' });
    expect(v(make('340102', '20230229'))).toEqual({ ok: false, error: 'id_birth_date' });
    // A 15-digit number is read as 19YY, so 000229 is 1900-02-29.
    expect(v('340102000229123')).toEqual({ ok: false, error: 'id_birth_date' });
    expect(v('340102960229123')).toMatchObject({ ok: true, info: { birthDate: '1996-02-29' } });
  });

  it('rejects impossible months and days', () => {
    expect(v(make('340102', '19901301'))).toEqual({ ok: false, error: 'id_birth_date' });
    expect(v(make('340102', '19900001'))).toEqual({ ok: false, error: 'id_birth_date' });
    expect(v(make('340102', '19900431'))).toEqual({ ok: false, error: 'id_birth_date' });
    expect(v(make('340102', '19900100'))).toEqual({ ok: false, error: 'id_birth_date' });
  });

  it('rejects a birth date after the injected today', () => {
    expect(v(make('340102', '20250630'))).toMatchObject({ ok: true });
    expect(v(make('340102', '20250701'))).toEqual({ ok: false, error: 'id_future_birth' });
    expect(v(make('340102', '20250701'), '2025-07-01')).toMatchObject({ ok: true });
  });

  it('rejects an age over 130 years', () => {
    expect(v(make('340102', '18940701'))).toMatchObject({ ok: true });
    expect(v(make('340102', '18940630'))).toEqual({ ok: false, error: 'id_implausible_age' });
    expect(v(make('340102', '00010101'))).toEqual({ ok: false, error: 'id_implausible_age' });
  });

  it('accepts a lower-case x and normalizes it', () => {
    expect(v('33010219200403064x')).toMatchObject({ ok: true, info: { normalized: '33010219200403064X' } });
  });

  it('rejects a wrong check character and tells the expected one', () => {
    expect(v('110101199003078671')).toEqual({ ok: false, error: 'id_check_digit', expectedCheckDigit: '0' });
    expect(v('33010219200403064O')).toEqual({ ok: false, error: 'id_charset' });
  });

  it('checks the length before anything else', () => {
    expect(v('11010119900307867')).toEqual({ ok: false, error: 'id_length' });
    expect(v('1101011990030786701')).toEqual({ ok: false, error: 'id_length' });
    expect(v('')).toEqual({ ok: false, error: 'id_length' });
    expect(v('1101011990030786 0')).toEqual({ ok: false, error: 'id_charset' });
    expect(v('11010119900307867X1')).toEqual({ ok: false, error: 'id_length' });
  });

  it('allows X only as the last of 18 characters', () => {
    expect(v('11010119900307X670')).toEqual({ ok: false, error: 'id_charset' });
    expect(v('61010462092769X')).toEqual({ ok: false, error: 'id_charset' });
  });

  it('trims surrounding spaces', () => {
    expect(v('  110101199003078670 \t')).toMatchObject({
      ok: true,
      info: { normalized: '110101199003078670' },
    });
    expect(v('\u3000610104620927690\u3000')).toMatchObject({ ok: true, info: { upgradedFrom15: true } });
  });

  it('upgrades a 15-digit number', () => {
    expect(v('610104620927690')).toEqual({
      ok: true,
      info: {
        normalized: '610104196209276908',
        upgradedFrom15: true,
        areaCode: '610104',
        birthDate: '1962-09-27',
        sex: '2',
      },
    });
  });

  it('skips the area check when asked', () => {
    const id = make('111111', '19990110');
    expect(v(id)).toEqual({ ok: false, error: 'id_area' });
    expect(validateIdNumber(id, { today: TODAY, checkArea: false })).toMatchObject({ ok: true });
  });

  it('defaults today to the current date', () => {
    expect(validateIdNumber('110101199003078670')).toMatchObject({ ok: true });
    expect(validateIdNumber(make('340102', '29991231'))).toEqual({ ok: false, error: 'id_future_birth' });
  });
});

describe('isKnownAreaCode', () => {
  it('knows current, historical and statistics-only codes', () => {
    expect(isKnownAreaCode('340102')).toBe(true); // 合肥市瑶海区
    expect(isKnownAreaCode('110103')).toBe(true); // 崇文区, abolished 2010
    expect(isKnownAreaCode('440401')).toBe(true); // 珠海市市辖区, only in the timeline supplement
    expect(isKnownAreaCode('340176')).toBe(true); // 合肥高新区, only in the statistics codes
  });

  it('accepts permit codes and 9 + province card codes', () => {
    for (const c of ['810000', '820000', '830000', '932682', '911000']) expect(isKnownAreaCode(c)).toBe(true);
  });

  it('rejects unknown or malformed codes', () => {
    for (const c of ['111111', '340524', '345955', '000000', '34010', '3401020', 'abcdef', ''])
      expect(isKnownAreaCode(c)).toBe(false);
  });
});

describe('foreign permanent residence card numbers (9 + province code)', () => {
  it.each([
    ['932682', true],
    ['911000', true],
    ['934100', true],
    ['900000', false],
    ['999123', false],
    ['972000', false],
  ])('area %s → %s', (code, known) => {
    expect(isKnownAreaCode(code)).toBe(known);
  });
});
