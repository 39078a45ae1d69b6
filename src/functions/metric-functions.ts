/**
 * RETAIN.* wrappers for the retention, revenue, value and survey metrics. Each one
 * converts Excel's arguments (numbers, 2-D ranges, null for an omitted optional), calls
 * core, and lets excelCall turn a core error into the matching Excel error value.
 * The JSDoc below is the help Excel shows and the source of functions.json.
 */
import { column } from "../core/cells";
import { aov, churn, clv, csat, grr, historicClv, nps, nrr, purchaseFrequency, repeatRate, retentionRate, retentionRateIds, revenueChurn } from "../core/metrics";
import { excelCall, isOmitted } from "./excel";

/**
 * Customer retention rate: the share of the customers at the start of a period still there at its end, (end − new) ÷ start. Example: =RETAIN.RETENTION_RATE(100, 110, 20) returns 0.9.
 * @customfunction RETENTION_RATE
 * @param {number} start_customers Customers at the start of the period (more than 0).
 * @param {number} end_customers Customers at the end of the period.
 * @param {number} new_customers Customers won during the period (no more than end_customers).
 * @returns {number} A share between 0 and 1; format the cell as a percentage.
 */
export function retentionRateFunction(start_customers: number, end_customers: number, new_customers: number): number {
  return excelCall("RETENTION_RATE", () => retentionRate(start_customers, end_customers, new_customers));
}

/**
 * Customer churn rate: the share of the customers at the start of a period who left, 1 − (end − new) ÷ start. Example: =RETAIN.CHURN(100, 110, 20) returns 0.1.
 * @customfunction CHURN
 * @param {number} start_customers Customers at the start of the period (more than 0).
 * @param {number} end_customers Customers at the end of the period.
 * @param {number} new_customers Customers won during the period (no more than end_customers).
 * @returns {number} A share between 0 and 1.
 */
export function churnFunction(start_customers: number, end_customers: number, new_customers: number): number {
  return excelCall("CHURN", () => churn(start_customers, end_customers, new_customers));
}

/**
 * Retention measured on ids: the share of the distinct customers in the first range who also appear in the second. Blank cells are skipped; ids match as text, ignoring case. Example: =RETAIN.RETENTION_RATE_IDS(A2:A500, B2:B480).
 * @customfunction RETENTION_RATE_IDS
 * @param {any[][]} ids_before Customer ids active in the earlier period.
 * @param {any[][]} ids_after Customer ids active in the later period.
 * @returns {number} A share between 0 and 1.
 */
export function retentionRateIdsFunction(ids_before: any[][], ids_after: any[][]): number {
  return excelCall("RETENTION_RATE_IDS", () =>
    retentionRateIds(column(ids_before, "ids_before", "retentionRateIds"), column(ids_after, "ids_after", "retentionRateIds")),
  );
}

/**
 * Gross revenue churn: the share of recurring revenue lost in a period, (contraction + churned) ÷ start. Example: =RETAIN.REVENUE_CHURN(10000, 500, 1000) returns 0.15.
 * @customfunction REVENUE_CHURN
 * @param {number} start_revenue Recurring revenue at the start of the period (more than 0).
 * @param {number} contraction Revenue lost to downgrades by customers who stayed.
 * @param {number} churned_revenue Revenue lost with customers who left.
 * @returns {number} A share between 0 and 1.
 */
export function revenueChurnFunction(start_revenue: number, contraction: number, churned_revenue: number): number {
  return excelCall("REVENUE_CHURN", () => revenueChurn(start_revenue, contraction, churned_revenue));
}

/**
 * Net revenue retention: (start + expansion − contraction − churned) ÷ start; above 1 when expansion outweighs losses. Example: =RETAIN.NRR(10000, 2000, 500, 1000) returns 1.05.
 * @customfunction NRR
 * @param {number} start_revenue Recurring revenue at the start of the period (more than 0).
 * @param {number} expansion Revenue added by upgrades of existing customers.
 * @param {number} contraction Revenue lost to downgrades by customers who stayed.
 * @param {number} churned_revenue Revenue lost with customers who left.
 * @returns {number} A ratio, 1 meaning all revenue kept.
 */
export function nrrFunction(start_revenue: number, expansion: number, contraction: number, churned_revenue: number): number {
  return excelCall("NRR", () => nrr(start_revenue, expansion, contraction, churned_revenue));
}

/**
 * Gross revenue retention: (start − contraction − churned) ÷ start, leaving expansion out, so never above 1. Example: =RETAIN.GRR(10000, 500, 1000) returns 0.85.
 * @customfunction GRR
 * @param {number} start_revenue Recurring revenue at the start of the period (more than 0).
 * @param {number} contraction Revenue lost to downgrades by customers who stayed.
 * @param {number} churned_revenue Revenue lost with customers who left.
 * @returns {number} A share between 0 and 1.
 */
export function grrFunction(start_revenue: number, contraction: number, churned_revenue: number): number {
  return excelCall("GRR", () => grr(start_revenue, contraction, churned_revenue));
}

/**
 * Customer lifetime value (Gupta & Lehmann): the sum over t = 0 … periods − 1 of margin × retentionᵗ ÷ (1 + discount_rate)ᵗ; without periods the infinite sum margin × (1 + d) ÷ (1 + d − retention). Example: =RETAIN.CLV(100, 0.8, 0.1) returns 366.67.
 * @customfunction CLV
 * @param {number} margin Margin per customer per period, in your currency.
 * @param {number} retention Retention rate per period, from 0 up to (not including) 1.
 * @param {number} discount_rate Discount rate per period, e.g. 0.1 for 10%.
 * @param {number} [periods] Number of periods to sum (a whole number of 1 or more); leave out for an infinite horizon.
 * @returns {number} Lifetime value in the margin's currency.
 */
export function clvFunction(margin: number, retention: number, discount_rate: number, periods?: number): number {
  return excelCall("CLV", () => clv(margin, retention, discount_rate, isOmitted(periods) ? undefined : periods));
}

/**
 * Historic customer lifetime value: spills each customer's total spend, highest first, under a header row (Customer, Total). Blank rows are skipped. Example: =RETAIN.HISTORIC_CLV(Orders[Customer], Orders[Amount]).
 * @customfunction HISTORIC_CLV
 * @param {any[][]} customer_ids Customer id of each order (text or numbers).
 * @param {any[][]} amounts Amount of each order, in the same rows.
 * @returns {any[][]} Two columns: customer id and total amount.
 */
export function historicClvFunction(customer_ids: any[][], amounts: any[][]): any[][] {
  return excelCall("HISTORIC_CLV", () =>
    historicClv(column(customer_ids, "customer_ids", "historicClv"), column(amounts, "amounts", "historicClv")),
  );
}

/**
 * Net Promoter Score: % promoters (9–10) minus % detractors (0–6), from −100 to 100. Empty cells are skipped, but a 0 counts as a score: point it at a Table column. Example: =RETAIN.NPS(Survey[Score]).
 * @customfunction NPS
 * @param {any[][]} scores Whole-number scores from 0 to 10.
 * @returns {number} A score from −100 to 100.
 */
export function npsFunction(scores: any[][]): number {
  return excelCall("NPS", () => nps(scores));
}

/**
 * Customer satisfaction: the share of responses in the top two boxes (scale_max or scale_max − 1). Empty cells are skipped, but a 0 counts as a score. Example: =RETAIN.CSAT(Survey[Rating], 5).
 * @customfunction CSAT
 * @param {any[][]} scores Whole-number ratings from 0 to scale_max.
 * @param {number} [scale_max] The top of the rating scale (default 5).
 * @returns {number} A share between 0 and 1.
 */
export function csatFunction(scores: any[][], scale_max?: number): number {
  return excelCall("CSAT", () => csat(scores, isOmitted(scale_max) ? undefined : scale_max));
}

/**
 * Repeat purchase rate: the share of distinct customers who appear in two or more rows. Blank cells are skipped. Example: =RETAIN.REPEAT_RATE(Orders[Customer]).
 * @customfunction REPEAT_RATE
 * @param {any[][]} customer_ids Customer id of each order.
 * @returns {number} A share between 0 and 1.
 */
export function repeatRateFunction(customer_ids: any[][]): number {
  return excelCall("REPEAT_RATE", () => repeatRate(column(customer_ids, "customer_ids", "repeatRate")));
}

/**
 * Purchase frequency: orders per customer, the number of rows ÷ the number of distinct customers. Blank cells are skipped. Example: =RETAIN.PURCHASE_FREQUENCY(Orders[Customer]).
 * @customfunction PURCHASE_FREQUENCY
 * @param {any[][]} customer_ids Customer id of each order.
 * @returns {number} Orders per customer.
 */
export function purchaseFrequencyFunction(customer_ids: any[][]): number {
  return excelCall("PURCHASE_FREQUENCY", () => purchaseFrequency(column(customer_ids, "customer_ids", "purchaseFrequency")));
}

/**
 * Average order value: total ÷ number of orders; with order_ids, total ÷ distinct order ids (several lines of one order count once). Blank amounts are skipped. Example: =RETAIN.AOV(Orders[Amount]).
 * @customfunction AOV
 * @param {any[][]} amounts Amount of each order or order line.
 * @param {any[][]} [order_ids] Order id of each line, when amounts are order lines.
 * @returns {number} Average amount per order.
 */
export function aovFunction(amounts: any[][], order_ids?: any[][]): number {
  return excelCall("AOV", () =>
    aov(column(amounts, "amounts", "aov"), isOmitted(order_ids) ? undefined : column(order_ids, "order_ids", "aov")),
  );
}
