/** The maternal field words against the schemas: every path of the five forms has words, every key is used. */
import { describe, expect, it } from 'vitest';
import { programRegistry } from '@jkda/domain';
import { hasWords } from '../../forms/fieldWords.ts';
import { fieldsOf, wordPaths } from '../../forms/schemaWalk.ts';
import { MATERNAL_FIELD_WORDS } from './fieldWords.ts';

const TYPES = [
  'maternal_first_prenatal',
  'maternal_prenatal_followup',
  'maternal_postpartum_visit',
  'maternal_postpartum_42d',
  'maternal_outcome',
] as const;

const pathsOf = (type: string): string[] => {
  const def = programRegistry.serviceType(type);
  if (!def) throw new Error(`no service type ${type}`);
  return wordPaths(fieldsOf(def.schema));
};

/** Units and lab abbreviations a Chinese label may spell in Latin letters. */
const LATIN_IN_ZH =
  /kg\/m²|kg|cm|mmHg|µmol\/L|mmol\/L|U\/L|g\/L|×10⁹\/L|HBsAg|ABO|Rh|HIV|ALT|AST|B超|e抗|（g）/g;

describe('maternal field words', () => {
  it.each(TYPES)('names every path of %s', (type) => {
    const missing = pathsOf(type).filter((p) => !hasWords(MATERNAL_FIELD_WORDS, p));
    expect(missing).toEqual([]);
  });

  it('has no key that no maternal form uses', () => {
    const used = new Set(TYPES.flatMap(pathsOf));
    expect(Object.keys(MATERNAL_FIELD_WORDS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('has both words of every key, Chinese without Latin letters but units and lab abbreviations', () => {
    const bad = Object.entries(MATERNAL_FIELD_WORDS)
      .filter(([, [zh, en]]) => !zh.trim() || !en.trim() || /[A-Za-z]/.test(zh.replace(LATIN_IN_ZH, '')))
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });
});
