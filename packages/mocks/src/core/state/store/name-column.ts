/** A run of rows named one by one (`names`), or generated as `<prefix><n>` with n zero-padded to `width`. */
type Segment =
  | { readonly start: number; readonly names: string[] }
  | { readonly start: number; readonly count: number; readonly prefix: string; readonly width: number };

/**
 * The thing names of a job's rows. Rows added one by one keep their strings; a fleet's names are generated on
 * read from its prefix and number, so a million-thing fleet holds no million strings (that keeps the heap, and
 * every garbage collection, small). Lookup by name parses generated names instead of indexing them.
 *
 * @example
 * const names = new NameColumn();
 * names.appendGenerated("thing-", 4, 1000); // rows 0..999: thing-0001 .. thing-1000
 * names.name(41); // "thing-0042"
 * names.seqOf("thing-0042"); // 41
 */
export class NameColumn {
  private readonly segments: Segment[] = [];
  private size = 0;
  private explicit: Map<string, number> | undefined;

  /** Appends one row's name. */
  appendExplicit(name: string): void {
    const last = this.segments.at(-1);
    if (last && "names" in last) last.names.push(name);
    else this.segments.push({ start: this.size, names: [name] });
    this.explicit?.set(name, this.size);
    this.size++;
  }

  /** Appends `count` generated names `<prefix>0001`, `<prefix>0002`, ... (numbers padded to `width`). */
  appendGenerated(prefix: string, width: number, count: number): void {
    this.segments.push({ start: this.size, count, prefix, width });
    this.size += count;
  }

  /** The generated name of number `n` (1-based) with `prefix` and `width`. */
  static generate(prefix: string, width: number, n: number): string {
    return `${prefix}${String(n).padStart(width, "0")}`;
  }

  /** The name of a row. */
  name(seq: number): string {
    const s = this.segmentOf(seq);
    return "names" in s ? s.names[seq - s.start]! : NameColumn.generate(s.prefix, s.width, seq - s.start + 1);
  }

  /** The row of a name, or `undefined`. */
  seqOf(name: string): number | undefined {
    if (!this.explicit) {
      this.explicit = new Map();
      for (const s of this.segments) {
        if ("names" in s) for (const [i, n] of s.names.entries()) this.explicit.set(n, s.start + i);
      }
    }
    const found = this.explicit.get(name);
    if (found !== undefined) return found;
    for (const s of this.segments) {
      if ("names" in s || name.length !== s.prefix.length + s.width) continue;
      if (!name.startsWith(s.prefix)) continue;
      const digits = name.slice(s.prefix.length);
      const n = Number(digits);
      if (/^\d+$/.test(digits) && n >= 1 && n <= s.count && NameColumn.generate(s.prefix, s.width, n) === name)
        return s.start + n - 1;
    }
    return undefined;
  }

  // Binary search over segment starts: few segments, so this is O(log segments).
  private segmentOf(seq: number): Segment {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.start <= seq) lo = mid;
      else hi = mid - 1;
    }
    return this.segments[lo]!;
  }
}
