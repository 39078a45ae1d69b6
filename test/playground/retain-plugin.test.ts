import { HyperFormula } from "hyperformula";
import { createCustomFunctionsShim } from "../../src/playground/custom-functions-shim";
import { buildRetainPlugin, coerceScalar, type FunctionsMetadata } from "../../src/playground/retain-plugin";
import { Workbook } from "../../src/playground/workbook";

// A fake functions bundle: the same associate calls dist/functions.js makes, with
// implementations written for the test, and the functions.json that describes them.
const metadata: FunctionsMetadata = {
  functions: [
    { id: "HALF", name: "HALF", parameters: [{ name: "x", type: "number" }], result: { type: "number" } },
    {
      id: "FAILS",
      name: "FAILS",
      parameters: [{ name: "x", type: "number" }],
      result: { type: "number" },
    },
    { id: "THROWS", name: "THROWS", parameters: [], result: { type: "number" } },
    { id: "COUNTROWS", name: "COUNTROWS", parameters: [{ name: "range", dimensionality: "matrix", type: "any" }, { name: "extra", type: "number", optional: true }], result: { type: "string" } },
    { id: "SQUARES", name: "SQUARES", parameters: [{ name: "values", dimensionality: "matrix", type: "any" }], result: { dimensionality: "matrix" } },
    { id: "NOT_BUNDLED", name: "NOT_BUNDLED", parameters: [], result: { type: "number" } },
  ],
};

function fakeBundle() {
  const shim = createCustomFunctionsShim();
  const CF = shim;
  CF.associate("HALF", (x: number) => x / 2);
  CF.associate("FAILS", (x: number) => {
    throw new CF.Error(CF.ErrorCode.invalidValue, `fails requires a positive x, got ${x}`);
  });
  CF.associate("THROWS", () => {
    throw new TypeError("boom");
  });
  CF.associate({
    COUNTROWS: (range: unknown[][], extra: number | null) => `${range.length}x${range[0].length} blanks=${range.flat().filter((v) => v === null).length} extra=${extra}`,
    SQUARES: (values: unknown[][]) => values.filter((r) => r[0] !== null).map((r) => [r[0], (r[0] as number) ** 2, null]),
  });
  return shim;
}

describe("RETAIN.* functions registered into HyperFormula from a functions bundle", () => {
  const shim = fakeBundle();
  const retain = buildRetainPlugin({ namespace: "RETAIN", metadata, implementations: shim.registry });
  beforeAll(() => HyperFormula.registerFunctionPlugin(retain.plugin, retain.translations));
  afterAll(() => HyperFormula.unregisterFunctionPlugin(retain.plugin));

  function book() {
    const wb = new Workbook({ retain });
    wb.hf.addSheet("S");
    return { wb, s: wb.sheetId("S") };
  }

  test("names functions RETAIN.X and reports ids with no implementation", () => {
    expect([...retain.functions.keys()]).toEqual(["RETAIN.HALF", "RETAIN.FAILS", "RETAIN.THROWS", "RETAIN.COUNTROWS", "RETAIN.SQUARES"]);
    expect(retain.missing).toEqual(["NOT_BUNDLED"]);
  });

  test("calls a scalar function, case-insensitively, coercing numeric text as Excel does", () => {
    const { wb, s } = book();
    wb.setInput(s, 0, 0, "=RETAIN.HALF(9)");
    wb.setInput(s, 0, 1, "=retain.half(\"4\")");
    wb.setInput(s, 0, 2, "=RETAIN.HALF(\"x\")");
    expect(wb.value(s, 0, 0)).toBe(4.5);
    expect(wb.value(s, 0, 1)).toBe(2);
    expect(wb.display(s, 0, 2).error).toEqual({ code: "#VALUE!", message: "RETAIN.HALF expects a number for x" });
    expect(wb.formula(s, 0, 1)).toBe("=RETAIN.HALF(\"4\")");
  });

  test("a CustomFunctions.Error shows as its error value with its message", () => {
    const { wb, s } = book();
    wb.setInput(s, 0, 0, "=RETAIN.FAILS(-1)");
    expect(wb.display(s, 0, 0)).toEqual({ text: "#VALUE!", kind: "error", error: { code: "#VALUE!", message: "fails requires a positive x, got -1" } });
  });

  test("an uncaught exception is a #VALUE! that says so", () => {
    const { wb, s } = book();
    wb.setInput(s, 0, 0, "=RETAIN.THROWS()");
    const shown = wb.display(s, 0, 0);
    expect(shown.text).toBe("#VALUE!");
    expect(shown.error?.message).toMatch(/Uncaught exception in RETAIN.THROWS.*boom/);
  });

  test("passes ranges as 2-D arrays with blanks as null and an omitted optional as null", () => {
    const { wb, s } = book();
    wb.setValues(s, 0, 0, [[1, 2], [null, 4], [5, null]]);
    wb.setInput(s, 5, 0, "=RETAIN.COUNTROWS(A1:B3)");
    wb.setInput(s, 6, 0, "=RETAIN.COUNTROWS(A1, 7)");
    expect(wb.value(s, 5, 0)).toBe("3x2 blanks=2 extra=null");
    expect(wb.value(s, 6, 0)).toBe("1x1 blanks=0 extra=7");
  });

  test("an error inside a range argument propagates without calling the function", () => {
    const { wb, s } = book();
    wb.setInput(s, 0, 0, "=1/0");
    wb.setInput(s, 1, 1, "=RETAIN.COUNTROWS(A1:A2)");
    expect(wb.display(s, 1, 1).text).toBe("#DIV/0!");
  });

  test("spills a matrix result to its real size, nulls shown as 0, and re-fits when the data grows", () => {
    const { wb, s } = book();
    wb.setValues(s, 0, 0, [[1], [2], [3]]);
    wb.setInput(s, 0, 2, "=RETAIN.SQUARES(A1:A10)");
    const area = () => wb.hf.getRangeValues({ start: { sheet: s, row: 0, col: 2 }, end: { sheet: s, row: 4, col: 5 } });
    expect(area()).toEqual([
      [1, 1, 0, null],
      [2, 4, 0, null],
      [3, 9, 0, null],
      [null, null, null, null],
      [null, null, null, null],
    ]);
    wb.setValues(s, 3, 0, [[4]]);
    expect(area()[3]).toEqual([4, 16, 0, null]);
    wb.setValues(s, 1, 0, [[null], [null], [null]]);
    expect(area().map((r) => r[0])).toEqual([1, null, null, null, null]);
  });

  test("a spill blocked by a value shows #SPILL!", () => {
    const { wb, s } = book();
    wb.setValues(s, 0, 0, [[1], [2]]);
    wb.setValues(s, 1, 3, [["in the way"]]);
    wb.setInput(s, 0, 2, "=RETAIN.SQUARES(A1:A2)");
    expect(wb.display(s, 0, 2).text).toBe("#SPILL!");
    wb.clear(s, { row: 1, column: 3, rowCount: 1, columnCount: 1 });
    expect(wb.value(s, 1, 3)).toBe(4);
  });

  test("strings written as values stay text, never formulas", () => {
    const { wb, s } = book();
    wb.setValues(s, 0, 0, [["=RETAIN.HALF(2)", "+1", "007", "2024-01-01", "'quoted"]]);
    expect(wb.hf.getRangeValues({ start: { sheet: s, row: 0, col: 0 }, end: { sheet: s, row: 0, col: 4 } })).toEqual([["=RETAIN.HALF(2)", "+1", "007", "2024-01-01", "'quoted"]]);
    expect(wb.formula(s, 0, 0)).toBeUndefined();
    expect(wb.input(s, 0, 0)).toBe("=RETAIN.HALF(2)");
  });
});

describe("coerceScalar", () => {
  test("follows the parameter's declared type", () => {
    expect(coerceScalar("F", { name: "x", type: "number" }, true)).toBe(1);
    expect(coerceScalar("F", { name: "x", type: "string" }, 12)).toBe("12");
    expect(coerceScalar("F", { name: "x", type: "boolean" }, 0)).toBe(false);
    expect(coerceScalar("F", { name: "x", type: "any" }, "a")).toBe("a");
    expect(coerceScalar("F", { name: "x", type: "number" }, null)).toBeNull();
  });
});
