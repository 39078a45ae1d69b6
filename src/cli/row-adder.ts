/**
 * Adds CSV records to a TransactionBuilder. The common row (a plain id, an ISO or
 * dotted date, a plain decimal) is read straight from the bytes and added in
 * batches; any other row goes through the core's text rules, after the rows
 * before it, so a file obeys exactly the rules of the Excel functions.
 */
import { packAscii, PackedRows, TransactionBuilder } from "../core/transactions";
import { dottedDay, decimal, isoDay } from "./byte-fields";
import { CsvRecord, fieldText } from "./csv-reader";

/** Column positions in a record (0-based). */
export interface ColumnIndices {
  id: number;
  date: number;
  value: number | undefined;
}

const SPACE = 32;

export class RowAdder {
  /** rows with short ids, added to the builder a batch at a time */
  private readonly batch = new PackedRows();

  /** `hasValues`: whether revenue is read (the builder was made with values). */
  constructor(
    private readonly builder: TransactionBuilder,
    private readonly columns: ColumnIndices,
    private readonly hasValues: boolean,
  ) {}

  /** Adds any record: the fast way when it can, else by the general rules. */
  add(r: CsvRecord): void {
    if (this.addFast(r)) return;
    this.flush();
    if (r.count === 1 && r.end[0] === r.start[0]) {
      this.builder.skip(r.line); // an empty line
      return;
    }
    const { id, date, value } = this.columns;
    this.builder.addRow(r.line, fieldText(r, id), fieldText(r, date), this.hasValues ? fieldText(r, value as number) : undefined);
  }

  /**
   * Adds a record read straight from its bytes, or returns false (adding nothing)
   * when it needs the general rules: a blank, quoted-with-"" or space-padded id, a
   * date that is not plain ISO or dotted, an amount that is not a plain decimal.
   */
  addFast(r: CsvRecord): boolean {
    const b = r.bytes;
    const ci = this.columns.id;
    const cd = this.columns.date;
    if (ci >= r.count || cd >= r.count || r.escaped[ci]) return false;
    const is = r.start[ci];
    const ie = r.end[ci];
    if (ie === is || b[is] === SPACE || b[ie - 1] === SPACE) return false;
    const day = this.dayOf(b, r.start[cd], r.end[cd]);
    if (day === undefined) return false;
    let revenue = 0;
    if (this.hasValues) {
      const cv = this.columns.value as number;
      if (cv >= r.count || r.escaped[cv]) return false;
      if (r.end[cv] > r.start[cv]) revenue = decimal(b, r.start[cv], r.end[cv]);
      if (Number.isNaN(revenue)) return false;
    }
    const batch = this.batch;
    if (packAscii(b, is, ie, batch.w0, batch.w1, batch.count)) {
      if (batch.push(day, revenue)) this.flush();
    } else {
      this.flush();
      this.builder.addParsed(b, is, ie, day, revenue);
    }
    return true;
  }

  // The last date read, as its ten bytes in three words, and its day: logs are
  // usually in time order, so most rows repeat the date of the row before.
  private dateA = 0;
  private dateB = 0;
  private dateC = -1;
  private lastDay = 0;

  /** A plain ISO or dotted date (ten bytes) as a day number, or undefined. */
  private dayOf(b: Uint8Array, s: number, e: number): number | undefined {
    if (e - s !== 10) return undefined;
    const x = b[s] | (b[s + 1] << 8) | (b[s + 2] << 16) | (b[s + 3] << 24);
    const y = b[s + 4] | (b[s + 5] << 8) | (b[s + 6] << 16) | (b[s + 7] << 24);
    const z = b[s + 8] | (b[s + 9] << 8);
    if (x === this.dateA && y === this.dateB && z === this.dateC) return this.lastDay;
    const day = isoDay(b, s, e) ?? dottedDay(b, s, e);
    if (day !== undefined) {
      this.dateA = x;
      this.dateB = y;
      this.dateC = z;
      this.lastDay = day;
    }
    return day;
  }

  /** Adds the rows waiting in the batch; call before reading the builder. */
  flush(): void {
    if (this.batch.count > 0) this.builder.addPacked(this.batch);
  }
}
