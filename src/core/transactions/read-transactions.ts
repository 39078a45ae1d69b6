import { Cell } from "../cells";
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
