import { parseWord } from "../words";
import { DateOrder } from "./parse-date-text";

/**
 * The date_order argument: "DMY" (day-first) or "MDY" (month-first), any case;
 * undefined when omitted.
 *
 * @example
 * parseDateOrder("dmy", "COHORT"); // => "DMY"
 */
export function parseDateOrder(text: unknown, fn: string): DateOrder | undefined {
  return parseWord(text, dateOrders, undefined, "date_order", fn, true);
}

const dateOrders: readonly DateOrder[] = ["DMY", "MDY"];
