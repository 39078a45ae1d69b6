/**
 * Rows waiting to be added to a TransactionBuilder together, each with its id
 * packed into two words (see packAscii): the id table resolves a batch at a time
 * (IdIndex.indexOfPacked), so the processor waits for its cache misses together.
 */
export class PackedRows {
  static readonly capacity = 512;
  count = 0;
  readonly w0 = new Int32Array(PackedRows.capacity);
  readonly w1 = new Int32Array(PackedRows.capacity);
  readonly days = new Int32Array(PackedRows.capacity);
  readonly revenue = new Float64Array(PackedRows.capacity);

  /**
   * Packs a text id of at most 8 ASCII characters into the next slot (as packAscii
   * does bytes); false, leaving the slot, for any other text.
   */
  packText(text: string): boolean {
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
    this.w0[this.count] = a;
    this.w1[this.count] = b;
    return true;
  }

  /** Fills the rest of the slot packed by packText or packAscii; true when the batch is full. */
  push(day: number, revenue: number): boolean {
    const k = this.count++;
    this.days[k] = day;
    this.revenue[k] = revenue;
    return this.count === PackedRows.capacity;
  }
}
