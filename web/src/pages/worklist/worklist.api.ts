/**
 * API calls of the follow-up worklist: who of a register (hypertension, diabetes, the 65+ elderly) is due,
 * for a doctor, village or township, and the same list as an Excel file for a day of home visits.
 */
import { api, download, type Query } from '../../api/client.ts';

export type WorklistProgram = 'hypertension' | 'diabetes' | 'elderly';
export const WORKLIST_PROGRAMS: WorklistProgram[] = ['hypertension', 'diabetes', 'elderly'];
export type WorklistCategory = 'overdue' | 'due_week' | 'under_visited' | 'check_missing';
export const WORKLIST_CATEGORIES: WorklistCategory[] = [
  'overdue',
  'due_week',
  'under_visited',
  'check_missing',
];
/** Rows of the server's list are paged by this many (the server allows 1..2000, default 500). */
export const WORKLIST_PAGE = 500;

export interface WorklistItem {
  residentId: number;
  name: string;
  sex: string;
  birthDate: string;
  age: number;
  phone: string | null;
  address: string | null;
  villageCode: string;
  managingDoctorId: number | null;
  lastVisitDate: string | null;
  lastClassification: string | null;
  lastSbp: number | null;
  lastDbp: number | null;
  lastFastingGlucose: number | null;
  /** The last signed health check (健康体检). */
  lastCheckDate: string | null;
  dueDate: string;
  overdueDays: number;
  visitsThisYear: number;
  categories: string[];
}

export interface WorklistCounts {
  total: number;
  overdue: number;
  due_week: number;
  under_visited: number;
  check_missing: number;
}

export interface Worklist {
  counts: WorklistCounts;
  items: WorklistItem[];
}

/** The filters of a worklist, as the server takes them. */
export interface WorklistFilter {
  program: WorklistProgram;
  villageCode?: string | undefined;
  townshipCode?: string | undefined;
  doctorId?: number | undefined;
  category?: WorklistCategory | undefined;
}

const query = (f: WorklistFilter): Query => ({
  program: f.program,
  villageCode: f.villageCode,
  townshipCode: f.townshipCode,
  doctorId: f.doctorId,
  category: f.category,
});

/** The URL of the Excel export of a filtered worklist (no paging: the whole list). */
export const WORKLIST_EXPORT_PATH = '/api/worklists/chronic/export.xlsx';

export const worklistApi = {
  /** [server] GET /api/worklists/chronic: counts of every category plus one page of the chosen one. */
  list: (f: WorklistFilter, page: { limit?: number; offset?: number }, signal?: AbortSignal) =>
    api.get<Worklist>(
      '/api/worklists/chronic',
      { ...query(f), limit: page.limit ?? WORKLIST_PAGE, offset: page.offset || undefined },
      signal,
    ),
  /** [server] GET /api/worklists/chronic/export.xlsx: same filters, in the UI language; saved as a download. */
  exportXlsx: (f: WorklistFilter, fallbackName: string) =>
    download(WORKLIST_EXPORT_PATH, query(f), fallbackName),
};
