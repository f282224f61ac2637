/** API calls of the resident list: search (GET /api/residents) and the Excel export. */
import { download, typedApi, type Query, type Schema } from '../../api/client.ts';

export type ResidentListItem = Schema<'ResidentListItem'>;
/** One page of matches; totalExact is false when there were more than the server counted. */
export type ResidentList = Schema<'ResidentList'>;

export const residentsApi = {
  /** The query is the list page's state (listQuery.ts toApiQuery), whose codes the server checks. */
  list: (query: Query, signal?: AbortSignal) => typedApi.get('/api/residents', { query, signal }),
  /**
   * Every match of the list's query counted to the end (the list stops counting at its cap), for those
   * with the resident.export ability. [server] GET /api/residents/count takes the list's query without
   * page/pageSize.
   */
  count: (query: Query, signal?: AbortSignal) => typedApi.get('/api/residents/count', { query, signal }),
  /**
   * The filtered list as an Excel file. [server] GET /api/residents/export.xlsx takes the same query
   * parameters as the list (without page/pageSize) and needs the resident.export ability.
   */
  exportXlsx: (query: Query, fallbackName: string) =>
    download('/api/residents/export.xlsx', query, fallbackName),
};
