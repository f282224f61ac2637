/** Areas and doctors of the user's jurisdiction, loaded once per signed-in user and shared by pages. */
import { useEffect, useState } from 'react';
import { useSession } from '../auth/session.tsx';
import { typedApi, type Schema } from './client.ts';

export type Area = Schema<'Area'>;
export type Doctor = Schema<'Doctor'>;

const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export const placesApi = {
  areas: (userId: number) => cached(`areas:${userId}`, () => typedApi.get('/api/areas').then((r) => r.items)),
  doctors: (userId: number) =>
    cached(`doctors:${userId}`, () => typedApi.get('/api/doctors').then((r) => r.items)),
};

/** The loaded value; the fallback when loading failed (pages then show empty choices, not a spinner forever). */
function useCached<T>(load: (userId: number) => Promise<T>, enabled: boolean, fallback: T): T | undefined {
  const { me } = useSession();
  const [value, setValue] = useState<T | undefined>(undefined);
  const userId = me?.user.id;
  useEffect(() => {
    if (userId === undefined || !enabled) return;
    let live = true;
    load(userId).then(
      (v) => live && setValue(v),
      () => live && setValue(fallback),
    );
    return () => {
      live = false;
    };
  }, [userId, load, enabled, fallback]);
  return value;
}

const NO_AREAS: Area[] = [];
const NO_DOCTORS: Doctor[] = [];

/** Townships and villages of the jurisdiction (undefined while loading). */
export function useAreas(): Area[] | undefined {
  const { can } = useSession();
  return useCached(placesApi.areas, can('place.read'), NO_AREAS);
}

export function useDoctors(): Doctor[] | undefined {
  const { can } = useSession();
  return useCached(placesApi.doctors, can('resident.read'), NO_DOCTORS);
}

export function villagesOf(areas: Area[] | undefined): Area[] {
  return (areas ?? []).filter((a) => a.level === 'village');
}
