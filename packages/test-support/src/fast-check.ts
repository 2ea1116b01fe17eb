// The seed of a property-based suite, so that any failure can be replayed.

/**
 * The fast-check seed of this run: `FC_SEED` to replay an earlier run, else a fresh one. Either way it is printed
 * under `tag`, so the output of a failed run says how to replay it.
 *
 * @example
 * const seed = fastCheckSeed("signatures"); // prints "[signatures] fast-check seed 1234 (replay: FC_SEED=1234)"
 * fc.assert(property, { seed });
 */
export function fastCheckSeed(tag: string): number {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  console.info(`[${tag}] fast-check seed ${seed} (replay: FC_SEED=${seed})`);
  return seed;
}
