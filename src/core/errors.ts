/**
 * The one error type core throws. Hosts map `kind` to their own error values:
 * the Excel functions to CustomFunctions.ErrorCode, the CLI to an exit code,
 * the task pane to a message. Messages read "retentionRate requires …" with no
 * full stop, and name the argument and the 1-based row where a range is at fault.
 */
export type RetainErrorKind = "value" | "num" | "div0" | "na";

/** What the caller can supply to get past an error, for hosts that say it in their own words. */
export type RetainErrorNeed = "dateOrder";

export class RetainError extends Error {
  readonly kind: RetainErrorKind;
  /** set when one more argument would settle it (the pane shows its own advice) */
  readonly needs?: RetainErrorNeed;

  constructor(kind: RetainErrorKind, message: string, needs?: RetainErrorNeed) {
    super(message);
    this.name = "RetainError";
    this.kind = kind;
    if (needs) this.needs = needs;
  }
}

/** #VALUE!: an argument of the wrong type or shape. */
export function valueError(message: string, needs?: RetainErrorNeed): RetainError {
  return new RetainError("value", message, needs);
}

/** #NUM!: a number outside the range the formula allows, or a fit that failed. */
export function numError(message: string): RetainError {
  return new RetainError("num", message);
}

/** #DIV/0!: a denominator that is zero. */
export function divZeroError(message: string): RetainError {
  return new RetainError("div0", message);
}
