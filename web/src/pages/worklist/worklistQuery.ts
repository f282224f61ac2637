/** The worklist's register, tab and scope, kept in the URL so a reload or a shared link shows the same list. */
import {
  WORKLIST_CATEGORIES,
  WORKLIST_PROGRAMS,
  type WorklistCategory,
  type WorklistFilter,
  type WorklistProgram,
} from './worklist.api.ts';

export type WorklistTab = WorklistCategory | 'all';

export interface WorklistState {
  program: WorklistProgram;
  category: WorklistTab;
  /** Only the signed-in doctor's own patients. */
  mine: boolean;
  /** A township (9 digits) of the jurisdiction, or ''. */
  township: string;
  /** A village (12 digits), or ''. */
  village: string;
}

/** The tabs of a register: the elderly register has no "under 4 visits" rule. */
export function tabsOf(program: WorklistProgram): WorklistTab[] {
  return [...WORKLIST_CATEGORIES.filter((c) => program !== 'elderly' || c !== 'under_visited'), 'all'];
}

export function parseWorklistState(p: URLSearchParams): WorklistState {
  const raw = p.get('program') ?? '';
  const program = (WORKLIST_PROGRAMS as string[]).includes(raw) ? (raw as WorklistProgram) : 'hypertension';
  const c = p.get('category') ?? '';
  const category = (tabsOf(program) as string[]).includes(c) ? (c as WorklistTab) : 'overdue';
  const township = p.get('township') ?? '';
  const village = p.get('village') ?? '';
  return {
    program,
    category,
    mine: p.get('mine') === '1',
    township: /^\d{9}$/.test(township) ? township : '',
    village: /^\d{12}$/.test(village) ? village : '',
  };
}

/** URL parameters of a state, leaving out the defaults. */
export function toWorklistParams(s: WorklistState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.program !== 'hypertension') p.set('program', s.program);
  if (s.category !== 'overdue') p.set('category', s.category);
  if (s.mine) p.set('mine', '1');
  if (s.township) p.set('township', s.township);
  if (s.village) p.set('village', s.village);
  return p;
}

/** The server's filters of a state; `me` is the signed-in user's id (for "my patients"). */
export function toWorklistFilter(s: WorklistState, me: number | undefined): WorklistFilter {
  return {
    program: s.program,
    category: s.category === 'all' ? undefined : s.category,
    villageCode: s.village || undefined,
    townshipCode: s.township || undefined,
    doctorId: s.mine ? me : undefined,
  };
}
