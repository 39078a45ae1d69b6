import { asNumber, Cell, describeCell, isBlankOrZero } from "../cells";
import { valueError } from "../errors";

/**
 * One customer's purchase history summarised as the BG/NBD and Gamma-Gamma models
 * read it (Fader, Hardie & Lee 2005, §2): x repeat purchases, the last at age tₓ,
 * observed until age T, all ages measured from the first purchase in one unit.
 */
export interface Customer {
  /** Repeat purchases: a whole number ≥ 0 (the first purchase is not counted). */
  frequency: number;
  /** Age at the last repeat purchase (tₓ); 0 when frequency is 0. */
  recency: number;
  /** Age at the end of observation (T), > 0 and ≥ recency. */
  T: number;
}

/** Customers read from three columns; `rows[i]` is the customer of input row i + 1, null when that row is blank. */
export interface CustomerRows {
  rows: (Customer | null)[];
  customers: Customer[];
}

/** Relative slack for recency > T that comes from rounding both to a few decimals. */
const roundingSlack = 1e-9;

/**
 * Reads and validates frequency, recency and T columns: the one place the
 * recency/frequency models check their customer data.
 *
 * Rules: the columns have the same length; a row whose three cells are blank (or 0,
 * as desktop Excel passes blank cells) is skipped and reported as null; otherwise
 * frequency is a whole number ≥ 0, recency a number ≥ 0, T a number > 0,
 * recency ≤ T, and recency is 0 when frequency is 0 (recency is the age at the last
 * repeat purchase, not the time since it). Messages name the column and the
 * 1-based row.
 */
export function readCustomers(frequency: Cell[], recency: Cell[], T: Cell[], name: string): CustomerRows {
  if (frequency.length !== recency.length || frequency.length !== T.length) {
    throw valueError(
      `${name} requires frequency, recency and T to have the same number of rows (frequency ${frequency.length}, recency ${recency.length}, T ${T.length})`,
    );
  }
  const rows: (Customer | null)[] = [];
  const customers: Customer[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const row = i + 1;
    const f = frequency[i];
    const r = recency[i];
    const t = T[i];
    if (isBlankOrZero(f) && isBlankOrZero(r) && isBlankOrZero(t)) {
      rows.push(null);
      continue;
    }
    const x = readNumber(f, "frequency", row, name);
    const tx = readNumber(r, "recency", row, name);
    const age = readNumber(t, "T", row, name);
    if (x < 0 || !Number.isInteger(x)) {
      throw valueError(`${name} requires frequency to be a whole number ≥ 0 (row ${row}: ${x})`);
    }
    if (tx < 0) throw valueError(`${name} requires recency ≥ 0 (row ${row}: ${tx})`);
    if (!(age > 0)) throw valueError(`${name} requires T > 0 (row ${row}: ${age})`);
    if (tx > age * (1 + roundingSlack)) {
      throw valueError(`${name} requires recency ≤ T (row ${row}: recency ${tx}, T ${age})`);
    }
    if (x === 0 && tx !== 0) {
      throw valueError(
        `${name} requires recency 0 when frequency is 0 (row ${row}: recency ${tx}); recency is the age at the last repeat purchase, not the time since it`,
      );
    }
    const customer = { frequency: x, recency: Math.min(tx, age), T: age };
    rows.push(customer);
    customers.push(customer);
  }
  return { rows, customers };
}

/** A number from a cell; blank and text cells are an error naming the column and row. */
export function readNumber(cell: Cell, column: string, row: number, name: string): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  const value = asNumber(cell);
  if (value === undefined || typeof cell === "boolean") {
    throw valueError(`${name} requires ${column} to be a number (row ${row}: ${describeCell(cell)})`);
  }
  return value;
}
