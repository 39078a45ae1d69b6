/**
 * `retain`: the cohort engine over CSV files, for logs past Excel's row limit.
 * Each command prints exactly the table the matching RETAIN.* function spills.
 * Exit codes: 0 done, 1 bad input (a message on stderr), 2 usage.
 */
import * as fs from "fs";
import * as os from "os";
import { cohortTable, customerSummary, growthAccounting, parseMetric, parseMode, parsePeriod, parseTimeUnit, rfm, Table } from "../core/cohort";
import { RetainError, valueError } from "../core/errors";
import { customerCount, dateCellToDay, parseDateOrder, Transactions } from "../core/transactions";
import { Args, parseArgs, usage } from "./args";
import { Format, formatTable } from "./format-table";
import { loadTransactions, LoadReport } from "./load-transactions";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs one command and returns the exit code. */
export function main(argv: string[], io: Io): number {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) {
    (argv.length === 0 ? io.err : io.out)(usage + "\n");
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const args = parseArgs(argv);
    const format = (args.options.format ?? "csv").toLowerCase();
    if (format !== "csv" && format !== "json") throw valueError(`retain requires --format to be one of csv, json, not "${args.options.format}"`);
    io.out(formatTable(run(args, io), format as Format));
    return 0;
  } catch (error) {
    if (error instanceof RetainError) {
      io.err(`retain: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Files smaller than this are read on one thread: a worker takes longer to start than they take to read. */
const PARALLEL_BYTES = 8 << 20;

function threadCount(given: string | undefined, file: string, fn: string): number {
  if (given === undefined) return fs.statSync(file).size < PARALLEL_BYTES ? 1 : Math.min(4, os.availableParallelism());
  if (!/^\d+$/.test(given) || +given < 1 || +given > 64) throw valueError(`${fn} requires --threads to be a whole number from 1 to 64, not "${given}"`);
  return +given;
}

function run(args: Args, io: Io): Table {
  const { command, file, options } = args;
  const fn = `retain ${command}`;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw valueError(`${fn} requires a readable CSV file, not "${file}"`);
  const dateOrder = parseDateOrder(options["date-order"], fn);
  // Validate the words before reading a large file.
  const period = parsePeriod(options.period, fn);
  const metric = command === "cohort" ? parseMetric(options.metric, fn) : undefined;
  const mode = command === "cohort" ? parseMode(options.mode, fn) : undefined;
  const timeUnit = command === "summary" ? parseTimeUnit(options["time-unit"], fn) : undefined;
  const wantValues = !(command === "cohort" && (metric === "retention" || metric === "customers"));
  const threads = threadCount(options.threads, file, fn);
  const report: LoadReport = { parts: 1, workerRows: 0, notes: [] };
  const started = Date.now();
  const tx: Transactions = loadTransactions(file, { fn, columns: { id: options.id, date: options.date, value: options.value }, dateOrder, wantValues }, threads, report);
  if (options.verbose !== undefined) {
    const rows = tx.customer.length;
    io.err(`retain: read ${rows} rows of ${customerCount(tx)} customers in ${Date.now() - started} ms, ${report.parts} part(s), ${report.workerRows} rows on worker threads\n`);
    for (const note of report.notes) io.err(`retain: ${note}\n`);
  }
  const order = tx.dateOrder; // the given --date-order, or the one the slash dates settled
  switch (command) {
    case "cohort":
      return cohortTable(tx, { period, metric, mode, fn });
    case "growth":
      return growthAccounting(tx, { period, fn });
    case "summary": {
      const end = options["observation-end"];
      return customerSummary(tx, { observationEnd: end === undefined ? undefined : dateCellToDay(end, "--observation-end", fn, order), timeUnit, fn });
    }
    case "rfm": {
      const asOf = options["as-of"];
      return rfm(tx, { asOf: asOf === undefined ? undefined : dateCellToDay(asOf, "--as-of", fn, order), fn });
    }
  }
}
