/**
 * Customer ids to dense indices (0, 1, 2, … in order of first sight): an
 * open-addressing hash table in one Int32Array, built because a JavaScript Map of
 * strings costs two or three cache misses per lookup and dominated the readers.
 *
 * Ids are compared as text: the number 7 and the text "7" are one customer. An id
 * of at most 8 ASCII characters is packed exactly into two 32-bit words (7 bits a
 * character, plus the length), so the table itself tells equal ids apart and a
 * lookup touches one cache line. Longer ids are stored by hash and compared with
 * the stored text. The CLI looks ids up straight from the file's bytes, so a row
 * whose customer was seen before creates no string at all.
 */
const STRIDE = 4; // w0, w1, index + 1, unused (keeps entries aligned to 16 bytes)
const LONG = -1; // w1 of an entry for a long id; short ids have w1 < 2^28

function mix(w0: number, w1: number): number {
  let h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class IdIndex {
  /** the ids in order of first sight, as first given (number or text) */
  readonly ids: (string | number)[] = [];
  /** the text of long ids, by index (undefined for short ids) */
  private readonly long: (string | undefined)[] = [];
  private table: Int32Array;
  private mask: number;

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.table = new Int32Array(size * STRIDE);
    this.mask = size - 1;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The index of an id, adding it on first sight. */
  indexOf(id: string | number): number {
    const text = typeof id === "string" ? id : String(id);
    const n = text.length;
    if (n <= 8) {
      let w0 = n << 28;
      let w1 = 0;
      let k = 0;
      for (; k < n; k++) {
        const c = text.charCodeAt(k);
        if (c >= 128) break;
        if (k < 4) w0 |= c << (7 * k);
        else w1 |= c << (7 * (k - 4));
      }
      if (k === n) return this.short(w0 | 0, w1, id);
    }
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    return this.longId(mix(h, n), text, id);
  }

  /** The index of the id in bytes[start, end) (UTF-8), adding it on first sight. */
  indexOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (n <= 8) {
      let w0 = n << 28;
      let w1 = 0;
      let k = 0;
      for (; k < n; k++) {
        const c = bytes[start + k];
        if (c >= 128) break;
        if (k < 4) w0 |= c << (7 * k);
        else w1 |= c << (7 * (k - 4));
      }
      if (k === n) {
        w0 |= 0;
        const slot = this.find(w0, w1, mix(w0, w1));
        const v = this.table[slot + 2];
        return v !== 0 ? v - 1 : this.insert(slot, w0, w1, asciiText(bytes, start, end), undefined);
      }
    }
    // Long ASCII ids are hashed from the bytes; anything else is decoded first.
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) {
      const c = bytes[k];
      if (c >= 128) return this.indexOf(new TextDecoder().decode(bytes.subarray(start, end)));
      h = Math.imul(h ^ c, 0x01000193);
    }
    const hash = mix(h, n);
    const table = this.table;
    for (let slot = (hash & this.mask) * STRIDE; ; slot = (slot + STRIDE) & (this.mask * STRIDE + STRIDE - 1)) {
      const v = table[slot + 2];
      if (v === 0) {
        const text = asciiText(bytes, start, end);
        return this.insert(slot, hash, LONG, text, text);
      }
      if (table[slot] === hash && table[slot + 1] === LONG && sameAscii(this.long[v - 1] as string, bytes, start, end)) return v - 1;
    }
  }

  /**
   * Indices of `count` packed short ids (see packAscii), in order, into `out`. The
   * table lines are touched for the whole batch before any is resolved, so the
   * processor waits for their cache misses together rather than one after another.
   */
  indexOfPacked(w0: Int32Array, w1: Int32Array, count: number, out: Int32Array): void {
    const table = this.table;
    const mask = this.mask;
    let touched = 0;
    for (let k = 0; k < count; k++) touched |= table[(mix(w0[k], w1[k]) & mask) * STRIDE + 2];
    this.touched = touched;
    for (let k = 0; k < count; k++) {
      const a = w0[k];
      const b = w1[k];
      const slot = this.find(a, b, mix(a, b));
      const v = this.table[slot + 2];
      out[k] = v !== 0 ? v - 1 : this.insert(slot, a, b, unpack(a, b), undefined);
    }
  }

  /** Keeps the batch's table reads from being optimised away. */
  private touched = 0;

  private short(w0: number, w1: number, id: string | number): number {
    const slot = this.find(w0, w1, mix(w0, w1));
    const v = this.table[slot + 2];
    return v !== 0 ? v - 1 : this.insert(slot, w0, w1, id, undefined);
  }

  private longId(hash: number, text: string, id: string | number): number {
    const table = this.table;
    for (let slot = (hash & this.mask) * STRIDE; ; slot = (slot + STRIDE) & (this.mask * STRIDE + STRIDE - 1)) {
      const v = table[slot + 2];
      if (v === 0) return this.insert(slot, hash, LONG, id, text);
      if (table[slot] === hash && table[slot + 1] === LONG && this.long[v - 1] === text) return v - 1;
    }
  }

  /** The slot holding a short id, or the empty slot where it goes. */
  private find(w0: number, w1: number, hash: number): number {
    const table = this.table;
    const wrap = this.mask * STRIDE + STRIDE - 1;
    let slot = (hash & this.mask) * STRIDE;
    while (table[slot + 2] !== 0 && (table[slot] !== w0 || table[slot + 1] !== w1)) slot = (slot + STRIDE) & wrap;
    return slot;
  }

  private insert(slot: number, w0: number, w1: number, id: string | number, longText: string | undefined): number {
    const index = this.ids.length;
    this.ids.push(id);
    this.long.push(longText);
    this.table[slot] = w0;
    this.table[slot + 1] = w1;
    this.table[slot + 2] = index + 1;
    if (this.ids.length * 2 > this.mask + 1) this.grow();
    return index;
  }

  private grow(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(size * STRIDE);
    this.mask = size - 1;
    const wrap = this.mask * STRIDE + STRIDE - 1;
    for (let e = 0; e < old.length; e += STRIDE) {
      if (old[e + 2] === 0) continue;
      const w0 = old[e];
      const w1 = old[e + 1];
      const hash = w1 === LONG ? w0 : mix(w0, w1);
      let slot = (hash & this.mask) * STRIDE;
      while (this.table[slot + 2] !== 0) slot = (slot + STRIDE) & wrap;
      this.table[slot] = w0;
      this.table[slot + 1] = w1;
      this.table[slot + 2] = old[e + 2];
    }
  }
}

/**
 * Packs bytes[start, end) into w0[k], w1[k] when it is at most 8 ASCII characters
 * (7 bits each, the length in the top bits of w0); false otherwise.
 */
export function packAscii(bytes: Uint8Array, start: number, end: number, w0: Int32Array, w1: Int32Array, k: number): boolean {
  const n = end - start;
  if (n > 8) return false;
  let a = n << 28;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[start + i];
    if (c >= 128) return false;
    if (i < 4) a |= c << (7 * i);
    else b |= c << (7 * (i - 4));
  }
  w0[k] = a;
  w1[k] = b;
  return true;
}

/** The text of a packed short id. */
function unpack(w0: number, w1: number): string {
  const n = (w0 >>> 28) & 15;
  let text = "";
  for (let i = 0; i < n; i++) text += String.fromCharCode(i < 4 ? (w0 >>> (7 * i)) & 127 : (w1 >>> (7 * (i - 4))) & 127);
  return text;
}

function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let k = start; k < end; k++) text += String.fromCharCode(bytes[k]);
  return text;
}

function sameAscii(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== bytes[start + k]) return false;
  return true;
}
