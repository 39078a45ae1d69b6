import { packText } from "./id-index";

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

  /** Packs a text id into the next slot (see packText); false, leaving the slot, when it is not short ASCII. */
  packText(text: string): boolean {
    return packText(text, this.w0, this.w1, this.count);
  }

  /** Fills the rest of the slot packed by packText or packAscii; true when the batch is full. */
  push(day: number, revenue: number): boolean {
    const k = this.count++;
    this.days[k] = day;
    this.revenue[k] = revenue;
    return this.count === PackedRows.capacity;
  }
}
