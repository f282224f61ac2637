import { describe, expect, it } from 'vitest';
import { diffRecords } from './registry.diff.ts';

describe('diffRecords', () => {
  it('reports changed, added and removed leaves with dotted paths', () => {
    const before = {
      name: '张三',
      phone: '13800000000',
      basicInfo: { bloodType: '1', env: { fuel: '5' } },
      tags: ['a'],
    };
    const after = {
      name: '张三',
      basicInfo: { bloodType: '2', env: { fuel: '5' } },
      tags: ['a', 'b'],
      recordDate: '2020-01-01',
    };
    expect(diffRecords(before, after)).toEqual([
      { field: 'basicInfo.bloodType', old: '1', new: '2' },
      { field: 'phone', old: '13800000000', new: null },
      { field: 'recordDate', old: null, new: '2020-01-01' },
      { field: 'tags', old: ['a'], new: ['a', 'b'] },
    ]);
  });
  it('finds no change between equal records', () => {
    expect(diffRecords({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
  });
});
