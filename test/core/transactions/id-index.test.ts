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

  test("merge: another index's ids join in their order of first sight, known ids keep their index", () => {
    // Ids as a file's second part would hold them: from bytes (short, long, non-ASCII) and as given.
    const mine = new IdIndex(1);
    const theirs = new IdIndex(1);
    const add = (index: IdIndex, id: string | number) => {
      if (typeof id === "number") return index.indexOf(id);
      const encoded = bytes(id);
      return index.indexOfBytes(encoded, 0, encoded.length);
    };
    for (const id of ["a", "b", "a-much-longer-id-1", "Ёж"]) add(mine, id);
    const later = ["c", "a", "a-much-longer-id-2", "a-much-longer-id-1", 7, "Ёжик", "b", "Ёж", "d"];
    const local = later.map((id) => add(theirs, id));
    const global = mine.merge(theirs.list());
    expect(Array.from(local, (k) => global[k])).toEqual([4, 0, 5, 2, 6, 7, 1, 3, 8]);
    expect(mine.ids).toEqual(["a", "b", "a-much-longer-id-1", "Ёж", "c", "a-much-longer-id-2", 7, "Ёжик", "d"]);
    expect(mine.indexOf("7")).toBe(6);
  });

  test("merge over many random ids equals one index over both halves", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 3000 }).map((n) => `c${n}`)), { maxLength: 3000 }), fc.nat(), (ids, at) => {
        const cut = ids.length === 0 ? 0 : at % ids.length;
        const whole = new IdIndex(1);
        ids.forEach((id) => whole.indexOf(id));
        const first = new IdIndex(1);
        const second = new IdIndex(1);
        ids.slice(0, cut).forEach((id) => first.indexOf(id));
        const local = ids.slice(cut).map((id) => {
          const encoded = bytes(id);
          return second.indexOfBytes(encoded, 0, encoded.length);
        });
        const global = first.merge(second.list());
        expect(first.ids).toEqual(whole.ids);
        expect(Array.from(local, (k) => global[k])).toEqual(ids.slice(cut).map((id) => whole.indexOf(id)));
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  test("ids read from bytes are made on first read of ids, and later ones added after", () => {
    const index = new IdIndex(1);
    const text = bytes("C1,C2,C1");
    index.indexOfBytes(text, 0, 2);
    index.indexOfBytes(text, 3, 5);
    expect(index.size).toBe(2);
    const ids = index.ids;
    expect(ids).toEqual(["C1", "C2"]);
    index.indexOfBytes(bytes("C3"), 0, 2);
    expect(index.ids).toBe(ids);
    expect(ids).toEqual(["C1", "C2", "C3"]);
  });
});
