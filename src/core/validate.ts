/**
 * Argument checks shared by the metric functions. Each names the function and the
 * argument, so a message reads "retentionRate requires start_customers to be positive".
 */
import { asNumber, Cell } from "./cells";
import { numError, valueError } from "./errors";

/** A finite number, or #VALUE! naming the argument. */
export function numberArg(value: unknown, argument: string, fn: string): number {
  const n = asNumber(value as Cell);
  if (n === undefined) throw valueError(`${fn} requires ${argument} to be a number, not ${show(value)}`);
  return n;
}

/** A number greater than zero, or #NUM!. */
export function positiveArg(value: unknown, argument: string, fn: string): number {
  const n = numberArg(value, argument, fn);
  if (n <= 0) throw numError(`${fn} requires ${argument} to be greater than 0, not ${n}`);
  return n;
}

/** A number of zero or more, or #NUM!. */
export function nonNegativeArg(value: unknown, argument: string, fn: string): number {
  const n = numberArg(value, argument, fn);
  if (n < 0) throw numError(`${fn} requires ${argument} to be 0 or more, not ${n}`);
  return n;
}

/** A whole number of at least `min`, or #NUM!. */
export function wholeArg(value: unknown, argument: string, fn: string, min: number): number {
  const n = numberArg(value, argument, fn);
  if (!Number.isInteger(n) || n < min) throw numError(`${fn} requires ${argument} to be a whole number of ${min} or more, not ${n}`);
  return n;
}

/** Two columns that pair up row by row must have the same length. */
export function sameLength(a: unknown[], b: unknown[], argA: string, argB: string, fn: string): void {
  if (a.length !== b.length) {
    throw valueError(`${fn} requires ${argA} and ${argB} to have the same number of rows (${a.length} and ${b.length})`);
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "a blank";
  if (typeof value === "string") return `"${value.length > 30 ? value.slice(0, 27) + "…" : value}"`;
  return String(value);
}
