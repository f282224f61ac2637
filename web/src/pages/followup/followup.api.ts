/** API calls of the chronic disease programs: the worklist, a resident's services, recording a follow-up. */
import { api } from '../../api/client.ts';

export type Program = 'hypertension' | 'diabetes';
export const PROGRAMS: Program[] = ['hypertension', 'diabetes'];
export type WorklistCategory = 'overdue' | 'due_week' | 'under_visited';

export interface WorklistItem {
  residentId: number;
  name: string;
  sex: string;
  birthDate: string;
  phone: string | null;
  villageCode: string;
  lastVisitDate: string | null;
  lastClassification: string | null;
  lastSbp: number | null;
  lastDbp: number | null;
  lastFastingGlucose: number | null;
  dueDate: string;
  overdueDays: number;
  visitsThisYear: number;
  categories: string[];
}

export interface Worklist {
  counts: { total: number; overdue: number; due_week: number; under_visited: number };
  items: WorklistItem[];
}

export interface ServiceListItem {
  id: number;
  type: string;
  serviceDate: string;
  delivery: string;
  status: string;
  version: number;
  sbp: number | null;
  dbp: number | null;
  fastingGlucose: number | null;
  classification: string | null;
  nextVisitDate: string | null;
  nextAction: string | null;
}

export interface ResidentServices {
  enrolments: { id: number; program: string; status: string; enrolledOn: string }[];
  items: ServiceListItem[];
}

export interface ServiceRecord {
  id: number;
  residentId: number;
  type: string;
  serviceDate: string;
  delivery: string;
  status: string;
  form: Record<string, unknown>;
  classification: string | null;
  nextVisitDate: string | null;
  nextAction: string | null;
  warnings: { field: string; code: string }[];
}

export const programsApi = {
  worklist: (
    q: { program: Program; villageCode?: string | undefined; category?: WorklistCategory | undefined },
    signal?: AbortSignal,
  ) => api.get<Worklist>('/api/worklists/chronic', { ...q }, signal),
  services: (residentId: number, signal?: AbortSignal) =>
    api.get<ResidentServices>(`/api/residents/${residentId}/services`, undefined, signal),
  service: (id: number, signal?: AbortSignal) =>
    api.get<ServiceRecord>(`/api/services/${id}`, undefined, signal),
  record: (
    residentId: number,
    body: {
      type: string;
      serviceDate: string;
      delivery: string;
      form: Record<string, unknown>;
      sign: boolean;
    },
  ) => api.post<ServiceRecord>(`/api/residents/${residentId}/services`, body),
};
