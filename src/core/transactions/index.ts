/**
 * The one input module: turns customer id, date and revenue columns (Excel ranges
 * or CSV files) into typed arrays the cohort engine and the models read.
 */
import type { DateOrder } from "./parse-date-text";

export type { DateOrder, ParsedDate } from "./parse-date-text";
export { parseDateText } from "./parse-date-text";
export { readTransactions, readTransactionRanges } from "./read-transactions";
export type { ReadOptions } from "./read-transactions";
export { TransactionBuilder } from "./transaction-builder";
export type { TransactionPart } from "./transaction-builder";
export { IdIndex, packAscii } from "./id-index";
export { PackedRows } from "./packed-rows";
export type { IdList } from "./id-index";
export type { BuilderOptions, ReaderNames } from "./transaction-builder";
export { dateCellToDay } from "./date-cell-to-day";
export { parseDateOrder } from "./parse-date-order";
export { excelSerialToDay, dayToExcelSerial, MAX_EXCEL_SERIAL, EXCEL_EPOCH_SERIAL } from "./excel-serial";
export { daysFromCivil, civilFromDays, isoDate, isValidCivil, daysInMonth, isLeapYear } from "./calendar";

export interface Transactions {
  /** distinct ids, in order of first appearance (the readers make them on first read) */
  customerIds: (string | number)[];
  /** how many distinct ids, when known without making them; see customerCount() */
  customerCount?: number;
  /** per kept row: index into customerIds */
  customer: Int32Array;
  /** per kept row: days since 1970-01-01 (UTC calendar day) */
  day: Int32Array;
  /** per kept row, when values were given */
  revenue?: Float64Array;
  /** 1-based rows skipped as blank (and the header row if any) */
  skippedRows: number[];
  /** whether row 1 was taken as a header */
  headerRow: boolean;
  /** the order slash dates were read in, when the column had any or date_order was given */
  dateOrder?: DateOrder;
}

/** The number of distinct customers, without making their ids when the reader counted them. */
export function customerCount(tx: Transactions): number {
  return tx.customerCount ?? tx.customerIds.length;
}
