/**
 * The bridge between Excel's calling convention and core. Every RETAIN.* wrapper
 * runs its core call through `excelCall`, so that a RetainError becomes the matching
 * CustomFunctions.Error with its message, and anything unexpected becomes a #VALUE!
 * that still says what failed instead of a bare uncaught exception.
 */
import { type Cell, isEmptyCell } from "../core/cells";
import { RetainError, RetainErrorKind } from "../core/errors";

const errorCodes: Record<RetainErrorKind, CustomFunctions.ErrorCode> = {
  value: "#VALUE!" as CustomFunctions.ErrorCode,
  num: "#NUM!" as CustomFunctions.ErrorCode,
  div0: "#DIV/0!" as CustomFunctions.ErrorCode,
  na: "#N/A" as CustomFunctions.ErrorCode,
};

/** Runs `compute`, turning any failure into a CustomFunctions.Error. */
export function excelCall<T>(name: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toExcelError(name, error);
  }
}

export function toExcelError(name: string, error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof RetainError) {
    return new CustomFunctions.Error(errorCodes[error.kind], inExcelTerms(name, error.message));
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(errorCodes.value, `RETAIN.${name} failed: ${detail}`);
}

/**
 * Every message starts with the name the user typed, RETAIN.<NAME>. Core messages name
 * either the core function ("retentionRate requires …", rewritten to
 * "RETAIN.RETENTION_RATE requires …") or the Excel name the wrapper passed down
 * ("BGNBD_FIT did not converge after 40 iterations", which gains the prefix). A message
 * from a helper deeper down ("hyp2f1 did not converge …") keeps its own words after
 * "RETAIN.<NAME>: ", so it is never passed off as a rule of the function's arguments.
 */
export function inExcelTerms(name: string, message: string): string {
  const excelName = `RETAIN.${name}`;
  if (message === excelName || message.startsWith(`${excelName} `) || message.startsWith(`${excelName}:`)) return message;
  if (message.startsWith(`${name} `)) return excelName + message.slice(name.length);
  const coreName = /^([a-z][A-Za-z0-9]*) /.exec(message)?.[1];
  if (coreName !== undefined && coreName.toLowerCase() === name.replace(/_/g, "").toLowerCase()) {
    return excelName + message.slice(coreName.length);
  }
  return `${excelName}: ${message}`;
}

/** An optional argument Excel omitted (null or undefined) or left as an empty cell. */
export function isOmitted(value: unknown): boolean {
  return isEmptyCell(value as Cell);
}
