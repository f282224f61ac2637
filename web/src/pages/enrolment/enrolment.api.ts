/** The register entries of a resident (hypertension, diabetes, elderly) and the calls that change them. */
import { api } from '../../api/client.ts';

export const ENROL_PROGRAMS = ['hypertension', 'diabetes'] as const;
export type EnrolProgram = (typeof ENROL_PROGRAMS)[number];
export type EnrolmentProgram = EnrolProgram | 'elderly';

export const ENROLMENT_STATUSES = ['managed', 'lost', 'moved', 'deceased', 'ended'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** One register entry as GET /api/residents/:id/services answers it in `enrolments`. */
export interface Enrolment {
  id: number;
  program: EnrolmentProgram;
  status: EnrolmentStatus;
  statusDate: string | null;
  enrolledOn: string;
  diagnosisDate: string | null;
  diagnosisSource: string | null;
  managingDoctorId: number | null;
  version: number;
  nextDueDate: string | null;
  lastVisitDate: string | null;
  lastCheckDate: string | null;
  visitsThisYear: number;
}

export interface EnrolBody {
  program: EnrolProgram;
  diagnosisDate?: string;
  diagnosisSource?: string;
  managingDoctorId?: number;
}

export interface EnrolmentUpdateBody {
  diagnosisDate?: string;
  diagnosisSource?: string;
  managingDoctorId?: number;
  version: number;
}

export interface EnrolmentStatusBody {
  status: EnrolmentStatus;
  date: string;
  reason?: string;
  version: number;
}

export const enrolmentApi = {
  enrol: (residentId: number, body: EnrolBody) =>
    api.post<Enrolment>(`/api/residents/${residentId}/enrolments`, body),
  update: (id: number, body: EnrolmentUpdateBody) => api.put<Enrolment>(`/api/enrolments/${id}`, body),
  setStatus: (id: number, body: EnrolmentStatusBody) =>
    api.put<Enrolment>(`/api/enrolments/${id}/status`, body),
};
