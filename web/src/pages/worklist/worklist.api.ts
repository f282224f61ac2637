/**
 * API calls of the worklist: who of a register is due, for a doctor, village or township, and the same list
 * as an Excel file for a day of home visits. The types are the server's declared answers (schema.ts).
 */
import type { WorklistCategory } from '@jkda/domain';
import { download, typedApi, type QueryOf, type Schema } from '../../api/client.ts';

export type { WorklistCategory };
/** Rows of the server's list are paged by this many (the server allows 1..2000, default 100). */
export const WORKLIST_PAGE = 100;

export type WorklistItem = Schema<'WorklistRow'>;
export type Worklist = Schema<'Worklist'>;

type WorklistQuery = QueryOf<'get', '/api/worklists/chronic'>;
export type WorklistCounts = Worklist['counts'];

/** The filters of a worklist, as the server takes them; `program` is a register of the program registry. */
export interface WorklistFilter {
  program: string;
  villageCode?: string | undefined;
  townshipCode?: string | undefined;
  doctorId?: number | undefined;
  category?: WorklistCategory | undefined;
  /** Name characters, pinyin initials or full pinyin: filters the whole list on the server. */
  name?: string | undefined;
}

const query = (f: WorklistFilter): WorklistQuery => ({
  // The server's enum lists the registry's registers.
  program: f.program as WorklistQuery['program'],
  villageCode: f.villageCode,
  townshipCode: f.townshipCode,
  doctorId: f.doctorId,
  category: f.category,
  name: f.name,
});

/** The URL of the Excel export of a filtered worklist (no paging: the whole list). */
export const WORKLIST_EXPORT_PATH = '/api/worklists/chronic/export.xlsx';

export const worklistApi = {
  /** [server] GET /api/worklists/chronic: counts of every category plus one page of the chosen one. */
  list: (f: WorklistFilter, page: { limit?: number; offset?: number }, signal?: AbortSignal) =>
    typedApi.get('/api/worklists/chronic', {
      query: { ...query(f), limit: page.limit ?? WORKLIST_PAGE, offset: page.offset || undefined },
      signal,
    }),
  /** [server] GET /api/worklists/chronic/export.xlsx: same filters, in the UI language; saved as a download. */
  exportXlsx: (f: WorklistFilter, fallbackName: string) =>
    download(WORKLIST_EXPORT_PATH, query(f), fallbackName),
};
