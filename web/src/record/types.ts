/** The resident record as GET /api/residents/:id answers it (server: registry.schema.ts residentView). */
import type { BasicInfo } from '@jkda/domain/resident.schema';

export type { BasicInfo };

export interface Ref {
  id: number;
  name: string;
}

export interface ResidentView {
  id: number;
  recordNumber: string;
  countyCode: string;
  townshipCode: string;
  townshipName: string;
  villageCode: string;
  villageName: string;
  name: string;
  namePinyin: string;
  sex: string;
  birthDate: string;
  age: number;
  idType: string;
  idNumber: string | null;
  phone: string | null;
  currentAddress: string | null;
  registeredAddress: string | null;
  householdId: number | null;
  relationToHead: string | null;
  keyTags: string[];
  manualTags: string[];
  status: string;
  archiveReason: string | null;
  archiveDate: string | null;
  archiveNote: string | null;
  institution: Ref | null;
  responsibleDoctor: Ref | null;
  createdBy: Ref | null;
  recordDate: string;
  basicInfo: BasicInfo;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEntry {
  version: number;
  action: string;
  changedAt: string;
  changedBy: Ref | null;
  changes: { field: string; old: unknown; new: unknown }[];
}
