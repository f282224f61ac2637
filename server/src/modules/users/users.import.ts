/**
 * Reading a staff list (CSV or .xlsx) into account rows. The header names the columns, in Chinese or English:
 * 用户名/username, 姓名/displayName, 角色/role (the role id or its Chinese or English name), 机构编码/
 * institutionCode, 电话/phone (optional), 团队/team (optional: a family-doctor team's name or id).
 * CSV is parsed with @fast-csv/parse (already in the tree through exceljs), xlsx with exceljs.
 */
import ExcelJS from 'exceljs';
import { parseString } from '@fast-csv/parse';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { ROLE_LABELS, ROLES, type Role } from '../auth/permissions.ts';
import type { NewUserBody } from './users.schema.ts';

export const MAX_IMPORT_ROWS = 2000;

type Column = 'username' | 'displayName' | 'role' | 'institutionCode' | 'phone' | 'team';

const HEADERS: Record<string, Column> = {
  用户名: 'username',
  账号: 'username',
  username: 'username',
  姓名: 'displayName',
  显示名: 'displayName',
  displayname: 'displayName',
  name: 'displayName',
  角色: 'role',
  role: 'role',
  机构编码: 'institutionCode',
  机构代码: 'institutionCode',
  institutioncode: 'institutionCode',
  institution: 'institutionCode',
  电话: 'phone',
  手机: 'phone',
  手机号: 'phone',
  phone: 'phone',
  团队: 'team',
  家庭医生团队: 'team',
  team: 'team',
};

/** The rows of the file as text cells (the header first). */
async function readCells(fileName: string, content: Buffer): Promise<string[][]> {
  const isXlsx = /\.xlsx$/i.test(fileName) || content.subarray(0, 2).toString('latin1') === 'PK';
  if (isXlsx) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text.trim();
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return Array.from(rows, (r) => r ?? []);
  }
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { trim: true, ignoreEmpty: false })
      .on('error', reject)
      .on('data', (r: string[]) => rows.push(r))
      .on('end', () => resolve(rows));
  });
}

/** A role id, or the text as typed (the check then reports it). */
function roleOf(value: string): string {
  const v = value.trim();
  const byId = ROLES.find((r) => r === v);
  if (byId) return byId;
  const byLabel = ROLES.find(
    (r) => ROLE_LABELS[r][0] === v || ROLE_LABELS[r][1].toLowerCase() === v.toLowerCase(),
  );
  return byLabel ?? v;
}

/**
 * The file's account rows, each with its row number (the header is row 1); blank rows are skipped. A file
 * that cannot be read, has no known header or too many rows answers 400 file_unreadable.
 */
export async function readStaffFile(
  db: Kysely<DB>,
  fileName: string,
  base64: string,
): Promise<{ row: number; values: NewUserBody }[]> {
  let cells: string[][];
  try {
    cells = await readCells(fileName, Buffer.from(base64, 'base64'));
  } catch {
    throw new AppError(400, 'file_unreadable');
  }
  const [header, ...body] = cells;
  const columns = (header ?? []).map((h) => HEADERS[h.replace(/\s/g, '').toLowerCase()] ?? HEADERS[h.trim()]);
  if (!columns.includes('username') || !columns.includes('role') || body.length > MAX_IMPORT_ROWS)
    throw new AppError(400, 'file_unreadable');
  const teams = await db
    .selectFrom('family_doctor_team')
    .select(['id', 'name'])
    .where('active', '=', true)
    .execute();
  const out: { row: number; values: NewUserBody }[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => !c?.trim())) return;
    const get = (col: Column) => {
      const at = columns.indexOf(col);
      return at >= 0 ? (cells[at] ?? '').trim() : '';
    };
    const team = get('team');
    const teamId = team
      ? (teams.find((t) => t.name === team)?.id ?? (/^\d+$/.test(team) ? Number(team) : -1))
      : undefined;
    out.push({
      row: i + 2,
      values: {
        username: get('username'),
        displayName: get('displayName'),
        role: roleOf(get('role')) as Role,
        institutionCode: get('institutionCode'),
        ...(get('phone') ? { phone: get('phone') } : {}),
        ...(teamId !== undefined ? { teamId } : {}),
      },
    });
  });
  return out;
}
