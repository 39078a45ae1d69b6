/**
 * `retain`: the cohort engine over CSV files, for logs past Excel's row limit.
 * Each command prints exactly the table the matching RETAIN.* function spills.
 * Exit codes: 0 done, 1 bad input (a message on stderr), 2 usage.
 */
import * as fs from "fs";
import { cohortTable, customerSummary, growthAccounting, parseMetric, parseMode, parsePeriod, parseTimeUnit, rfm, Table } from "../core/cohort";
import { RetainError, valueError } from "../core/errors";
import { dateCellToDay, parseDateOrder, Transactions } from "../core/transactions";
import { Args, parseArgs, usage } from "./args";
import { Format, formatTable } from "./format-table";
import { loadTransactions } from "./load-transactions";

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
    io.out(formatTable(run(args), format as Format));
    return 0;
  } catch (error) {
    if (error instanceof RetainError) {
      io.err(`retain: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function run(args: Args): Table {
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
  const tx: Transactions = loadTransactions(file, { fn, columns: { id: options.id, date: options.date, value: options.value }, dateOrder, wantValues });
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
