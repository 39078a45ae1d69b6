/**
 * Byte-level readers for the common shapes of CSV fields, so most rows of a file
 * never become strings: plain ISO and dotted dates, and plain decimals. Each
 * returns undefined or NaN for anything else, which then goes through the core's
 * text rules.
 */
import { daysFromCivil, isValidCivil } from "../core/transactions";

const D0 = 48; // "0"

/** yyyy-mm-dd (exactly) as a day number, or undefined. */
export function isoDay(b: Uint8Array, s: number, e: number): number | undefined {
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return undefined;
  const y = digits(b, s, 4);
  const m = digits(b, s + 5, 2);
  const d = digits(b, s + 8, 2);
  return y >= 0 && m >= 0 && d >= 0 && isValidCivil(y, m, d) ? daysFromCivil(y, m, d) : undefined;
}

/** dd.mm.yyyy (exactly) as a day number, or undefined. */
export function dottedDay(b: Uint8Array, s: number, e: number): number | undefined {
  if (e - s !== 10 || b[s + 2] !== 46 || b[s + 5] !== 46) return undefined;
  const d = digits(b, s, 2);
  const m = digits(b, s + 3, 2);
  const y = digits(b, s + 6, 4);
  return y >= 0 && m >= 0 && d >= 0 && isValidCivil(y, m, d) ? daysFromCivil(y, m, d) : undefined;
}

function digits(b: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = b[s + k] - D0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal ([-]digits[.digits]) as a number, or NaN to send the field to the
 * general rules. Exact: the digits form an integer below 2^53 and dividing by an
 * exact power of ten rounds once, as Number() does.
 */
export function decimal(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const negative = b[i] === 45;
  if (negative) i++;
  if (i === e) return NaN;
  let v = 0;
  let scale = -1;
  let count = 0;
  for (; i < e; i++) {
    const c = b[i];
    if (c === 46 && scale < 0) {
      scale = 0;
      continue;
    }
    const d = c - D0;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
    if (scale >= 0) scale++;
    if (++count > 15) return NaN;
  }
  if (scale === 0 && count === 0) return NaN;
  const x = scale > 0 ? v / pow10[scale] : v;
  return negative ? -x : x;
}
