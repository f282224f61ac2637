/**
 * The LMS method of the WHO growth standards: a table gives, for each age (or length), the Box-Cox power L,
 * the median M and the coefficient of variation S; a measurement X has z = ((X/M)^L − 1)/(L·S).
 * References: WHO Child Growth Standards, Methods and development (2006), chapter 7; WHO Anthro.
 */
import type { PackedLmsTable } from './data/packed.ts';

export type Sex = '1' | '2';

export interface Lms {
  readonly l: number;
  readonly m: number;
  readonly s: number;
}

/** Parsed rows, [L0, M0, S0, L1, M1, S1, …], per table and sex; filled on first use. */
const parsed = new WeakMap<PackedLmsTable, { male: Float64Array; female: Float64Array }>();

function parse(text: string): Float64Array {
  const lines = text.split('\n');
  const out = new Float64Array(lines.length * 3);
  lines.forEach((line, i) => {
    const [l, m, s] = line.split(' ');
    out[i * 3] = Number(l);
    out[i * 3 + 1] = Number(m);
    out[i * 3 + 2] = Number(s);
  });
  return out;
}

function rowsOf(table: PackedLmsTable, sex: Sex): Float64Array {
  let p = parsed.get(table);
  if (!p) {
    p = { male: parse(table.male), female: parse(table.female) };
    parsed.set(table, p);
  }
  return sex === '1' ? p.male : p.female;
}

/** The number of rows of a table (the same for both sexes). */
export function rowCount(table: PackedLmsTable): number {
  return rowsOf(table, '1').length / 3;
}

/** The row at index i (0 = the table's first age or length), or null outside the table. */
export function lmsRow(table: PackedLmsTable, sex: Sex, i: number): Lms | null {
  const rows = rowsOf(table, sex);
  if (!Number.isInteger(i) || i < 0 || i * 3 >= rows.length) return null;
  return { l: rows[i * 3] ?? NaN, m: rows[i * 3 + 1] ?? NaN, s: rows[i * 3 + 2] ?? NaN };
}

/**
 * L, M and S at x (in the table's unit), interpolated linearly between the two rows around it, as WHO
 * Anthro does for weight-for-length/height between 0.1 cm rows and AnthroPlus between months. Null outside
 * the table. An x within 1e-6 of a row is that row (so 80.7 cm is the 80.7 row despite floating point).
 */
export function lmsAt(table: PackedLmsTable, sex: Sex, x: number): Lms | null {
  if (!Number.isFinite(x)) return null;
  const pos = (x - table.first) / table.step;
  const nearest = Math.round(pos);
  if (Math.abs(pos - nearest) < 1e-6) return lmsRow(table, sex, nearest);
  const low = Math.floor(pos);
  const a = lmsRow(table, sex, low);
  const b = lmsRow(table, sex, low + 1);
  if (!a || !b) return null;
  const f = pos - low;
  return { l: a.l + f * (b.l - a.l), m: a.m + f * (b.m - a.m), s: a.s + f * (b.s - a.s) };
}

/** The plain LMS z-score (no tail rule): used for length/height and head circumference. */
export function lmsZ(x: number, { l, m, s }: Lms): number {
  return l === 0 ? Math.log(x / m) / s : ((x / m) ** l - 1) / (l * s);
}

/** The measurement at a z-score: M·(1 + L·S·z)^(1/L). */
export function lmsValue(z: number, { l, m, s }: Lms): number {
  return l === 0 ? m * Math.exp(s * z) : m * (1 + l * s * z) ** (1 / l);
}

/**
 * WHO's restricted z-score for the weight-based indicators (weight-for-age, weight-for-length/height,
 * BMI-for-age): inside ±3 SD the LMS z; beyond, the distance from the 3 SD line in units of the distance
 * between the 2 and 3 SD lines, so the skewed tail does not stretch: z = 3 + (X − SD3)/(SD3 − SD2) above,
 * z = −3 + (X − SD−3)/(SD−2 − SD−3) below.
 */
export function restrictedZ(x: number, lms: Lms): number {
  const z = lmsZ(x, lms);
  if (z > 3) {
    const sd3 = lmsValue(3, lms);
    return 3 + (x - sd3) / (sd3 - lmsValue(2, lms));
  }
  if (z < -3) {
    const sdNeg3 = lmsValue(-3, lms);
    return -3 + (x - sdNeg3) / (lmsValue(-2, lms) - sdNeg3);
  }
  return z;
}
