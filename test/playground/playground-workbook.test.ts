import { HyperFormula } from "hyperformula";
import { createCustomFunctionsShim } from "../../src/playground/custom-functions-shim";
import { PlaygroundWorkbook } from "../../src/playground/playground-workbook";
import { buildRetainPlugin, type FunctionsMetadata } from "../../src/playground/retain-plugin";
import { Workbook } from "../../src/playground/workbook";
import { fullAddress } from "../../src/taskpane/workbook-port";

const metadata: FunctionsMetadata = {
  functions: [
    { id: "DOUBLE", name: "DOUBLE", parameters: [{ name: "x", type: "number" }], result: { type: "number" } },
    { id: "PAIRS", name: "PAIRS", parameters: [{ name: "n", type: "number" }], result: { dimensionality: "matrix" } },
  ],
};
const shim = createCustomFunctionsShim();
shim.associate("DOUBLE", (x: number) => 2 * x);
shim.associate("PAIRS", (n: number) => Array.from({ length: n }, (_, i) => [i, `p${i}`]));
const retain = buildRetainPlugin({ namespace: "RETAIN", metadata, implementations: shim.registry });
beforeAll(() => HyperFormula.registerFunctionPlugin(retain.plugin, retain.translations));
afterAll(() => HyperFormula.unregisterFunctionPlugin(retain.plugin));

function setup() {
  const wb = new Workbook({ retain });
  const data = wb.addSheet("Data");
  wb.setValues(data, 0, 0, [["id", "date", "revenue"], ["a", 45306, 10], ["b", 45307, 20]]);
  wb.activeSheet = data;
  return { wb, port: new PlaygroundWorkbook(wb), data };
}

describe("PlaygroundWorkbook, the pane's port over the playground workbook", () => {
  test("getSource: the selection, else the region around the active cell, else the cell", async () => {
    const { wb, port } = setup();
    wb.select({ row: 1, col: 1 });
    expect(await port.getSource()).toEqual({ sheet: "Data", origin: "region", row: 0, column: 0, rowCount: 3, columnCount: 3 });
    wb.select({ row: 0, col: 0 }, { row: 1, col: 1 });
    expect(await port.getSource()).toEqual({ sheet: "Data", origin: "selection", row: 0, column: 0, rowCount: 2, columnCount: 2 });
    wb.select({ row: 0, col: 0 }, { row: 1_048_575, col: 2 });
    expect(await port.getSource()).toMatchObject({ origin: "selection", rowCount: 3, columnCount: 3 });
    wb.select({ row: 10, col: 10 });
    expect(await port.getSource()).toMatchObject({ origin: "cell", row: 10, column: 10, rowCount: 1, columnCount: 1 });
  });

  test("readValues pads past the used range with blanks", async () => {
    const { port } = setup();
    expect(await port.readValues("Data", { row: 2, column: 1, rowCount: 3, columnCount: 3 })).toEqual([
      [45307, 20, null],
      [null, null, null],
      [null, null, null],
    ]);
  });

  test("addSheet rejects a taken or invalid name; deleteSheet and activateSheet", async () => {
    const { wb, port } = setup();
    await port.addSheet("Cohorts – Month");
    await expect(port.addSheet("cohorts – month")).rejects.toThrow('A sheet named "cohorts – month" already exists');
    await expect(port.addSheet("a/b")).rejects.toThrow("not a valid sheet name");
    await port.activateSheet("Cohorts – Month");
    expect(wb.sheetName(wb.activeSheet)).toBe("Cohorts – Month");
    await port.deleteSheet("Cohorts – Month");
    expect(await port.sheetNames()).toEqual(["Data"]);
  });

  test("writeCells: strings stay literal text, formats per column, formulas recalculate", async () => {
    const { wb, port } = setup();
    await port.addSheet("Out");
    const out = wb.sheetId("Out");
    await port.writeCells("Out", [
      { row: 0, column: 0, values: [["=DOUBLE(2)", "+1", "007"], ["", 0.5, 45306]], numberFormat: ["@", "0%", "yyyy-mm-dd"] },
      { row: 3, column: 0, formulas: [["=RETAIN.DOUBLE(Data!C2)"]] },
    ]);
    expect(wb.hf.getRangeValues({ start: { sheet: out, row: 0, col: 0 }, end: { sheet: out, row: 1, col: 2 } })).toEqual([
      ["=DOUBLE(2)", "+1", "007"],
      [null, 0.5, 45306],
    ]);
    expect(wb.display(out, 1, 1).text).toBe("50%");
    expect(wb.display(out, 1, 2).text).toBe("2024-01-15");
    expect(wb.value(out, 3, 0)).toBe(20);
    // nothing outside the new sheet changed
    expect(wb.value(wb.sheetId("Data"), 1, 2)).toBe(10);
  });

  test("formulas the pane writes reach a sheet with a dotted name (quoted by sheetPrefix)", async () => {
    const { wb, port } = setup();
    const q = wb.addSheet("Q1.2024");
    wb.setValues(q, 0, 0, [[21]]);
    await port.addSheet("Out");
    await port.writeCells("Out", [{ row: 0, column: 0, formulas: [[`=RETAIN.DOUBLE(${fullAddress("Q1.2024", { row: 0, column: 0, rowCount: 1, columnCount: 1 })})`]] }]);
    expect(wb.value(wb.sheetId("Out"), 0, 0)).toBe(42);
  });

  test("format and addLineChart keep what the grid draws", async () => {
    const { wb, port } = setup();
    const rect = { row: 1, column: 2, rowCount: 2, columnCount: 1 };
    await port.format("Data", [
      { kind: "bold", rect },
      { kind: "fill", rect, color: "#FFEEDD" },
      { kind: "colorScale", rect, min: "#F8696B", mid: "#FFEB84", max: "#63BE7B" },
      { kind: "columnWidth", rect, width: 120 },
      { kind: "numberFormat", rect, format: "#,##0.00" },
    ]);
    const data = wb.sheetId("Data");
    expect(wb.style(data, 2, 2)).toEqual({ bold: true, fill: "#FFEEDD" });
    expect(wb.sheetMeta(data).colourScales).toHaveLength(1);
    expect(wb.sheetMeta(data).columnWidths.get(2)).toBe(120);
    expect(wb.display(data, 2, 2).text).toBe("20.00");
    await port.addLineChart("Data", { title: "t", xAxisTitle: "x", yAxisTitle: "y", categories: rect, series: [{ name: "s", values: rect, emphasised: true }], position: { row: 5, column: 0, rowCount: 10, columnCount: 5 } });
    expect(wb.sheetMeta(data).charts.map((c) => c.title)).toEqual(["t"]);
  });

  test("findFormulas and replaceFormulasWithValues: RETAIN formulas only, a spill counts once", async () => {
    const { wb, port, data } = setup();
    wb.setInput(data, 5, 0, "=RETAIN.PAIRS(3)");
    wb.setInput(data, 5, 3, "=retain.double(4)+1");
    wb.setInput(data, 5, 4, '=SUM(1,2)&"RETAIN.X("');
    expect(await port.findFormulas("activeSheet", "RETAIN.")).toEqual({ count: 2, sheet: "Data", address: "A1:E8" });
    wb.select({ row: 5, col: 3 });
    expect((await port.findFormulas("selection", "RETAIN.")).count).toBe(1);
    expect(await port.replaceFormulasWithValues("activeSheet", "RETAIN.")).toBe(2);
    expect(wb.formula(data, 5, 0)).toBeUndefined();
    expect(wb.hf.getRangeValues({ start: { sheet: data, row: 5, col: 0 }, end: { sheet: data, row: 7, col: 1 } })).toEqual([
      [0, "p0"],
      [1, "p1"],
      [2, "p2"],
    ]);
    expect(wb.value(data, 5, 3)).toBe(9);
    expect(wb.formula(data, 5, 4)).toBe('=SUM(1,2)&"RETAIN.X("');
  });
});
