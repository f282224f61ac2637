/**
 * Service history for the demo county (pure, deterministic): residents whose basic information lists
 * hypertension or diabetes are enrolled, and get quarterly follow-ups over the last years with realistic
 * values — most controlled, some uncontrolled (then a 2-week recheck), some late, some lost to follow-up —
 * classified and scheduled by the spec's own rules so worklists and charts are meaningful.
 */
import {
  addDays,
  classificationCode,
  expectedClassification,
  nextVisit,
  ageOn,
  type BasicInfo,
  type VisitClassification,
} from '@jkda/domain';
import { deriveSeed, Rng } from './random.ts';

export interface HistoryPatient {
  residentId: number;
  birthDate: string;
  recordDate: string;
  basicInfo: BasicInfo;
}

export interface SeedEnrolment {
  residentId: number;
  program: 'hypertension' | 'diabetes';
  diagnosisDate: string;
  enrolledOn: string;
}

export interface SeedFollowUp {
  residentId: number;
  type: 'hypertension_followup' | 'diabetes_followup';
  serviceDate: string;
  delivery: 'clinic' | 'home' | 'phone';
  sbp: number;
  dbp: number;
  fastingGlucose: number | null;
  classification: VisitClassification;
  nextVisitDate: string;
  nextAction: string;
  form: Record<string, unknown>;
}

const YEARS_OF_HISTORY = 3;

export function generateHistory(
  p: HistoryPatient,
  seed: number,
  today: string,
  years = YEARS_OF_HISTORY,
): { enrolments: SeedEnrolment[]; followUps: SeedFollowUp[] } {
  const enrolments: SeedEnrolment[] = [];
  const followUps: SeedFollowUp[] = [];
  for (const program of ['hypertension', 'diabetes'] as const) {
    const disease = p.basicInfo.diseases.find((d) => d.code === (program === 'hypertension' ? '2' : '3'));
    if (!disease) continue;
    const rng = new Rng(deriveSeed(seed, 'history', p.residentId, program));
    const diagnosisDate = disease.diagnosedAt ? `${disease.diagnosedAt}-01` : p.recordDate;
    const enrolledOn = diagnosisDate > p.recordDate ? diagnosisDate : p.recordDate;
    enrolments.push({ residentId: p.residentId, program, diagnosisDate, enrolledOn });
    // Patient profile: how well controlled, how regular, lost to follow-up at some point, or simply late
    // for the current visit (so every village doctor's worklist has overdue patients).
    const control = rng.next(); // < 0.6 mostly controlled
    const lostAfter = rng.chance(0.08)
      ? rng.int(90, 700)
      : rng.chance(0.14)
        ? rng.int(100, 125) // the last quarterly visit 100–125 days ago: 10–35 days overdue
        : null;
    // One body weight per patient, drifting by a few hundred grams between visits.
    let weight = Math.round(new Rng(deriveSeed(seed, 'weight', p.residentId)).normal(63, 8) * 2) / 2;
    const start = [enrolledOn, addDays(today, -365 * years)].sort()[1]!;
    let date = addDays(start, rng.int(0, 80));
    let previous: VisitClassification | null = null;
    const stopAt = lostAfter === null ? today : addDays(today, -lostAfter);
    while (date <= stopAt) {
      const age = ageOn(p.birthDate, date);
      const uncontrolledNow = rng.next() < (control < 0.6 ? 0.12 : control < 0.85 ? 0.4 : 0.7);
      const sbp = Math.round(uncontrolledNow ? rng.normal(152, 9) : rng.normal(128, 7));
      const dbp = Math.min(sbp - 25, Math.round(uncontrolledNow ? rng.normal(94, 6) : rng.normal(80, 5)));
      const glucose =
        program === 'diabetes'
          ? Math.round((uncontrolledNow ? rng.normal(8.6, 1.2) : rng.normal(6.2, 0.5)) * 10) / 10
          : null;
      const cls =
        expectedClassification({
          program,
          age,
          sbp,
          dbp,
          fastingGlucose: glucose,
          adverseReaction: false,
          complication: false,
        }) ?? 'controlled';
      const plan = nextVisit({ visitDate: date, classification: cls, previousClassification: previous });
      const delivery = rng.chance(0.55) ? 'clinic' : rng.chance(0.85) ? 'home' : 'phone';
      const form: Record<string, unknown> = {
        symptoms: { codes: ['1'] },
        sbp,
        dbp,
        weightKg: weight,
        heartRate: Math.round(rng.normal(76, 7)),
        lifestyle: { psychology: '1', compliance: rng.chance(0.8) ? '1' : '2' },
        medicationAdherence: rng.chance(0.75) ? '1' : '2',
        adverseReaction: { has: false },
        complication: false,
        classification: classificationCode(cls),
        emergencyFlags: [],
        medications: [
          {
            name: program === 'hypertension' ? '硝苯地平缓释片' : '二甲双胍',
            timesPerDay: program === 'hypertension' ? 1 : 2,
            dose: program === 'hypertension' ? '20mg' : '0.5g',
          },
        ],
        medicationAdjustments: [],
        ...(program === 'diabetes'
          ? { fastingGlucose: glucose }
          : { saltIntake: rng.chance(0.6) ? '2' : '1' }),
      };
      followUps.push({
        residentId: p.residentId,
        type: `${program}_followup`,
        serviceDate: date,
        delivery,
        sbp,
        dbp,
        fastingGlucose: glucose,
        classification: cls,
        nextVisitDate: plan.dueDate,
        nextAction: plan.action,
        form,
      });
      previous = cls;
      weight = Math.round((weight + rng.normal(0, 0.6)) * 2) / 2;
      // Most visits happen before the due date; some are late.
      const lateDays = rng.chance(0.15) ? rng.int(5, 40) : -rng.int(0, 10);
      date = addDays(plan.dueDate, lateDays);
    }
  }
  return { enrolments, followUps };
}
