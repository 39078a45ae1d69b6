import { describeCell, Cell } from "../cells";
import { valueError } from "../errors";
import { DateOrder } from "./parse-date-text";

/**
 * The date_order argument: "DMY" (day-first) or "MDY" (month-first), any case;
 * undefined when omitted.
 *
 * @example
 * parseDateOrder("dmy", "COHORT"); // => "DMY"
 */
export function parseDateOrder(text: unknown, fn: string): DateOrder | undefined {
  if (text === null || text === undefined || (typeof text === "string" && text.trim() === "")) return undefined;
  const word = typeof text === "string" ? text.trim().toUpperCase() : "";
  if (word === "DMY" || word === "MDY") return word;
  throw valueError(`${fn} requires date_order to be one of DMY, MDY, not ${describeCell(text as Cell)}`);
}
