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
  it('reads rows of a list the same in any key order (as jsonb stores them), and sees a changed row', () => {
    const stored = { medications: [{ dose: '5mg', name: '氨氯地平', timesPerDay: 1 }] };
    const sent = { medications: [{ name: '氨氯地平', timesPerDay: 1, dose: '5mg' }] };
    expect(diffRecords(stored, sent)).toEqual([]);
    expect(diffRecords(stored, { medications: [{ name: '氨氯地平', timesPerDay: 2, dose: '5mg' }] })).toEqual(
      [
        {
          field: 'medications',
          old: stored.medications,
          new: [{ name: '氨氯地平', timesPerDay: 2, dose: '5mg' }],
        },
      ],
    );
  });
});
