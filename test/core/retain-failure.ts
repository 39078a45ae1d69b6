import { RetainError } from "../../src/core/errors";

/** The message of the RetainError that `run` throws; fails the test when it throws nothing or something else. */
export function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RetainError);
    return (error as Error).message;
  }
  throw new Error("expected a RetainError");
}
