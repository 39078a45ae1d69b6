/**
 * dist/functions.js as Excel loads it: evaluated with nothing but a stand-in
 * CustomFunctions global (no window, no document), it must register every function of
 * functions.json, give the documented results for Excel-shaped arguments, and for any
 * argument at all either return a value with no null or NaN in it or throw a
 * CustomFunctions.Error — never another exception. Run `npm run build` first.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { makeCustomFunctionsStub, StubCustomFunctionsError } from "./custom-functions-stub";

const dist = path.resolve(__dirname, "../../dist");

interface Parameter {
  name: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

function loadBundle() {
  const file = path.join(dist, "functions.js");
  if (!fs.existsSync(file)) throw new Error("dist/functions.js is missing: run `npm run build` before the tests");
  const stub = makeCustomFunctionsStub();
  const context = vm.createContext({ CustomFunctions: stub, console, setTimeout, clearTimeout });
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: FunctionMetadata[] };
  return { stub, context, metadata: metadata.functions };
}

const { stub, context, metadata } = loadBundle();
const call = (id: string, ...args: unknown[]) => stub.associated.get(id)!(...args);

describe("dist/functions.js", () => {
  it("loads without a DOM", () => {
    expect(vm.runInContext("typeof window + ' ' + typeof document", context)).toBe("undefined undefined");
  });

  it("registers exactly the functions functions.json declares", () => {
    expect([...stub.associated.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
  });

  it("registers the thirteen metric functions", () => {
    for (const id of ["RETENTION_RATE", "CHURN", "RETENTION_RATE_IDS", "REVENUE_CHURN", "NRR", "GRR", "CLV", "HISTORIC_CLV", "NPS", "CSAT", "REPEAT_RATE", "PURCHASE_FREQUENCY", "AOV"]) {
      expect(stub.associated.has(id)).toBe(true);
    }
  });

  it("gives the seeds' results with Excel-shaped arguments (null for omitted optionals)", () => {
    expect(call("RETENTION_RATE", 100, 110, 20)).toBe(0.9);
    expect(call("CHURN", 100, 110, 20)).toBe(0.1);
    expect(call("CLV", 100, 0.8, 0.1, null)).toBeCloseTo(366.6667, 4);
    expect(call("HISTORIC_CLV", [["c1"], ["c1"], ["c1"]], [[100], [200], [300]])).toEqual([["Customer", "Total"], ["c1", 600]]);
    expect(call("NPS", [[10], [10], [6], [8]])).toBe(25);
    expect(call("CSAT", [[5], [4], [2]], null)).toBeCloseTo(2 / 3, 12);
    expect(call("AOV", [[10], [30]], null)).toBe(20);
  });

  it("throws CustomFunctions.Error for bad input", () => {
    expect(() => call("RETENTION_RATE", -1, 0, 0)).toThrow(StubCustomFunctionsError);
    expect(() => call("NPS", [[11]])).toThrow(StubCustomFunctionsError);
    expect(() => call("CLV", 100, 1.5, 0.1, null)).toThrow(StubCustomFunctionsError);
  });

  // Cells as Excel sends them: numbers, text, booleans, blanks as 0/null/"", odd strings.
  const cell = fc.oneof(
    fc.integer({ min: -5, max: 50 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.constantFrom(0, null, "", "abc", "2024-01-15", "15.01.2024", "01/02/2024", 45306, true, false, "=1+1", "month", "W", "on"),
  );
  const range = fc.integer({ min: 1, max: 6 }).chain((rows) => fc.array(fc.array(cell, { minLength: 1, maxLength: 1 }), { minLength: rows, maxLength: rows }));

  it.each(metadata.map((f) => [f.id, f] as const))("%s never throws anything but CustomFunctions.Error, nor returns null or NaN", (id, fn) => {
    const argument = (p: Parameter) => (p.dimensionality === "matrix" ? range : p.optional ? fc.oneof(fc.constant(null), cell) : cell);
    fc.assert(
      fc.property(fc.tuple(...fn.parameters.map(argument)), (args) => {
        let result: unknown;
        try {
          result = call(id, ...args);
        } catch (error) {
          if (error instanceof StubCustomFunctionsError) return;
          throw error;
        }
        const values = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
        for (const v of values) {
          expect(v).not.toBeNull();
          expect(v).not.toBeUndefined();
          if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  // Excel always passes a declared range as a 2-D array, but a host may pass a single cell.
  it.each(metadata.filter((f) => f.parameters.some((p) => p.dimensionality === "matrix")).map((f) => [f.id, f] as const))(
    "%s given a single cell where a range is declared: a value or an error with a rule, never a failure",
    (id, fn) => {
      for (const bare of ["abc", 5, "2024-01-15", null]) {
        const args = fn.parameters.map((p) => (p.dimensionality === "matrix" ? bare : p.optional ? null : 1));
        try {
          call(id, ...args);
        } catch (error) {
          expect(error).toBeInstanceOf(StubCustomFunctionsError);
          expect((error as Error).message).not.toContain(" failed: ");
        }
      }
    },
  );
});
