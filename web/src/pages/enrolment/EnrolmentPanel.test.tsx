/**
 * The register entries panel against a stubbed API: what each entry says, enrolling (the body sent and a
 * field error of the answer on its field), changing the status (with the version and the confirmation
 * before leaving management), a stale version, and no actions on archived records or without service.write.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { ME, renderWithApp, stubApi, type Handler } from '../../test/render.tsx';
import type { Enrolment } from './enrolment.api.ts';
import { EnrolmentPanel } from './EnrolmentPanel.tsx';

const WRITER = { ...ME, abilities: { ...ME.abilities, 'service.write': true } };

const entry = (p: Partial<Enrolment> & Pick<Enrolment, 'id' | 'program'>): Enrolment => ({
  status: 'managed',
  statusDate: '2024-03-01',
  enrolledOn: '2024-03-01',
  diagnosisDate: null,
  diagnosisSource: null,
  managingDoctorId: null,
  version: 1,
  nextDueDate: null,
  lastVisitDate: null,
  lastCheckDate: null,
  visitsThisYear: 0,
  ...p,
});

const HYPERTENSION = entry({
  id: 11,
  program: 'hypertension',
  diagnosisDate: '2019-06-12',
  diagnosisSource: '县医院确诊',
  managingDoctorId: 1,
  version: 3,
  nextDueDate: '2026-05-20',
  lastVisitDate: '2026-02-20',
  lastCheckDate: '2025-09-01',
  visitsThisYear: 2,
});
const DIABETES_LOST = entry({ id: 12, program: 'diabetes', status: 'lost', statusDate: '2025-11-02' });
const ELDERLY = entry({ id: 13, program: 'elderly', lastCheckDate: '2025-10-08' });

function setup({
  enrolments = [HYPERTENSION, DIABETES_LOST, ELDERLY],
  archived = false,
  me = WRITER,
  handler = () => undefined,
}: { enrolments?: Enrolment[]; archived?: boolean; me?: typeof ME; handler?: Handler } = {}) {
  const calls = stubApi((method, url, body) =>
    url.pathname === '/api/auth/me' ? { status: 200, body: me } : handler(method, url, body),
  );
  const onChanged = vi.fn();
  renderWithApp(
    <EnrolmentPanel residentId={7} archived={archived} enrolments={enrolments} onChanged={onChanged} />,
  );
  const sent = (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path);
  return { onChanged, sent };
}

const fieldItem = (id: string) => document.getElementById(id)!.closest('.ant-form-item') as HTMLElement;

afterEach(() => vi.unstubAllGlobals());

describe('EnrolmentPanel', () => {
  it('shows each entry in words: register, status, diagnosis, doctor, follow-up state', async () => {
    setup();
    const ht = await screen.findByTestId('enrolment-hypertension');
    expect(within(ht).getByText('高血压')).toBeTruthy();
    expect(within(ht).getByText('管理中')).toBeTruthy();
    expect(within(ht).getByText('2019-06-12 · 县医院确诊')).toBeTruthy();
    expect(await within(ht).findByText('青坊村卫生室 王医生')).toBeTruthy();
    expect(within(ht).getByText('2026-05-20')).toBeTruthy();
    expect(within(ht).getByText('2026-02-20')).toBeTruthy();
    expect(within(ht).getByText('2025-09-01')).toBeTruthy();
    expect(within(ht).getByText('2/4')).toBeTruthy();

    const dm = screen.getByTestId('enrolment-diabetes');
    expect(within(dm).getByText('2型糖尿病')).toBeTruthy();
    expect(within(dm).getByText('失访')).toBeTruthy();
    expect(within(dm).getByText('自 2025-11-02')).toBeTruthy();

    const old = screen.getByTestId('enrolment-elderly');
    expect(within(old).getByText('老年人（65岁及以上，按年龄自动纳入）')).toBeTruthy();
    expect(within(old).getByText('2025-10-08')).toBeTruthy();
    // The elderly register is by age: no correction, and no follow-up count.
    expect(within(old).queryByText('修改')).toBeNull();
    expect(within(old).queryByText('0/4')).toBeNull();
    expect(screen.getByTestId('edit-hypertension')).toBeTruthy();
    expect(screen.getByTestId('status-elderly')).toBeTruthy();
  });

  it('enrols with the chosen register, diagnosis and doctor, and shows a field error of the answer on its field', async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: {
        code: 'validation_failed',
        message: '提交的内容有误',
        details: [
          { field: 'managingDoctorId', code: 'doctor_not_found', message: '责任医生不存在或不在本辖区' },
        ],
      },
    };
    const { onChanged, sent } = setup({
      enrolments: [ELDERLY],
      handler: (method, url) =>
        method === 'POST' && url.pathname === '/api/residents/7/enrolments' ? answer : undefined,
    });
    fireEvent.click(await screen.findByTestId('enrol'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('2型糖尿病'));
    fireEvent.change(document.getElementById('enrol_diagnosisSource')!, {
      target: { value: ' 县医院确诊 ' },
    });
    const date = document.getElementById('enrol_diagnosisDate')!;
    fireEvent.mouseDown(date);
    fireEvent.focus(date);
    fireEvent.change(date, { target: { value: '2021-04-15' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    // The doctor defaults to me once the doctors are loaded.
    await waitFor(() => expect(within(fieldItem('enrol_managingDoctorId')).getByText('青坊村卫生室 王医生')));

    fireEvent.click(screen.getByTestId('enrol-save'));
    await waitFor(() => expect(sent('POST', '/api/residents/7/enrolments')).toHaveLength(1));
    expect(sent('POST', '/api/residents/7/enrolments')[0]!.body).toEqual({
      program: 'diabetes',
      diagnosisDate: '2021-04-15',
      diagnosisSource: '县医院确诊',
      managingDoctorId: 1,
    });
    await waitFor(() =>
      expect(
        within(fieldItem('enrol_managingDoctorId')).getByText('责任医生不存在或不在本辖区'),
      ).toBeTruthy(),
    );
    expect(onChanged).not.toHaveBeenCalled();

    answer = { status: 201, body: { ...entry({ id: 20, program: 'diabetes' }) } };
    fireEvent.click(screen.getByTestId('enrol-save'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('已纳入2型糖尿病管理')).toBeTruthy();
  });

  it('changes the status with the version edited, after confirming that the worklist will drop the patient', async () => {
    const { onChanged, sent } = setup({
      handler: (method, url) =>
        method === 'PUT' && url.pathname === '/api/enrolments/11/status'
          ? { status: 200, body: { ...HYPERTENSION, status: 'lost', version: 4 } }
          : undefined,
    });
    fireEvent.click(await screen.findByTestId('status-hypertension'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('失访'));
    fireEvent.change(document.getElementById('enrolmentStatus_reason')!, { target: { value: '外出务工' } });
    fireEvent.click(screen.getByTestId('status-save'));

    expect(await screen.findByText(/随访工作台将不再列出该患者/)).toBeTruthy();
    expect(sent('PUT', '/api/enrolments/11/status')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('leave-confirm'));
    await waitFor(() => expect(sent('PUT', '/api/enrolments/11/status')).toHaveLength(1));
    expect(sent('PUT', '/api/enrolments/11/status')[0]!.body).toEqual({
      status: 'lost',
      date: dayjs().format('YYYY-MM-DD'),
      reason: '外出务工',
      version: 3,
    });
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('管理状态已变更为“失访”')).toBeTruthy();
  });

  it('says the entry changed and reloads on a stale version', async () => {
    const { onChanged, sent } = setup({
      handler: (method, url) =>
        method === 'PUT' && url.pathname === '/api/enrolments/11'
          ? {
              status: 409,
              body: { code: 'stale_version', message: '', details: [], currentVersion: 4, yourVersion: 3 },
            }
          : undefined,
    });
    fireEvent.click(await screen.findByTestId('edit-hypertension'));
    await screen.findByRole('dialog');
    fireEvent.change(document.getElementById('editEnrolment_diagnosisSource')!, {
      target: { value: '市医院确诊' },
    });
    fireEvent.click(screen.getByTestId('edit-save'));
    await waitFor(() => expect(sent('PUT', '/api/enrolments/11')).toHaveLength(1));
    expect(sent('PUT', '/api/enrolments/11')[0]!.body).toEqual({
      diagnosisDate: '2019-06-12',
      diagnosisSource: '市医院确诊',
      managingDoctorId: 1,
      version: 3,
    });
    expect(await screen.findByText(/该登记已被其他人修改/)).toBeTruthy();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('offers no actions on an archived record, nor to users who may not write services', async () => {
    setup({ archived: true });
    expect(await screen.findByText('青坊村卫生室 王医生')).toBeTruthy();
    expect(screen.queryByTestId('enrol')).toBeNull();
    expect(screen.queryByTestId('enrol-diabetes')).toBeNull();
    expect(screen.queryByTestId('edit-hypertension')).toBeNull();
    expect(screen.queryByTestId('status-hypertension')).toBeNull();
    expect(screen.queryByText('变更状态')).toBeNull();
  });

  it('offers no actions without service.write', async () => {
    setup({ me: ME });
    expect(await screen.findByText('青坊村卫生室 王医生')).toBeTruthy();
    expect(screen.getByText('失访')).toBeTruthy();
    expect(screen.queryByTestId('enrol')).toBeNull();
    expect(screen.queryByTestId('status-hypertension')).toBeNull();
  });
});
