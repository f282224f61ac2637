/** The resident record as GET /api/residents/:id answers it (generated from the server's residentView). */
import type { BasicInfo } from '@jkda/domain/resident.schema';
import type { Schema } from '../api/client.ts';

export type { BasicInfo };

export type ResidentView = Schema<'ResidentView'>;
export type Ref = NonNullable<ResidentView['institution']>;
export type HistoryEntry = Schema<'HistoryEntry'>;
