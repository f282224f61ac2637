/**
 * Seeded pseudo-random numbers for the synthetic data generator. Only 32-bit integer arithmetic
 * (Math.imul, shifts) is used, so a seed gives the same sequence on every platform and Node version;
 * no transcendental Math functions, whose last bits are not guaranteed to agree across engines.
 */

/** 32-bit mixing function (the finaliser of MurmurHash3). */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Combines a seed with labels (strings or integers) into a new 32-bit seed; used to derive sub-streams. */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  for (const label of labels) {
    if (typeof label === 'number') {
      h = mix32(h ^ mix32((label >>> 0) + 0x7f4a7c15));
      h = mix32(h ^ mix32(Math.floor(label / 0x100000000) >>> 0));
    } else {
      for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
      h = mix32(h ^ label.length);
    }
  }
  return h >>> 0;
}

/** SFC32 (Chris Doty-Humphrey's small fast counting generator), seeded through mix32. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const s = seed >>> 0;
    this.a = mix32(s ^ 0x243f6a88);
    this.b = mix32(s ^ 0x85a308d3);
    this.c = mix32(s ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 0x100000000;
  }

  /** A uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Roughly normal (Irwin-Hall sum of four uniforms, so bounded at mean ± 3.46 sd). */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2;
    return mean + sd * s * 1.7320508075688772;
  }

  /** A new generator whose stream depends on this one's seed stream and the label. */
  fork(label: string | number): Rng {
    return new Rng(deriveSeed(this.uint32(), label));
  }
}

/** A fixed discrete distribution, sampled by binary search over the cumulative weights. */
export class Weighted<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('Weighted: no entries');
    this.values = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new RangeError('Weighted: negative weight');
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('Weighted: zero total weight');
    this.total = sum;
  }

  sample(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

/**
 * Shorthand for a Weighted table from a record of value → weight. Keys keep the object's property order
 * (integer-like keys first, ascending), which is fixed, so sampling is deterministic.
 */
export function weighted<K extends string>(table: Partial<Record<K, number>>): Weighted<K> {
  return new Weighted(Object.entries(table) as [K, number][]);
}
