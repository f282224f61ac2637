/**
 * The chronic follow-up form's numbers (hypertension follow-up, in a simulated browser): a reading outside
 * what the server takes stays as typed and shows the range on its own field, and the form is not sent.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { programRegistry } from '@jkda/domain';
import { setLang } from '../../i18n/lang.ts';
import { renderAs } from '../../test/render.tsx';
import { serviceFormOf } from '../index.ts';
import type { ResidentView } from '../program-ui.ts';

const RESIDENT = {
  id: 7,
  name: '张桂兰',
  sex: '2',
  birthDate: '1950-04-02',
  age: 76,
  status: 'active',
} as unknown as ResidentView;

function mount() {
  const def = serviceFormOf('hypertension_followup')!;
  const Form = def.FollowUpForm!;
  return renderAs(
    'village_doctor',
    <Form
      type={def.type}
      register={programRegistry.register('hypertension')!}
      title={def.title}
      resident={RESIDENT}
      last={undefined}
      lastRecord={undefined}
    />,
    '/',
    (method, url) =>
      method === 'POST' && url.pathname === '/api/residents/7/services'
        ? { status: 201, body: { id: 1, nextVisitDate: '2026-03-01', nextAction: 'routine', warnings: [] } }
        : undefined,
  );
}

const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const errorOf = (label: string) =>
  input(label).closest('.ant-form-item')!.querySelector('.ant-form-item-explain-error')?.textContent ?? null;
const type = (label: string, text: string) => {
  const el = input(label);
  fireEvent.focus(el);
  fireEvent.change(el, { target: { value: text } });
  fireEvent.blur(el);
};
const posts = (calls: Awaited<ReturnType<typeof renderAs>>) => calls.filter((c) => c.method === 'POST');
const SBP = '收缩压 mmHg';
const DBP = '舒张压 mmHg';

describe('chronic follow-up numbers', () => {
  // One form for the cases (each mount of the whole follow-up form costs seconds in jsdom).
  it('out-of-range readings stay as typed, show the range on their own field, and nothing is sent', async () => {
    const calls = await mount();
    await screen.findByTestId('fu-save');
    const cases = [
      { label: SBP, typed: '1380', error: '请填写 40 到 300 之间的整数' },
      { label: DBP, typed: '900', error: '请填写 20 到 200 之间的整数' },
      { label: '日吸烟量 支', typed: '250', error: '请填写 0 到 200 之间的数' },
    ];
    for (const c of cases) type(c.label, c.typed);
    for (const c of cases) {
      await waitFor(() => expect(errorOf(c.label), c.label).toBe(c.error));
      expect(input(c.label).value).toBe(c.typed);
    }
    fireEvent.click(screen.getByTestId('fu-save'));
    expect(await screen.findByText(/请修正 \d+ 处错误后保存/)).toBeTruthy();
    for (const c of cases) {
      expect(errorOf(c.label)).toBe(c.error);
      expect(input(c.label).value).toBe(c.typed);
    }
    // The first field in error is brought into view and focused (forms/firstError.ts).
    await waitFor(() => expect(document.activeElement).toBe(input(SBP)));
    // Below the range as above it.
    type(SBP, '30');
    await waitFor(() => expect(errorOf(SBP)).toBe('请填写 40 到 300 之间的整数'));
    expect(input(SBP).value).toBe('30');
    expect(posts(calls)).toEqual([]);
  });

  it('an in-range reading shows no error and the follow-up is sent as typed', async () => {
    const calls = await mount();
    await screen.findByTestId('fu-save');
    type(SBP, '128');
    type(DBP, '82');
    await waitFor(() => expect(screen.getByTestId('control-status')).toBeTruthy());
    expect(errorOf(SBP)).toBeNull();
    expect(errorOf(DBP)).toBeNull();
    fireEvent.click(screen.getByTestId('fu-save'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    const body = posts(calls)[0]!.body as { form: { sbp: number; dbp: number } };
    expect(body.form).toMatchObject({ sbp: 128, dbp: 82 });
  });

  it('says the range in English, and the readings open the number pad', async () => {
    setLang('en');
    await mount();
    await screen.findByTestId('fu-save');
    expect(input('Systolic mmHg').getAttribute('inputmode')).toBe('numeric');
    expect(input('Weight kg').getAttribute('inputmode')).toBe('decimal');
    type('Systolic mmHg', '1380');
    await waitFor(() => expect(errorOf('Systolic mmHg')).toBe('Enter a whole number from 40 to 300'));
  });
});
