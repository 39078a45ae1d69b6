/**
 * RETAIN.COHORT, RETAIN.GROWTH_ACCOUNTING, RETAIN.CUSTOMER_SUMMARY and RETAIN.RFM:
 * thin wrappers that read the ranges into Transactions (src/core/transactions),
 * call the cohort engine (src/core/cohort) and spill its table. The JSDoc of each
 * is the help Excel shows and the metadata CustomFunctionsMetadataPlugin builds.
 */
import { Cell, Range } from "../core/cells";
import { cohortTable, customerSummary, growthAccounting, needsRevenue, parseMetric, parseMode, parsePeriod, parseTimeUnit, rfm, Table } from "../core/cohort";
import { dateCellToDay, parseDateOrder, readTransactionRanges, Transactions } from "../core/transactions";
import { excelCall, isOmitted } from "./excel";

/** The three columns as Transactions, with messages in the function's argument names. */
function transactionsOf(fn: string, ids: unknown[][], dates: unknown[][], values: unknown[][] | null | undefined, dateOrder: unknown): Transactions {
  const valueRange = isOmitted(values) ? undefined : (values as Range);
  return readTransactionRanges(ids as Range, dates as Range, valueRange, { fn, dateOrder: parseDateOrder(dateOrder, fn) });
}

/** A date argument (serial or text) as a day number, read in the order the dates column was read. */
function optionalDate(cell: unknown, argument: string, fn: string, tx: Transactions): number | undefined {
  if (isOmitted(cell)) return undefined;
  const value = Array.isArray(cell) ? (cell as Cell[][])[0]?.[0] : (cell as Cell);
  return dateCellToDay(value, argument, fn, tx.dateOrder);
}

/**
 * Cohort table: customers grouped by the period of their first purchase, with one column per period since (0, 1, 2, …). Retention at offset k = customers of the cohort active in period k ÷ cohort size. Spills a header row, one row per cohort (2024-01, 2024-W03, 2024-Q1, …) and an "All cohorts" row pooled over the cohorts that reached each offset (Σ active ÷ Σ size). Cells past the last period in the data stay blank. Example: =RETAIN.COHORT(A2:A5000, B2:B5000, C2:C5000, "month", "retention").
 * @customfunction COHORT
 * @param {any[][]} customer_ids Customer id of each transaction (text or number); a column.
 * @param {any[][]} dates Date of each transaction: Excel dates, or text as yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy or mm/dd/yyyy.
 * @param {any[][]} [values] Revenue of each transaction (refunds negative); read only for the revenue, revenue_retention and ltv metrics.
 * @param {string} [period] "day", "week" (ISO, Monday start), "month" (default), "quarter" or "year".
 * @param {string} [metric] "retention" (share of the cohort active, default), "customers" (count), "revenue", "revenue_retention" (revenue ÷ revenue in period 0) or "ltv" (cumulative revenue per cohort customer).
 * @param {string} [mode] "on" (active in exactly that period, default) or "on_or_after" (active then or later: unbounded retention); for customers and retention.
 * @param {string} [date_order] "DMY" or "MDY": how to read slash dates such as 03/04/2024 when the column fits both.
 * @returns {any[][]} The cohort table.
 */
export function cohort(
  customer_ids: unknown[][],
  dates: unknown[][],
  values?: unknown[][],
  period?: string,
  metric?: string,
  mode?: string,
  date_order?: string,
): unknown[][] {
  return excelCall("COHORT", () => {
    const fn = "COHORT";
    const options = { period: parsePeriod(period, fn), metric: parseMetric(metric, fn), mode: parseMode(mode, fn), fn };
    // Values are read only for the metrics that use them, as `retain cohort` does.
    return cohortTable(transactionsOf(fn, customer_ids, dates, needsRevenue(options.metric) ? values : undefined, date_order), options);
  });
}

/**
 * Growth accounting: each period's active customers split into new, retained (active in the previous period too) and resurrected (active before, not in the previous period), with churned (active in the previous period, not in this one), revenue split the same way (new + retained + resurrected = total) and quick ratio = (new + resurrected) ÷ churned. Every period from the first to the last appears. Example: =RETAIN.GROWTH_ACCOUNTING(A2:A5000, B2:B5000, C2:C5000, "month").
 * @customfunction GROWTH_ACCOUNTING
 * @param {any[][]} customer_ids Customer id of each transaction (text or number); a column.
 * @param {any[][]} dates Date of each transaction: Excel dates, or text as yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy or mm/dd/yyyy.
 * @param {any[][]} [values] Revenue of each transaction; without it the revenue columns are blank.
 * @param {string} [period] "day", "week" (ISO, Monday start), "month" (default), "quarter" or "year".
 * @param {string} [date_order] "DMY" or "MDY": how to read slash dates such as 03/04/2024 when the column fits both.
 * @returns {any[][]} Period, Active, New, Retained, Resurrected, Churned, New revenue, Retained revenue, Resurrected revenue, Total revenue, Quick ratio.
 */
export function growth_accounting(customer_ids: unknown[][], dates: unknown[][], values?: unknown[][], period?: string, date_order?: string): unknown[][] {
  return excelCall("GROWTH_ACCOUNTING", () => {
    const fn = "GROWTH_ACCOUNTING";
    return growthAccounting(transactionsOf(fn, customer_ids, dates, values, date_order), { period: parsePeriod(period, fn), fn });
  });
}

/**
 * Per-customer summary for customer-lifetime models (as lifetimes' summary_data_from_transaction_data): frequency = number of repeat purchase days (same-day purchases count once), recency = last − first purchase, T = observation_end − first purchase, in days, weeks (÷ 7) or months (÷ 30); monetary_value = mean revenue of the repeat purchase days (0 without repeats). Purchases after observation_end are ignored. Example: =RETAIN.CUSTOMER_SUMMARY(A2:A5000, B2:B5000, C2:C5000, "1997-09-30", "W").
 * @customfunction CUSTOMER_SUMMARY
 * @param {any[][]} customer_ids Customer id of each transaction (text or number); a column.
 * @param {any[][]} dates Date of each transaction: Excel dates, or text as yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy or mm/dd/yyyy.
 * @param {any[][]} [values] Revenue of each transaction; without it monetary_value is blank.
 * @param {any} [observation_end] End of the observation period, a date; default: the last date in the data.
 * @param {string} [time_unit] "D" (days, default), "W" (weeks of 7 days) or "M" (months of 30 days).
 * @param {string} [date_order] "DMY" or "MDY": how to read slash dates such as 03/04/2024 when the column fits both.
 * @returns {any[][]} Customer, frequency, recency, T, monetary_value; one row per customer in order of first appearance.
 */
export function customer_summary(
  customer_ids: unknown[][],
  dates: unknown[][],
  values?: unknown[][],
  observation_end?: any,
  time_unit?: string,
  date_order?: string,
): unknown[][] {
  return excelCall("CUSTOMER_SUMMARY", () => {
    const fn = "CUSTOMER_SUMMARY";
    const timeUnit = parseTimeUnit(time_unit, fn);
    const tx = transactionsOf(fn, customer_ids, dates, values, date_order);
    return customerSummary(tx, { observationEnd: optionalDate(observation_end, "observation_end", fn, tx), timeUnit, fn });
  });
}

/**
 * RFM scores: per customer, recency (days from the last purchase to as_of), orders and revenue, each scored 1–5 by quintile (score = 1 + ⌊5 × customers strictly worse ÷ customers⌋, so ties share a score), the RFM code (e.g. 545) and a segment from the R × F map: Champions, Loyal, Potential loyalist, New, Promising, Need attention, About to sleep, At risk, Can't lose them, Hibernating, Lost. Example: =RETAIN.RFM(A2:A5000, B2:B5000, C2:C5000).
 * @customfunction RFM
 * @param {any[][]} customer_ids Customer id of each transaction (text or number); a column.
 * @param {any[][]} dates Date of each transaction: Excel dates, or text as yyyy-mm-dd, dd.mm.yyyy, dd/mm/yyyy or mm/dd/yyyy.
 * @param {any[][]} values Revenue of each transaction.
 * @param {any} [as_of] Date recency is measured to; later purchases are ignored; default: the last date in the data.
 * @param {string} [date_order] "DMY" or "MDY": how to read slash dates such as 03/04/2024 when the column fits both.
 * @returns {any[][]} Customer, Recency (days), Orders, Revenue, R, F, M, RFM, Segment.
 */
export function rfm_scores(
  customer_ids: unknown[][],
  dates: unknown[][],
  values: unknown[][],
  as_of?: any,
  date_order?: string,
): unknown[][] {
  return excelCall("RFM", () => {
    const fn = "RFM";
    const tx = transactionsOf(fn, customer_ids, dates, values, date_order);
    return rfm(tx, { asOf: optionalDate(as_of, "as_of", fn, tx), fn }) as Table;
  });
}
