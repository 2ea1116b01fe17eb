/**
 * The shape of every AWS region (all of the SDKs' `partitions.json`, checked by src/region.test.ts): a partition
 * prefix (`us`, `us-gov`, `us-isob`, `eusc-de`, ...), a compass direction, a number. A region AWS opens later has
 * it too; a typo in the direction (`eu-wset-1`) does not. Checked by shape, not by a list: the spec declares no
 * list outside China, and a list in the bundle would go stale and cost bytes.
 */
const DIRECTIONS = "north|south|east|west|central|northeast|northwest|southeast|southwest";
const REGION = new RegExp(`^[a-z]{2,4}(-[a-z]{2,5})?-(${DIRECTIONS})-\\d{1,2}$`);

/** Whether `region` has a region's shape. */
export const isRegion = (region: string): boolean => REGION.test(region);

/** Levenshtein distance (one row at a time). */
const distance = (a: string, b: string) => {
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
};

/**
 * The region nearest to a string that is not one, by edit distance: its prefix and number kept, the direction
 * replaced by the nearest compass direction (`eu-wset-1` → `eu-west-1`); `us-east-1` when nothing is recognisable.
 */
export const nearestRegion = (text: string): string => {
  const [, prefix, word, n] = /^([a-z]{2,4}(?:-[a-z]{2,5})?)-([a-z]+)-?(\d{1,2})/.exec(text) ?? [];
  return prefix
    ? `${prefix}-${DIRECTIONS.split("|").reduce((best, d) => (distance(word!, d) < distance(word!, best) ? d : best))}-${n}`
    : "us-east-1";
};
