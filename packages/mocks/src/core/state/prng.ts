/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every platform,
 * so faults at a rate, fleet shuffles and rollout outcomes are reproducible. Not for cryptography.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // 0.6011037519201636, every time
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks a key of `weights` with probability proportional to its weight.
 *
 * @example
 * weightedPick({ SUCCEEDED: 9, FAILED: 1 }, seededRandom(1)); // "SUCCEEDED" nine times in ten
 */
export function weightedPick<K extends string>(weights: Readonly<Partial<Record<K, number>>>, random: () => number): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [key, weight] of entries) {
    x -= weight;
    if (x < 0) return key;
  }
  return entries[entries.length - 1]![0];
}
