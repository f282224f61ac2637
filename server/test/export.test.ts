import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb } from './harness.ts';

describeEachDb('export of the filtered list', (env) => {
  it('gives administrators an xlsx of the filtered list with masked identifiers, and audits it', async () => {
    const e = env();
    const admin = await e.as('xzadmin');
    const res = await admin.get(`/api/residents/export.xlsx?townshipCode=${e.villageA.slice(0, 9)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const list = (
      await admin.get(`/api/residents?townshipCode=${e.villageA.slice(0, 9)}&pageSize=100`)
    ).json() as { total: number };
    expect(list.total).toBeGreaterThan(0);
    expect(ws.rowCount).toBe(list.total + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('档案编号');
    const idCell = ws.getRow(2).getCell(6).text;
    expect(idCell).toMatch(/^\d{6}\*{11}[\dX]$/);
    const audit = await e.database.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'resident.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect((audit[0]!.detail as { count: number }).count).toBe(list.total);
  });

  it('is not offered to village doctors', async () => {
    const e = env();
    const doc = await e.as('cunyi');
    expect((await doc.get('/api/residents/export.xlsx')).statusCode).toBe(403);
  });
});
