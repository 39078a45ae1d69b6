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
  return tenByteDay(b, s, e, 45, 4, 7, 0, 5, 8);
}

/** dd.mm.yyyy (exactly) as a day number, or undefined. */
export function dottedDay(b: Uint8Array, s: number, e: number): number | undefined {
  return tenByteDay(b, s, e, 46, 2, 5, 6, 3, 0);
}

/**
 * A ten-byte date with the separator byte `sep` at offsets a and b and the year,
 * month and day digits at offsets y (4), m (2) and d (2): a day number, or
 * undefined when it is not that shape or not a real day.
 */
function tenByteDay(bytes: Uint8Array, s: number, e: number, sep: number, a: number, b: number, y: number, m: number, d: number): number | undefined {
  if (e - s !== 10 || bytes[s + a] !== sep || bytes[s + b] !== sep) return undefined;
  const year = digits(bytes, s + y, 4);
  const month = digits(bytes, s + m, 2);
  const day = digits(bytes, s + d, 2);
  return year >= 0 && month >= 0 && day >= 0 && isValidCivil(year, month, day) ? daysFromCivil(year, month, day) : undefined;
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
