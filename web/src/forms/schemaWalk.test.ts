/** The schema walker reads what a generic form renders, from the same schema the server checks with. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumOf } from '@jkda/domain/programs/form-kit';
import { fieldsOf, wordPaths } from './schemaWalk.ts';
import { dropEmptyDeep } from './SchemaFields.tsx';

const YES_NO = [
  { code: '1', zh: '无', en: 'No' },
  { code: '2', zh: '有', en: 'Yes' },
] as const;

const schema = z
  .object({
    weightKg: z.number().min(0.5).max(200).optional(),
    teeth: z.int().min(0).max(32),
    note: z.string().max(100).optional(),
    nextVisitDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    jaundice: enumOf(YES_NO),
    measured: z.enum(['recumbent', 'standing']).optional(),
    month: z.union([z.literal(6), z.literal(12)]),
    signs: z.array(enumOf(YES_NO)),
    reported: z.boolean(),
    bp: z.object({ sbp: z.int().min(0).max(400), dbp: z.int().min(0).max(300) }).optional(),
    babies: z.array(z.object({ sex: enumOf(YES_NO), weightG: z.int().optional() })).max(6),
    visit: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('examined'), findings: z.string() }),
      z.object({ kind: z.literal('lost'), reason: z.string() }),
    ]),
  })
  .strict();

describe('schemaWalk', () => {
  const nodes = fieldsOf(schema);
  const by = (path: string) => {
    const find = (list: typeof nodes): (typeof nodes)[number] | undefined => {
      for (const n of list) {
        if (n.path === path && n.kind !== 'variants') return n;
        const kids =
          n.kind === 'group' || n.kind === 'list'
            ? n.children
            : n.kind === 'variants'
              ? n.options.flatMap((o) => o.children)
              : [];
        const f = find(kids);
        if (f) return f;
      }
      return undefined;
    };
    return find(nodes);
  };

  it.each([
    ['weightKg', { kind: 'number', required: false, min: 0.5, max: 200, integer: false }],
    ['teeth', { kind: 'number', required: true, min: 0, max: 32, integer: true }],
    ['note', { kind: 'text', required: false, date: false, max: 100 }],
    ['nextVisitDate', { kind: 'text', required: true, date: true }],
    ['jaundice', { kind: 'choice', values: ['1', '2'], table: YES_NO }],
    ['measured', { kind: 'choice', required: false, values: ['recumbent', 'standing'] }],
    ['month', { kind: 'choice', values: [6, 12] }],
    ['signs', { kind: 'choices', values: ['1', '2'] }],
    ['reported', { kind: 'switch' }],
    ['bp', { kind: 'group', required: false }],
    ['bp.sbp', { kind: 'number', integer: true, max: 400 }],
    ['babies', { kind: 'list', max: 6 }],
    ['babies.sex', { kind: 'choice' }],
    ['visit.findings', { kind: 'text' }],
  ] as const)('%s', (path, want) => expect(by(path)).toMatchObject(want));

  it('names the words a form needs: fields, groups, the kinds of a union and values without a code table', () => {
    const paths = wordPaths(nodes);
    expect(paths).toEqual(
      expect.arrayContaining([
        'bp',
        'bp.sbp',
        'babies.weightG',
        'visit.kind',
        'visit.kind=lost',
        'measured=standing',
        'month=6',
      ]),
    );
    expect(paths).not.toContain('jaundice=1');
  });
});

describe('dropEmptyDeep', () => {
  it.each([
    [{ a: ' x ', b: '', c: null, d: undefined }, { a: 'x' }],
    [{ bp: { sbp: 120, dbp: null } }, { bp: { sbp: 120 } }],
    [{ bp: { sbp: null } }, {}],
    [
      { list: [{ x: '' }, { x: 'y' }], codes: [] },
      { list: [{}, { x: 'y' }], codes: [] },
    ],
    [
      { zero: 0, no: false },
      { zero: 0, no: false },
    ],
  ])('%j → %j', (input, want) => expect(dropEmptyDeep(input)).toEqual(want));
});
