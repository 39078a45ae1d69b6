/**
 * Word arguments ("month", "on_or_after", "DMY"): any case and surrounding spaces,
 * the fallback when omitted, otherwise an error that lists the valid words.
 */
import { Cell, describeCell, isEmptyCell } from "./cells";
import { valueError } from "./errors";

export function parseWord<T extends string, F extends T | undefined>(text: unknown, valid: readonly T[], fallback: F, argument: string, fn: string, upper = false): T | F {
  if (isEmptyCell(text as Cell)) return fallback;
  if (typeof text === "string") {
    const word = upper ? text.trim().toUpperCase() : text.trim().toLowerCase();
    const found = valid.find((v) => v === word);
    if (found) return found;
  }
  throw valueError(`${fn} requires ${argument} to be one of ${valid.join(", ")}, not ${describeCell(text as Cell)}`);
}
