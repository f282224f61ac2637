/** The worklist as an Excel sheet, for a printed day of home visits: who, where, how to call, what is due. */
import ExcelJS from 'exceljs';
import { labelOf, type Lang, type Words } from '@jkda/domain';

export const WORKLIST_EXPORT_LIMIT = 5_000;

export interface WorklistExportRow {
  name: string;
  sex: string;
  age: number;
  phone: string | null;
  address: string | null;
  villageName: string;
  lastVisitDate: string | null;
  lastSbp: number | null;
  lastDbp: number | null;
  lastFastingGlucose: number | null;
  lastCheckDate: string | null;
  dueDate: string;
  overdueDays: number;
  visitsThisYear: number;
}

const HEADERS: Record<Lang, string[]> = {
  zh: [
    '姓名',
    '性别',
    '年龄',
    '联系电话',
    '村(居)委会',
    '现住址',
    '上次随访',
    '上次血压',
    '上次空腹血糖',
    '上次体检',
    '应随访日期',
    '逾期天数',
    '本年面访次数',
    '本次结果（签名）',
  ],
  en: [
    'Name',
    'Sex',
    'Age',
    'Phone',
    'Village',
    'Address',
    'Last follow-up',
    'Last BP',
    'Last fasting glucose',
    'Last health check',
    'Due',
    'Days overdue',
    'Face-to-face visits this year',
    'Result (signature)',
  ],
};

export async function worklistWorkbook(
  rows: readonly WorklistExportRow[],
  title: Words,
  lang: Lang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jkda';
  wb.created = new Date();
  const ws = wb.addWorksheet(title[lang], {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow(HEADERS[lang]).font = { bold: true };
  for (const r of rows)
    ws.addRow([
      r.name,
      labelOf('sex', r.sex, lang) ?? r.sex,
      r.age,
      r.phone ?? '',
      r.villageName,
      r.address ?? '',
      r.lastVisitDate ?? '',
      r.lastSbp !== null && r.lastDbp !== null ? `${r.lastSbp}/${r.lastDbp}` : '',
      r.lastFastingGlucose ?? '',
      r.lastCheckDate ?? '',
      r.dueDate,
      r.overdueDays || '',
      r.visitsThisYear,
      '',
    ]);
  [10, 6, 6, 14, 14, 30, 12, 10, 12, 12, 12, 8, 10, 24].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
