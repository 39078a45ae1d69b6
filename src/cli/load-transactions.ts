/**
 * Streams a CSV transaction log into Transactions through the core's
 * TransactionBuilder: the header names the columns, RowAdder adds the rows, and a
 * large file is read on several threads (parallel-read.ts).
 */
import * as fs from "fs";
import { valueError } from "../core/errors";
import { DateOrder, Transactions, TransactionBuilder } from "../core/transactions";
import { fieldText, ReadEnd, readCsv } from "./csv-reader";
import { cutPoints, startPart, workerScript } from "./parallel-read";
import { RowAdder } from "./row-adder";

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

export interface LoadOptions {
  fn: string;
  columns: ColumnChoice;
  dateOrder?: DateOrder;
  /** whether values are read (when the file has a value column) */
  wantValues: boolean;
}

/** What reading a file did, for --verbose. */
export interface LoadReport {
  /** how many parts the file was cut into */
  parts: number;
  /** rows read on worker threads */
  workerRows: number;
  /** what happened to each part after the first */
  notes: string[];
}

/**
 * Reads the whole file into Transactions, on up to `threads` threads (see
 * parallel-read.ts); one when the worker script is not beside the bundle.
 */
export function loadTransactions(file: string, options: LoadOptions, threads = 1, report?: LoadReport): Transactions {
  const { fn } = options;
  const size = fs.statSync(file).size;
  let header: string[] | undefined;
  let headerLine = 1;
  const afterHeader = readCsv(
    file,
    (record) => {
      if (header) return false;
      header = Array.from({ length: record.count }, (_, k) => fieldText(record, k));
      headerLine = record.line;
      return true;
    },
    { chunkSize: 1 << 16 },
  );
  if (!header) throw valueError(`${fn} requires a header line and transactions in ${file}`);
  const columns = findColumns(header, options.columns, fn);
  const hasValues = options.wantValues && columns.value !== undefined;
  const names = { fn, ids: header[columns.id], dates: header[columns.date], values: columns.value === undefined ? "values" : header[columns.value], row: "line", dateOrder: "--date-order" };
  // Rows are about 26 bytes in a generated log: reserve once instead of doubling.
  const builder = new TransactionBuilder({ names, hasValues, dateOrder: options.dateOrder, detectHeader: false, expectedRows: Math.min(1 << 27, Math.ceil(size / 24)) });
  builder.skip(headerLine);
  const adder = new RowAdder(builder, columns, hasValues);

  const script = threads > 1 ? workerScript() : undefined;
  const cuts = script ? cutPoints(file, afterHeader.pos, size, threads) : [];
  const workers = cuts.map((from, k) => startPart(script as string, { file, from, to: cuts[k + 1] ?? size, columns, hasValues, names }));
  if (report) report.parts = cuts.length + 1;
  let at: ReadEnd = afterHeader;
  for (let k = 0; ; k++) {
    at = readCsv(file, (record) => adder.add(record), { start: at.pos, line: at.line, stopAt: cuts[k] });
    if (k === cuts.length) break;
    adder.flush();
    const worker = workers[k];
    const waitStart = Date.now();
    const result = at.pos === cuts[k] ? worker?.wait() : undefined;
    const waited = Date.now() - waitStart;
    if (!result) {
      worker?.cancel();
      const why = at.pos !== cuts[k] ? "a quoted field spans its start" : worker ? "the worker failed" : "no worker thread could start";
      report?.notes.push(`part ${k + 2}: read on the main thread (${why})`);
      continue;
    }
    builder.appendPart(result.part, at.line);
    const rows = result.part.customer.length;
    const end = { pos: result.end.pos, line: at.line - 1 + result.end.line };
    if (report) {
      report.workerRows += rows;
      const stopped = end.pos < (cuts[k + 1] ?? size) ? `; line ${end.line} on, read on the main thread` : "";
      report.notes.push(`part ${k + 2}: lines ${at.line}–${end.line - 1}, ${rows} rows on a worker thread (waited for ${waited} ms)${stopped}`);
    }
    at = end;
  }
  adder.flush();
  return builder.finish();
}
