/** API calls of the resident list: search (GET /api/residents) and the Excel export. */
import { api, download, type Query } from '../../api/client.ts';

export interface ResidentListItem {
  id: number;
  recordNumber: string;
  name: string;
  sex: string;
  birthDate: string;
  age: number;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  villageCode: string;
  villageName: string;
  householdId: number | null;
  keyTags: string[];
  status: string;
}

export interface ResidentList {
  items: ResidentListItem[];
  total: number;
  /** False when there were more matches than the server counted (total is then a lower bound). */
  totalExact: boolean;
  page: number;
  pageSize: number;
  queryKind: string | null;
}

export const residentsApi = {
  list: (query: Query, signal?: AbortSignal) => api.get<ResidentList>('/api/residents', query, signal),
  /**
   * The filtered list as an Excel file. [server] GET /api/residents/export.xlsx takes the same query
   * parameters as the list (without page/pageSize) and needs the resident.export ability.
   */
  exportXlsx: (query: Query, fallbackName: string) =>
    download('/api/residents/export.xlsx', query, fallbackName),
};
