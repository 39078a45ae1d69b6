/**
 * Collects transaction rows one at a time into typed arrays, so that Excel ranges
 * and streamed CSV files go through the same rules without keeping rows as text:
 *
 * - a row whose id and date are both blank (0, null, "" or spaces) is skipped:
 *   desktop Excel sends blank cells as 0, so whole-column references work;
 * - the first row is a header when its date cell is text that is no date;
 * - any other row needs an id (text or a number; 7 and "7" are one customer), a
 *   readable date, and a number or a blank (read as 0) in values; otherwise the
 *   error names the argument, the 1-based row and the value;
 * - slash dates (a/b/yyyy) are judged over the whole column when the reader
 *   finishes: read the only way every one of them fits, or in the given date
 *   order; a column that fits both readings needs date_order, one that fits
 *   neither is an error. Revenue is summed as given, refunds included.
 */
import { Cell, describeCell } from "../cells";
import { valueError } from "../errors";
import { excelSerialToDay } from "./excel-serial";
import { IdIndex, IdList } from "./id-index";
import { PackedRows } from "./packed-rows";
import { DateOrder, parseDateText } from "./parse-date-text";
import type { Transactions } from "./index";

/** How messages name things: the function, each input column and a row. */
export interface ReaderNames {
  fn: string;
  ids: string;
  dates: string;
  values: string;
  /** "row" for ranges, "line" for files */
  row: string;
  /** the argument that sets the date order: date_order in Excel, --date-order on the command line */
  dateOrder?: string;
}

export interface BuilderOptions {
  names: ReaderNames;
  hasValues: boolean;
  dateOrder?: DateOrder;
  /** take a first row whose date is non-date text as a header (ranges); files name their header themselves */
  detectHeader?: boolean;
  expectedRows?: number;
}

const NO_DAY = -2147483648;

/**
 * Rows one builder read from a part of an input, for another to append (a worker
 * thread's share of a file): ids as the part's own index saw them, skipped rows
 * numbered from 1 at the part's start.
 */
export interface TransactionPart {
  ids: IdList;
  customer: Int32Array;
  day: Int32Array;
  revenue?: Float64Array;
  skippedRows: number[];
}

export class TransactionBuilder {
  private readonly names: ReaderNames;
  private readonly hasValues: boolean;
  private dateOrder: DateOrder | undefined;
  private readonly detectHeader: boolean;
  private readonly index: IdIndex;
  private customer: Int32Array;
  private day: Int32Array;
  private revenue: Float64Array;
  private length = 0;
  private readonly skipped: number[] = [];
  private headerRow = false;
  private seenRows = 0;
  // Slash dates waiting for the column's verdict: kept-row position and both readings.
  private pendingAt: number[] = [];
  private pendingDmy: number[] = [];
  private pendingMdy: number[] = [];
  private onlyDmy: { row: number; text: string } | undefined;
  private onlyMdy: { row: number; text: string } | undefined;
  private ambiguous: { row: number; text: string } | undefined;

  constructor(options: BuilderOptions) {
    this.names = options.names;
    this.hasValues = options.hasValues;
    this.dateOrder = options.dateOrder;
    this.detectHeader = options.detectHeader ?? true;
    const capacity = Math.max(16, options.expectedRows ?? 1024);
    // Logs hold several rows per customer: size the id table for an eighth of the rows (it grows when needed).
    this.index = new IdIndex(capacity >>> 3);
    this.customer = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.revenue = new Float64Array(this.hasValues ? capacity : 0);
  }

  /** Records a row that was skipped before reaching the builder (e.g. an empty line in a file). */
  skip(row: number): void {
    this.skipped.push(row);
  }

  /** Rows of short text ids waiting to be added in a batch (see PackedRows); flushed before any other row. */
  private readonly staged = new PackedRows();

  /** Adds one input row as cells. */
  addRow(row: number, id: Cell, date: Cell, value: Cell): void {
    // The common Excel row, a text id and a serial date, without the general checks.
    if (typeof date === "number" && typeof id === "string" && id.length > 0 && id.charCodeAt(0) > 32) {
      const day = excelSerialToDay(date);
      if (day !== undefined) {
        const revenue = !this.hasValues ? 0 : typeof value === "number" && Number.isFinite(value) ? value : this.readValue(row, value);
        if (this.staged.packText(id)) {
          if (this.staged.push(day, revenue)) this.flush(); // addPacked counts the staged rows as seen
        } else {
          this.flush();
          this.seenRows++;
          this.push(this.index.indexOf(id), day, revenue);
        }
        return;
      }
    }
    this.flush();
    const first = this.seenRows++ === 0;
    const idBlank = id === 0 || id === null || id === undefined || (typeof id === "string" && id.trim() === "");
    const dateBlank = date === 0 || date === null || date === undefined || (typeof date === "string" && date.trim() === "");
    if (idBlank && dateBlank) {
      this.skipped.push(row);
      return;
    }
    let day: number | undefined;
    if (typeof date === "number") {
      day = excelSerialToDay(date);
    } else if (typeof date === "string" && !dateBlank) {
      const parsed = parseDateText(date);
      if (parsed === undefined) {
        if (first && this.detectHeader) {
          this.headerRow = true;
          this.skipped.push(row);
          return;
        }
      } else if (parsed.kind === "day") {
        day = parsed.day;
      } else {
        day = this.slashDate(row, date, parsed.dmy, parsed.mdy);
      }
    }
    if (idBlank) throw this.cellError(this.names.ids, row, "an id", id);
    if (typeof id === "boolean") throw this.cellError(this.names.ids, row, "an id", id);
    if (day === undefined) throw this.cellError(this.names.dates, row, this.dateOrder ? `a date (${this.dateOrder})` : "a date", date);
    this.push(this.customerIndex(id as string | number), day, this.hasValues ? this.readValue(row, value) : 0);
  }

  /**
   * Adds a row the caller already read: the CSV fast path for plain ids, ISO and
   * dotted dates (which need no column judgement) and plain decimals. The id is
   * bytes[start, end) of the file.
   */
  addParsed(bytes: Uint8Array, start: number, end: number, day: number, revenue: number): void {
    this.flush();
    this.seenRows++;
    this.push(this.index.indexOfBytes(bytes, start, end), day, revenue);
  }

  /**
   * Adds, and empties, a batch of rows the caller already read whose ids are packed
   * short ids (the CSV fast path; see IdIndex.indexOfPacked).
   */
  addPacked(batch: PackedRows): void {
    if (batch !== this.staged) this.flush();
    const count = batch.count;
    batch.count = 0;
    const customers = this.batchCustomers;
    this.index.indexOfPacked(batch.w0, batch.w1, count, customers);
    this.seenRows += count;
    for (let k = 0; k < count; k++) this.push(customers[k], batch.days[k], batch.revenue[k]);
  }

  private readonly batchCustomers = new Int32Array(PackedRows.capacity);

  /** Adds the staged rows. */
  private flush(): void {
    if (this.staged.count > 0) this.addPacked(this.staged);
  }

  /** The index of a customer id, adding it on first sight. */
  private customerIndex(id: string | number): number {
    return this.index.indexOf(id);
  }

  readValue(row: number, value: Cell): number {
    if (typeof value === "number") {
      if (Number.isFinite(value)) return value;
    } else if (value === null || value === undefined) {
      return 0;
    } else if (typeof value === "string") {
      const text = value.trim();
      if (text === "") return 0;
      const n = Number(text);
      if (Number.isFinite(n)) return n;
    }
    throw this.cellError(this.names.values, row, "a number", value);
  }

  private push(customer: number, day: number, revenue: number): void {
    if (this.length === this.customer.length) this.grow();
    const i = this.length++;
    this.customer[i] = customer;
    this.day[i] = day;
    if (this.hasValues) this.revenue[i] = revenue;
  }

  private grow(): void {
    const size = this.customer.length * 2;
    const customer = new Int32Array(size);
    customer.set(this.customer);
    this.customer = customer;
    const day = new Int32Array(size);
    day.set(this.day);
    this.day = day;
    if (this.hasValues) {
      const revenue = new Float64Array(size);
      revenue.set(this.revenue);
      this.revenue = revenue;
    }
  }

  /** A slash date: read now when the order is known, else parked until finish(). */
  private slashDate(row: number, text: string, dmy: number | undefined, mdy: number | undefined): number | undefined {
    if (this.dateOrder === "DMY") return dmy;
    if (this.dateOrder === "MDY") return mdy;
    if (dmy !== undefined && mdy === undefined) this.onlyDmy ??= { row, text };
    else if (mdy !== undefined && dmy === undefined) this.onlyMdy ??= { row, text };
    else if (dmy !== mdy) this.ambiguous ??= { row, text };
    this.pendingAt.push(this.length);
    this.pendingDmy.push(dmy ?? NO_DAY);
    this.pendingMdy.push(mdy ?? NO_DAY);
    return 0;
  }

  /**
   * Appends the rows of a later part of the same input, read by another builder
   * with the same options; `firstRow` is the row number of the part's row 1. Its
   * customers not seen here yet are added in the order the part saw them first.
   */
  appendPart(part: TransactionPart, firstRow: number): void {
    this.flush();
    const customers = this.index.merge(part.ids);
    const shift = firstRow - 1;
    const n = part.customer.length;
    while (this.customer.length < this.length + n) this.grow();
    const at = this.length;
    const customer = this.customer;
    for (let k = 0; k < n; k++) customer[at + k] = customers[part.customer[k]];
    this.day.set(part.day, at);
    if (this.hasValues && part.revenue) this.revenue.set(part.revenue, at);
    this.length += n;
    for (const row of part.skippedRows) this.skipped.push(row + shift);
    this.seenRows += n + part.skippedRows.length;
  }

  /** The rows read so far as a part for another builder's appendPart. */
  finishPart(): TransactionPart {
    this.flush();
    if (this.pendingAt.length > 0) throw new Error("a part with slash dates cannot be appended before its column is judged");
    const n = this.length;
    const part: TransactionPart = { ids: this.index.list(), customer: this.customer.subarray(0, n), day: this.day.subarray(0, n), skippedRows: this.skipped };
    if (this.hasValues) part.revenue = this.revenue.subarray(0, n);
    return part;
  }

  /** Settles the slash dates and returns the columns. */
  finish(): Transactions {
    this.flush();
    if (this.pendingAt.length > 0) this.settleSlashDates();
    const n = this.length;
    const index = this.index;
    const tx: Transactions = {
      // The cohort tables never read the ids: they are made on first read.
      get customerIds() {
        return index.ids;
      },
      customerCount: index.size,
      customer: this.customer.subarray(0, n),
      day: this.day.subarray(0, n),
      skippedRows: this.skipped,
      headerRow: this.headerRow,
    };
    if (this.hasValues) tx.revenue = this.revenue.subarray(0, n);
    if (this.dateOrder) tx.dateOrder = this.dateOrder;
    return tx;
  }

  private settleSlashDates(): void {
    const { fn, dates } = this.names;
    const { onlyDmy, onlyMdy, ambiguous } = this;
    if (onlyDmy && onlyMdy) {
      throw valueError(
        `${fn} requires the slash dates in ${dates} to be all day-first or all month-first, but ${this.names.row} ${onlyDmy.row} ${describeCell(onlyDmy.text)} is only day-first and ${this.names.row} ${onlyMdy.row} ${describeCell(onlyMdy.text)} only month-first`,
      );
    }
    if (!onlyDmy && !onlyMdy && ambiguous) {
      throw valueError(
        `${fn} requires ${this.names.dateOrder ?? "date_order"} ("DMY" or "MDY") because every slash date in ${dates} reads both day-first and month-first, as ${this.names.row} ${ambiguous.row} ${describeCell(ambiguous.text)}`,
        "dateOrder",
      );
    }
    const useDmy = onlyDmy !== undefined || !onlyMdy;
    const readings = useDmy ? this.pendingDmy : this.pendingMdy;
    for (let k = 0; k < this.pendingAt.length; k++) this.day[this.pendingAt[k]] = readings[k];
    this.dateOrder = useDmy ? "DMY" : "MDY";
    this.pendingAt = [];
    this.pendingDmy = [];
    this.pendingMdy = [];
  }

  private cellError(argument: string, row: number, wanted: string, cell: Cell) {
    const shown = cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "") || cell === 0 ? "blank" : describeCell(cell);
    return valueError(`${this.names.fn} requires ${argument} ${this.names.row} ${row} to be ${wanted}, not ${shown}`);
  }
}
