import { Cell, column, Range } from "../cells";
import { valueError } from "../errors";
import type { Transactions } from "./index";
import { DateOrder } from "./parse-date-text";
import { ReaderNames, TransactionBuilder } from "./transaction-builder";

export interface ReadOptions {
  dateOrder?: DateOrder;
  /** the function named in messages */
  fn?: string;
  /** how messages name the three columns; Excel's argument names by default */
  names?: Partial<ReaderNames>;
}

/**
 * Reads a transaction log from three columns of cells (ids, dates, optional
 * values) as Excel passes them, by the rules of TransactionBuilder.
 *
 * @example
 * readTransactions(["a", "b", "a"], [45306, "2024-02-01", "03.03.2024"], [10, 5, ""]).revenue;
 * // => Float64Array [10, 5, 0]
 */
export function readTransactions(ids: Cell[], dates: Cell[], values: Cell[] | undefined, options: ReadOptions = {}): Transactions {
  const names: ReaderNames = { fn: options.fn ?? "readTransactions", ids: "customer_ids", dates: "dates", values: "values", row: "row", ...options.names };
  if (dates.length !== ids.length) {
    throw valueError(`${names.fn} requires ${names.dates} to have as many rows as ${names.ids} (${ids.length}), not ${dates.length}`);
  }
  if (values && values.length !== ids.length) {
    throw valueError(`${names.fn} requires ${names.values} to have as many rows as ${names.ids} (${ids.length}), not ${values.length}`);
  }
  const builder = new TransactionBuilder({ names, hasValues: values !== undefined, dateOrder: options.dateOrder, expectedRows: ids.length });
  for (let i = 0; i < ids.length; i++) {
    builder.addRow(i + 1, ids[i], dates[i], values ? values[i] : undefined);
  }
  return builder.finish();
}

/**
 * readTransactions on ranges as Excel passes them (2-D arrays). One-column ranges
 * are read in place, without first copying each column into a list: at a million
 * rows the copies cost more than the reading.
 */
export function readTransactionRanges(ids: Range | Cell, dates: Range | Cell, values: Range | Cell | undefined, options: ReadOptions = {}): Transactions {
  const fn = options.fn ?? "readTransactions";
  const columnShaped = (range: Range | Cell | undefined) => range === undefined || (Array.isArray(range) && range.length > 1 && range[0].length === 1);
  if (!columnShaped(ids) || !columnShaped(dates) || !columnShaped(values) || (ids as Range).length !== (dates as Range).length || (values && (values as Range).length !== (ids as Range).length)) {
    return readTransactions(column(ids, "customer_ids", fn), column(dates, "dates", fn), values === undefined ? undefined : column(values, "values", fn), options);
  }
  const names: ReaderNames = { fn, ids: "customer_ids", dates: "dates", values: "values", row: "row", ...options.names };
  const idRows = ids as Range;
  const dateRows = dates as Range;
  const valueRows = values as Range | undefined;
  const builder = new TransactionBuilder({ names, hasValues: valueRows !== undefined, dateOrder: options.dateOrder, expectedRows: idRows.length });
  for (let i = 0; i < idRows.length; i++) {
    if (dateRows[i].length !== 1 || idRows[i].length !== 1) throw valueError(`${fn} requires customer_ids and dates to be single columns`);
    builder.addRow(i + 1, idRows[i][0], dateRows[i][0], valueRows ? valueRows[i][0] : undefined);
  }
  return builder.finish();
}
