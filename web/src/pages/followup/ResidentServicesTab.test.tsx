/**
 * The record's services tab for a read-only user (the city inspector) and a village doctor: the new
 * service menu, the register's record button, the enrolment actions and the plan's record button are the
 * doctor's only; both may open what was done.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { programRegistry } from '@jkda/domain';
import { renderAs, type TestRole } from '../../test/render.tsx';
import type { Enrolment, ServiceList } from '../services/services.api.ts';
import { ResidentServicesTab } from './ResidentServicesTab.tsx';

const entry = (p: Pick<Enrolment, 'id' | 'program'>): Enrolment => ({
  status: 'managed',
  statusDate: '2024-03-01',
  enrolledOn: '2024-03-01',
  diagnosisDate: null,
  diagnosisSource: null,
  managingDoctorId: 1,
  version: 1,
  nextDueDate: '2026-05-20',
  lastVisitDate: null,
  lastCheckDate: null,
  visitsThisYear: 0,
  ...p,
});
const scheduled = programRegistry.scheduledRegisters.find((r) => r.schedule.plan)!;
const plannedType = scheduled.schedule.types[0]!;
const SERVICES: ServiceList = {
  enrolments: [entry({ id: 11, program: 'hypertension' })],
  items: [],
  plans: [
    {
      program: scheduled.program,
      services: [
        {
          type: plannedType,
          key: 'a',
          from: '2026-01-01',
          by: '2026-02-01',
          state: 'done',
          recordId: 41,
          doneOn: '2026-01-10',
        },
        {
          type: plannedType,
          key: 'b',
          from: '2026-04-01',
          by: '2026-05-30',
          state: 'due',
          recordId: null,
          doneOn: null,
        },
      ],
    },
  ],
  linked: [],
};

function setup(role: TestRole, archived = false) {
  return renderAs(
    role,
    <ResidentServicesTab residentId={7} archived={archived} age={70} birthDate="1956-03-01" sex="1" />,
    '/residents/7?tab=followups',
    (_m, url) => (url.pathname === '/api/residents/7/services' ? { status: 200, body: SERVICES } : undefined),
  );
}

/** The buttons that write: new service, a register's record, enrolment actions, a plan's record. */
const writeButtons = () => [
  ...['new-service', 'record-hypertension', 'enrol', 'edit-hypertension', 'status-hypertension']
    .map((id) => screen.queryByTestId(id))
    .filter((b) => b !== null),
  ...screen
    .getAllByTestId('plan-item')
    .flatMap((i) => within(i).queryAllByRole('button', { name: /登\s?记|记\s?录/ }))
    .filter((b) => b.textContent !== '查看记录'),
];

afterEach(() => vi.unstubAllGlobals());

describe('ResidentServicesTab by role', () => {
  it('shows the city inspector no write button, and lets them open what was done', async () => {
    await setup('city_inspector');
    await screen.findByTestId(`plan-${scheduled.program}`);
    await screen.findByTestId('enrolment-hypertension');
    expect(writeButtons()).toEqual([]);
    expect(screen.getByRole('button', { name: '查看记录' })).toBeTruthy();
  });

  it('shows the village doctor the new service menu, record, enrolment and plan buttons', async () => {
    await setup('village_doctor');
    await screen.findByTestId(`plan-${scheduled.program}`);
    expect(await screen.findByTestId('new-service')).toBeTruthy();
    expect(screen.getByTestId('record-hypertension')).toBeTruthy();
    expect(screen.getByTestId('enrol')).toBeTruthy();
    expect(screen.getByTestId('status-hypertension')).toBeTruthy();
    const due = screen.getAllByTestId('plan-item').find((i) => i.getAttribute('data-state') === 'due')!;
    expect(within(due).getByRole('button')).toBeTruthy();
  });

  it('shows the village doctor no write button on an archived record', async () => {
    await setup('village_doctor', true);
    await screen.findByTestId(`plan-${scheduled.program}`);
    await screen.findByTestId('enrolment-hypertension');
    expect(writeButtons()).toEqual([]);
  });
});
