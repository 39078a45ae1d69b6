/**
 * The bridge between Excel's calling convention and core. Every RETAIN.* wrapper
 * runs its core call through `excelCall`, so that a RetainError becomes the matching
 * CustomFunctions.Error with its message, and anything unexpected becomes a #VALUE!
 * that still says what failed instead of a bare uncaught exception.
 */
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
  return new CustomFunctions.Error(errorCodes.value, `${name} failed: ${detail}`);
}

/**
 * Core messages name the core function ("retentionRate requires …"); in a cell the
 * user typed RETAIN.RETENTION_RATE, so the message names that instead.
 */
export function inExcelTerms(name: string, message: string): string {
  return message.replace(/^[a-z][A-Za-z0-9]* requires /, `RETAIN.${name} requires `);
}

/** An optional argument Excel omitted (null or undefined) or left as an empty cell. */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
