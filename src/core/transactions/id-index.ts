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
 * whose customer was seen before creates no string at all, and the text of an id
 * read from bytes is only made when `ids` is first read (the cohort tables never
 * read it).
 */
const STRIDE = 4; // w0, w1, index + 1, unused (keeps entries aligned to 16 bytes)
const LONG = -1; // w1 of an entry for a long id; short ids have w1 < 2^28

function mix(w0: number, w1: number): number {
  let h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * An index's ids in order of first sight, as the table keys them: w0, w1 of each
 * (packed words, or hash and LONG), and the id itself where the words cannot give
 * it back ([index, id] pairs). IdIndex.merge takes it in.
 */
export interface IdList {
  count: number;
  w0: Int32Array;
  w1: Int32Array;
  given: [number, string | number][];
}

export class IdIndex {
  /** per index: the table key (packed words, or hash and LONG) */
  private w0: Int32Array;
  private w1: Int32Array;
  /** per index: the id as first given (number or text), or undefined when its packed words spell it */
  private readonly given: (string | number | undefined)[] = [];
  /** ids already turned into values for `ids` */
  private readonly made: (string | number)[] = [];
  private table: Int32Array;
  private mask: number;

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.table = new Int32Array(size * STRIDE);
    this.mask = size - 1;
    this.w0 = new Int32Array(size >>> 1);
    this.w1 = new Int32Array(size >>> 1);
  }

  get size(): number {
    return this.given.length;
  }

  /** The ids in order of first sight, as first given (number or text). */
  get ids(): (string | number)[] {
    const made = this.made;
    for (let k = made.length; k < this.given.length; k++) made.push(this.given[k] ?? unpack(this.w0[k], this.w1[k]));
    return made;
  }

  /** The index of an id, adding it on first sight. */
  indexOf(id: string | number): number {
    const text = typeof id === "string" ? id : String(id);
    const n = text.length;
    if (packText(text, this.key0, this.key1, 0)) return this.short(this.key0[0], this.key1[0], id);
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    return this.longId(mix(h, n), text, id);
  }

  /** The index of the id in bytes[start, end) (UTF-8), adding it on first sight. */
  indexOfBytes(bytes: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (packAscii(bytes, start, end, this.key0, this.key1, 0)) return this.short(this.key0[0], this.key1[0], undefined);
    // Long ASCII ids are hashed from the bytes; anything else is decoded first.
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) {
      const c = bytes[k];
      if (c >= 128) return this.indexOf(decodeUtf8(bytes.subarray(start, end)));
      h = Math.imul(h ^ c, 0x01000193);
    }
    const hash = mix(h, n);
    const table = this.table;
    for (let slot = (hash & this.mask) * STRIDE; ; slot = (slot + STRIDE) & (this.mask * STRIDE + STRIDE - 1)) {
      const v = table[slot + 2];
      if (v === 0) return this.insert(slot, hash, LONG, asciiText(bytes, start, end));
      if (table[slot] === hash && table[slot + 1] === LONG && sameAscii(this.given[v - 1] as string, bytes, start, end)) return v - 1;
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
      out[k] = v !== 0 ? v - 1 : this.insert(slot, a, b, undefined);
    }
  }

  /** Keeps the batch's table reads from being optimised away. */
  private touched = 0;

  /** The ids in order of first sight, keyed as in the table (for merge). */
  list(): IdList {
    const given: [number, string | number][] = [];
    for (let k = 0; k < this.given.length; k++) {
      const id = this.given[k];
      if (id !== undefined) given.push([k, id]);
    }
    return { count: this.size, w0: this.w0.slice(0, this.size), w1: this.w1.slice(0, this.size), given };
  }

  /**
   * Takes in another index's ids, in their order of first sight, and returns each
   * one's index here: ids not seen here yet are added after this index's own, in
   * the order the other index saw them first.
   */
  merge(other: IdList): Int32Array {
    const { count, w0, w1, given } = other;
    const out = new Int32Array(count);
    let k = 0;
    for (const [at, id] of [...given, [count, ""] as const]) {
      // the packed ids before the next given one, in batches, then the given one
      for (let n; (n = Math.min(at - k, 512)) > 0; k += n) this.indexOfPacked(w0.subarray(k, k + n), w1.subarray(k, k + n), n, out.subarray(k, k + n));
      if (at < count) out[k++] = this.indexOf(id);
    }
    return out;
  }

  /** The packed words of one short id, for indexOf and indexOfBytes. */
  private readonly key0 = new Int32Array(1);
  private readonly key1 = new Int32Array(1);

  /** A short id by its packed words; `id` as given, or undefined when the words spell it. */
  private short(w0: number, w1: number, id: string | number | undefined): number {
    const slot = this.find(w0, w1, mix(w0, w1));
    const v = this.table[slot + 2];
    return v !== 0 ? v - 1 : this.insert(slot, w0, w1, id);
  }

  private longId(hash: number, text: string, id: string | number): number {
    const table = this.table;
    for (let slot = (hash & this.mask) * STRIDE; ; slot = (slot + STRIDE) & (this.mask * STRIDE + STRIDE - 1)) {
      const v = table[slot + 2];
      if (v === 0) return this.insert(slot, hash, LONG, id);
      if (table[slot] === hash && table[slot + 1] === LONG && String(this.given[v - 1]) === text) return v - 1;
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

  /** Adds an id at its empty slot; `id` is undefined when its packed words spell it. */
  private insert(slot: number, w0: number, w1: number, id: string | number | undefined): number {
    const index = this.given.length;
    this.given.push(id);
    if (index === this.w0.length) {
      this.w0 = growInts(this.w0);
      this.w1 = growInts(this.w1);
    }
    this.w0[index] = w0;
    this.w1[index] = w1;
    this.table[slot] = w0;
    this.table[slot + 1] = w1;
    this.table[slot + 2] = index + 1;
    if (this.given.length * 2 > this.mask + 1) this.grow();
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

/** packAscii for text: at most 8 characters below 128. */
export function packText(text: string, w0: Int32Array, w1: Int32Array, k: number): boolean {
  const n = text.length;
  if (n > 8) return false;
  let a = n << 28;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return false;
    if (i < 4) a |= c << (7 * i);
    else b |= c << (7 * (i - 4));
  }
  w0[k] = a;
  w1[k] = b;
  return true;
}

function growInts(array: Int32Array): Int32Array {
  const bigger = new Int32Array(Math.max(16, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** The text of a packed short id. */
function unpack(w0: number, w1: number): string {
  const n = (w0 >>> 28) & 15;
  // One flat string from all the codes at once (joining characters makes a chain of pieces).
  const a = w0 & 127;
  const b = (w0 >>> 7) & 127;
  const c = (w0 >>> 14) & 127;
  const d = (w0 >>> 21) & 127;
  const e = w1 & 127;
  const f = (w1 >>> 7) & 127;
  const g = (w1 >>> 14) & 127;
  const h = (w1 >>> 21) & 127;
  switch (n) {
    case 0:
      return "";
    case 1:
      return String.fromCharCode(a);
    case 2:
      return String.fromCharCode(a, b);
    case 3:
      return String.fromCharCode(a, b, c);
    case 4:
      return String.fromCharCode(a, b, c, d);
    case 5:
      return String.fromCharCode(a, b, c, d, e);
    case 6:
      return String.fromCharCode(a, b, c, d, e, f);
    case 7:
      return String.fromCharCode(a, b, c, d, e, f, g);
    default:
      return String.fromCharCode(a, b, c, d, e, f, g, h);
  }
}

let utf8: TextDecoder | undefined; // made on first use: Excel's functions never read bytes

/** UTF-8 text as Buffer.toString gives the fields that reach the text rules: a leading U+FEFF is kept. */
function decodeUtf8(bytes: Uint8Array): string {
  utf8 ??= new TextDecoder("utf-8", { ignoreBOM: true });
  return utf8.decode(bytes);
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
