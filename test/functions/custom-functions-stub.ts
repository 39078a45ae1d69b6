/**
 * A stand-in for Excel's CustomFunctions global, as much of it as the wrappers use:
 * associate (recorded), Error and ErrorCode. Install it before importing a wrapper file
 * or evaluating dist/functions.js.
 */
import { ErrorCode } from "../../src/playground/custom-functions-shim";

export class StubCustomFunctionsError extends Error {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message);
    this.code = code;
  }
}

export interface StubCustomFunctions {
  associated: Map<string, (...args: unknown[]) => unknown>;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  Error: typeof StubCustomFunctionsError;
  ErrorCode: Record<string, string>;
}

export function makeCustomFunctionsStub(): StubCustomFunctions {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associated,
    associate(id, fn) {
      associated.set(id, fn);
    },
    Error: StubCustomFunctionsError,
    // the Office runtime's codes, kept in one place with the playground's shim
    ErrorCode: { ...ErrorCode },
  };
}

export function installCustomFunctionsStub(): StubCustomFunctions {
  const stub = makeCustomFunctionsStub();
  (globalThis as Record<string, unknown>).CustomFunctions = stub;
  return stub;
}

/** Runs `call` and returns the Excel error it throws as [code, message]. */
export function excelErrorOf(call: () => unknown): [string, string] {
  try {
    call();
  } catch (error) {
    if (error instanceof StubCustomFunctionsError) return [error.code, error.message];
    throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
  }
  throw new Error("expected a CustomFunctions.Error, got a result");
}
