import fc from "fast-check";
import { expect, test } from "vitest";
import { SeqSet } from "./seq-set.js";

/** The smallest member ≥ i of a plain Set, the reference model. */
const modelNext = (model: Set<number>, i: number) =>
  Math.min(...[...model].filter((x) => x >= i), Number.POSITIVE_INFINITY);

test("add, delete, has and next agree with a plain Set under any sequence of operations", () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), n: fc.nat(70_000) }),
    fc.record({ kind: fc.constant("delete" as const), n: fc.nat(70_000) }),
    fc.record({ kind: fc.constant("next" as const), n: fc.nat(80_000) }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      const set = new SeqSet(64);
      const model = new Set<number>();
      for (const { kind, n } of ops) {
        if (kind === "add") {
          expect(set.add(n)).toBe(!model.has(n));
          model.add(n);
        } else if (kind === "delete") {
          expect(set.delete(n)).toBe(model.has(n));
          model.delete(n);
        } else {
          const want = modelNext(model, n);
          expect(set.next(n)).toBe(want === Number.POSITIVE_INFINITY ? -1 : want);
        }
        expect(set.size).toBe(model.size);
      }
      for (const n of model) expect(set.has(n)).toBe(true);
    }),
    { numRuns: 200 },
  );
});

test("next skips long empty stretches and finds members across every level", () => {
  const set = new SeqSet();
  const members = [0, 31, 32, 1023, 1024, 32_767, 32_768, 1_048_575, 1_048_576, 3_000_001];
  for (const m of members) set.add(m);
  const walked: number[] = [];
  for (let i = set.next(0); i !== -1; i = set.next(i + 1)) walked.push(i);
  expect(walked).toEqual(members);
  expect(set.next(3_000_002)).toBe(-1);
  expect(set.next(-5)).toBe(0);
});

test("deleting the last member of a word clears the summary levels", () => {
  const set = new SeqSet();
  set.add(5_000);
  set.add(900_000);
  set.delete(5_000);
  expect(set.next(0)).toBe(900_000);
  set.delete(900_000);
  expect(set.next(0)).toBe(-1);
  expect(set.size).toBe(0);
});
