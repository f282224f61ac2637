/** Export of a filtered resident list to Excel (xlsx), for administrators; identifiers stay masked. */
import ExcelJS from 'exceljs';
import { labelOf, type Lang } from '@jkda/domain';
import type { ExportRow } from './registry.repo.ts';

export const EXPORT_LIMIT = 50_000;

const HEADERS: Record<Lang, string[]> = {
  zh: [
    '档案编号',
    '姓名',
    '性别',
    '出生日期',
    '年龄',
    '身份证号',
    '联系电话',
    '乡镇(街道)',
    '村(居)委会',
    '现住址',
    '重点人群',
    '档案状态',
    '建档日期',
  ],
  en: [
    'Record number',
    'Name',
    'Sex',
    'Birth date',
    'Age',
    'ID number',
    'Phone',
    'Township',
    'Village',
    'Address',
    'Key population',
    'Status',
    'Record date',
  ],
};

export async function residentsWorkbook(rows: ExportRow[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jkda';
  wb.created = new Date();
  const ws = wb.addWorksheet(lang === 'zh' ? '居民名单' : 'Residents', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.addRow(HEADERS[lang]).font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.recordNumber,
      r.name,
      labelOf('sex', r.sex, lang) ?? r.sex,
      r.birthDate,
      r.age,
      r.idNumberMasked ?? '',
      r.phoneMasked ?? '',
      r.townshipName,
      r.villageName,
      r.currentAddress ?? '',
      r.keyTags.map((t) => labelOf('keyPopulation', t, lang) ?? t).join(lang === 'zh' ? '、' : ', '),
      labelOf('recordStatus', r.status, lang) ?? r.status,
      r.recordDate,
    ]);
  }
  [20, 10, 6, 12, 6, 22, 14, 14, 14, 36, 24, 8, 12].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
