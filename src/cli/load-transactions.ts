/**
 * Streams a CSV transaction log into Transactions through the core's
 * TransactionBuilder. Plain ISO (yyyy-mm-dd) and dotted (dd.mm.yyyy) dates and
 * plain decimal amounts are read straight from the bytes; anything else (slash
 * dates, times, quoted fields, exponents) goes through the core's text rules, so
 * the file obeys exactly the rules of the Excel functions.
 */
import * as fs from "fs";
import { valueError } from "../core/errors";
import { DateOrder, daysFromCivil, isValidCivil, packAscii, Transactions, TransactionBuilder } from "../core/transactions";
import { CsvRecord, fieldText, readCsv } from "./csv-reader";

export interface ColumnChoice {
  id?: string;
  date?: string;
  value?: string;
}

export interface Columns {
  id: number;
  date: number;
  value: number | undefined;
  names: string[];
}

const idNames = ["customer_id", "customerid", "customer", "client_id", "user_id", "userid", "id"];
const dateNames = ["date", "order_date", "orderdate", "transaction_date", "purchase_date", "invoice_date", "day", "timestamp", "time"];
const valueNames = ["revenue", "amount", "value", "sales", "total", "price"];

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** The column a name picks: an exact header (any case) or a 1-based column number. */
function named(header: string[], choice: string, what: string, fn: string): number {
  const k = header.findIndex((h) => normal(h) === normal(choice));
  if (k >= 0) return k;
  if (/^\d+$/.test(choice) && +choice >= 1 && +choice <= header.length) return +choice - 1;
  throw valueError(`${fn} requires --${what} to name a column of the header (${header.join(", ")}), not "${choice}"`);
}

/** The first header that is one of the names, else the first that contains one of them. */
function guess(header: string[], names: string[]): number {
  const normalized = header.map(normal);
  for (const name of names) {
    const k = normalized.indexOf(name);
    if (k >= 0) return k;
  }
  for (const name of names) {
    const k = normalized.findIndex((h) => h.includes(name));
    if (k >= 0) return k;
  }
  return -1;
}

/** Finds the id, date and value columns by header name unless named. */
export function findColumns(header: string[], choice: ColumnChoice, fn: string): Columns {
  const id = choice.id ? named(header, choice.id, "id", fn) : guess(header, idNames);
  if (id < 0) throw valueError(`${fn} found no customer id column in the header (${header.join(", ")}): name it with --id`);
  const date = choice.date ? named(header, choice.date, "date", fn) : guess(header, dateNames);
  if (date < 0) throw valueError(`${fn} found no date column in the header (${header.join(", ")}): name it with --date`);
  const found = choice.value ? named(header, choice.value, "value", fn) : guess(header, valueNames);
  return { id, date, value: found >= 0 && found !== id && found !== date ? found : undefined, names: header };
}

const D0 = 48; // "0"

/** yyyy-mm-dd (exactly) as a day number, or undefined. */
function isoDay(b: Buffer, s: number, e: number): number | undefined {
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return undefined;
  const y = digits(b, s, 4);
  const m = digits(b, s + 5, 2);
  const d = digits(b, s + 8, 2);
  return y >= 0 && m >= 0 && d >= 0 && isValidCivil(y, m, d) ? daysFromCivil(y, m, d) : undefined;
}

/** dd.mm.yyyy (exactly) as a day number, or undefined. */
function dottedDay(b: Buffer, s: number, e: number): number | undefined {
  if (e - s !== 10 || b[s + 2] !== 46 || b[s + 5] !== 46) return undefined;
  const d = digits(b, s, 2);
  const m = digits(b, s + 3, 2);
  const y = digits(b, s + 6, 4);
  return y >= 0 && m >= 0 && d >= 0 && isValidCivil(y, m, d) ? daysFromCivil(y, m, d) : undefined;
}

function digits(b: Buffer, s: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = b[s + k] - D0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal ([-]digits[.digits]) as a number, or NaN to send the field to the
 * general rules. Exact: the digits form an integer below 2^53 and dividing by an
 * exact power of ten rounds once, as Number() does.
 */
function decimal(b: Buffer, s: number, e: number): number {
  let i = s;
  const negative = b[i] === 45;
  if (negative) i++;
  if (i === e) return NaN;
  let v = 0;
  let scale = -1;
  let count = 0;
  for (; i < e; i++) {
    const c = b[i];
    if (c === 46 && scale < 0) {
      scale = 0;
      continue;
    }
    const d = c - D0;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
    if (scale >= 0) scale++;
    if (++count > 15) return NaN;
  }
  if (scale === 0 && count === 0) return NaN;
  const x = scale > 0 ? v / pow10[scale] : v;
  return negative ? -x : x;
}

export interface LoadOptions {
  fn: string;
  columns: ColumnChoice;
  dateOrder?: DateOrder;
  /** whether values are read (when the file has a value column) */
  wantValues: boolean;
}

/**
 * Rows waiting to be added together: their ids are packed short ids, which the
 * id table resolves in batches (see IdIndex.indexOfPacked).
 */
class Batch {
  static readonly size = 512;
  count = 0;
  rows = new Int32Array(Batch.size);
  w0 = new Int32Array(Batch.size);
  w1 = new Int32Array(Batch.size);
  days = new Int32Array(Batch.size);
  revenue = new Float64Array(Batch.size);

  constructor(private readonly builder: TransactionBuilder) {}

  flush(): void {
    if (this.count === 0) return;
    this.builder.addPackedBatch(this.count, this.rows, this.w0, this.w1, this.days, this.revenue);
    this.count = 0;
  }
}

/** Reads the whole file into Transactions. */
export function loadTransactions(file: string, options: LoadOptions): Transactions {
  const { fn } = options;
  let columns: Columns | undefined;
  let builder: TransactionBuilder | undefined;
  let batch: Batch | undefined;
  let hasValues = false;
  const size = fs.statSync(file).size;
  readCsv(file, (record: CsvRecord) => {
    if (!columns || !builder || !batch) {
      const header = Array.from({ length: record.count }, (_, k) => fieldText(record, k));
      columns = findColumns(header, options.columns, fn);
      hasValues = options.wantValues && columns.value !== undefined;
      const names = { fn, ids: header[columns.id], dates: header[columns.date], values: columns.value === undefined ? "values" : header[columns.value], row: "line", dateOrder: "--date-order" };
      // Rows are about 26 bytes in a generated log: reserve once instead of doubling.
      builder = new TransactionBuilder({ names, hasValues, dateOrder: options.dateOrder, detectHeader: false, expectedRows: Math.min(1 << 27, Math.ceil(size / 24)) });
      batch = new Batch(builder);
      builder.skip(record.line);
      return;
    }
    addRecord(builder, batch, columns, hasValues, record);
  });
  if (!builder || !batch) throw valueError(`${fn} requires a header line and transactions in ${file}`);
  batch.flush();
  return builder.finish();
}

function addRecord(builder: TransactionBuilder, batch: Batch, columns: Columns, hasValues: boolean, r: CsvRecord): void {
  const b = r.bytes;
  const line = r.line;
  const ci = columns.id;
  const cd = columns.date;
  if (ci < r.count && cd < r.count && !r.escaped[ci] && r.end[ci] > r.start[ci] && b[r.start[ci]] !== 32 && b[r.end[ci] - 1] !== 32) {
    const s = r.start[cd];
    const e = r.end[cd];
    const day = isoDay(b, s, e) ?? dottedDay(b, s, e);
    if (day !== undefined) {
      let revenue = 0;
      if (hasValues) {
        const cv = columns.value as number;
        revenue = cv < r.count && !r.escaped[cv] ? decimal(b, r.start[cv], r.end[cv]) : NaN;
        if (Number.isNaN(revenue)) revenue = builder.readValue(line, cv < r.count ? fieldText(r, cv) : "");
      }
      const k = batch.count;
      if (packAscii(b, r.start[ci], r.end[ci], batch.w0, batch.w1, k)) {
        batch.rows[k] = line;
        batch.days[k] = day;
        batch.revenue[k] = revenue;
        if (++batch.count === Batch.size) batch.flush();
        return;
      }
      batch.flush();
      builder.addParsed(line, b, r.start[ci], r.end[ci], day, revenue);
      return;
    }
  }
  // Everything else goes through the general rules, after the rows before it.
  batch.flush();
  if (r.count === 1 && r.end[0] === r.start[0]) {
    builder.skip(line); // an empty line
    return;
  }
  const value = hasValues ? fieldText(r, columns.value as number) : undefined;
  builder.addRow(line, fieldText(r, ci), fieldText(r, cd), value);
}
