/**
 * The demo county's mothers and children (pure, deterministic): women of 20–40 pregnant now (about 3.5 %,
 * a county birth rate of some 6 ‰) with their prenatal records so far, some late and some missed; women
 * delivered in the last weeks with the outcome and, for most, the postpartum visit; and each child under 7
 * vaccinated by the national schedule — most doses on time, some late, a few children who stop coming —
 * with the newborn visit and the child health checks (history-child-checks.ts).
 */
import { addDays, ageOn, daysBetween } from '@jkda/domain';
import { FIRST, FOLLOW, OUTCOME, POSTPARTUM } from '@jkda/domain/programs/maternal/maternal.fixtures';
import {
  shippedScheduleFor,
  vaccinationStatus,
  type GivenDose,
} from '@jkda/domain/programs/immunization/index';
import { deriveSeed, Rng } from './random.ts';
import { childChecks } from './history-child-checks.ts';

export interface MotherChildPatient {
  residentId: number;
  sex: string;
  birthDate: string;
  recordDate: string;
}

export interface SeedMcService {
  residentId: number;
  type: string;
  serviceDate: string;
  delivery: 'clinic' | 'home';
  sbp: number | null;
  dbp: number | null;
  fastingGlucose: null;
  weightKg: number | null;
  classification: string | null;
  form: Record<string, unknown>;
}

const service = (
  residentId: number,
  type: string,
  serviceDate: string,
  form: Record<string, unknown>,
  classification: string | null,
  delivery: 'clinic' | 'home' = 'clinic',
): SeedMcService => {
  const bp = form.bp as { sbp: number; dbp: number } | undefined;
  return {
    residentId,
    type,
    serviceDate,
    delivery,
    sbp: bp?.sbp ?? null,
    dbp: bp?.dbp ?? null,
    fastingGlucose: null,
    weightKg: typeof form.weightKg === 'number' ? form.weightKg : null,
    classification,
    form,
  };
};

const ga = (lmp: string, on: string) => {
  const d = daysBetween(lmp, on);
  return { weeks: Math.floor(d / 7), days: d % 7 };
};

/** The prenatal windows' first and last days of gestation (2nd to 5th visit). */
const WINDOWS: readonly [number, number, number][] = [
  [2, 16 * 7, 20 * 7 + 6],
  [3, 21 * 7, 24 * 7 + 6],
  [4, 28 * 7, 36 * 7 + 6],
  [5, 37 * 7, 40 * 7 + 6],
];

function pregnancy(
  p: MotherChildPatient,
  rng: Rng,
  today: string,
): { enrolledOn: string; services: SeedMcService[] } | null {
  const lmp = addDays(today, -rng.int(7 * 7, 38 * 7));
  // Most register before 13 weeks; some later.
  const first = addDays(lmp, rng.chance(0.8) ? rng.int(8 * 7, 12 * 7 + 6) : rng.int(13 * 7, 20 * 7));
  if (first > today || first < p.recordDate) return null;
  const weight = Math.round(rng.normal(55, 6));
  const gravidity = rng.pick([1, 1, 2, 2, 3]);
  const services = [
    service(
      p.residentId,
      'maternal_first_prenatal',
      first,
      {
        ...FIRST,
        lmp,
        dueDate: undefined,
        gestationalAge: ga(lmp, first),
        gravidity,
        // Earlier births: at most one fewer than the pregnancies, this one included.
        parity: { vaginal: rng.int(0, gravidity - 1), caesarean: 0 },
        weightKg: weight,
        bp: { sbp: Math.round(rng.normal(112, 8)), dbp: Math.round(rng.normal(72, 6)) },
      },
      'normal',
    ),
  ];
  for (const [visit, from, to] of WINDOWS) {
    const on = addDays(lmp, rng.int(from, to));
    if (on > today || on <= first) continue;
    if (!rng.chance(0.88)) continue; // missed
    services.push(
      service(
        p.residentId,
        'maternal_prenatal_followup',
        on,
        {
          ...FOLLOW,
          visitNumber: visit,
          gestationalAge: ga(lmp, on),
          weightKg: weight + Math.round(daysBetween(first, on) / 14),
          fundalHeightCm: Math.max(10, Math.round(daysBetween(lmp, on) / 7) - 2),
          bp: { sbp: Math.round(rng.normal(114, 8)), dbp: Math.round(rng.normal(72, 6)) },
        },
        'normal',
      ),
    );
  }
  // The forms' undefined fields (dueDate) are left out as JSON leaves them.
  return {
    enrolledOn: first,
    services: services.map((s) => ({
      ...s,
      form: JSON.parse(JSON.stringify(s.form)) as Record<string, unknown>,
    })),
  };
}

function delivered(
  p: MotherChildPatient,
  rng: Rng,
  today: string,
): { enrolledOn: string; services: SeedMcService[] } | null {
  const delivery = addDays(today, -rng.int(1, 50));
  const lmp = addDays(delivery, -rng.int(38 * 7, 40 * 7 + 3));
  const first = addDays(lmp, rng.int(9 * 7, 12 * 7));
  if (first < p.recordDate) return null;
  const discharge = addDays(delivery, rng.int(1, 4));
  const services: SeedMcService[] = [
    service(
      p.residentId,
      'maternal_first_prenatal',
      first,
      { ...FIRST, lmp, dueDate: undefined, gestationalAge: ga(lmp, first) },
      'normal',
    ),
    service(
      p.residentId,
      'maternal_outcome',
      delivery,
      {
        ...OUTCOME,
        date: delivery,
        gestationalAge: ga(lmp, delivery),
        babies: [
          { sex: rng.pick(['1', '2']), bornAlive: true, birthWeightG: Math.round(rng.normal(3300, 350)) },
        ],
      },
      'live_birth',
    ),
  ];
  const visit = addDays(discharge, rng.int(1, 9));
  if (visit <= today && rng.chance(0.8))
    services.push(
      service(
        p.residentId,
        'maternal_postpartum_visit',
        visit,
        { ...POSTPARTUM, deliveryDate: delivery, dischargeDate: discharge },
        'normal',
        'home',
      ),
    );
  return {
    enrolledOn: first,
    services: services.map((s) => ({
      ...s,
      form: JSON.parse(JSON.stringify(s.form)) as Record<string, unknown>,
    })),
  };
}

/** The doses a child was given up to today, by the schedule of the child's cohort. */
export function vaccinations(p: MotherChildPatient, rng: Rng, today: string): SeedMcService[] {
  const schedule = shippedScheduleFor(p.birthDate);
  if (!schedule) return [];
  const out: SeedMcService[] = [];
  const given: GivenDose[] = [];
  // A few families stop coming at some age; most keep to the schedule with a few days' delay.
  const stopAfter = rng.chance(0.06) ? rng.int(1, 24) : Infinity;
  const lateness = rng.chance(0.15) ? 20 : 3;
  let cursor = p.birthDate;
  for (let guard = 0; guard < 40; guard++) {
    const st = vaccinationStatus({ birthDate: p.birthDate, today: cursor, records: given, schedule });
    if (!st.next) break;
    const dose = st.doses.find((d) => d.doseId === st.next!.doseId)!;
    const on = addDays(st.next.date, dose.dueDate === p.birthDate ? 0 : rng.int(0, lateness));
    if (on > today || given.length >= stopAfter) break;
    const vaccine = schedule.vaccines.find((v) => v.code === dose.vaccine)!;
    const form = {
      vaccine: dose.vaccine,
      doseNumber: dose.doseNumber,
      lotNumber: `${on.slice(0, 4)}${String(rng.int(1, 99)).padStart(2, '0')}A`,
      manufacturer: '国药集团生物制品',
      site: vaccine.sites[0],
      route: vaccine.route,
      source: 'jkda',
      staffName: '接种护士',
    };
    given.push({ vaccine: dose.vaccine, doseNumber: dose.doseNumber, date: on });
    out.push(service(p.residentId, 'immunization_dose', on, form, dose.doseId));
    cursor = on;
  }
  return out;
}

export function generateMotherChild(
  p: MotherChildPatient,
  seed: number,
  today: string,
): { maternal: { enrolledOn: string } | null; services: SeedMcService[] } {
  const rng = new Rng(deriveSeed(seed, 'mother-child', p.residentId));
  const age = ageOn(p.birthDate, today);
  if (age < 7)
    return {
      maternal: null,
      services: [...vaccinations(p, rng, today), ...childChecks(p, rng.fork('checks'), today)],
    };
  if (p.sex !== '2' || age < 20 || age > 40) return { maternal: null, services: [] };
  const roll = rng.next();
  const story = roll < 0.035 ? pregnancy(p, rng, today) : roll < 0.042 ? delivered(p, rng, today) : null;
  return story
    ? { maternal: { enrolledOn: story.enrolledOn }, services: story.services }
    : { maternal: null, services: [] };
}
