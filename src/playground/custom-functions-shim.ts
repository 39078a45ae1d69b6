/**
 * A stand-in for Excel's `CustomFunctions` runtime global, installed before the add-in's
 * functions bundle (dist/functions.js) loads. The bundle calls
 * `CustomFunctions.associate(id, fn)` for each RETAIN.* function exactly as it does in
 * Excel; the shim keeps those implementations so the playground can register them with
 * its spreadsheet engine. `Error` and `ErrorCode` mirror the Office runtime's shapes.
 */

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The error a custom function throws to show an Excel error value (with a message). */
export class CustomFunctionError extends Error {
  readonly code: ErrorCodeValue;

  constructor(code: ErrorCodeValue, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
    // Office's class keeps `message` undefined when none is given.
    if (message === undefined) this.message = "";
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type CustomFunctionImplementation = Function;

export interface CustomFunctionsShim {
  associate(id: string | Record<string, CustomFunctionImplementation>, fn?: CustomFunctionImplementation): void;
  Error: typeof CustomFunctionError;
  ErrorCode: typeof ErrorCode;
  /** The implementations associated so far, by id as written in functions.json. */
  readonly registry: Map<string, CustomFunctionImplementation>;
}

/** A fresh shim; `installCustomFunctionsShim` also makes it the `CustomFunctions` global. */
export function createCustomFunctionsShim(): CustomFunctionsShim {
  const registry = new Map<string, CustomFunctionImplementation>();
  return {
    registry,
    Error: CustomFunctionError,
    ErrorCode,
    associate(id, fn) {
      if (typeof id === "string") {
        if (typeof fn !== "function") throw new TypeError(`CustomFunctions.associate needs a function for ${id}`);
        registry.set(id.toUpperCase(), fn);
        return;
      }
      for (const [key, value] of Object.entries(id)) registry.set(key.toUpperCase(), value);
    },
  };
}

export function installCustomFunctionsShim(target: object = globalThis): CustomFunctionsShim {
  const shim = createCustomFunctionsShim();
  (target as { CustomFunctions?: unknown }).CustomFunctions = shim;
  return shim;
}
