/**
 * A growable set of execution sequence numbers with O(log₃₂ n) add, delete and "next member at or after i".
 *
 * It is a hierarchical bitset: level 0 has one bit per sequence number, and each bit of level k+1 says whether
 * the matching 32-bit word of level k is non-empty. Finding the next member skips empty regions a word (32, 1024,
 * 32768, ... numbers) at a time, so a filtered page costs O(page × log₃₂ n) however sparse the status is. One
 * set per status costs about n/8 bytes (125 kB for a million executions).
 */
export class SeqSet {
  private levels: Uint32Array[] = [];
  private capacityBits = 0;
  /** How many numbers the set holds. */
  size = 0;

  constructor(initialCapacity = 1024) {
    this.resize(initialCapacity);
  }

  /** Adds `i`; returns false if it was already there. */
  add(i: number): boolean {
    if (i >= this.capacityBits) this.resize(Math.max(i + 1, this.capacityBits * 2));
    let index = i;
    for (let level = 0; level < this.levels.length; level++) {
      const words = this.levels[level]!;
      const word = index >>> 5;
      const bit = 1 << (index & 31);
      const before = words[word]!;
      if (level === 0 && before & bit) return false;
      words[word] = before | bit;
      if (before !== 0) break; // the word was already non-empty: upper levels already say so
      index = word;
    }
    this.size++;
    return true;
  }

  /** Removes `i`; returns false if it was not there. */
  delete(i: number): boolean {
    if (!this.has(i)) return false;
    let index = i;
    for (let level = 0; level < this.levels.length; level++) {
      const words = this.levels[level]!;
      const word = index >>> 5;
      const after = words[word]! & ~(1 << (index & 31));
      words[word] = after;
      if (after !== 0) break; // the word still has members: upper levels stay set
      index = word;
    }
    this.size--;
    return true;
  }

  /** Whether `i` is in the set. */
  has(i: number): boolean {
    if (i < 0 || i >= this.capacityBits) return false;
    return (this.levels[0]![i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** The smallest member ≥ `i`, or -1. */
  next(i: number): number {
    return i < 0 ? this.nextAt(0, 0) : this.nextAt(0, i);
  }

  private nextAt(level: number, i: number): number {
    const words = this.levels[level]!;
    const word = i >>> 5;
    if (word >= words.length) return -1;
    const masked = words[word]! & (~0 << (i & 31));
    if (masked !== 0) return word * 32 + lowestBit(masked);
    if (level + 1 === this.levels.length) {
      for (let w = word + 1; w < words.length; w++) if (words[w] !== 0) return w * 32 + lowestBit(words[w]!);
      return -1;
    }
    const nextWord = this.nextAt(level + 1, word + 1);
    return nextWord === -1 ? -1 : nextWord * 32 + lowestBit(words[nextWord]!);
  }

  private resize(bits: number): void {
    const old = this.levels[0];
    const levels: Uint32Array[] = [];
    let words = Math.ceil(bits / 32);
    for (;;) {
      levels.push(new Uint32Array(words));
      if (words <= 32) break;
      words = Math.ceil(words / 32);
    }
    if (old) levels[0]!.set(old);
    // Rebuild the summary levels from level 0.
    for (let level = 1; level < levels.length; level++) {
      const below = levels[level - 1]!;
      const here = levels[level]!;
      for (let w = 0; w < below.length; w++) if (below[w] !== 0) here[w >>> 5]! |= 1 << (w & 31);
    }
    this.levels = levels;
    this.capacityBits = levels[0]!.length * 32;
  }
}

function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}
