/**
 * The cohort engine: cohort tables, growth accounting, the per-customer summary
 * the models read, and RFM scores, all from Transactions (see ../transactions).
 */
export type { Period } from "./period";
export { periodKey, periodLabel, periods } from "./period";
export { dayRange } from "./periodize";
export type { CohortMetric, CohortMode, TimeUnit } from "./parse-words";
export { parsePeriod, parseMetric, parseMode, parseTimeUnit, metrics, modes, needsRevenue, timeUnits } from "./parse-words";
export { parseDateOrder } from "../transactions/parse-date-order";
export type { Table } from "./table";
export { cohortTable } from "./cohort-table";
export type { CohortOptions } from "./cohort-table";
export { growthAccounting, growthHeader } from "./growth-accounting";
export type { GrowthOptions } from "./growth-accounting";
export { customerSummary, summaryHeader } from "./customer-summary";
export type { SummaryOptions } from "./customer-summary";
export { rfm, rfmHeader, rfmSegment } from "./rfm";
export type { RfmOptions } from "./rfm";
