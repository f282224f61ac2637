/**
 * Deterministic generator of a synthetic rural Anhui county: villages, households and residents with
 * their personal basic information (个人基本信息表). Pure code: no I/O, no clock except the default
 * `today`, no Math.random. The same inputs and seed give the same output, byte for byte.
 *
 * Sources and assumptions (figures are rounded; the aim is plausibility, not statistics):
 * - Cohort sizes: national births per year (NBS statistical yearbooks: ≈20M/year in the 1950s, the
 *   1959-61 famine trough, ≈25-29M in 1962-1975, ≈24M echo in 1986-1990, ≈16M in 2000-2015, the
 *   2016-17 two-child bump, ≈9M from 2022), times an approximate life-table survival to each age.
 * - Who lives in the village: 7th census (2020) rural figures (rural China 65+ ≈ 17.7%, Anhui rural
 *   higher and ageing since), projected to the mid-2020s; working ages 20-40 largely migrate, leaving
 *   elderly couples, widows living alone and "left-behind" children with grandparents. Household
 *   types and their weights below are assumptions tuned so that a run gives 65+ ≈ 22-23%, 0-6 ≈ 5.7%,
 *   sex ratio ≈ 1.0 and about 2.55 residents per household (Anhui 2020 census: 2.62 per household;
 *   households as lived in, without migrant members, are smaller).
 * - Chronic disease shares are of *registered* patients (管理的高血压/2型糖尿病患者), which in county
 *   public health reports run at about 8-10% (hypertension) and 2.5-3.5% (diabetes) of residents;
 *   severe mental disorders ≈ 0.4% (the national management target base), TB ≈ 0.05%. Chronic
 *   diseases are diagnosed after age 30 (mostly within the last 25 years); severe mental disorder and
 *   hepatitis after 18, TB within the last two years.
 * - Tags: 'poverty' for ≈ 8% of households (more among elderly and single households); 'pregnant' for
 *   ≈ 1% of women 20-40 as asked for (a true point prevalence would be several times higher, ≈5-7%).
 * - Phones: ≈ 86% of adults; personal phones by age (95% under 60, 26% at 80+), elderly without one
 *   often share a household member's; minors have none (their basicInfo.contactPhone is a parent's).
 * - Disability ≈ 4% of residents, types roughly as in the 2006 second national disability sample
 *   survey (physical > hearing > visual > mental ≈ intellectual > speech).
 * - Names: see names.ts. ID numbers: GB 11643 with the county as area code; the 3-digit sequence of
 *   each (birth date, sex) comes from a counter through a seeded bijection, so numbers are unique
 *   within a run without storing them. Phone numbers are unique the same way (per prefix).
 */
import type { BasicInfo } from '@jkda/domain';
import { idCheckDigit } from '@jkda/domain';
import { Rng, Weighted, deriveSeed, mix32, weighted } from './random.ts';
import { countyToday } from '../../platform/today.ts';
import {
  CHINESE_NUMERALS,
  COMMUNITY_NAMES,
  DIRECTION_PREFIXES,
  GIVEN_NAMES,
  HEREDITARY_NAMES,
  NATURE_PREFIXES,
  NUMERAL_PREFIXES,
  OTHER_ALLERGY_NOTES,
  OTHER_DISEASE_NOTES,
  OUTSIDE_PLACES,
  PLACE_FEATURES,
  STREET_NAMES,
  SURGERY_NAMES,
  SURNAME_WEIGHTS,
  TRANSFUSION_NAMES,
  TRAUMA_NAMES,
  TUMOUR_NOTES,
  WHOLE_VILLAGE_NAMES,
  nameEra,
  type GivenNamePool,
  type NameEra,
} from './names.ts';

// ---- Public API --------------------------------------------------------------------------------

export interface TownshipInput {
  /** 9 digits. */
  code: string;
  name: string;
}

export interface GeneratedVillage {
  /** 12 digits: township code + 3-digit segment (001-199 residents' committees, 200-399 villagers'). */
  code: string;
  name: string;
  townshipCode: string;
  /** Township name, for addresses (filled by generateVillages). */
  townshipName: string;
}

export type RelationToHead = '02' | '10' | '20' | '30' | '40' | '50' | '60' | '70' | '80';

export interface GeneratedResident {
  name: string;
  sex: '1' | '2';
  /** YYYY-MM-DD */
  birthDate: string;
  idType: '01';
  /** Valid 18-digit ID number; area code = county code. */
  idNumber: string;
  phone?: string;
  currentAddress: string;
  registeredAddress: string;
  relationToHead: RelationToHead;
  manualTags: ('pregnant' | 'poverty')[];
  /** 建档日期, YYYY-MM-DD */
  recordDate: string;
  basicInfo: BasicInfo;
}

export interface GeneratedHousehold {
  villageCode: string;
  address: string;
  /** members[0] is the head (relation '02'). */
  members: GeneratedResident[];
}

export interface GenerateHouseholdsParams {
  /** 6-digit county code (the ID numbers' area code). */
  countyCode: string;
  /** County name for addresses, e.g. 金寨县. */
  countyName: string;
  villages: readonly GeneratedVillage[];
  /** Exact number of residents to generate. */
  residents: number;
  seed: number;
  /** YYYY-MM-DD; defaults to the current UTC date. Pass it for reproducible output. */
  today?: string;
}

// ---- Dates -------------------------------------------------------------------------------------

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function parseDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`invalid date: ${s}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const days = daysFromCivil(y, mo, d);
  if (formatDay(days) !== s) throw new RangeError(`invalid date: ${s}`);
  return days;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Month index (year * 12 + month - 1) of a day number. */
function monthIndexOf(days: number): number {
  const [y, m] = civilFromDays(days);
  return y * 12 + m - 1;
}

function formatMonthIndex(mi: number): string {
  return `${Math.floor(mi / 12)}-${pad2((mi % 12) + 1)}`;
}

// ---- Villages ----------------------------------------------------------------------------------

const SURNAMES = new Weighted(SURNAME_WEIGHTS);
const FEATURES = [...PLACE_FEATURES];
const NATURE = [...NATURE_PREFIXES];
const NUMERALS = [...NUMERAL_PREFIXES];
const DIRECTIONS = [...DIRECTION_PREFIXES];
const WHOLE_VILLAGES = WHOLE_VILLAGE_NAMES.split(' ');
const STREETS = STREET_NAMES.split(' ');
const COMMUNITIES = COMMUNITY_NAMES.split(' ');

/** A natural-village style place name of two characters: 王湾, 桃园, 双河, 东岗, 新华 ... */
function placeName(rng: Rng, wholeShare: number): string {
  const r = rng.next();
  if (r < wholeShare) return rng.pick(WHOLE_VILLAGES);
  const rest = (r - wholeShare) / (1 - wholeShare);
  if (rest < 0.55) return SURNAMES.sample(rng) + rng.pick(FEATURES);
  if (rest < 0.75) return rng.pick(NATURE) + rng.pick(FEATURES);
  if (rest < 0.88) return rng.pick(NUMERALS) + rng.pick(FEATURES);
  return rng.pick(DIRECTIONS) + rng.pick(FEATURES);
}

function townshipStem(name: string): string {
  const stem = name.replace(/(街道办事处|街道|镇|乡)$/, '');
  return stem.length > 0 ? stem : name;
}

/**
 * Villages (村民委员会, codes 201..) and residents' committees (社区, codes 001..) for each township:
 * towns (镇) get one to three 社区 at the seat, townships (乡) at most one, 街道 mostly 社区.
 */
export function generateVillages(
  townships: TownshipInput[],
  seed: number,
  opts: { perTownship?: [min: number, max: number] } = {},
): GeneratedVillage[] {
  const [min, max] = opts.perTownship ?? [8, 18];
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && max <= 199))
    throw new RangeError('generateVillages: perTownship must be integers with 1 <= min <= max <= 199');
  const out: GeneratedVillage[] = [];
  const seenTownships = new Set<string>();
  for (const t of townships) {
    if (!/^\d{9}$/.test(t.code))
      throw new RangeError(`generateVillages: township code ${t.code} is not 9 digits`);
    if (seenTownships.has(t.code)) throw new RangeError(`generateVillages: duplicate township ${t.code}`);
    seenTownships.add(t.code);
    const rng = new Rng(deriveSeed(seed, 'villages', t.code));
    const count = rng.int(min, max);
    const isStreet = /街道(办事处)?$/.test(t.name);
    const isTown = t.name.endsWith('镇');
    let communities = isStreet ? rng.int(3, 6) : isTown ? rng.int(1, 3) : rng.chance(0.3) ? 1 : 0;
    communities = Math.min(communities, count - (isStreet ? 0 : 1), 199);
    communities = Math.max(communities, 0);
    const villages = Math.min(count - communities, 199);
    const stem = townshipStem(t.name);
    const used = new Set<string>();
    const unique = (make: () => string): string => {
      for (let i = 0; i < 50; i++) {
        const n = make();
        if (!used.has(n)) {
          used.add(n);
          return n;
        }
      }
      // Practically unreachable: number the name (新华一村, 新华二村 ...).
      const base = make();
      for (let k = 0; ; k++) {
        const n = base.replace(/(社区|村)$/, `${CHINESE_NUMERALS[k % 30]}${k >= 30 ? k : ''}$1`);
        if (!used.has(n)) {
          used.add(n);
          return n;
        }
      }
    };
    for (let i = 0; i < communities; i++) {
      const name = unique(() => (i === 0 ? `${stem}社区` : `${rng.pick(COMMUNITIES)}社区`));
      out.push({
        code: `${t.code}${String(i + 1).padStart(3, '0')}`,
        name,
        townshipCode: t.code,
        townshipName: t.name,
      });
    }
    for (let i = 0; i < villages; i++) {
      const name = unique(() => `${placeName(rng, 0.3)}村`);
      out.push({ code: `${t.code}${String(201 + i)}`, name, townshipCode: t.code, townshipName: t.name });
    }
  }
  return out;
}

// ---- Population model --------------------------------------------------------------------------

/** National births (millions) per year from 1949 to 2025; NBS yearbook figures, rounded. */
// prettier-ignore
const BIRTHS: readonly number[] = [
  17,
  20, 21, 21, 21, 22, 20, 20, 21, 19, 16.5,
  13.9, 11.9, 24.6, 29.3, 27.3, 27.1, 25.8, 25.5, 27.6, 27.1,
  27.4, 25.7, 25.5, 24.6, 22.3, 21.0, 18.5, 17.9, 17.5, 17.3,
  17.8, 20.7, 22.3, 20.5, 20.5, 22.0, 23.8, 25.2, 24.6, 24.1,
  23.9, 22.6, 21.2, 21.3, 21.0, 20.6, 20.7, 20.4, 19.4, 18.3,
  17.7, 17.0, 16.5, 16.0, 16.0, 16.2, 15.9, 15.9, 16.1, 15.9,
  15.9, 16.0, 16.4, 16.4, 16.9, 16.6, 17.9, 17.2, 15.2, 14.7,
  12.0, 10.6, 9.6, 9.0, 9.5, 8.5,
];

function birthsIn(year: number): number {
  if (year < 1949) return 16;
  return BIRTHS[year - 1949] ?? 8.5;
}

/** [age, value] pairs, from a flat list a0, v0, a1, v1 ... */
type Band = readonly (readonly [number, number])[];
function band(flat: readonly number[]): Band {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

/** Approximate share of a birth cohort alive at each age (China life tables around 2020, rounded). */
const SURVIVAL: Band = band([
  0, 1, 40, 0.98, 50, 0.96, 60, 0.92, 65, 0.88, 70, 0.82, 75, 0.72, 80, 0.58, 85, 0.4, 90, 0.21, 95, 0.07,
  100, 0.015, 105, 0.002,
]);

function survival(age: number): number {
  for (let i = 1; i < SURVIVAL.length; i++) {
    const [a1, s1] = SURVIVAL[i]!;
    if (age <= a1) {
      const [a0, s0] = SURVIVAL[i - 1]!;
      return s0 + ((s1 - s0) * (age - a0)) / (a1 - a0);
    }
  }
  return 0;
}

const MAX_AGE = 104;

type Sex = '1' | '2';
type Marital = '1' | '2' | '3' | '4' | '5';

/** A household member before names, dates and the form are filled in. */
interface Draft {
  rel: RelationToHead;
  sex: Sex;
  age: number;
  surname: string;
  marital: Marital;
  /** Indices of this member's father and mother within the household, if they live in it. */
  father?: number;
  mother?: number;
  /** A generation character (字辈) shared by brothers. */
  generationChar?: string;
  /** Parent who is away (for grandchildren left with grandparents): used as contact. */
  awayParent?: boolean;
}

type HouseholdKind = 'elderSingle' | 'elderCouple' | 'midCouple' | 'threeGen' | 'nuclear' | 'single';

/** Household types and weights (assumptions; see the header). */
const HOUSEHOLD_KINDS = weighted<HouseholdKind>({
  elderSingle: 12,
  elderCouple: 14,
  midCouple: 12,
  threeGen: 25,
  nuclear: 27,
  single: 9,
});

const POVERTY_FACTOR: Record<HouseholdKind, number> = {
  elderSingle: 1.7,
  elderCouple: 1.2,
  midCouple: 0.6,
  threeGen: 0.9,
  nuclear: 0.6,
  single: 1.3,
};

// ---- Form distributions -----------------------------------------------------------------------

type Edu = BasicInfo['education'];
type Occ = BasicInfo['occupation'];

const EDU_BY_AGE: readonly (readonly [number, Weighted<Edu>])[] = [
  [6, weighted<Edu>({ '10': 1 })],
  [12, weighted<Edu>({ '8': 1 })],
  [15, weighted<Edu>({ '7': 1 })],
  [18, weighted<Edu>({ '7': 35, '6': 45, '4': 12, '5': 8 })],
  [22, weighted<Edu>({ '7': 30, '6': 30, '4': 10, '5': 5, '3': 15, '2': 10 })],
  [34, weighted<Edu>({ '8': 5, '7': 42, '6': 18, '4': 7, '5': 4, '3': 14, '2': 9, '1': 1 })],
  [44, weighted<Edu>({ '9': 2, '8': 15, '7': 55, '6': 14, '4': 5, '5': 2, '3': 5, '2': 2 })],
  [54, weighted<Edu>({ '9': 5, '8': 28, '7': 50, '6': 12, '4': 3, '3': 2 })],
  [64, weighted<Edu>({ '9': 14, '8': 42, '7': 31, '6': 9, '4': 2, '10': 2 })],
  [74, weighted<Edu>({ '9': 32, '8': 44, '7': 17, '6': 5, '10': 2 })],
  [200, weighted<Edu>({ '9': 57, '8': 33, '7': 7, '6': 1, '10': 2 })],
];

const OCC_WORKING = weighted<Occ>({
  '4': 62,
  '5': 10,
  '3': 10,
  '7': 6,
  '1': 4,
  '2': 2.5,
  '0': 0.5,
  '6': 0.2,
  '8': 5,
});
const OCC_EDUCATED = weighted<Occ>({
  '4': 20,
  '5': 10,
  '3': 20,
  '7': 8,
  '1': 22,
  '2': 12,
  '0': 3,
  '6': 1,
  '8': 4,
});
const OCC_YOUNG_WORKER = weighted<Occ>({ '4': 30, '5': 30, '3': 28, '7': 12 });
const OCC_60 = weighted<Occ>({ '4': 64, '8': 34, '3': 2 });
const OCC_70 = weighted<Occ>({ '4': 35, '8': 65 });
const OCC_80 = weighted<Occ>({ '4': 5, '8': 95 });

/** Drug allergy: mostly none, a few penicillin; '2+3' is penicillin and sulfonamides. */
const DRUG_ALLERGY = weighted<string>({ '1': 965, '2': 20, '3': 4, '4': 3, '2+3': 1, '5': 7 });

/** Rh: mostly 不详 in rural records, else positive; Rh-negative ≈ 0.3% in Han Chinese. */
const RH_KNOWN_BLOOD = weighted<BasicInfo['rh']>({ '2': 697, '3': 300, '1': 3 });
const RH_UNKNOWN_BLOOD = weighted<BasicInfo['rh']>({ '3': 95, '2': 5 });

const BLOOD_KNOWN = weighted<BasicInfo['bloodType']>({ '1': 28, '2': 29, '3': 33, '4': 10 });

type DisabilityCode = BasicInfo['disability']['codes'][number];
const DISABILITY_TYPES = weighted<DisabilityCode>({ '5': 33, '3': 20, '2': 15, '7': 7, '6': 7, '4': 3 });

const PHONE_PREFIXES = new Weighted<string>([
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'].map((p) => [p, 6] as const),
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'].map((p) => [p, 4] as const),
  ...['173', '175', '176', '177', '178'].map((p) => [p, 2] as const),
  ...['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'].map((p) => [p, 3.5] as const),
  ...['191', '193', '195', '198', '199'].map((p) => [p, 1.5] as const),
]);

const ENV_KITCHEN = weighted<BasicInfo['environment']['kitchenExhaust']>({
  '4': 42,
  '3': 20,
  '2': 22,
  '1': 16,
});
const ENV_FUEL = weighted<BasicInfo['environment']['fuel']>({
  '5': 38,
  '1': 46,
  '3': 4,
  '4': 3,
  '2': 5,
  '6': 4,
});
const ENV_WATER = weighted<BasicInfo['environment']['drinkingWater']>({
  '1': 68,
  '3': 26,
  '2': 3,
  '5': 1.5,
  '4': 1,
  '6': 0.5,
});
const ENV_TOILET = weighted<BasicInfo['environment']['toilet']>({
  '1': 55,
  '2': 20,
  '3': 9,
  '5': 11,
  '4': 5,
});
const ENV_PEN = weighted<BasicInfo['environment']['livestockPen']>({ '1': 52, '2': 32, '4': 14, '3': 2 });
const ENV_FUEL_TOWN = weighted<BasicInfo['environment']['fuel']>({ '1': 70, '3': 20, '5': 6, '6': 4 });
const ENV_TOILET_TOWN = weighted<BasicInfo['environment']['toilet']>({ '1': 80, '3': 15, '2': 5 });

/** Rates by age band (registered patients for diseases): [max age, probability] pairs. */
const bandRate = (rates: Band, age: number): number => {
  for (const [max, p] of rates) if (age <= max) return p;
  return 0;
};
const HTN = band([29, 0, 34, 0.005, 44, 0.023, 54, 0.064, 64, 0.135, 74, 0.21, 200, 0.24]);
const DM = band([29, 0, 44, 0.006, 54, 0.026, 64, 0.052, 74, 0.07, 200, 0.06]);
const CHD = band([44, 0, 54, 0.005, 64, 0.015, 74, 0.035, 200, 0.05]);
const COPD = band([44, 0, 54, 0.004, 64, 0.012, 74, 0.03, 200, 0.045]);
const STROKE = band([44, 0, 54, 0.005, 64, 0.015, 74, 0.035, 200, 0.05]);
const TUMOUR = band([39, 0, 54, 0.002, 64, 0.005, 200, 0.008]);
const OTHER_DISEASE = band([39, 0, 59, 0.02, 200, 0.04]);
const DISABILITY = band([17, 0.007, 44, 0.017, 59, 0.03, 69, 0.052, 79, 0.08, 200, 0.13]);
const SURGERY = band([17, 0.003, 44, 0.03, 64, 0.06, 200, 0.1]);
/** Own mobile phone by age (adults); elderly without one may share a household member's. */
const OWN_PHONE = band([17, 0, 59, 0.95, 69, 0.84, 79, 0.58, 200, 0.26]);

// ---- Names -------------------------------------------------------------------------------------

interface SplitPool {
  singleShare: number;
  single: string[];
  whole: string[];
  first: string[];
  second: string[];
}

const split = (p: GivenNamePool): SplitPool => ({
  singleShare: p.singleShare,
  single: [...p.single],
  whole: p.whole.split(' '),
  first: [...p.first],
  second: [...p.second],
});

const POOLS = Object.fromEntries(
  Object.entries(GIVEN_NAMES).map(([era, v]) => [era, { m: split(v.m), f: split(v.f) }]),
) as Record<NameEra, { m: SplitPool; f: SplitPool }>;

function givenName(rng: Rng, birthYear: number, sex: Sex, generationChar?: string): string {
  const pool = POOLS[nameEra(birthYear)][sex === '1' ? 'm' : 'f'];
  if (generationChar) {
    let s = rng.pick(pool.second);
    if (s === generationChar) s = rng.pick(pool.second);
    return generationChar + s;
  }
  if (rng.chance(pool.singleShare)) return rng.pick(pool.single);
  if (rng.chance(0.55)) return rng.pick(pool.whole);
  const f = rng.pick(pool.first);
  let s = rng.pick(pool.second);
  if (s === f) s = rng.pick(pool.second);
  return f + s;
}

// ---- Per-run state -----------------------------------------------------------------------------

class RunState {
  readonly todayDay: number;
  readonly todayYear: number;
  readonly todayMonthIndex: number;
  readonly startDay = daysFromCivil(2010, 1, 1);
  /** Birth-day bounds for each age on `today`. */
  readonly birthLo: number[] = [];
  readonly birthHi: number[] = [];
  readonly ageWeight: number[] = [];
  private readonly ageTables = new Map<number, Weighted<number>>();
  private readonly idCounters = new Map<number, number>();
  private readonly phoneCounters = new Map<string, number>();
  private readonly outsidePlaces: string[];

  constructor(
    readonly seed: number,
    readonly countyCode: string,
    readonly countyName: string,
    today: string,
  ) {
    this.todayDay = parseDay(today);
    const [ty, tm, td] = civilFromDays(this.todayDay);
    this.todayYear = ty;
    this.todayMonthIndex = ty * 12 + tm - 1;
    const onYear = (y: number) => daysFromCivil(y, tm, tm === 2 && td === 29 && !isLeap(y) ? 28 : td);
    for (let a = 0; a <= MAX_AGE; a++) {
      this.birthHi.push(onYear(ty - a));
      this.birthLo.push(onYear(ty - a - 1) + 1);
      this.ageWeight.push(birthsIn(ty - a) * survival(a));
    }
    this.outsidePlaces = OUTSIDE_PLACES.filter((p) => !p.endsWith(countyName));
  }

  /** An age in [lo, hi], weighted by cohort size and survival. */
  age(rng: Rng, lo: number, hi: number): number {
    const l = Math.max(0, Math.min(lo, MAX_AGE));
    const h = Math.max(l, Math.min(hi, MAX_AGE));
    const key = l * 1000 + h;
    let table = this.ageTables.get(key);
    if (!table) {
      const entries: [number, number][] = [];
      for (let a = l; a <= h; a++) entries.push([a, this.ageWeight[a]!]);
      table = new Weighted(entries);
      this.ageTables.set(key, table);
    }
    return table.sample(rng);
  }

  birthDay(rng: Rng, age: number): number {
    const lo = this.birthLo[age]!;
    const hi = this.birthHi[age]!;
    return lo + Math.floor(rng.next() * (hi - lo + 1));
  }

  /**
   * A unique ID number. The sequence for the k-th person of a (birth date, sex) is
   * 2 * ((a * k + b) mod 500) + (male ? 1 : 0) with a, b seeded per date, a coprime to 500.
   * Returns the birth day actually used: if a date's 500 numbers are used up, a neighbouring date
   * of the same age is taken.
   */
  idNumber(birthDay: number, age: number, sex: Sex): [id: string, birthDay: number] {
    const lo = this.birthLo[age]!;
    const hi = this.birthHi[age]!;
    for (let step = 0; step <= hi - lo; step++) {
      const day = lo + ((birthDay - lo + step) % (hi - lo + 1));
      const key = day * 2 + (sex === '1' ? 1 : 0);
      const k = this.idCounters.get(key) ?? 0;
      if (k >= 500) continue;
      this.idCounters.set(key, k + 1);
      const h = mix32(deriveSeed(this.seed, 'id', key));
      let a = (h % 499) + 1;
      while (a % 2 === 0 || a % 5 === 0) a++;
      const b = (h >>> 16) % 500;
      const seq = 2 * ((a * k + b) % 500) + (sex === '1' ? 1 : 0);
      const [y, m, d] = civilFromDays(day);
      const first17 = `${this.countyCode}${y}${pad2(m)}${pad2(d)}${String(seq).padStart(3, '0')}`;
      return [first17 + idCheckDigit(first17), day];
    }
    throw new RangeError('ID numbers exhausted for an age; too many residents for one county');
  }

  /** A mobile number not handed out before in this run: prefix + a seeded bijection of a counter. */
  phone(rng: Rng): string {
    const prefix = PHONE_PREFIXES.sample(rng);
    const k = this.phoneCounters.get(prefix) ?? 0;
    this.phoneCounters.set(prefix, k + 1);
    const h = deriveSeed(this.seed, 'phone', prefix);
    const M = 100_000_000;
    let a = (mix32(h) % (M - 1)) + 1;
    while (a % 2 === 0 || a % 5 === 0) a++;
    const b = mix32(h ^ 0x5bd1e995) % M;
    // (a * k + b) mod M without exceeding 2^53.
    const ah = Math.floor(a / 10_000);
    const al = a % 10_000;
    const ak = (((((ah * k) % M) * 10_000) % M) + al * k) % M;
    const n = (ak + b) % M;
    return prefix + String(n).padStart(8, '0');
  }

  outsidePlace(rng: Rng): string {
    return rng.pick(this.outsidePlaces);
  }
}

// ---- Households ---------------------------------------------------------------------------------

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** A wife's age for a husband's age (wives about 2.5 years younger). */
function wifeAge(rng: Rng, husband: number): number {
  const w = Math.round(husband - rng.normal(2.5, 2.5));
  return w >= 20 ? Math.min(w, MAX_AGE) : 20 + rng.int(0, 2);
}

function husbandAge(rng: Rng, wife: number): number {
  return clamp(Math.round(wife + rng.normal(2.5, 2.5)), 22, MAX_AGE);
}

function childSex(rng: Rng, age: number, todayYear: number): Sex {
  const y = todayYear - age;
  const pMale = y >= 1990 && y < 2016 ? 0.535 : y >= 2016 ? 0.52 : 0.51;
  return rng.chance(pMale) ? '1' : '2';
}

/**
 * Ages of a mother's children (oldest first): first birth at about 25, then gaps of 2-6 years.
 * Ages below zero are dropped, and minors are kept in proportion to their cohort's size (births fell
 * from about 17M a year in 2016 to about 9M), which gives the shrinking base of the pyramid.
 */
function childAges(rng: Rng, st: RunState, motherAge: number, count: number): number[] {
  const ages: number[] = [];
  let a = motherAge - clamp(Math.round(rng.normal(25, 3)), 19, 38);
  for (let i = 0; i < count && a >= 0; i++) {
    if (a >= 18 || rng.chance(Math.min(1, (birthsIn(st.todayYear - a) / 16.5) ** 1.5))) ages.push(a);
    a -= rng.int(2, 6);
  }
  return ages;
}

function addChildren(
  rng: Rng,
  st: RunState,
  members: Draft[],
  ages: number[],
  opts: {
    rel: '20' | '40';
    surname: string;
    father?: number;
    mother?: number;
    maxAdultAge: number;
    adultChance: number;
  },
): void {
  const brothersChar = rng.chance(0.35)
    ? rng.pick(POOLS[nameEra(st.todayYear - (ages[0] ?? 0))].m.first)
    : undefined;
  for (const age of ages) {
    if (age >= 18 && (age > opts.maxAdultAge || !rng.chance(age < 20 ? 0.6 : opts.adultChance))) continue;
    const sex = childSex(rng, age, st.todayYear);
    const rel: RelationToHead = opts.rel === '40' ? '40' : sex === '1' ? '20' : '30';
    const d: Draft = { rel, sex, age, surname: opts.surname, marital: '1' };
    if (opts.father !== undefined) d.father = opts.father;
    if (opts.mother !== undefined) d.mother = opts.mother;
    if (sex === '1' && brothersChar) d.generationChar = brothersChar;
    members.push(d);
  }
}

/**
 * The head's parents living with the head ('50'): each is alive with the life-table probability for
 * their age (men somewhat less), and lives with the head with probability pFather / pMother.
 */
function addParents(rng: Rng, members: Draft[], headAge: number, pFather: number, pMother: number): void {
  const motherAge = headAge + clamp(Math.round(rng.normal(26, 3)), 19, 38);
  if (motherAge > MAX_AGE) return;
  const fatherAge = Math.max(husbandAge(rng, motherAge), headAge + 20);
  const hasFather = rng.chance(pFather) && fatherAge <= MAX_AGE && rng.chance(survival(fatherAge) * 0.8);
  const hasMother = rng.chance(pMother) && rng.chance(survival(motherAge));
  const both = hasMother && hasFather;
  if (hasFather)
    members.push({
      rel: '50',
      sex: '1',
      age: fatherAge,
      surname: members[0]!.surname,
      marital: both ? '2' : rng.chance(0.85) ? '3' : '2',
    });
  if (hasMother)
    members.push({
      rel: '50',
      sex: '2',
      age: motherAge,
      surname: SURNAMES.sample(rng),
      marital: both ? '2' : rng.chance(0.88) ? '3' : '2',
    });
}

/**
 * Marital status of adults living without a spouse: elderly mostly widowed; working-age men often never
 * married (the rural bachelor surplus), women more often divorced. '2' = married, spouse away.
 */
const ELDER_ALONE_MAN = weighted<Marital>({ '3': 72, '1': 12, '4': 8, '2': 8 });
const ELDER_ALONE_WOMAN = weighted<Marital>({ '3': 90, '4': 4, '1': 2, '2': 4 });
const SINGLE_MAN_YOUNG = weighted<Marital>({ '1': 62, '4': 28, '3': 5, '2': 5 });
const SINGLE_MAN_OLDER = weighted<Marital>({ '1': 42, '4': 28, '3': 18, '2': 12 });
const SINGLE_WOMAN_YOUNG = weighted<Marital>({ '1': 35, '4': 45, '3': 10, '2': 10 });
const SINGLE_WOMAN_OLDER = weighted<Marital>({ '1': 10, '4': 35, '3': 40, '2': 15 });

function singleMarital(rng: Rng, age: number, sex: Sex): Marital {
  if (age < 22) return '1';
  if (sex === '1') return (age < 45 ? SINGLE_MAN_YOUNG : SINGLE_MAN_OLDER).sample(rng);
  return (age < 45 ? SINGLE_WOMAN_YOUNG : SINGLE_WOMAN_OLDER).sample(rng);
}

function buildHousehold(rng: Rng, st: RunState, kind: HouseholdKind, family: string): Draft[] {
  const members: Draft[] = [];
  switch (kind) {
    case 'elderSingle': {
      const sex: Sex = rng.chance(0.62) ? '2' : '1';
      const age = st.age(rng, 62, MAX_AGE);
      const marital = (sex === '1' ? ELDER_ALONE_MAN : ELDER_ALONE_WOMAN).sample(rng);
      members.push({ rel: '02', sex, age, surname: family, marital });
      break;
    }
    case 'elderCouple': {
      const h = st.age(rng, 60, 95);
      members.push({ rel: '02', sex: '1', age: h, surname: family, marital: '2' });
      const w = wifeAge(rng, h);
      members.push({ rel: '10', sex: '2', age: w, surname: SURNAMES.sample(rng), marital: '2' });
      if (rng.chance(0.05)) {
        // An unmarried adult child who stayed (often with a disability).
        const a = clamp(w - rng.int(22, 34), 18, 70);
        const sex: Sex = rng.chance(0.7) ? '1' : '2';
        members.push({
          rel: sex === '1' ? '20' : '30',
          sex,
          age: a,
          surname: family,
          marital: singleMarital(rng, a, sex),
          father: 0,
          mother: 1,
        });
      }
      if (h <= 68 && rng.chance(0.06)) addParents(rng, members, h, 0.2, 0.9);
      break;
    }
    case 'midCouple': {
      const h = st.age(rng, 42, 64);
      members.push({ rel: '02', sex: '1', age: h, surname: family, marital: '2' });
      if (rng.chance(0.93))
        members.push({
          rel: '10',
          sex: '2',
          age: wifeAge(rng, h),
          surname: SURNAMES.sample(rng),
          marital: '2',
        });
      if (rng.chance(0.3)) addParents(rng, members, h, 0.45, 0.9);
      if (rng.chance(0.02)) {
        const a = clamp(h + rng.int(-8, 8), 30, 80);
        members.push({ rel: '70', sex: '1', age: a, surname: family, marital: singleMarital(rng, a, '1') });
      }
      break;
    }
    case 'threeGen': {
      // Grandparents with grandchildren left behind by migrant parents; sometimes a parent is home.
      const grandpaAge = st.age(rng, 52, 84);
      const grandmaAge = Math.max(wifeAge(rng, grandpaAge), 46);
      const grandpa = rng.chance(0.86);
      const grandma = !grandpa || rng.chance(0.9);
      let gp = -1;
      let gm = -1;
      if (grandpa) {
        gp = members.length;
        members.push({ rel: '02', sex: '1', age: grandpaAge, surname: family, marital: grandma ? '2' : '3' });
      }
      if (grandma) {
        gm = members.length;
        members.push({
          rel: grandpa ? '10' : '02',
          sex: '2',
          age: grandmaAge,
          surname: SURNAMES.sample(rng),
          marital: grandpa ? '2' : '3',
        });
      }
      // Generations at least about 20 years apart: grandparents >= grandchildren + 38.
      const youngest =
        grandpa && grandma ? Math.min(grandpaAge, grandmaAge) : grandpa ? grandpaAge : grandmaAge;
      let sonAge = clamp(grandmaAge - clamp(Math.round(rng.normal(25, 3)), 20, 36), 23, youngest - 20);
      let dilAge = Math.min(wifeAge(rng, sonAge), youngest - 18);
      const n = rng.next();
      let ages = childAges(rng, st, dilAge, n < 0.35 ? 1 : n < 0.85 ? 2 : 3).filter(
        (a) => youngest - a >= 38,
      );
      if (ages.length === 0 || ages[ages.length - 1]! > 17) {
        // No minor grandchild from the drawn ages: draw one and make the parents fit it.
        const age = st.age(rng, 0, clamp(youngest - 40, 0, 12));
        ages = [age];
        dilAge = clamp(dilAge, age + 20, youngest - 18);
        sonAge = clamp(sonAge, age + 21, youngest - 19);
      }
      const sonHome = rng.chance(0.22);
      const dilHome = rng.chance(0.33);
      let son: number | undefined;
      let dil: number | undefined;
      if (sonHome) {
        son = members.length;
        members.push({ rel: '20', sex: '1', age: sonAge, surname: family, marital: '2' });
        if (gp >= 0) members[son]!.father = gp;
        if (gm >= 0) members[son]!.mother = gm;
      }
      if (dilHome) {
        dil = members.length;
        members.push({ rel: '30', sex: '2', age: dilAge, surname: SURNAMES.sample(rng), marital: '2' });
      }
      const before = members.length;
      addChildren(rng, st, members, ages, {
        rel: '40',
        surname: family,
        father: son,
        mother: dil,
        maxAdultAge: 22,
        adultChance: 0.4,
      });
      for (let i = before; i < members.length; i++)
        members[i]!.awayParent = son === undefined || dil === undefined;
      if (rng.chance(0.12)) {
        // A younger unmarried child of the head still at home.
        const a = grandmaAge - clamp(Math.round(rng.normal(30, 3)), 24, 40);
        if (a >= 14 && a <= 30) {
          const sex: Sex = rng.chance(0.6) ? '1' : '2';
          const d: Draft = {
            rel: sex === '1' ? '20' : '30',
            sex,
            age: a,
            surname: family,
            marital: singleMarital(rng, a, sex),
          };
          if (gp >= 0) d.father = gp;
          if (gm >= 0) d.mother = gm;
          members.push(d);
        }
      }
      if (grandpaAge <= 62 && rng.chance(0.08)) addParents(rng, members, members[0]!.age, 0.3, 0.9);
      if (rng.chance(0.015))
        members.push({
          rel: '80',
          sex: rng.chance(0.5) ? '1' : '2',
          age: rng.int(5, 16),
          surname: SURNAMES.sample(rng),
          marital: '1',
        });
      break;
    }
    case 'nuclear': {
      const h = st.age(rng, 24, 58);
      members.push({ rel: '02', sex: '1', age: h, surname: family, marital: '2' });
      const w = wifeAge(rng, h);
      let mother: number | undefined;
      if (rng.chance(0.9)) {
        mother = members.length;
        members.push({ rel: '10', sex: '2', age: w, surname: SURNAMES.sample(rng), marital: '2' });
      } else {
        members[0]!.marital = rng.chance(0.5) ? '4' : rng.chance(0.4) ? '3' : '2';
      }
      const n = rng.next();
      const ages = childAges(rng, st, w, n < 0.35 ? 1 : n < 0.85 ? 2 : 3);
      addChildren(rng, st, members, ages, {
        rel: '20',
        surname: family,
        father: 0,
        mother,
        maxAdultAge: 26,
        adultChance: 0.3,
      });
      // Elderly parents live with a middle-aged son; a younger head's parents would head the household.
      if (rng.chance(h >= 38 ? 0.4 : 0.08)) addParents(rng, members, h, 0.5, 0.85);
      if (h <= 36 && rng.chance(0.04)) {
        const a = clamp(h + rng.int(48, 60), 70, MAX_AGE);
        members.push({ rel: '60', sex: '2', age: a, surname: SURNAMES.sample(rng), marital: '3' });
      }
      if (rng.chance(0.02)) {
        const a = clamp(h + rng.int(-10, 10), 18, 70);
        const sex: Sex = rng.chance(0.7) ? '1' : '2';
        members.push({ rel: '70', sex, age: a, surname: family, marital: singleMarital(rng, a, sex) });
      }
      break;
    }
    case 'single': {
      const sex: Sex = rng.chance(0.78) ? '1' : '2';
      const age = st.age(rng, 28, 64);
      members.push({ rel: '02', sex, age, surname: family, marital: singleMarital(rng, age, sex) });
      if (rng.chance(0.4)) addParents(rng, members, age, 0.35, 0.9);
      break;
    }
  }
  // Households of 1-7 (the rare larger draw loses its last members: extra parents or relatives).
  if (members.length > 7) members.length = 7;
  return members;
}

// ---- Residents ---------------------------------------------------------------------------------

interface VillageState {
  village: GeneratedVillage;
  isCommunity: boolean;
  /** 村民小组 or street names, and the last house number used in each. */
  places: string[];
  numbers: number[];
  /** Big lineages of the village (a 王湾村 has many 王): they head about 40% of households. */
  lineages: Weighted<string>;
}

const SURNAME_SET = new Set(SURNAME_WEIGHTS.map(([s]) => s));

function villageState(st: RunState, v: GeneratedVillage): VillageState {
  const rng = new Rng(deriveSeed(st.seed, 'village-places', v.code));
  const isCommunity = Number(v.code.slice(9)) < 200;
  const places: string[] = [];
  if (isCommunity) {
    const n = rng.int(3, 6);
    const used = new Set<string>();
    while (places.length < n) {
      const s = rng.pick(STREETS);
      if (!used.has(s)) {
        used.add(s);
        places.push(s);
      }
    }
  } else {
    const n = rng.int(8, 24);
    if (rng.chance(0.35)) {
      for (let i = 0; i < n; i++) places.push(`${CHINESE_NUMERALS[i]}组`);
    } else {
      const used = new Set<string>();
      for (let tries = 0; places.length < n && tries < 500; tries++) {
        const s = placeName(rng, 0);
        if (!used.has(s)) {
          used.add(s);
          places.push(`${s}组`);
        }
      }
    }
  }
  const first = v.name.charAt(0);
  const lineages = new Weighted<string>([
    [SURNAME_SET.has(first) && !isCommunity ? first : SURNAMES.sample(rng), 5],
    [SURNAMES.sample(rng), 3],
    [SURNAMES.sample(rng), 2],
  ]);
  return { village: v, isCommunity, places, numbers: places.map(() => 0), lineages };
}

function householdAddress(rng: Rng, st: RunState, vs: VillageState): string {
  const i = rng.int(0, vs.places.length - 1);
  const no = vs.numbers[i]! + 1 + (rng.chance(0.25) ? rng.int(1, 3) : 0);
  vs.numbers[i] = no;
  const v = vs.village;
  return `${st.countyName}${v.townshipName}${v.name}${vs.places[i]}${no}号`;
}

function recordBaseDay(rng: Rng, st: RunState): number {
  const r = rng.next();
  const [ty] = civilFromDays(st.todayDay);
  let y: number;
  if (r < 0.32) y = 2010;
  else if (r < 0.52) y = 2011;
  else if (r < 0.64) y = 2012;
  else if (r < 0.82) y = rng.int(2013, 2016);
  else y = rng.int(2017, ty);
  const lo = Math.max(daysFromCivil(y, 1, 1), st.startDay);
  const hi = Math.min(daysFromCivil(y, 12, 31), st.todayDay);
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

function monthBetween(rng: Rng, lo: number, hi: number): string {
  return formatMonthIndex(lo >= hi ? hi : rng.int(lo, hi));
}

function pickDiseases(
  rng: Rng,
  st: RunState,
  age: number,
  sex: Sex,
  birthDay: number,
): BasicInfo['diseases'] {
  const out: BasicInfo['diseases'] = [];
  const birthMi = monthIndexOf(birthDay);
  const now = st.todayMonthIndex;
  // Chronic diseases: diagnosed after age 30 (and mostly in the last 25 years).
  const chronic = () => monthBetween(rng, Math.max(birthMi + 360, now - 300, birthMi + (age - 25) * 12), now);
  const male = sex === '1';
  if (rng.chance(bandRate(HTN, age))) out.push({ code: '2', diagnosedAt: chronic() });
  if (rng.chance(bandRate(DM, age))) out.push({ code: '3', diagnosedAt: chronic() });
  if (rng.chance(bandRate(CHD, age))) out.push({ code: '4', diagnosedAt: chronic() });
  if (rng.chance(bandRate(COPD, age) * (male ? 1.5 : 0.6))) out.push({ code: '5', diagnosedAt: chronic() });
  if (rng.chance(bandRate(TUMOUR, age))) {
    let note = rng.pick(TUMOUR_NOTES);
    if ((male && (note === '乳腺癌' || note === '宫颈癌')) || (!male && note === '宫颈癌' && age > 80))
      note = '肺癌';
    out.push({ code: '6', diagnosedAt: monthBetween(rng, Math.max(birthMi + 360, now - 96), now), note });
  }
  if (rng.chance(bandRate(STROKE, age) * (male ? 1.2 : 0.85)))
    out.push({ code: '7', diagnosedAt: chronic() });
  if (age >= 18 && age <= 75 && rng.chance(0.0055))
    out.push({ code: '8', diagnosedAt: monthBetween(rng, birthMi + 216, Math.min(birthMi + 480, now)) });
  if (age >= 15 && rng.chance(0.0006))
    out.push({ code: '9', diagnosedAt: monthBetween(rng, Math.max(birthMi + 180, now - 24), now) });
  if (age >= 18 && rng.chance(0.004))
    out.push({ code: '10', diagnosedAt: monthBetween(rng, birthMi + 216, now), note: '乙型肝炎' });
  if (rng.chance(bandRate(OTHER_DISEASE, age)))
    out.push({ code: '13', diagnosedAt: chronic(), note: rng.pick(OTHER_DISEASE_NOTES) });
  if (out.length === 0) out.push({ code: '1' });
  return out;
}

type EventHistory = BasicInfo['surgeries'];
const GENERAL_SURGERIES = SURGERY_NAMES.filter((s) => s !== '剖宫产术' && s !== '子宫肌瘤剔除术');
const GENERAL_TRANSFUSIONS = TRANSFUSION_NAMES.filter((s) => s !== '产后出血输血');
const NONE_EVENTS = (): EventHistory => ({ has: false, items: [] });

function eventHistory(
  rng: Rng,
  st: RunState,
  p: number,
  names: readonly string[],
  birthDay: number,
  minAge: number,
): EventHistory {
  if (!rng.chance(p)) return NONE_EVENTS();
  const n = rng.chance(0.12) ? 2 : 1;
  const items: EventHistory['items'] = [];
  const lo = Math.max(birthDay + minAge * 365, birthDay);
  for (let i = 0; i < n; i++) {
    const day = lo >= st.todayDay ? st.todayDay : rng.int(lo, st.todayDay);
    items.push({ name: rng.pick(names), date: formatDay(day) });
  }
  return { has: true, items };
}

type FamilyCodes = BasicInfo['familyHistory']['father'];
const NONE_FAMILY = (): FamilyCodes => ({ codes: ['1'] });
const FAMILY_RANDOM = weighted<FamilyCodes['codes'][number]>({
  '2': 50,
  '3': 15,
  '7': 15,
  '4': 8,
  '6': 8,
  '5': 4,
});

/** A family history entry: from relatives in the household if known, else at random. */
function familyEntry(rng: Rng, relative: BasicInfo | undefined, pRandom: number): FamilyCodes {
  const codes = new Set<FamilyCodes['codes'][number]>();
  if (relative) {
    for (const d of relative.diseases)
      if (
        (d.code === '2' || d.code === '3' || d.code === '4' || d.code === '7' || d.code === '5') &&
        rng.chance(0.75)
      )
        codes.add(d.code);
  } else if (rng.chance(pRandom)) {
    codes.add(FAMILY_RANDOM.sample(rng));
    if (rng.chance(0.2)) codes.add(FAMILY_RANDOM.sample(rng));
  }
  if (codes.size === 0) return NONE_FAMILY();
  return { codes: [...codes].sort((a, b) => Number(a) - Number(b)) };
}

function education(rng: Rng, age: number, sex: Sex): Edu {
  let edu: Edu = '10';
  for (const [max, table] of EDU_BY_AGE) {
    if (age <= max) {
      edu = table.sample(rng);
      break;
    }
  }
  // Older women had less schooling.
  if (sex === '2' && age >= 45 && rng.chance(age >= 65 ? 0.25 : 0.12)) {
    if (edu === '8') edu = '9';
    else if (edu === '7') edu = '8';
  }
  return edu;
}

function occupation(rng: Rng, age: number, edu: Edu): Occ {
  if (age < 16) return '8';
  if (age <= 22)
    return (edu === '6' || edu === '4' || edu === '3' || edu === '2') && rng.chance(0.6)
      ? '8'
      : OCC_YOUNG_WORKER.sample(rng);
  if (age < 60)
    return edu === '1' || edu === '2' || edu === '3' ? OCC_EDUCATED.sample(rng) : OCC_WORKING.sample(rng);
  if (age < 70) return OCC_60.sample(rng);
  if (age < 80) return OCC_70.sample(rng);
  return OCC_80.sample(rng);
}

interface HouseholdContext {
  poverty: boolean;
  ethnicity: BasicInfo['ethnicity'];
  environment: BasicInfo['environment'];
  recordBase: number;
  address: string;
}

interface Filled {
  draft: Draft;
  birthDay: number;
  name: string;
  idNumber: string;
  phone?: string;
  basic: BasicInfo;
  pregnant: boolean;
  recordDay: number;
  residenceType: '1' | '2';
}

function fillMember(rng: Rng, st: RunState, vs: VillageState, hh: HouseholdContext, d: Draft): Filled {
  const [id, birthDay] = st.idNumber(st.birthDay(rng, d.age), d.age, d.sex);
  const birthYear = civilFromDays(birthDay)[0];
  const name = d.surname + givenName(rng, birthYear, d.sex, d.generationChar);
  const age = d.age;
  const edu = education(rng, age, d.sex);
  const occ = occupation(rng, age, edu);
  const inMarried =
    d.rel === '10' || (d.rel === '30' && d.marital === '2') || (d.rel === '50' && d.sex === '2');
  const residenceType: '1' | '2' = rng.chance(inMarried && age < 50 ? 0.08 : 0.012) ? '2' : '1';
  const bloodUnknown = rng.chance(age >= 60 ? 0.6 : age >= 18 ? 0.42 : 0.35);
  const bloodType = bloodUnknown ? '5' : BLOOD_KNOWN.sample(rng);
  const rh = (bloodUnknown ? RH_UNKNOWN_BLOOD : RH_KNOWN_BLOOD).sample(rng);
  // Wives marry in from anywhere; everyone else shares the household's ethnicity.
  const ethnicity =
    d.rel === '10' || (d.rel === '30' && d.marital === '2')
      ? rng.chance(0.995)
        ? '01'
        : '03'
      : hh.ethnicity;

  let paymentMethods: BasicInfo['paymentMethods'];
  if (hh.poverty) paymentMethods = { codes: rng.chance(0.92) ? ['3', '4'] : ['3'] };
  else if ((occ === '0' || occ === '1' || occ === '2') && rng.chance(0.7)) paymentMethods = { codes: ['1'] };
  else {
    const r = rng.next();
    paymentMethods = {
      codes: r < 0.92 ? ['3'] : r < 0.96 ? ['3', '5'] : r < 0.985 ? [vs.isCommunity ? '2' : '3'] : ['7'],
    };
  }

  const allergy = DRUG_ALLERGY.sample(rng);
  const drugAllergy: BasicInfo['drugAllergy'] =
    allergy === '5' ? { codes: ['5'], other: rng.pick(OTHER_ALLERGY_NOTES) } : { codes: allergy.split('+') };
  const re = rng.next();
  const exposure: BasicInfo['exposure'] =
    re < 0.997 ? { codes: ['1'] } : re < 0.9992 ? { codes: ['2'] } : { codes: ['3'] };

  const diseases = pickDiseases(rng, st, age, d.sex, birthDay);
  const adultWoman = d.sex === '2' && age >= 22;
  const surgeries = eventHistory(
    rng,
    st,
    bandRate(SURGERY, age),
    adultWoman ? SURGERY_NAMES : GENERAL_SURGERIES,
    birthDay,
    adultWoman ? 20 : 1,
  );
  const traumas = eventHistory(rng, st, age >= 10 ? 0.02 : 0.004, TRAUMA_NAMES, birthDay, 3);
  const transfusions = eventHistory(
    rng,
    st,
    age >= 18 ? (surgeries.has || traumas.has ? 0.12 : 0.004) : 0.001,
    adultWoman ? TRANSFUSION_NAMES : GENERAL_TRANSFUSIONS,
    birthDay,
    adultWoman ? 20 : 1,
  );

  let disability: BasicInfo['disability'] = { codes: ['1'] };
  const mental = diseases.some((x) => x.code === '8');
  if (mental && rng.chance(0.5)) disability = { codes: ['7'] };
  else if (rng.chance(bandRate(DISABILITY, age))) {
    const first = DISABILITY_TYPES.sample(rng);
    const codes = new Set([first]);
    if (rng.chance(0.1)) codes.add(DISABILITY_TYPES.sample(rng));
    disability = { codes: [...codes].sort((a, b) => Number(a) - Number(b)) };
  }

  const hereditaryDisease: BasicInfo['hereditaryDisease'] = rng.chance(0.0005)
    ? { has: true, name: rng.pick(HEREDITARY_NAMES) }
    : { has: false };

  const basic: BasicInfo = {
    residenceType,
    ethnicity,
    bloodType,
    rh,
    education: edu,
    occupation: occ,
    maritalStatus: d.marital,
    paymentMethods,
    drugAllergy,
    exposure,
    diseases,
    surgeries,
    traumas,
    transfusions,
    familyHistory: {
      father: NONE_FAMILY(),
      mother: NONE_FAMILY(),
      siblings: NONE_FAMILY(),
      children: NONE_FAMILY(),
    },
    hereditaryDisease,
    disability,
    environment: { ...hh.environment },
  };
  const v = vs.village;
  if (occ === '1')
    basic.workUnit = rng.pick([`${v.townshipName}中心小学`, `${v.townshipName}卫生院`, `${v.name}卫生室`]);
  else if (occ === '2') basic.workUnit = `${v.name}${vs.isCommunity ? '居民委员会' : '村民委员会'}`;
  else if (occ === '0') basic.workUnit = `${v.townshipName}人民政府`;

  const pregnant =
    d.sex === '2' && age >= 20 && age <= 40 && (d.marital === '2' ? rng.chance(0.014) : rng.chance(0.001));
  let recordDay = Math.max(hh.recordBase, birthDay + rng.int(3, 60));
  if (recordDay > st.todayDay) recordDay = st.todayDay;
  return { draft: d, birthDay, name, idNumber: id, basic, pregnant, recordDay, residenceType };
}

function finishHousehold(
  rng: Rng,
  st: RunState,
  vs: VillageState,
  drafts: Draft[],
  poverty: boolean,
): GeneratedHousehold {
  const address = householdAddress(rng, st, vs);
  const town = vs.isCommunity;
  const environment: BasicInfo['environment'] = {
    kitchenExhaust: ENV_KITCHEN.sample(rng),
    fuel: (town ? ENV_FUEL_TOWN : ENV_FUEL).sample(rng),
    drinkingWater: town ? (rng.chance(0.97) ? '1' : '2') : ENV_WATER.sample(rng),
    toilet: (town ? ENV_TOILET_TOWN : ENV_TOILET).sample(rng),
    livestockPen: town ? (rng.chance(0.9) ? '1' : '4') : ENV_PEN.sample(rng),
  };
  const re = rng.next();
  const hh: HouseholdContext = {
    poverty,
    ethnicity: re < 0.995 ? '01' : re < 0.9985 ? '03' : re < 0.9993 ? '11' : '22',
    environment,
    recordBase: recordBaseDay(rng, st),
    address,
  };
  const filled = drafts.map((d) => fillMember(rng, st, vs, hh, d));

  // Family history from relatives in the household (children of the head, grandchildren ...).
  for (const f of filled) {
    const d = f.draft;
    const age = d.age;
    const fam = f.basic.familyHistory;
    fam.father = familyEntry(
      rng,
      d.father !== undefined ? filled[d.father]?.basic : undefined,
      age >= 30 ? 0.1 : 0.03,
    );
    fam.mother = familyEntry(
      rng,
      d.mother !== undefined ? filled[d.mother]?.basic : undefined,
      age >= 30 ? 0.09 : 0.03,
    );
    fam.siblings = familyEntry(rng, undefined, age >= 40 ? 0.04 : 0.005);
    fam.children = familyEntry(rng, undefined, age >= 50 ? 0.01 : 0);
  }

  // Phones: adults mostly have their own; some elderly share a household member's.
  for (const f of filled) if (rng.chance(bandRate(OWN_PHONE, f.draft.age))) f.phone = st.phone(rng);
  const sharer = filled.find((f) => f.phone && f.draft.age >= 18 && f.draft.age < 65);
  for (const f of filled) {
    if (f.phone || f.draft.age < 60) continue;
    if (sharer && rng.chance(0.6)) {
      f.phone = sharer.phone!;
      f.basic.contactName = sharer.name;
      f.basic.contactPhone = sharer.phone!;
    } else if (rng.chance(0.8)) {
      // A child working away is the contact.
      const head = filled[0]!.draft;
      const surname =
        f.draft.sex === '1' ? f.draft.surname : head.sex === '1' ? head.surname : SURNAMES.sample(rng);
      f.basic.contactName =
        surname + givenName(rng, civilFromDays(f.birthDay)[0] + 27, rng.chance(0.6) ? '1' : '2');
      f.basic.contactPhone = st.phone(rng);
    }
  }
  // Children: a parent or grandparent at home, else a parent away.
  for (const f of filled) {
    if (f.draft.age >= 18) continue;
    const d = f.draft;
    const parents = [d.mother, d.father].map((i) => (i === undefined ? undefined : filled[i]));
    const guardian = parents.find((g) => g?.phone) ?? filled.find((g) => g.phone && g.draft.age >= 18);
    if (d.awayParent && rng.chance(0.6)) {
      f.basic.contactName = d.surname + givenName(rng, civilFromDays(f.birthDay)[0] - 27, '1');
      f.basic.contactPhone = st.phone(rng);
    } else if (guardian?.phone) {
      f.basic.contactName = guardian.name;
      f.basic.contactPhone = guardian.phone;
    }
  }

  const members: GeneratedResident[] = filled.map((f) => {
    const tags: ('pregnant' | 'poverty')[] = [];
    if (f.pregnant) tags.push('pregnant');
    if (hh.poverty) tags.push('poverty');
    const registered = f.residenceType === '2' ? `${st.outsidePlace(rng)}${placeName(rng, 0.3)}村` : address;
    const r: GeneratedResident = {
      name: f.name,
      sex: f.draft.sex,
      birthDate: formatDay(f.birthDay),
      idType: '01',
      idNumber: f.idNumber,
      currentAddress: address,
      registeredAddress: registered,
      relationToHead: f.draft.rel,
      manualTags: tags,
      recordDate: formatDay(f.recordDay),
      basicInfo: f.basic,
    };
    if (f.phone) r.phone = f.phone;
    return r;
  });
  return { villageCode: vs.village.code, address, members };
}

/**
 * Households, village by village, until exactly `residents` residents have been yielded. Each village
 * gets a share of the residents proportional to a seeded size weight (town seats bigger); the last
 * household of a village is cut to fit. Memory stays bounded: besides the current village, only
 * the ID counters per (birth date, sex) are kept.
 */
export function* generateHouseholds(params: GenerateHouseholdsParams): Generator<GeneratedHousehold> {
  const { countyCode, countyName, villages, residents, seed } = params;
  if (!/^\d{6}$/.test(countyCode)) throw new RangeError('generateHouseholds: countyCode must be 6 digits');
  if (!Number.isInteger(residents) || residents < 0)
    throw new RangeError('generateHouseholds: residents must be a non-negative integer');
  if (residents === 0) return;
  if (villages.length === 0) throw new RangeError('generateHouseholds: no villages');
  for (const v of villages)
    if (!/^\d{12}$/.test(v.code))
      throw new RangeError(`generateHouseholds: village code ${v.code} is not 12 digits`);
  const today = params.today ?? countyToday();
  const st = new RunState(seed >>> 0, countyCode, countyName, today);

  // Village sizes: triangular weights, residents' committees (town seats) larger.
  const weights = villages.map((v) => {
    const r = new Rng(deriveSeed(st.seed, 'village-size', v.code));
    const w = 0.5 + r.next() + r.next();
    return Number(v.code.slice(9)) < 200 ? w * 1.5 : w;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const targets = weights.map((w) => Math.floor((residents * w) / total));
  let left = residents - targets.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => [(residents * w) / total - targets[i]!, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) targets[order[k]![1]]! += 1;

  for (let vi = 0; vi < villages.length; vi++) {
    let remaining = targets[vi]!;
    if (remaining === 0) continue;
    const vs = villageState(st, villages[vi]!);
    const rng = new Rng(deriveSeed(st.seed, 'households', vs.village.code));
    while (remaining > 0) {
      const kind = HOUSEHOLD_KINDS.sample(rng);
      const family = rng.chance(vs.isCommunity ? 0.1 : 0.4) ? vs.lineages.sample(rng) : SURNAMES.sample(rng);
      const drafts = buildHousehold(rng, st, kind, family);
      if (drafts.length > remaining) drafts.length = remaining;
      const poverty = rng.chance(0.083 * POVERTY_FACTOR[kind]);
      const hh = finishHousehold(rng, st, vs, drafts, poverty);
      remaining -= hh.members.length;
      yield hh;
    }
  }
}
