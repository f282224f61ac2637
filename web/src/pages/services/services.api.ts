/** API calls of the service records of every type: list, read, record (draft or signed), amend, sign. */
import { api } from '../../api/client.ts';

export type Delivery = 'clinic' | 'home' | 'phone';
export const DELIVERIES: Delivery[] = ['clinic', 'home', 'phone'];

export type { Enrolment } from '../enrolment/enrolment.api.ts';
import type { Enrolment } from '../enrolment/enrolment.api.ts';

export interface ServiceItem {
  id: number;
  type: string;
  serviceDate: string;
  delivery: string;
  status: string;
  version: number;
  sbp: number | null;
  dbp: number | null;
  fastingGlucose: number | null;
  weightKg?: number | null;
  classification: string | null;
  nextVisitDate: string | null;
  nextAction: string | null;
  staffUserId?: number | null;
}

export interface ServiceList {
  enrolments: Enrolment[];
  items: ServiceItem[];
}

export interface FieldCode {
  field: string;
  code: string;
}

export interface ServiceRecordFull {
  id: number;
  residentId: number;
  type: string;
  serviceDate: string;
  delivery: string;
  status: string;
  version: number;
  form: Record<string, unknown>;
  classification: string | null;
  nextVisitDate: string | null;
  nextAction: string | null;
  warnings: FieldCode[];
  signedAt: string | null;
}

export interface ServiceEnvelope {
  serviceDate: string;
  delivery: string;
  form: Record<string, unknown>;
}

export const servicesApi = {
  list: (residentId: number, signal?: AbortSignal) =>
    api.get<ServiceList>(`/api/residents/${residentId}/services`, undefined, signal),
  get: (id: number, signal?: AbortSignal) =>
    api.get<ServiceRecordFull>(`/api/services/${id}`, undefined, signal),
  create: (residentId: number, body: ServiceEnvelope & { type: string; sign: boolean }) =>
    api.post<ServiceRecordFull>(`/api/residents/${residentId}/services`, body),
  amend: (id: number, body: ServiceEnvelope & { version: number; reason?: string }) =>
    api.put<ServiceRecordFull>(`/api/services/${id}`, body),
  sign: (id: number, version: number) => api.post<ServiceRecordFull>(`/api/services/${id}/sign`, { version }),
};
