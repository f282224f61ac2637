/**
 * The plans on the services tab: each service in the words of its register's schedule, where it stands,
 * a record button on what is due or overdue (only for a user who may write), a link to what was done;
 * and the linked records as links to those records.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { programRegistry } from '@jkda/domain';
import { ME, renderWithApp, stubApi } from '../../test/render.tsx';
import { LinkedRecords, SchedulePlans } from './SchedulePlans.tsx';

// Any register whose schedule plans; the test reads its words from the registry.
const register = programRegistry.scheduledRegisters.find((r) => r.schedule.plan)!;
const [typeA, typeB] = [register.schedule.types[0]!, register.schedule.types.at(-1)!];
const service = (key: string, state: string, extra: Record<string, unknown> = {}) => ({
  type: typeA,
  key,
  from: '2026-04-23',
  by: '2026-05-27',
  state: state as 'done',
  recordId: null,
  doneOn: null,
  ...extra,
});

afterEach(() => vi.unstubAllGlobals());

describe('SchedulePlans', () => {
  const plans = [
    {
      program: register.program,
      services: [
        service('a', 'done', { recordId: 41, doneOn: '2026-03-01' }),
        service('b', 'due', { type: typeB }),
        service('c', 'upcoming', { expected: true }),
      ],
    },
  ];

  it('shows each service with its window and state; records what is due; opens what was done', async () => {
    stubApi(() => ({ status: 200, body: ME }));
    const onRecord = vi.fn();
    const onOpen = vi.fn();
    renderWithApp(<SchedulePlans plans={plans} onRecord={onRecord} onOpen={onOpen} />);
    const items = await screen.findAllByTestId('plan-item');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['done', 'due', 'upcoming']);
    expect(items[1]?.textContent).toContain(register.schedule.dueWords('b', 'zh'));
    expect(items[0]?.textContent).toContain('2026-03-01 已完成');
    expect(items[1]?.textContent).toContain('2026-04-23 ~ 2026-05-27');
    expect(items[2]?.textContent).toContain('按预产期推算');
    expect(within(items[2]!).queryByRole('button')).toBeNull();
    fireEvent.click(within(items[1]!).getByRole('button', { name: /记\s?录/ }));
    expect(onRecord).toHaveBeenCalledWith(typeB);
    fireEvent.click(within(items[0]!).getByRole('button', { name: '查看记录' }));
    expect(onOpen).toHaveBeenCalledWith(typeA, 41);
  });

  it('offers no record button to a user who cannot write', async () => {
    stubApi(() => ({ status: 200, body: ME }));
    renderWithApp(<SchedulePlans plans={plans} onOpen={() => undefined} />);
    const items = await screen.findAllByTestId('plan-item');
    expect(within(items[1]!).queryByRole('button')).toBeNull();
  });
});

describe('LinkedRecords', () => {
  it('links each named record, and shows nothing without any', async () => {
    stubApi(() => ({ status: 200, body: ME }));
    const linked = [
      { serviceId: 5, type: typeA, serviceDate: '2026-10-06', residentId: 88, name: '李芳之女' },
    ];
    const { unmount } = renderWithApp(<LinkedRecords linked={linked} />);
    const link = await screen.findByTestId('linked-resident');
    expect(link?.textContent).toContain('李芳之女');
    expect(link.getAttribute('href')).toMatch(/\/residents\/88$/);
    unmount();
    renderWithApp(<LinkedRecords linked={[]} />);
    expect(screen.queryByTestId('linked-records')).toBeNull();
  });
});
