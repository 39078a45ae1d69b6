import { buildCohortSheet } from "../../src/taskpane/build";
import { HARD_LIMIT, matrixBytes } from "../../src/taskpane/chunking";
import { translator } from "../../src/taskpane/i18n";
import { OfficeWorkbook } from "../../src/taskpane/office-workbook";
import { defaultOptions } from "../../src/taskpane/options";
import type { SourceInfo } from "../../src/taskpane/workbook-port";
import { FakeExcel } from "./fake-excel";

const t = translator("en");
const now = () => new Date(2024, 4, 1, 10, 32);

function transactions(n: number): unknown[][] {
  const rows: unknown[][] = [["Customer", "Date", "Revenue"]];
  for (let i = 0; i < n; i++) rows.push([`c${(i * 7919) % 997}`, 45292 + ((i * 31) % 400), ((i * 13) % 100) + 0.5]);
  return rows;
}

function port(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(fake.excel().run);
}

describe("OfficeWorkbook", () => {
  it("finds the selection, the table around a cell, or the region", async () => {
    const fake = new FakeExcel({ Data: transactions(10) });
    fake.selection = { sheet: "Data", rect: { row: 0, column: 0, rowCount: 11, columnCount: 3 } };
    await expect(port(fake).getSource()).resolves.toEqual({ sheet: "Data", row: 0, column: 0, rowCount: 11, columnCount: 3, origin: "selection" });

    fake.selection = { sheet: "Data", rect: { row: 4, column: 1, rowCount: 1, columnCount: 1 } };
    fake.tables = [{ name: "Sales", sheet: "Data", rect: { row: 0, column: 0, rowCount: 11, columnCount: 3 } }];
    await expect(port(fake).getSource()).resolves.toMatchObject({ origin: "table", tableName: "Sales", rowCount: 11 });

    fake.tables = [];
    fake.region = { row: 0, column: 0, rowCount: 11, columnCount: 3 };
    await expect(port(fake).getSource()).resolves.toMatchObject({ origin: "region", rowCount: 11, columnCount: 3 });
  });

  it("reads a rectangle in one sync", async () => {
    const fake = new FakeExcel({ Data: transactions(10) });
    const values = await port(fake).readValues("Data", { row: 1, column: 1, rowCount: 2, columnCount: 2 });
    expect(values).toEqual([
      [45292, 0.5],
      [45323, 13.5],
    ]);
    expect(fake.syncs).toBe(1);
  });

  it("writes a block with calculation suspended, in one sync, formats before values", async () => {
    const fake = new FakeExcel({ Data: [], Out: [] });
    await port(fake).writeCells("Out", [
      { row: 2, column: 1, values: [["2024-01", 10, 0.5]], numberFormat: ["@", "#,##0", "0.0%"] },
      { row: 5, column: 0, formulas: [["=RETAIN.COHORT(Data!$A$1:$A$9, Data!$B$1:$B$9)"]] },
    ]);
    expect(fake.syncs).toBe(1);
    expect(fake.suspended).toEqual([1]);
    expect(fake.writes.map((w) => [w.property, w.rect])).toEqual([
      ["numberFormat", { row: 2, column: 1, rowCount: 1, columnCount: 3 }],
      ["values", { row: 2, column: 1, rowCount: 1, columnCount: 3 }],
      ["formulas", { row: 5, column: 0, rowCount: 1, columnCount: 1 }],
    ]);
    expect(fake.cell("Out", 2, 1)).toMatchObject({ value: "2024-01", format: "@" });
    expect(fake.cell("Out", 2, 3)).toMatchObject({ value: 0.5, format: "0.0%" });
    expect(fake.cell("Out", 5, 0)?.formula).toMatch(/^=RETAIN\.COHORT\(/);
  });

  it("writes strings that look like formulas as quoted text", async () => {
    const fake = new FakeExcel({ Out: [] });
    await port(fake).writeCells("Out", [{ row: 0, column: 0, values: [['=HYPERLINK("http://x","y")', "+1", "-2", "@x", "plain", 3]] }]);
    const row = [0, 1, 2, 3, 4, 5].map((c) => fake.cell("Out", 0, c));
    expect(row.map((c) => c?.value)).toEqual(['\'=HYPERLINK("http://x","y")', "'+1", "'-2", "'@x", "plain", 3]);
    expect(row.map((c) => c?.format)).toEqual(["@", "@", "@", "@", "@", "General"]);
    expect(row.every((c) => c?.formula === undefined)).toBe(true);
  });

  it("formats: number formats as full matrices, a three-colour scale, fonts and fills", async () => {
    const fake = new FakeExcel({ Out: [] });
    await port(fake).format("Out", [
      { kind: "numberFormat", rect: { row: 1, column: 2, rowCount: 3, columnCount: 2 }, format: "0.0%" },
      { kind: "colorScale", rect: { row: 1, column: 3, rowCount: 3, columnCount: 4 }, min: "#F8696B", mid: "#FFEB84", max: "#63BE7B" },
      { kind: "bold", rect: { row: 0, column: 0, rowCount: 1, columnCount: 5 } },
      { kind: "fill", rect: { row: 0, column: 0, rowCount: 1, columnCount: 5 }, color: "#EBF3FC" },
    ]);
    expect(fake.syncs).toBe(1);
    expect(fake.cell("Out", 3, 3)?.format).toBe("0.0%");
    expect(fake.conditional).toHaveLength(1);
    expect(fake.conditional[0].cf.colorScale).toEqual({
      criteria: {
        minimum: { formula: null, type: "LowestValue", color: "#F8696B" },
        midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
        maximum: { formula: null, type: "HighestValue", color: "#63BE7B" },
      },
    });
    const bold = fake.ranges.find((r) => r.rect.columnCount === 5 && (r.mock.format as { font: { bold?: boolean } }).font.bold);
    expect(bold).toBeDefined();
  });

  it("adds a native line chart with the average emphasised", async () => {
    const fake = new FakeExcel({ Out: [] });
    const row = (r: number) => ({ row: r, column: 2, rowCount: 1, columnCount: 4 });
    await port(fake).addLineChart("Out", {
      title: "Retention % by offset",
      xAxisTitle: "Offset (Month)",
      yAxisTitle: "Retention %",
      categories: row(10),
      series: [
        { name: "2024-01", values: row(11), emphasised: false },
        { name: "All cohorts", values: row(12), emphasised: true },
      ],
      position: { row: 14, column: 0, rowCount: 18, columnCount: 8 },
      valueFormat: "0%",
    });
    expect(fake.syncs).toBe(1);
    const { chart, series } = fake.charts[0];
    expect(chart).toMatchObject({ type: "Line", seriesBy: "Rows", position: ["A15", "H32"] });
    expect(series.map((s) => s.name)).toEqual(["2024-01", "All cohorts"]);
    expect((series[1].format as { line: { weight: number } }).line.weight).toBeGreaterThan((series[0].format as { line: { weight: number } }).line.weight);
  });

  describe("a whole build through Office.js", () => {
    const rows = 60_000;
    const source: SourceInfo = { sheet: "Data", row: 0, column: 0, rowCount: rows + 1, columnCount: 3, origin: "selection" };
    const request = { source, roles: { customer: 0, date: 1, revenue: 2, header: true }, columnNames: ["Customer", "Date", "Revenue"], options: defaultOptions };

    it("reads in chunks under the limit and writes only to the new sheet", async () => {
      const fake = new FakeExcel({ Data: transactions(rows) });
      const result = await buildCohortSheet(port(fake), request, { t, now });
      const reads = fake.ranges.filter((r) => r.sheet === "Data" && r.rect.columnCount === 3 && r.rect.rowCount > 100);
      expect(reads.length).toBeGreaterThan(1);
      expect(reads.reduce((s, r) => s + r.rect.rowCount, 0)).toBe(rows);
      for (const r of reads) expect(matrixBytes(r.mock.values as (string | number)[][])).toBeLessThanOrEqual(HARD_LIMIT);
      expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set([result.sheet]));
      expect(fake.cell(result.sheet, 0, 0)?.value).toBe("Cohort analysis: Retention % by Month");
      expect(fake.activeSheet).toBe(result.sheet);
      // every value write ran with calculation suspended
      for (const w of fake.writes.filter((x) => x.property === "values")) expect(fake.suspended).toContain(w.sync);
    }, 60_000);

    it("deletes the new sheet when Excel refuses a request half way", async () => {
      const fake = new FakeExcel({ Data: transactions(200) });
      const small = { ...request, source: { ...source, rowCount: 201 } };
      // syncs: getSource is not called; reads, sheet names, add sheet, then the first write
      const probe = new FakeExcel({ Data: transactions(200) });
      await buildCohortSheet(port(probe), small, { t, now });
      const addSync = probe.writes[0].sync - 1;
      fake.failAtSync = addSync + 2; // the format request after the first cells
      const error = await buildCohortSheet(port(fake), small, { t, now }).catch((e) => e);
      expect(error).toMatchObject({ key: "err_refused", params: { detail: "GeneralException: The request failed." } });
      expect(fake.added).toEqual(["Cohorts – Month"]);
      expect(fake.deleted).toEqual(["Cohorts – Month"]);
      expect([...fake.sheets.keys()]).toEqual(["Data"]);
    });
  });

  describe("Make shareable", () => {
    it("counts RETAIN formulas and replaces them, spilled arrays included, with text-safe values", async () => {
      const fake = new FakeExcel({ Sheet1: [] });
      const s = fake.sheets.get("Sheet1")!;
      s.set("0,0", { value: "Cohort", format: "General", formula: '=RETAIN.COHORT(A:A,B:B,,"month")', spill: { rowCount: 2, columnCount: 2 } });
      s.set("0,1", { value: "Customers", format: "General" });
      s.set("1,0", { value: "2024-01", format: "General" });
      s.set("1,1", { value: 3, format: "#,##0" });
      s.set("3,0", { value: 7, format: "General", formula: "=SUM(1,6)" });
      s.set("4,0", { value: 0.9, format: "0%", formula: "=retain.retention_rate(100,110,20)" });
      fake.activeSheet = "Sheet1";
      const workbook = port(fake);
      await expect(workbook.findFormulas("activeSheet", "RETAIN.")).resolves.toEqual({ count: 2, sheet: "Sheet1", address: "A1:B5" });
      await expect(workbook.replaceFormulasWithValues("activeSheet", "RETAIN.")).resolves.toBe(2);
      expect(fake.cell("Sheet1", 0, 0)).toMatchObject({ value: "Cohort", format: "@" });
      expect(fake.cell("Sheet1", 0, 0)?.formula).toBeUndefined();
      expect(fake.cell("Sheet1", 1, 0)).toMatchObject({ value: "2024-01", format: "@" });
      expect(fake.cell("Sheet1", 1, 1)).toMatchObject({ value: 3, format: "#,##0" });
      expect(fake.cell("Sheet1", 4, 0)).toMatchObject({ value: 0.9, format: "0%" });
      expect(fake.cell("Sheet1", 3, 0)?.formula).toBe("=SUM(1,6)");
    });
  });
});
