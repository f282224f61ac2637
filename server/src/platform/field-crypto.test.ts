import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCrypto, phoneDigits, type FieldKeys } from './field-crypto.ts';

const key = (s: string) => crypto.createHash('sha256').update(s).digest();
const keys = (...versions: number[]): FieldKeys => ({
  versions: new Map(versions.map((v) => [v, key(`field ${v}`)])),
  index: key('index'),
});

describe('FieldCrypto', () => {
  const f = new FieldCrypto(keys(1));

  it('seals with a fresh iv each time and opens what it sealed', () => {
    const a = f.seal('resident.id_number', '341524195803140011');
    const b = f.seal('resident.id_number', '341524195803140011');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^k1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('3415241958');
    expect(f.open('resident.id_number', a)).toBe('341524195803140011');
    expect(f.open('resident.phone', f.seal('resident.phone', '0564-1234567'))).toBe('0564-1234567');
    expect(f.open('resident.contact_phone', f.seal('resident.contact_phone', '张三 13912345678'))).toBe(
      '张三 13912345678',
    );
  });

  it.each([
    ['another column', (s: string) => f.open('resident.phone', s)],
    ['a flipped byte', (s: string) => f.open('resident.id_number', flip(s))],
    ['a cut value', (s: string) => f.open('resident.id_number', s.slice(0, -4))],
    ['plaintext', () => f.open('resident.id_number', '341524195803140011')],
    [
      'another key of the same version',
      (s: string) =>
        new FieldCrypto({ versions: new Map([[1, key('other')]]), index: key('index') }).open(
          'resident.id_number',
          s,
        ),
    ],
  ])('refuses %s', (_what, open) => {
    const sealed = f.seal('resident.id_number', '341524195803140011');
    expect(() => open(sealed)).toThrow();
  });

  it('seals with the newest version and opens the older ones', () => {
    const old = f.seal('resident.phone', '13912345678');
    const both = new FieldCrypto(keys(1, 2));
    expect(both.current).toBe(2);
    const now = both.seal('resident.phone', '13912345678');
    expect(FieldCrypto.versionOf(now)).toBe(2);
    expect(FieldCrypto.versionOf(old)).toBe(1);
    expect(FieldCrypto.versionOf('13912345678')).toBe(0);
    expect(both.open('resident.phone', old)).toBe('13912345678');
    expect(() => f.open('resident.phone', now)).toThrow(/field key 2/);
  });

  it('takes a newer key from the key folder when it meets a value sealed with one', () => {
    let reads = 0;
    const running = new FieldCrypto(keys(1), () => (reads++, keys(1, 2)));
    const sealed = new FieldCrypto(keys(1, 2)).seal('resident.id_number', '34152419580314001X');
    expect(running.current).toBe(1);
    expect(running.open('resident.id_number', sealed)).toBe('34152419580314001X');
    expect([reads, running.current]).toEqual([1, 2]);
  });

  it('gives equal blind indexes to equal values, and none shared between kinds or keys', () => {
    expect(f.blindIndex('id', '341524195803140011')).toBe(f.blindIndex('id', '341524195803140011'));
    expect(f.blindIndex('id', '341524195803140011')).not.toBe(f.blindIndex('id', '341524195803140012'));
    expect(f.blindIndex('id4', '0011')).not.toBe(f.blindIndex('phone4', '0011'));
    expect(
      new FieldCrypto({ versions: new Map([[1, key('x')]]), index: key('other index') }).blindIndex(
        'id4',
        '0011',
      ),
    ).not.toBe(f.blindIndex('id4', '0011'));
    // The field key version does not change the index: a rotation keeps every search working.
    expect(new FieldCrypto(keys(1, 2)).blindIndex('phone', '13912345678')).toBe(
      f.blindIndex('phone', '13912345678'),
    );
  });

  it('indexes an ID number whole and by its last 4 and 6 characters, a phone by its digits', () => {
    const c = f.idNumberColumns('34152419580314001x');
    expect(f.open('resident.id_number', c.id_number_enc!)).toBe('34152419580314001X');
    expect(c.id_number_bi).toBe(f.blindIndex('id', '34152419580314001X'));
    expect(c.id_tail4_bi).toBe(f.blindIndex('id4', '001X'));
    expect(c.id_tail6_bi).toBe(f.blindIndex('id6', '14001X'));
    const p = f.phoneColumns('0564-1234567');
    expect(p.phone_bi).toBe(f.blindIndex('phone', '05641234567'));
    expect(p.phone_tail4_bi).toBe(f.blindIndex('phone4', '4567'));
    expect(f.phoneColumns(null)).toEqual({ phone_enc: null, phone_bi: null, phone_tail4_bi: null });
    expect(phoneDigits('138 1234 5678')).toBe('13812345678');
  });
});

function flip(sealed: string): string {
  const [v, body] = sealed.split('.') as [string, string];
  const raw = Buffer.from(body, 'base64url');
  raw[20]! ^= 1;
  return `${v}.${raw.toString('base64url')}`;
}
