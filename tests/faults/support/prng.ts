// A small seeded pseudo-random generator, so a failing fault run can be replayed
// exactly with the same seed (FAULT_SEED=... npx vitest run --project faults).

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, fast, and good enough to spread faults and choices evenly. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** Derives a stable seed for one stream (e.g. one device) from the run's seed. */
export function deriveSeed(seed: number, stream: string): number {
  let hash = seed >>> 0;
  for (const char of stream) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** The run's seed: FAULT_SEED when given (to replay a run), otherwise a fixed default. */
export function runSeed(): number {
  const fromEnv = Number(process.env.FAULT_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 20_260_521;
}
