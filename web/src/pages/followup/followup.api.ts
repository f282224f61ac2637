/** API calls of the follow-up form: a resident's services, the last record, recording a follow-up. */
import { api } from '../../api/client.ts';

export type Program = 'hypertension' | 'diabetes';
export const PROGRAMS: Program[] = ['hypertension', 'diabetes'];
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
