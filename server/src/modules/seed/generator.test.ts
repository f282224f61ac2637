import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ageOn, isValidPhone, residentCreateSchema, validateIdNumber } from '@jkda/domain';
import {
  generateHouseholds,
  generateVillages,
  type GeneratedHousehold,
  type GeneratedResident,
  type TownshipInput,
} from './generator.ts';
import { Rng, Weighted, deriveSeed } from './random.ts';

const TODAY = '2026-11-25';
const COUNTY = '341524';
const TOWNSHIPS: TownshipInput[] = [
  { code: '341524100', name: '梅山镇' },
  { code: '341524101', name: '汤家汇镇' },
  { code: '341524102', name: '双河镇' },
  { code: '341524200', name: '铁冲乡' },
  { code: '341524201', name: '花石乡' },
  { code: '341524001', name: '城关街道' },
];

function run(residents: number, seed = 7, villageSeed = 42): GeneratedHousehold[] {
  const villages = generateVillages(TOWNSHIPS, villageSeed);
  return [
    ...generateHouseholds({
      countyCode: COUNTY,
      countyName: '金寨县',
      villages,
      residents,
      seed,
      today: TODAY,
    }),
  ];
}

function digest(households: GeneratedHousehold[]): string {
  const h = createHash('sha256');
  for (const hh of households) h.update(JSON.stringify(hh));
  return h.digest('hex');
}

const residentsOf = (hhs: GeneratedHousehold[]) => hhs.flatMap((hh) => hh.members);
const share = (rs: GeneratedResident[], pred: (r: GeneratedResident) => boolean) =>
  rs.filter(pred).length / rs.length;
const age = (r: GeneratedResident) => ageOn(r.birthDate, TODAY);
const hasDisease = (r: GeneratedResident, code: string) => r.basicInfo.diseases.some((d) => d.code === code);

describe('random', () => {
  it('is deterministic and roughly uniform', () => {
    const a = new Rng(123);
    const b = new Rng(123);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(new Rng(124).next()).not.toBe(new Rng(123).next());
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
  });

  it('samples weighted tables in proportion', () => {
    const rng = new Rng(9);
    const w = new Weighted([
      ['a', 1],
      ['b', 3],
    ]);
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (w.sample(rng) === 'b') b++;
    expect(b / 10_000).toBeGreaterThan(0.72);
    expect(b / 10_000).toBeLessThan(0.78);
  });
});

describe('generateVillages', () => {
  const villages = generateVillages(TOWNSHIPS, 42);

  it('gives 12-digit codes under each township, unique codes and names unique within a township', () => {
    expect(new Set(villages.map((v) => v.code)).size).toBe(villages.length);
    for (const t of TOWNSHIPS) {
      const own = villages.filter((v) => v.townshipCode === t.code);
      expect(own.length).toBeGreaterThanOrEqual(8);
      expect(own.length).toBeLessThanOrEqual(18);
      expect(new Set(own.map((v) => v.name)).size).toBe(own.length);
      for (const v of own) {
        expect(v.code).toMatch(/^\d{12}$/);
        expect(v.code.startsWith(t.code)).toBe(true);
        expect(v.townshipName).toBe(t.name);
        const seg = Number(v.code.slice(9));
        if (v.name.endsWith('社区')) expect(seg >= 1 && seg <= 199).toBe(true);
        else {
          expect(v.name).toMatch(/村$/);
          expect(seg >= 200 && seg <= 399).toBe(true);
        }
      }
      // Towns have 社区 at the seat; most units are villages except in a 街道.
      if (t.name.endsWith('镇')) expect(own.some((v) => v.name.endsWith('社区'))).toBe(true);
      if (!t.name.endsWith('街道'))
        expect(own.filter((v) => v.name.endsWith('村')).length).toBeGreaterThan(own.length / 2);
    }
  });

  it('is deterministic and honours perTownship', () => {
    expect(generateVillages(TOWNSHIPS, 42)).toEqual(villages);
    expect(generateVillages(TOWNSHIPS, 43)).not.toEqual(villages);
    const few = generateVillages(TOWNSHIPS, 1, { perTownship: [3, 3] });
    for (const t of TOWNSHIPS) expect(few.filter((v) => v.townshipCode === t.code)).toHaveLength(3);
  });
});

describe('generateHouseholds', () => {
  const small = run(3000);
  const smallResidents = residentsOf(small);
  // A larger run for the rates (about 0.5 s).
  const big = run(60_000, 11);
  const bigResidents = residentsOf(big);

  it('is deterministic: same seed same bytes, another seed other output', () => {
    expect(digest(run(3000))).toBe(digest(small));
    expect(digest(run(3000, 8))).not.toBe(digest(small));
  });

  it('yields exactly the requested number of residents', () => {
    for (const n of [0, 1, 2, 7, 100, 3001]) expect(residentsOf(run(n, 5)).length).toBe(n);
    expect(smallResidents).toHaveLength(3000);
    expect(bigResidents).toHaveLength(60_000);
  });

  it('spreads residents over the villages, some bigger than others', () => {
    const perVillage = new Map<string, number>();
    for (const hh of big)
      perVillage.set(hh.villageCode, (perVillage.get(hh.villageCode) ?? 0) + hh.members.length);
    const villages = generateVillages(TOWNSHIPS, 42);
    expect(perVillage.size).toBe(villages.length);
    const sizes = [...perVillage.values()].sort((a, b) => a - b);
    expect(sizes.at(-1)! / sizes[0]!).toBeGreaterThan(1.8);
  });

  it('produces residents that all pass residentCreateSchema', () => {
    for (const hh of small)
      for (const r of hh.members) {
        const parsed = residentCreateSchema.safeParse({ ...r, villageCode: hh.villageCode });
        if (!parsed.success) throw new Error(`${JSON.stringify(parsed.error.issues)}\n${JSON.stringify(r)}`);
      }
  });

  it('gives valid, unique ID numbers with the county area code, matching birth date and sex', () => {
    const ids = new Set<string>();
    for (const r of bigResidents) {
      expect(r.idNumber.slice(0, 6)).toBe(COUNTY);
      const v = validateIdNumber(r.idNumber, { today: TODAY });
      if (!v.ok) throw new Error(`${r.idNumber}: ${v.error}`);
      expect(v.info.birthDate).toBe(r.birthDate);
      expect(v.info.sex).toBe(r.sex);
      ids.add(r.idNumber);
    }
    expect(ids.size).toBe(bigResidents.length);
  });

  it('builds households with the head first and plausible members', () => {
    const sizes = new Map<number, number>();
    for (const hh of big) {
      const [head, ...rest] = hh.members;
      expect(head!.relationToHead).toBe('02');
      expect(rest.every((m) => m.relationToHead !== '02')).toBe(true);
      expect(hh.members.length).toBeGreaterThanOrEqual(1);
      expect(hh.members.length).toBeLessThanOrEqual(7);
      sizes.set(hh.members.length, (sizes.get(hh.members.length) ?? 0) + 1);
      expect(hh.address).toMatch(/^金寨县.+(镇|乡|街道).+(村|社区).+\d+号$/);
      const spouses = rest.filter((m) => m.relationToHead === '10');
      expect(spouses.length).toBeLessThanOrEqual(1);
      for (const s of spouses) {
        expect(s.sex).not.toBe(head!.sex);
        expect(Math.abs(age(s) - age(head!))).toBeLessThanOrEqual(12);
      }
      for (const c of rest.filter((m) => m.relationToHead === '40'))
        expect(age(head!) - age(c)).toBeGreaterThanOrEqual(38);
      for (const p of rest.filter((m) => m.relationToHead === '50'))
        expect(age(p) - age(head!)).toBeGreaterThanOrEqual(18);
      for (const m of hh.members) expect(m.currentAddress).toBe(hh.address);
    }
    const mean = bigResidents.length / big.length;
    expect(mean).toBeGreaterThan(2.3);
    expect(mean).toBeLessThan(2.9);
    // Many one- and two-person (elderly) households.
    expect(((sizes.get(1) ?? 0) + (sizes.get(2) ?? 0)) / big.length).toBeGreaterThan(0.45);
    // Heads are mostly men.
    expect(big.filter((hh) => hh.members[0]!.sex === '1').length / big.length).toBeGreaterThan(0.75);
  });

  it('has an ageing rural age pyramid and a sex ratio near 1', () => {
    const elderly = share(bigResidents, (r) => age(r) >= 65);
    const young = share(bigResidents, (r) => age(r) <= 6);
    const working = share(bigResidents, (r) => age(r) >= 20 && age(r) <= 39);
    const middle = share(bigResidents, (r) => age(r) >= 40 && age(r) <= 59);
    expect(elderly).toBeGreaterThanOrEqual(0.2);
    expect(elderly).toBeLessThanOrEqual(0.25);
    expect(young).toBeGreaterThanOrEqual(0.04);
    expect(young).toBeLessThanOrEqual(0.08);
    // Hollowed-out: 20 years of 20-39 hold far fewer people than 20 years of 40-59.
    expect(working).toBeLessThan(middle * 0.7);
    const men = share(bigResidents, (r) => r.sex === '1');
    expect(men / (1 - men)).toBeGreaterThan(0.95);
    expect(men / (1 - men)).toBeLessThan(1.08);
    expect(bigResidents.every((r) => age(r) >= 0 && age(r) <= 105)).toBe(true);
  });

  it('has registered chronic disease and key population rates within bands', () => {
    const htn = share(bigResidents, (r) => hasDisease(r, '2'));
    const dm = share(bigResidents, (r) => hasDisease(r, '3'));
    const mental = share(bigResidents, (r) => hasDisease(r, '8'));
    const disability = share(bigResidents, (r) => !r.basicInfo.disability.codes.includes('1'));
    expect(htn).toBeGreaterThanOrEqual(0.08);
    expect(htn).toBeLessThanOrEqual(0.1);
    expect(dm).toBeGreaterThanOrEqual(0.025);
    expect(dm).toBeLessThanOrEqual(0.035);
    expect(mental).toBeGreaterThan(0.002);
    expect(mental).toBeLessThan(0.007);
    expect(disability).toBeGreaterThan(0.03);
    expect(disability).toBeLessThan(0.05);
    // Hypertension rises with age and is absent under 30.
    const rate = (lo: number, hi: number) =>
      share(
        bigResidents.filter((r) => age(r) >= lo && age(r) <= hi),
        (r) => hasDisease(r, '2'),
      );
    expect(rate(0, 29)).toBe(0);
    expect(rate(35, 54)).toBeLessThan(rate(55, 64));
    expect(rate(55, 64)).toBeLessThan(rate(65, 105));
    const poorHouseholds =
      big.filter((hh) => hh.members[0]!.manualTags.includes('poverty')).length / big.length;
    expect(poorHouseholds).toBeGreaterThan(0.06);
    expect(poorHouseholds).toBeLessThan(0.1);
    for (const hh of big) {
      const poor = hh.members.map((m) => m.manualTags.includes('poverty'));
      expect(new Set(poor).size).toBe(1);
    }
    const women2040 = bigResidents.filter((r) => r.sex === '2' && age(r) >= 20 && age(r) <= 40);
    const pregnant = share(women2040, (r) => r.manualTags.includes('pregnant'));
    expect(pregnant).toBeGreaterThan(0.005);
    expect(pregnant).toBeLessThan(0.025);
    expect(
      bigResidents.every((r) => !r.manualTags.includes('pregnant') || (r.sex === '2' && age(r) >= 20)),
    ).toBe(true);
  });

  it('dates diagnoses after age 30 for chronic diseases and never in the future; record dates in range', () => {
    const todayMonth = TODAY.slice(0, 7);
    for (const r of bigResidents) {
      const birthMonth30 = `${Number(r.birthDate.slice(0, 4)) + 30}-${r.birthDate.slice(5, 7)}`;
      for (const d of r.basicInfo.diseases) {
        if (d.code === '1') continue;
        expect(d.diagnosedAt).toBeDefined();
        expect(d.diagnosedAt! <= todayMonth).toBe(true);
        expect(d.diagnosedAt! >= r.birthDate.slice(0, 7)).toBe(true);
        if (['2', '3', '4', '5', '6', '7'].includes(d.code))
          expect(d.diagnosedAt! >= birthMonth30).toBe(true);
      }
      expect(r.recordDate >= '2010-01-01').toBe(true);
      expect(r.recordDate <= TODAY).toBe(true);
      expect(r.recordDate >= r.birthDate).toBe(true);
    }
  });

  it('gives most adults a valid mobile phone and children none', () => {
    const adults = bigResidents.filter((r) => age(r) >= 18);
    const withPhone = share(adults, (r) => r.phone !== undefined);
    expect(withPhone).toBeGreaterThan(0.8);
    expect(withPhone).toBeLessThan(0.9);
    for (const r of bigResidents) {
      if (age(r) < 18) expect(r.phone).toBeUndefined();
      if (r.phone) expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
      if (r.basicInfo.contactPhone) expect(isValidPhone(r.basicInfo.contactPhone)).toBe(true);
    }
  });

  it('fills the form with rural distributions', () => {
    expect(share(bigResidents, (r) => r.basicInfo.ethnicity === '01')).toBeGreaterThan(0.98);
    expect(share(bigResidents, (r) => r.basicInfo.bloodType === '5')).toBeGreaterThan(0.3);
    expect(share(bigResidents, (r) => r.basicInfo.paymentMethods.codes.includes('3'))).toBeGreaterThan(0.85);
    expect(share(bigResidents, (r) => r.basicInfo.drugAllergy.codes[0] === '1')).toBeGreaterThan(0.95);
    expect(share(bigResidents, (r) => !r.basicInfo.surgeries.has)).toBeGreaterThan(0.9);
    const old = bigResidents.filter((r) => age(r) >= 75);
    expect(share(old, (r) => ['8', '9'].includes(r.basicInfo.education))).toBeGreaterThan(0.75);
    expect(
      share(
        bigResidents.filter((r) => age(r) < 16),
        (r) => r.basicInfo.occupation === '8',
      ),
    ).toBe(1);
    expect(
      share(
        bigResidents.filter((r) => age(r) < 20),
        (r) => r.basicInfo.maritalStatus === '1',
      ),
    ).toBe(1);
    const workingAge = bigResidents.filter((r) => age(r) >= 25 && age(r) < 60);
    expect(share(workingAge, (r) => r.basicInfo.occupation === '4')).toBeGreaterThan(0.5);
    // Given names of one or two characters; single-character given names a minority.
    expect(bigResidents.every((r) => r.name.length >= 2 && r.name.length <= 3)).toBe(true);
    const single = share(bigResidents, (r) => r.name.length === 2);
    expect(single).toBeGreaterThan(0.08);
    expect(single).toBeLessThan(0.3);
  });
});
