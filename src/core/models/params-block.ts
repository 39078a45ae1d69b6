/**
 * The parameter block the fitting functions spill, and the reader every prediction
 * function uses to take it back. A fit spills two rows: the parameter names with
 * "log_likelihood" last, then the values. A prediction accepts that block as it
 * stands, without the log-likelihood column, the bare values row (or column), or
 * the block turned on its side (names in the first column, values in the second).
 */
import { asNumber, Cell, describeCell, isEmptyCell, Range } from "../cells";
import { valueError } from "../errors";
import { bgnbdParameterNames } from "./bg-nbd";
import { gammaGammaParameterNames } from "./gamma-gamma";
import { sbgParameterNames } from "./shifted-beta-geometric";

export interface ModelSpec {
  /** The fitting function whose block this is, as users know it. */
  fit: string;
  /** Parameter names in spill order, without log_likelihood. */
  names: readonly string[];
}

export const bgnbdSpec: ModelSpec = { fit: "BGNBD_FIT", names: bgnbdParameterNames };
export const gammaGammaSpec: ModelSpec = { fit: "GG_FIT", names: gammaGammaParameterNames };
export const sbgSpec: ModelSpec = { fit: "SBG_FIT", names: sbgParameterNames };

export const logLikelihoodName = "log_likelihood";

/**
 * The two-row block a fit spills: names (log_likelihood last), then values.
 *
 * @example
 * paramsBlock(sbgSpec, [0.704, 1.182], -1680.3)
 * // => [["alpha", "beta", "log_likelihood"], [0.704, 1.182, -1680.3]]
 */
export function paramsBlock(spec: ModelSpec, values: number[], logLikelihood: number): (string | number)[][] {
  return [
    [...spec.names, logLikelihoodName],
    [...values, logLikelihood],
  ];
}

/**
 * Reads a params block for `spec`: returns the parameter values in spec order.
 * Names, when present, must be the spec's (in any letter case), optionally followed
 * by log_likelihood; without names the values must number the spec's parameters,
 * or one more (the log-likelihood, ignored). Every parameter is a number > 0.
 * Trailing empty cells (a selection wider than the block) are ignored.
 */
export function readParamsBlock(block: Range | Cell, spec: ModelSpec, name: string): number[] {
  const grid: Cell[][] = Array.isArray(block) ? block.map((row) => trimTrailingEmpty(row)) : [[block]];
  while (grid.length > 0 && grid[grid.length - 1].length === 0) grid.pop();
  const expected = `${spec.fit} (${spec.names.join(", ")})`;
  if (grid.length === 0) throw valueError(`${name} requires params: the block ${spec.fit} spills`);

  let names: Cell[] | null = null;
  let values: Cell[];
  const width = Math.max(...grid.map((row) => row.length));
  if (grid.length === 2 && width >= 2 && grid[0].some((c) => typeof c === "string" && asNumber(c) === undefined)) {
    names = grid[0];
    values = grid[1];
  } else if (grid.length === 1) {
    values = grid[0];
  } else if (width === 2 && grid.every((row) => typeof row[0] === "string" && asNumber(row[0]) === undefined)) {
    names = grid.map((row) => row[0]);
    values = grid.map((row) => row[1]);
  } else if (width === 1) {
    values = grid.map((row) => row[0]);
  } else {
    throw valueError(`${name} requires params to be the two-row block from ${expected}`);
  }

  if (names !== null) {
    const given = names.map((c) => (typeof c === "string" ? c.trim() : describeCell(c)));
    const lower = given.map((g) => g.toLowerCase());
    const matches =
      (lower.length === spec.names.length || (lower.length === spec.names.length + 1 && lower[spec.names.length] === logLikelihoodName)) &&
      spec.names.every((n, i) => lower[i] === n.toLowerCase());
    if (!matches) {
      throw valueError(`${name} requires params from ${expected}; got ${given.join(", ")}`);
    }
  }
  if (values.length !== spec.names.length && values.length !== spec.names.length + 1) {
    throw valueError(
      `${name} requires params to hold the ${spec.names.length} values of ${expected}, with or without log_likelihood; got ${values.length}`,
    );
  }
  return spec.names.map((param, i) => {
    const value = asNumber(values[i]);
    if (value === undefined || typeof values[i] === "boolean") {
      throw valueError(`${name} requires params ${param} to be a number (got ${describeCell(values[i])})`);
    }
    if (!(value > 0)) throw valueError(`${name} requires params ${param} > 0 (got ${value})`);
    return value;
  });
}

function trimTrailingEmpty(row: Cell[]): Cell[] {
  let end = row.length;
  while (end > 0 && isEmptyCell(row[end - 1])) end--;
  return row.slice(0, end);
}
