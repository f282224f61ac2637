/** The list's search and filters, kept in the URL so Back and reload return to the same list. */
import type { Query } from '../../api/client.ts';

export const SORTS = ['name', 'recordNumber', 'birthDate', 'createdAt'] as const;
export const STATUSES = ['active', 'archived', 'all'] as const;
export type Sort = (typeof SORTS)[number];
export type Status = (typeof STATUSES)[number];

export interface ListState {
  q: string;
  /** A township (9 digits) or village (12 digits) code. */
  area: string;
  sex: string;
  ageMin?: number;
  ageMax?: number;
  tag: string;
  status: Status;
  sort: Sort;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100];

const int = (s: string | null, min: number, max: number): number | undefined => {
  if (s === null || s === '' || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
};

export function parseListState(p: URLSearchParams): ListState {
  const status = p.get('status');
  const sort = p.get('sort');
  const pageSize = int(p.get('pageSize'), 1, 100);
  const ageMin = int(p.get('ageMin'), 0, 150);
  const ageMax = int(p.get('ageMax'), 0, 150);
  return {
    q: p.get('q') ?? '',
    area: /^\d{9}(\d{3})?$/.test(p.get('area') ?? '') ? p.get('area')! : '',
    sex: p.get('sex') ?? '',
    ...(ageMin !== undefined ? { ageMin } : {}),
    ...(ageMax !== undefined ? { ageMax } : {}),
    tag: p.get('tag') ?? '',
    status: (STATUSES as readonly string[]).includes(status ?? '') ? (status as Status) : 'active',
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'name',
    page: int(p.get('page'), 1, 10_000) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** URL parameters of a state, leaving out the defaults. */
export function toSearchParams(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.area) p.set('area', s.area);
  if (s.sex) p.set('sex', s.sex);
  if (s.ageMin !== undefined) p.set('ageMin', String(s.ageMin));
  if (s.ageMax !== undefined) p.set('ageMax', String(s.ageMax));
  if (s.tag) p.set('tag', s.tag);
  if (s.status !== 'active') p.set('status', s.status);
  if (s.sort !== 'name') p.set('sort', s.sort);
  if (s.page !== 1) p.set('page', String(s.page));
  if (s.pageSize !== 20) p.set('pageSize', String(s.pageSize));
  return p;
}

/** The API query (GET /api/residents and the export) of a state. */
export function toApiQuery(s: ListState, withPaging = true): Query {
  return {
    q: s.q.trim() || undefined,
    villageCode: s.area.length === 12 ? s.area : undefined,
    townshipCode: s.area.length === 9 ? s.area : undefined,
    sex: s.sex || undefined,
    ageMin: s.ageMin,
    ageMax: s.ageMax,
    tag: s.tag || undefined,
    status: s.status,
    sort: s.sort,
    ...(withPaging ? { page: s.page, pageSize: s.pageSize } : {}),
  };
}

export function hasFilters(s: ListState): boolean {
  return !!(
    s.area ||
    s.sex ||
    s.ageMin !== undefined ||
    s.ageMax !== undefined ||
    s.tag ||
    s.status !== 'active'
  );
}
