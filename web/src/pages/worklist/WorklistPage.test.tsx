/**
 * The worklist page against a stubbed API: tabs per register with their counts (no "under 4 visits" for the
 * elderly), the URL keeping register/tab/scope, the Excel export and "load more" carrying the same filters,
 * where a row leads, and no follow-up or record buttons (table or cards) for a read-only user.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { programRegistry } from '@jkda/domain';
import { useSession } from '../../auth/session.tsx';
import { ME, meAs, renderWithApp, stubApi } from '../../test/render.tsx';
import type { Worklist, WorklistItem } from './worklist.api.ts';
import { WorklistPage } from './WorklistPage.tsx';
import { parseWorklistState, toWorklistFilter, toWorklistParams } from './worklistQuery.ts';

const item = (p: Partial<WorklistItem> & Pick<WorklistItem, 'residentId' | 'name'>): WorklistItem => ({
  sex: '1',
  birthDate: '1950-03-01',
  age: 76,
  phone: '13900000001',
  address: '青坊村3组12号',
  villageCode: '341524100201',
  managingDoctorId: 1,
  lastVisitDate: '2026-01-05',
  lastClassification: 'controlled',
  lastSbp: 132,
  lastDbp: 84,
  lastFastingGlucose: null,
  lastCheckDate: '2025-04-10',
  dueDate: '2026-04-05',
  dueBy: null,
  dueType: null,
  dueKey: null,
  overdueDays: 20,
  visitsThisYear: 1,
  categories: ['overdue', 'under_visited', 'check_missing'],
  ...p,
});

/** A village doctor as the server describes one: records follow-ups (service.write). */
const DOCTOR = meAs('village_doctor');
/** The city inspector: reads residents and the audit log, writes nothing. */
const INSPECTOR = meAs('city_inspector');
const WRITE_BUTTONS = ['wl-followup', 'wl-record-due'];

// A register with a schedule: its rows record the service due.
const scheduled = programRegistry.scheduledRegisters[0]!;

const LISTS: Record<string, Worklist> = {
  hypertension: {
    counts: { total: 40, overdue: 11, due_week: 3, under_visited: 25, check_missing: 9 },
    items: [item({ residentId: 5, name: '张桂兰' })],
  },
  diabetes: {
    counts: { total: 12, overdue: 4, due_week: 1, under_visited: 6, check_missing: 2 },
    items: [item({ residentId: 6, name: '李德明', lastFastingGlucose: 7.4 })],
  },
  elderly: {
    counts: { total: 60, overdue: 13, due_week: 2, under_visited: 0, check_missing: 17 },
    items: [
      item({ residentId: 9, name: '王秀英', lastVisitDate: null, lastSbp: null, dueDate: '2026-04-10' }),
    ],
  },
  [scheduled.program]: {
    counts: { total: 1, overdue: 1, due_week: 0, under_visited: 0, check_missing: 0 },
    items: [
      item({
        residentId: 12,
        name: '赵小宝',
        dueType: scheduled.schedule.types[0]!,
        dueKey: 'k1',
        dueDate: '2026-04-01',
        dueBy: '2026-04-30',
      }),
    ],
  },
};

/** Query strings of the worklist requests, newest last. */
let asked: { path: string; q: URLSearchParams }[] = [];

function setup(path: string, lists = LISTS, me: typeof ME = DOCTOR) {
  asked = [];
  stubApi((method, url) => {
    if (url.pathname === '/api/auth/me') return { status: 200, body: me };
    if (!url.pathname.startsWith('/api/worklists/')) return undefined;
    asked.push({ path: url.pathname, q: url.searchParams });
    if (url.pathname.endsWith('export.xlsx')) return { status: 200, body: 'xlsx' };
    return { status: 200, body: lists[url.searchParams.get('program') ?? ''] };
  });
  renderWithApp(
    <>
      <WorklistPage />
      <Where />
      <SignedIn />
    </>,
    path,
  );
}

/** Shown once the session is loaded: what the page hides before then proves nothing. */
function SignedIn() {
  return useSession().me ? <output data-testid="signed-in" /> : null;
}

function Where() {
  const l = useLocation();
  return <output data-testid="where">{`${l.pathname}${l.search}`}</output>;
}
const where = () => screen.getByTestId('where').textContent ?? '';
const lastList = () => asked.filter((a) => a.path === '/api/worklists/chronic').at(-1)!.q;
const tabCount = async (tab: string) => {
  const el = await screen.findByTestId(`wl-tab-${tab}`);
  await waitFor(() => expect(el.querySelector('.ant-tag')).not.toBeNull());
  return el.querySelector('.ant-tag')!.textContent;
};

beforeEach(() => {
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('WorklistPage', () => {
  it('shows the counts on the tabs and, for the elderly register, no "under 4 visits" tab', async () => {
    setup('/worklist');
    expect(await tabCount('overdue')).toBe('11');
    expect(await tabCount('under_visited')).toBe('25');
    expect(await tabCount('check_missing')).toBe('9');
    expect(await tabCount('all')).toBe('40');
    expect(screen.getByText('本年随访不足4次')).toBeTruthy();
    expect(screen.getByText('上次血压')).toBeTruthy();

    fireEvent.click(screen.getByText('老年人'));
    await waitFor(() => expect(where()).toBe('/worklist?program=elderly'));
    await screen.findByText('王秀英');
    expect(await tabCount('check_missing')).toBe('17');
    expect(await tabCount('overdue')).toBe('13');
    expect(screen.queryByTestId('wl-tab-under_visited')).toBeNull();
    expect(screen.queryByText('本年随访不足4次')).toBeNull();
    // Elderly rows: last check and its due date, no follow-up values.
    expect(screen.getByText('应体检日期')).toBeTruthy();
    expect(screen.getByText('上次体检')).toBeTruthy();
    expect(screen.queryByText('上次血压')).toBeNull();
    expect(screen.queryByText('本年随访')).toBeNull();
    expect(lastList().get('program')).toBe('elderly');
  });

  it('falls back from the "under 4 visits" tab when switching to the elderly register', async () => {
    setup('/worklist?program=diabetes&category=under_visited');
    await screen.findByText('李德明');
    expect(lastList().get('category')).toBe('under_visited');
    expect(screen.getByText('上次空腹血糖')).toBeTruthy();
    fireEvent.click(screen.getByText('老年人'));
    await waitFor(() => expect(where()).toBe('/worklist?program=elderly'));
    await waitFor(() => expect(lastList().get('category')).toBe('overdue'));
  });

  it('keeps program, tab and scope in the URL and asks the server with them', async () => {
    setup('/worklist?program=diabetes&category=due_week&mine=1&village=341524100201');
    await screen.findByText('李德明');
    // The user id comes with the session.
    await waitFor(() => expect(lastList().get('doctorId')).toBe(String(DOCTOR.user.id)));
    let q = lastList();
    expect(q.get('program')).toBe('diabetes');
    expect(q.get('category')).toBe('due_week');
    expect(q.get('doctorId')).toBe(String(ME.user.id));
    expect(q.get('villageCode')).toBe('341524100201');
    expect(q.get('limit')).toBe('100');
    expect(
      (screen.getByTestId('wl-mine').closest('label')!.querySelector('input') as HTMLInputElement).checked,
    ).toBe(true);

    fireEvent.click(within(screen.getByTestId('wl-tab-check_missing')).getByText('本年未体检'));
    await waitFor(() =>
      expect(where()).toBe('/worklist?program=diabetes&category=check_missing&mine=1&village=341524100201'),
    );
    fireEvent.click(screen.getByText('我的患者'));
    await waitFor(() =>
      expect(where()).toBe('/worklist?program=diabetes&category=check_missing&village=341524100201'),
    );
    await waitFor(() => expect(lastList().get('doctorId')).toBeNull());
    q = lastList();
    expect(q.get('category')).toBe('check_missing');
  });

  it('round-trips the state through the query string', () => {
    const s = parseWorklistState(
      new URLSearchParams('program=elderly&category=check_missing&mine=1&township=341524100'),
    );
    expect(s).toEqual({
      program: 'elderly',
      category: 'check_missing',
      mine: true,
      township: '341524100',
      village: '',
    });
    expect(parseWorklistState(toWorklistParams(s))).toEqual(s);
    expect(toWorklistParams(s).toString()).toBe(
      'program=elderly&category=check_missing&mine=1&township=341524100',
    );
    expect(toWorklistFilter(s, 7)).toEqual({
      program: 'elderly',
      category: 'check_missing',
      villageCode: undefined,
      townshipCode: '341524100',
      doctorId: 7,
    });
    // Defaults leave the URL empty; junk falls back to them; no under-visited tab for the elderly.
    expect(toWorklistParams(parseWorklistState(new URLSearchParams())).toString()).toBe('');
    expect(parseWorklistState(new URLSearchParams('program=x&category=y&village=12&township=abc'))).toEqual({
      program: 'hypertension',
      category: 'overdue',
      mine: false,
      township: '',
      village: '',
    });
    expect(parseWorklistState(new URLSearchParams('program=elderly&category=under_visited')).category).toBe(
      'overdue',
    );
    expect(
      toWorklistFilter(parseWorklistState(new URLSearchParams('category=all')), 7).category,
    ).toBeUndefined();
  });

  it('exports the same filters to Excel (no paging)', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    setup('/worklist?program=elderly&category=check_missing&mine=1&village=341524100201');
    await screen.findByText('王秀英');
    fireEvent.click(screen.getByTestId('wl-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const exp = asked.find((a) => a.path === '/api/worklists/chronic/export.xlsx');
    expect(exp).toBeDefined();
    expect(Object.fromEntries(exp!.q)).toEqual({
      program: 'elderly',
      category: 'check_missing',
      doctorId: String(ME.user.id),
      villageCode: '341524100201',
    });
    const a = click.mock.contexts[0] as HTMLAnchorElement;
    expect(a.download).toMatch(/\.xlsx$/);
  });

  it('loads the rows past the first page with an offset', async () => {
    const first = Array.from({ length: 3 }, (_, i) => item({ residentId: 100 + i, name: `患者${i}` }));
    const lists = {
      ...LISTS,
      hypertension: { counts: { ...LISTS.hypertension!.counts, overdue: 5 }, items: first },
    };
    // First page: 3 rows; the second answers the rest.
    setup('/worklist', lists);
    await screen.findByText('患者0');
    lists.hypertension.items = [
      item({ residentId: 200, name: '第四位' }),
      item({ residentId: 201, name: '第五位' }),
    ];
    const more = await screen.findByTestId('wl-more');
    expect(more.textContent).toContain('3 / 5');
    fireEvent.click(more);
    await screen.findByText('第四位');
    expect(lastList().get('offset')).toBe('3');
    expect(screen.getByText('患者2')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('wl-more')).toBeNull());
  });

  it('sends the name filter to the server once typing pauses (the whole list, not the loaded rows)', async () => {
    setup('/worklist');
    await screen.findByText('张桂兰');
    fireEvent.change(screen.getByPlaceholderText(/按姓名筛选/), { target: { value: 'zgl' } });
    await waitFor(() => expect(lastList().get('name')).toBe('zgl'));
    expect(lastList().get('offset')).toBeNull();
  });

  it('opens the follow-up form for a chronic row', async () => {
    setup('/worklist');
    await screen.findByText('张桂兰');
    expect(screen.queryByTestId('wl-open')).toBeNull();
    fireEvent.click(screen.getByTestId('wl-followup'));
    await waitFor(() => expect(where()).toBe('/residents/5/followup/hypertension'));
  });

  it('shows cards with the action on each at phone width, and no table', async () => {
    const width = window.innerWidth;
    window.innerWidth = 390;
    try {
      setup('/worklist');
      const card = await screen.findByTestId('wl-row');
      expect(card.tagName).toBe('DIV');
      expect(document.querySelector('table')).toBeNull();
      expect(within(card).getByText('张桂兰')).toBeTruthy();
      expect(within(card).getByText('逾期20天')).toBeTruthy();
      expect(within(card).getByText(/男 76岁/)).toBeTruthy();
      fireEvent.click(within(card).getByTestId('wl-followup'));
      await waitFor(() => expect(where()).toBe('/residents/5/followup/hypertension'));
    } finally {
      window.innerWidth = width;
    }
  });

  it('opens the resident record (follow-ups tab) for an elderly row', async () => {
    setup('/worklist?program=elderly');
    await screen.findByText('王秀英');
    expect(screen.queryByTestId('wl-followup')).toBeNull();
    fireEvent.click(screen.getByTestId('wl-open'));
    await waitFor(() => expect(where()).toBe('/residents/9?tab=followups'));
  });

  it('offers a township picker to township users and sends the chosen township', async () => {
    setup('/worklist?township=341524100', LISTS, {
      ...DOCTOR,
      user: { ...ME.user, id: 3, jurisdiction: { counties: [], townships: ['341524100'], villages: [] } },
    });
    await screen.findByText('张桂兰');
    expect(screen.getByTestId('wl-township')).toBeTruthy();
    expect(lastList().get('townshipCode')).toBe('341524100');
    expect(await screen.findByText('梅山镇')).toBeTruthy();
  });

  it('shows no township picker to a village doctor', async () => {
    setup('/worklist');
    await screen.findByText('张桂兰');
    expect(screen.queryByTestId('wl-township')).toBeNull();
  });

  describe('a read-only user sees no write buttons; a village doctor does', () => {
    const atPhoneWidth = async (run: () => Promise<void>) => {
      const width = window.innerWidth;
      window.innerWidth = 390;
      try {
        await run();
      } finally {
        window.innerWidth = width;
      }
    };
    const noWriteButtons = async () => {
      await screen.findByTestId('signed-in');
      for (const id of WRITE_BUTTONS) expect(screen.queryByTestId(id)).toBeNull();
      expect(screen.queryByRole('button', { name: /随\s?访|登\s?记/ })).toBeNull();
    };

    it('the city inspector: chronic rows open the record from the table', async () => {
      setup('/worklist', LISTS, INSPECTOR);
      await screen.findByText('张桂兰');
      await noWriteButtons();
      fireEvent.click(screen.getByTestId('wl-open'));
      await waitFor(() => expect(where()).toBe('/residents/5?tab=followups'));
    });

    it('the city inspector on a phone: no follow-up button on the cards either', async () => {
      await atPhoneWidth(async () => {
        setup('/worklist', LISTS, INSPECTOR);
        const card = await screen.findByTestId('wl-row');
        expect(card.tagName).toBe('DIV');
        await noWriteButtons();
        expect(within(card).getByTestId('wl-open')).toBeTruthy();
      });
    });

    it('the city inspector: a scheduled register offers no record button for what is due', async () => {
      setup(`/worklist?program=${scheduled.program}`, LISTS, INSPECTOR);
      await screen.findByText('赵小宝');
      await noWriteButtons();
      expect(screen.getByTestId('wl-open')).toBeTruthy();
    });

    it('the village doctor: follow-up and record buttons, in the table and on the cards', async () => {
      setup('/worklist');
      await screen.findByText('张桂兰');
      expect(screen.getByTestId('wl-followup')).toBeTruthy();
      cleanup();
      setup(`/worklist?program=${scheduled.program}`);
      await screen.findByText('赵小宝');
      fireEvent.click(screen.getByTestId('wl-record-due'));
      await waitFor(() => expect(where()).toBe(`/residents/12/services/${scheduled.schedule.types[0]!}/new`));
      cleanup();
      await atPhoneWidth(async () => {
        setup('/worklist');
        const card = await screen.findByTestId('wl-row');
        expect(within(card).getByTestId('wl-followup')).toBeTruthy();
      });
    });
  });
});
