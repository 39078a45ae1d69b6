import fc from "fast-check";
import { IdIndex } from "../../../src/core/transactions/id-index";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("IdIndex", () => {
  test("dense indices in order of first sight; 7 and '7' are one id", () => {
    const index = new IdIndex();
    expect([7, "a", "7", "a", "b"].map((id) => index.indexOf(id))).toEqual([0, 1, 0, 1, 2]);
    expect(index.ids).toEqual([7, "a", "b"]);
  });

  test("short, long and non-ASCII ids, from strings and from bytes, agree", () => {
    const ids = ["", "a", "abcdefgh", "abcdefghi", "C0000001", "x".repeat(100), "Ёж", "ёжик-ёжик", "a\u0000", "a\u0000\u0000", "12345678", "1234567"];
    const index = new IdIndex(4);
    const first = ids.map((id) => index.indexOf(id));
    expect(first).toEqual(ids.map((_, k) => k));
    const b = new Uint8Array(1000);
    for (const [k, id] of ids.entries()) {
      const encoded = bytes(id);
      b.set(encoded, 7);
      expect(index.indexOfBytes(b, 7, 7 + encoded.length)).toBe(k);
    }
    expect(index.size).toBe(ids.length);
  });

  test("matches a Map over many random ids (growth, collisions)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 5000 }).map(String)), { maxLength: 3000 }), (ids) => {
        const index = new IdIndex(1);
        const map = new Map<string, number>();
        for (const id of ids) {
          if (!map.has(id)) map.set(id, map.size);
          const encoded = bytes(id);
          const viaBytes = index.indexOfBytes(encoded, 0, encoded.length);
          expect(viaBytes).toBe(map.get(id));
          expect(index.indexOf(id)).toBe(map.get(id));
        }
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});
