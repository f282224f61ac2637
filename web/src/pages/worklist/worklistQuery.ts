/**
 * The worklist's register, tab and scope, kept in the URL so a reload or a shared link shows the same list.
 * The registers and the categories each shows are the program registry's.
 */
import { programRegistry, type WorklistCategory } from '@jkda/domain';
import type { WorklistFilter } from './worklist.api.ts';

export type WorklistTab = WorklistCategory | 'all';

/** The register shown when the URL names none: the registry's first. */
const DEFAULT_PROGRAM = programRegistry.registers[0]?.program ?? '';

export interface WorklistState {
  /** A register of the program registry. */
  program: string;
  category: WorklistTab;
  /** Only the signed-in doctor's own patients. */
  mine: boolean;
  /** A township (9 digits) of the jurisdiction, or ''. */
  township: string;
  /** A village (12 digits), or ''. */
  village: string;
}

/** The tabs of a register: its worklist categories (the registry's, in order), then all. */
export function tabsOf(program: string): WorklistTab[] {
  return [...(programRegistry.register(program)?.worklist ?? []), 'all'];
}

export function parseWorklistState(p: URLSearchParams): WorklistState {
  const raw = p.get('program') ?? '';
  const program = programRegistry.register(raw) ? raw : DEFAULT_PROGRAM;
  const c = p.get('category') ?? '';
  const tabs = tabsOf(program);
  const category = (tabs as string[]).includes(c) ? (c as WorklistTab) : tabs[0]!;
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
  if (s.program !== DEFAULT_PROGRAM) p.set('program', s.program);
  if (s.category !== tabsOf(s.program)[0]) p.set('category', s.category);
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
