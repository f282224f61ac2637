import { expect, it } from 'vitest';
import { describeEachDb } from './harness.ts';
import { buildResident } from './builders.ts';

describeEachDb('record number allocation under concurrency', (env) => {
  it('gives 50 parallel creations in one village 50 distinct consecutive record numbers', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const { db } = e.database;
    const before = await db
      .selectFrom('record_number_counter')
      .select('last_seq')
      .where('village_code', '=', e.villageA)
      .executeTakeFirst();
    const start = before?.last_seq ?? 0;
    const names =
      '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马';
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        doc.post(
          '/api/residents',
          buildResident(e.villageA, {
            name: `${names[i]}并发`,
            birthDate: `1960-01-${String((i % 28) + 1).padStart(2, '0')}`,
          }),
        ),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => (r.json() as { recordNumber: string }).recordNumber).sort();
    expect(new Set(numbers).size).toBe(50);
    const expected = Array.from(
      { length: 50 },
      (_, i) => `${e.villageA}${String(start + i + 1).padStart(5, '0')}`,
    );
    expect(numbers).toEqual(expected);
  });

  it('leaves no gap when a creation fails after taking a number', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    const first = await doc.post('/api/residents', buildResident(e.villageA, { name: '甲一' }));
    // Fails inside the transaction (household of another village) after validation passed.
    const h = await (
      await e.as('cunyi2')
    ).post('/api/households', { villageCode: e.villageB, address: '外村' });
    const failed = await doc.post(
      '/api/residents',
      buildResident(e.villageA, {
        name: '甲二',
        householdId: (h.json() as { id: number }).id,
        relationToHead: '10',
      }),
    );
    expect(failed.statusCode).toBe(400);
    const next = await doc.post('/api/residents', buildResident(e.villageA, { name: '甲三' }));
    const seq = (r: typeof first) => Number((r.json() as { recordNumber: string }).recordNumber.slice(-5));
    expect(seq(next)).toBe(seq(first) + 1);
  });
});
