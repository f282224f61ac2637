/**
 * The chronic follow-up form's numbers (hypertension follow-up, in a simulated browser): a reading outside
 * what the server takes stays as typed and shows the range on its own field, and the form is not sent.
 */
import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Link, useLocation } from 'react-router';
import { programRegistry } from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { setLang } from '../../i18n/lang.ts';
import { renderAs } from '../../test/render.tsx';
import { serviceFormOf } from '../index.ts';
import type { ResidentView, SavedNotice } from '../program-ui.ts';
import type { ServiceRecordFull } from '../../pages/services/services.api.ts';

const RESIDENT = {
  id: 7,
  name: '张桂兰',
  sex: '2',
  birthDate: '1950-04-02',
  age: 76,
  status: 'active',
} as unknown as ResidentView;

const partOf = (program: string) => {
  const register = programRegistry.register(program)!;
  const def = serviceFormOf(register.followUpType!)!;
  return { type: def.type, register, title: def.title, last: undefined, lastRecord: undefined };
};

/** The form at / (of the registers named; a combined visit for two), a link elsewhere, and the worklist it returns to once saved. */
function Host({ programs = ['hypertension'], draft }: { programs?: string[]; draft?: ServiceRecordFull }) {
  const Form = serviceFormOf(partOf(programs[0]!).type)!.FollowUpForm!;
  const { pathname, state } = useLocation() as { pathname: string; state: unknown };
  if (pathname === pathOf('worklist'))
    return <span data-testid="at-worklist" data-state={JSON.stringify(state)} />;
  return (
    <>
      <Link to="/elsewhere" data-testid="elsewhere">
        elsewhere
      </Link>
      <Form
        resident={RESIDENT}
        parts={programs.map((p, i) => (i === 0 && draft ? { ...partOf(p), draft } : partOf(p)))}
      />
    </>
  );
}

const SAVED = { id: 1, nextVisitDate: '2026-03-01', nextAction: 'routine', warnings: [] };

function mount(programs?: string[], draft?: ServiceRecordFull) {
  return renderAs('village_doctor', <Host programs={programs} draft={draft} />, '/', (method, url) =>
    method === 'POST' && url.pathname === '/api/residents/7/services'
      ? { status: 201, body: SAVED }
      : method === 'POST' && url.pathname === '/api/residents/7/visits'
        ? {
            status: 201,
            body: {
              items: [
                { ...SAVED, type: 'hypertension_followup' },
                {
                  ...SAVED,
                  id: 2,
                  type: 'diabetes_followup',
                  nextVisitDate: '2026-01-15',
                  nextAction: 'recheck_2w',
                },
              ],
            },
          }
        : method === 'PUT' && url.pathname === '/api/services/9'
          ? { status: 200, body: { ...SAVED, id: 9 } }
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

  it('asks before leaving what was typed; an in-range reading shows no error and is sent as typed', async () => {
    const calls = await mount();
    await screen.findByTestId('fu-save');
    type(SBP, '128');
    // Leaving with a typed value (Back, the menu): a confirm dialog, and staying keeps what was typed.
    fireEvent.click(screen.getByTestId('elsewhere'));
    const leaveTitle = { selector: '.ant-modal-confirm-title' };
    expect(await screen.findByText('有未保存的修改', leaveTitle)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '继续填写' }));
    await waitFor(() => expect(screen.queryByText('有未保存的修改', leaveTitle)).toBeNull());
    expect(input(SBP).value).toBe('128');
    type(DBP, '82');
    // A medication row keeps its labels once filled (not placeholders that vanish).
    fireEvent.click(screen.getByRole('button', { name: /添加药物/ }));
    type('药物名称', '氨氯地平片');
    type('每次剂量', '5mg');
    expect(input('药物名称').value).toBe('氨氯地平片');
    expect(input('每日次数').value).toBe('1');
    expect(screen.getByRole('button', { name: '删除此药物' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('control-status')).toBeTruthy());
    expect(errorOf(SBP)).toBeNull();
    expect(errorOf(DBP)).toBeNull();
    fireEvent.click(screen.getByTestId('fu-save'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    const body = posts(calls)[0]!.body as { form: { sbp: number; dbp: number } };
    expect(body.form).toMatchObject({
      sbp: 128,
      dbp: 82,
      medications: [{ name: '氨氯地平片', timesPerDay: 1, dose: '5mg' }],
    });
    // Saved: the page goes back to the worklist without asking.
    expect(await screen.findByTestId('at-worklist')).toBeTruthy();
    expect(screen.queryByText('有未保存的修改', { selector: '.ant-modal-confirm-title' })).toBeNull();
  });

  it('turns the referral switch on with the emergency-referral alert, until the doctor sets it', async () => {
    await mount();
    await screen.findByTestId('fu-save');
    const referral = () => document.getElementById('fu_referralNeeded')!.getAttribute('aria-checked');
    expect(referral()).toBe('false');
    expect(screen.queryByLabelText('转诊原因')).toBeNull();
    // 185 mmHg is an emergency criterion: the alert, the switch on and the referral's details to fill.
    type(SBP, '185');
    type(DBP, '95');
    expect(await screen.findByTestId('emergency-alert')).toBeTruthy();
    await waitFor(() => expect(referral()).toBe('true'));
    expect(screen.getByLabelText('转诊原因')).toBeTruthy();
    // Back below the line: both go.
    type(SBP, '150');
    await waitFor(() => expect(screen.queryByTestId('emergency-alert')).toBeNull());
    await waitFor(() => expect(referral()).toBe('false'));
    // The doctor's choice stands: switched off by hand, it stays off over an alert.
    type(SBP, '185');
    await waitFor(() => expect(referral()).toBe('true'));
    fireEvent.click(document.getElementById('fu_referralNeeded')!);
    await waitFor(() => expect(referral()).toBe('false'));
    type(DBP, '112');
    expect(screen.getByTestId('emergency-alert')).toBeTruthy();
    expect(referral()).toBe('false');
    expect(screen.queryByLabelText('转诊原因')).toBeNull();
  });

  it('on a phone keeps the assessment and the save button in a bar at the bottom of the screen', async () => {
    const width = window.innerWidth;
    window.innerWidth = 390;
    try {
      const calls = await mount();
      const bar = await screen.findByTestId('fu-bar');
      // One save button, in the bar.
      expect(screen.getAllByTestId('fu-save')).toHaveLength(1);
      expect(bar.contains(screen.getByTestId('fu-save'))).toBe(true);
      expect(bar.textContent).toContain('录入血压等数值后显示');
      type(SBP, '128');
      type(DBP, '80');
      await waitFor(() => expect(bar.textContent).toContain('控制满意'));
      expect(screen.getByTestId('fu-bar-next').textContent).toBe(
        screen.getByTestId('next-visit').textContent,
      );
      type(SBP, '185');
      await waitFor(() => expect(bar.textContent).toContain('需紧急转诊'));
      type(SBP, '128');
      await waitFor(() => expect(bar.textContent).not.toContain('需紧急转诊'));
      fireEvent.click(screen.getByTestId('fu-save'));
      await waitFor(() => expect(posts(calls)).toHaveLength(1));
    } finally {
      window.innerWidth = width;
    }
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

  it('a combined visit: the readings once, each program judged by its own rules, two records in one call', async () => {
    const calls = await mount(['hypertension', 'diabetes']);
    await screen.findByTestId('fu-save');
    // One systolic box, each program's own symptoms and classification, and one glucose box.
    expect(screen.getAllByLabelText(SBP)).toHaveLength(1);
    expect(screen.getByText('症状（高血压）')).toBeTruthy();
    expect(screen.getByText('症状（2型糖尿病）')).toBeTruthy();
    type(SBP, '128');
    type(DBP, '80');
    type('空腹血糖 mmol/L', '9.2');
    // Blood pressure controlled, glucose not: each classification follows its own values.
    await waitFor(() =>
      expect(screen.getByTestId('control-status-hypertension').textContent).toMatch(/^控制满意/),
    );
    expect(screen.getByTestId('control-status-diabetes').textContent).toMatch(/^未达标/);
    const drugs = (program: string) => within(screen.getByTestId(`fu-drugs-${program}`));
    fireEvent.click(drugs('diabetes').getByRole('button', { name: /添加药物/ }));
    const dmDrug = drugs('diabetes').getByLabelText<HTMLInputElement>('药物名称');
    fireEvent.change(dmDrug, { target: { value: '二甲双胍' } });
    fireEvent.click(screen.getByTestId('fu-save'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    const call = posts(calls)[0]!;
    expect(call.path).toBe('/api/residents/7/visits');
    const body = call.body as {
      sign: boolean;
      records: { type: string; form: Record<string, unknown> }[];
    };
    expect(body.sign).toBe(true);
    const [ht, dm] = body.records;
    expect([ht!.type, dm!.type]).toEqual(['hypertension_followup', 'diabetes_followup']);
    // The shared readings in both; the glucose only in the diabetes record; each its own drugs and result.
    expect(ht!.form).toMatchObject({ sbp: 128, dbp: 80, classification: '1', medications: [] });
    expect(ht!.form.fastingGlucose).toBeUndefined();
    expect(dm!.form).toMatchObject({
      sbp: 128,
      dbp: 80,
      fastingGlucose: 9.2,
      classification: '2',
      medications: [{ name: '二甲双胍', timesPerDay: 1 }],
    });
    // The list it returns to hears of both records: the first's next visit, and the other's.
    const back = await screen.findByTestId('at-worklist');
    const notice = (JSON.parse(back.getAttribute('data-state')!) as { saved: SavedNotice }).saved;
    expect([notice.type, notice.nextVisitDate]).toEqual(['hypertension_followup', '2026-03-01']);
    expect(notice.others).toEqual([
      { type: 'diabetes_followup', nextVisitDate: '2026-01-15', nextAction: 'recheck_2w', warnings: [] },
    ]);
  });

  it('keeps a follow-up as a draft, and finishes a draft: its values back, signed in one call', async () => {
    const calls = await mount();
    await screen.findByTestId('fu-save');
    type(SBP, '131');
    type(DBP, '83');
    await waitFor(() => expect(screen.getByTestId('control-status')).toBeTruthy());
    fireEvent.click(screen.getByTestId('fu-draft'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({ sign: false, form: { sbp: 131, dbp: 83 } });
    cleanup();

    const draft = {
      id: 9,
      residentId: 7,
      type: 'hypertension_followup',
      serviceDate: '2026-03-02',
      delivery: 'home',
      status: 'draft',
      version: 3,
      form: { ...(posts(calls)[0]!.body as { form: Record<string, unknown> }).form, classification: '1' },
    } as unknown as ServiceRecordFull;
    const again = await mount(undefined, draft);
    await screen.findByTestId('fu-draft-notice');
    expect(input(SBP).value).toBe('131');
    fireEvent.click(screen.getByTestId('fu-save'));
    await waitFor(() => expect(again.filter((c) => c.method === 'PUT')).toHaveLength(1));
    const put = again.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/services/9');
    expect(put.body).toMatchObject({
      sign: true,
      version: 3,
      serviceDate: '2026-03-02',
      delivery: 'home',
      form: { sbp: 131, dbp: 83, classification: '1' },
    });
    expect(posts(again)).toEqual([]);
  });
});
