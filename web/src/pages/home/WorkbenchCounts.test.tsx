/** The workbench's counts: a card for each register with anyone on its list, each number a link to its tab. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { programRegistry, WORKLIST_CATEGORIES } from '@jkda/domain';
import { renderWithApp, stubApi } from '../../test/render.tsx';
import { WorkbenchCounts } from './WorkbenchCounts.tsx';

afterEach(() => vi.unstubAllGlobals());

const zero = { total: 0, ...Object.fromEntries(WORKLIST_CATEGORIES.map((c) => [c, 0])) };

describe('WorkbenchCounts', () => {
  it('shows the registers with anyone due, with their categories as links to the worklist', async () => {
    const [busy, idle] = programRegistry.registers;
    stubApi((_m, url) =>
      url.pathname === '/api/worklists/summary'
        ? {
            status: 200,
            body: {
              registers: [
                { program: busy!.program, counts: { ...zero, total: 9, overdue: 3, due_week: 2 } },
                { program: idle!.program, counts: zero },
              ],
            },
          }
        : undefined,
    );
    renderWithApp(<WorkbenchCounts />);
    const card = await screen.findByTestId(`wb-${busy!.program}`);
    expect(screen.queryByTestId(`wb-${idle!.program}`)).toBeNull();
    const first = busy!.worklist[0]!;
    const link = within(card).getByTestId(`wb-${busy!.program}-${first}`);
    expect(link.getAttribute('href')).toBe(`/worklist?program=${busy!.program}&category=${first}`);
    expect(link.textContent).toContain(first === 'overdue' ? '3' : first === 'due_week' ? '2' : '0');
  });

  it('says nobody is due when every list is empty', async () => {
    stubApi((_m, url) =>
      url.pathname === '/api/worklists/summary'
        ? {
            status: 200,
            body: { registers: [{ program: programRegistry.registers[0]!.program, counts: zero }] },
          }
        : undefined,
    );
    renderWithApp(<WorkbenchCounts />);
    expect(await screen.findByText('没有需要随访的患者')).toBeTruthy();
  });
});
