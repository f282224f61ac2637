import { describe, expect, it } from 'vitest';
import { programRegistry } from '@jkda/domain';
import { hasWords } from '../../forms/fieldWords.ts';
import { fieldsOf, wordPaths } from '../../forms/schemaWalk.ts';
import { CHILD_FIELD_WORDS } from './fieldWords.ts';

const TYPES = [
  'child_newborn_visit',
  'child_check_infant',
  'child_check_toddler',
  'child_check_preschool',
  'child_tcm',
] as const;

const pathsOf = (type: string): string[] => {
  const def = programRegistry.serviceType(type);
  if (!def) throw new Error(`no service type ${type}`);
  return wordPaths(fieldsOf(def.schema));
};

describe('CHILD_FIELD_WORDS', () => {
  it.each(TYPES)('names every field of %s', (type) => {
    const missing = pathsOf(type).filter((p) => !hasWords(CHILD_FIELD_WORDS, p));
    expect(missing).toEqual([]);
  });

  it('has no key that no child form uses', () => {
    const used = new Set(TYPES.flatMap(pathsOf));
    expect(Object.keys(CHILD_FIELD_WORDS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('gives every key a Chinese and an English label', () => {
    const empty = Object.entries(CHILD_FIELD_WORDS)
      .filter(([, [zh, en]]) => !zh.trim() || !en.trim())
      .map(([k]) => k);
    expect(empty).toEqual([]);
  });
});
