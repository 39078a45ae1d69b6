import fc from "fast-check";
import { IdIndex, packAscii } from "../../../src/core/transactions/id-index";

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

  test("packed batches give the same indices, and the same ids, as one at a time", () => {
    const ids = Array.from({ length: 5000 }, (_, k) => `c${(k * 7919) % 1300}`.slice(0, 8));
    const one = new IdIndex(1);
    const expected = ids.map((id) => one.indexOf(id));
    const batched = new IdIndex(1);
    const w0 = new Int32Array(64);
    const w1 = new Int32Array(64);
    const out = new Int32Array(64);
    const got: number[] = [];
    for (let start = 0; start < ids.length; start += 64) {
      const part = ids.slice(start, start + 64);
      part.forEach((id, k) => expect(packAscii(bytes(id), 0, id.length, w0, w1, k)).toBe(true));
      batched.indexOfPacked(w0, w1, part.length, out);
      got.push(...out.subarray(0, part.length));
    }
    expect(got).toEqual(expected);
    expect(batched.ids).toEqual(one.ids);
    expect(batched.indexOf("c7")).toBe(one.indexOf("c7"));
    expect(packAscii(bytes("ninechars"), 0, 9, w0, w1, 0)).toBe(false);
    expect(packAscii(bytes("Ёж"), 0, 4, w0, w1, 0)).toBe(false);
  });
});
