/** API shapes of areas, institutions, doctors and family-doctor teams. */
import { z } from 'zod';
import { named } from '../../platform/api-schema.ts';

const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const areaSchema = named(
  'Area',
  z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['county', 'township', 'village']),
    parentCode: z.string().nullable(),
  }),
);
export const areaList = itemsOf(areaSchema);

export const institutionSchema = named(
  'Institution',
  z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    areaCode: z.string(),
    parentId: z.number().nullable(),
  }),
);
export const institutionList = itemsOf(institutionSchema);

export const doctorSchema = named(
  'Doctor',
  z.object({ id: z.number(), name: z.string(), institutionName: z.string() }),
);
export const doctorList = itemsOf(doctorSchema);

export const teamSchema = named(
  'Team',
  z.object({
    id: z.number(),
    name: z.string(),
    institutionId: z.number(),
    institutionName: z.string(),
    leader: z.object({ id: z.number(), name: z.string() }).nullable(),
    members: z.array(z.object({ id: z.number(), name: z.string(), duty: z.string() })),
  }),
);
export const teamList = itemsOf(teamSchema);
