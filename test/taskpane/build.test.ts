import type { Cell } from "../../src/core/cells";
import { cohortTable, growthAccounting } from "../../src/core/cohort";
import { readTransactions } from "../../src/core/transactions";
import { buildCohortSheet, CancelledError, PaneError, type BuildRequest } from "../../src/taskpane/build";
import { translator } from "../../src/taskpane/i18n";
import { cohortMetrics, cohortModes, defaultOptions, needsRevenue, type BuildOptions } from "../../src/taskpane/options";
import { PERCENT_FORMAT, TEXT_FORMAT } from "../../src/taskpane/sheet-plan";
import type { SourceInfo } from "../../src/taskpane/workbook-port";
import { MemoryWorkbook } from "./memory-workbook";

const t = translator("en");
const now = () => new Date(2024, 4, 1, 10, 32);

// two header rows above the data so sheet rows differ from input rows
const data: Cell[][] = [
  ["Sales log", "", ""],
  ["Client", "Date", "Amount"],
  ["a", "2024-01-05", 10],
  ["b", "2024-01-20", 20],
  ["a", "2024-02-03", 5],
  ["", "", ""],
  ["c", "2024-02-10", 7],
  ["b", "2024-03-15", 8],
  ["c", "2024-04-01", 3],
  ["a", "2024-04-09", 4],
  ["d", "2024-03-02", 9],
];
const source: SourceInfo = { sheet: "Data", row: 1, column: 0, rowCount: data.length - 1, columnCount: 3, origin: "selection" };
const request = (options: Partial<BuildOptions> = {}, overrides: Partial<BuildRequest> = {}): BuildRequest => ({
  source,
  roles: { customer: 0, date: 1, revenue: 2, header: true },
  columnNames: ["Client", "Date", "Amount"],
  options: { ...defaultOptions, ...options },
  ...overrides,
});

function engineTables(options: BuildOptions) {
  const rows = data.slice(2);
  const tx = readTransactions(
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
    rows.map((r) => r[2]),
  );
  return { table: cohortTable(tx, options), growth: growthAccounting(tx, options) };
}

describe("buildCohortSheet", () => {
  it("writes the engine's cohort and growth tables to a new sheet, and nothing elsewhere", async () => {
    const wb = new MemoryWorkbook({ Data: data });
    const before = wb.dump("Data");
    const result = await buildCohortSheet(wb, request(), { t, now });
    expect(result.sheet).toBe("Cohorts – Month");
    expect(wb.activeSheet).toBe("Cohorts – Month");
    expect(wb.dump("Data")).toEqual(before);
    expect(new Set(wb.requests.filter((r) => r.sheet && r.method !== "readValues").map((r) => r.sheet))).toEqual(new Set(["Cohorts – Month"]));

    const { table, growth } = engineTables(defaultOptions);
    const sheet = wb.dump(result.sheet);
    const top = result.plan.table.row;
    expect(sheet.slice(top, top + table.length).map((r) => r.slice(0, table[0].length))).toEqual(table);
    const g = result.plan.growth.row;
    expect(sheet.slice(g, g + growth.length).map((r) => r.slice(0, growth[0].length))).toEqual(growth);
    expect(sheet[0][0]).toBe("Cohort analysis: Retention % by Month");
    expect(sheet[1][0]).toBe("Source: Data!A2:C11 (customer id: Client; date: Date; revenue: Amount)");
    expect(sheet[3][0]).toBe("Built 2024-05-01 10:32 · 8 transactions · 4 customers · 3 cohorts");
    expect(result).toMatchObject({ cohorts: 3, customers: 4, transactions: 8, skippedRows: [6] });
  });

  it("formats labels as text, sizes as counts and retention as percent", async () => {
    const wb = new MemoryWorkbook({ Data: data });
    const { plan, sheet } = await buildCohortSheet(wb, request(), { t, now });
    const top = plan.table.row;
    expect(wb.cell(sheet, top + 1, 0)?.format).toBe(TEXT_FORMAT);
    expect(wb.cell(sheet, top + 1, 1)?.format).toBe("#,##0");
    expect(wb.cell(sheet, top + 1, 2)?.format).toBe(PERCENT_FORMAT);
    expect(wb.cell(sheet, plan.growth.row + 1, 0)?.format).toBe(TEXT_FORMAT);
    expect(wb.cell(sheet, plan.growth.row + 1, 9)?.format).toBe("#,##0.00");
    const scale = wb.formats.find((f) => f.op.kind === "colorScale");
    expect(scale?.op).toMatchObject({ rect: { row: top + 1, column: 3, rowCount: plan.table.rowCount - 2 } });
  });

  it("summarises retention and highlights the biggest drop", async () => {
    const wb = new MemoryWorkbook({ Data: data });
    const { plan, sheet } = await buildCohortSheet(wb, request(), { t, now });
    const rows = wb.dump(sheet);
    expect(rows[5][0]).toBe("Summary");
    expect(rows[6][0]).toBe("Average retention at offset 1");
    expect(plan.dropColumn).toBeDefined();
    const headerFill = wb.formats.find((f) => f.op.kind === "fill" && f.op.rect.row === plan.table.row && f.op.rect.column === plan.dropColumn);
    expect(headerFill).toBeDefined();
    expect(wb.charts).toHaveLength(1);
    const series = wb.charts[0].spec.series;
    expect(series[series.length - 1]).toMatchObject({ name: "All cohorts", emphasised: true });
  });

  describe.each(cohortMetrics.flatMap((metric) => cohortModes.filter((mode) => !(needsRevenue(metric) && mode === "on_or_after")).map((mode) => [metric, mode] as const)))("metric %s, mode %s", (metric, mode) => {
    it("writes the engine's table with the metric's number format", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      const options = { ...defaultOptions, metric, mode };
      const { plan, sheet } = await buildCohortSheet(wb, request(options), { t, now });
      const { table } = engineTables(options);
      const rows = wb.dump(sheet);
      expect(rows.slice(plan.table.row, plan.table.row + table.length).map((r) => r.slice(0, table[0].length))).toEqual(table);
      const expected = metric === "customers" ? "#,##0" : needsRevenue(metric) && metric !== "revenue_retention" ? "#,##0.00" : "0.0%";
      expect(wb.cell(sheet, plan.table.row + 1, 2)?.format).toBe(expected);
    });

    it("as a live formula, writes RETAIN.COHORT and formats the spill size", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      const options: BuildOptions = { ...defaultOptions, metric, mode, output: "formula" };
      const { plan, sheet } = await buildCohortSheet(wb, request(options), { t, now });
      expect(wb.cell(sheet, plan.table.row, 0)?.formula).toBe(`=RETAIN.COHORT(Data!$A$2:$A$11, Data!$B$2:$B$11, Data!$C$2:$C$11, "month", "${metric}", "${mode}")`);
      expect(wb.cell(sheet, plan.growth.row, 0)?.formula).toBe(`=RETAIN.GROWTH_ACCOUNTING(Data!$A$2:$A$11, Data!$B$2:$B$11, Data!$C$2:$C$11, "month")`);
      const { table } = engineTables(options);
      const formatted = wb.formats.filter((f) => f.op.kind === "numberFormat" && f.op.rect.row === plan.table.row + 1);
      expect(formatted).toHaveLength(table[0].length);
      expect(formatted.every((f) => f.op.rect.rowCount === table.length - 1)).toBe(true);
    });
  });

  it("leaves the revenue argument empty and passes the date order when chosen", async () => {
    const wb = new MemoryWorkbook({ Data: data });
    const req = request({ output: "formula", dateOrder: "DMY", period: "week" }, { roles: { customer: 0, date: 1, revenue: -1, header: true } });
    const { plan, sheet } = await buildCohortSheet(wb, req, { t, now });
    expect(wb.cell(sheet, plan.table.row, 0)?.formula).toBe(`=RETAIN.COHORT(Data!$A$2:$A$11, Data!$B$2:$B$11, , "week", "retention", "on", "DMY")`);
  });

  it("uses a structured reference for an Excel table", async () => {
    const wb = new MemoryWorkbook({ Data: data });
    const req = request({ output: "formula" }, { source: { ...source, origin: "table", tableName: "Sales" }, columnNames: ["Client", "Date [UTC]", "Amount"] });
    const { plan, sheet } = await buildCohortSheet(wb, req, { t, now });
    expect(wb.cell(sheet, plan.table.row, 0)?.formula).toBe(`=RETAIN.COHORT(Sales[Client], Sales[Date '[UTC']], Sales[Amount], "month", "retention", "on")`);
  });

  it("names the sheet uniquely", async () => {
    const wb = new MemoryWorkbook({ Data: data, "Cohorts – Month": [] });
    expect((await buildCohortSheet(wb, request(), { t, now })).sheet).toBe("Cohorts – Month (2)");
  });

  it("writes ids and labels that look like formulas as text cells", async () => {
    const evil: Cell[][] = [["=HYPERLINK(\"http://x\")", "Date", "+1"], ["-2", 45306, 1], ["@x", 45340, 2]];
    const wb = new MemoryWorkbook({ Data: evil });
    const req = request({}, { source: { ...source, row: 0, rowCount: 3 }, columnNames: ["=HYPERLINK(\"http://x\")", "Date", "+1"] });
    const { sheet } = await buildCohortSheet(wb, req, { t, now });
    for (const [key, cell] of wb.sheets.get(sheet)!) {
      if (typeof cell.value === "string" && cell.value !== "") expect([key, cell.format]).toEqual([key, TEXT_FORMAT]);
      expect(cell.formula).toBeUndefined();
    }
  });

  describe("failures", () => {
    it("deletes the partly written sheet when a write fails half way", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      wb.failOn = { method: "format", call: 1, error: Object.assign(new Error("The argument is invalid."), { code: "InvalidArgument" }) };
      const error = await buildCohortSheet(wb, request(), { t, now }).catch((e) => e);
      expect(error).toBeInstanceOf(PaneError);
      expect(error.key).toBe("err_refused");
      expect(error.params.detail).toBe("InvalidArgument: The argument is invalid.");
      expect([...wb.sheets.keys()]).toEqual(["Data"]);
      expect(wb.requests.map((r) => r.method)).toContain("deleteSheet");
    });

    it("deletes the sheet when the chart fails", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      wb.failOn = { method: "addLineChart", call: 1, error: new Error("boom") };
      await expect(buildCohortSheet(wb, request(), { t, now })).rejects.toMatchObject({ key: "err_unexpected" });
      expect([...wb.sheets.keys()]).toEqual(["Data"]);
    });

    it("says so when the clean-up fails too", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      wb.failOn = { method: "writeCells", call: 1, error: new Error("boom") };
      wb.deleteSheet = async () => {
        throw new Error("locked");
      };
      await expect(buildCohortSheet(wb, request(), { t, now })).rejects.toMatchObject({ key: "err_unexpected", params: { cleanup: "failed", sheet: "Cohorts – Month" } });
    });

    it("cancels while reading without adding a sheet", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      const controller = new AbortController();
      controller.abort();
      await expect(buildCohortSheet(wb, request(), { t, now, signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
      expect(wb.requests.map((r) => r.method)).not.toContain("addSheet");
    });

    it("cancels while writing and removes the sheet", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      const controller = new AbortController();
      const error = await buildCohortSheet(wb, request(), {
        t,
        now,
        signal: controller.signal,
        onProgress: (p) => p.phase === "writing" && p.done === 2 && controller.abort(),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(CancelledError);
      expect([...wb.sheets.keys()]).toEqual(["Data"]);
    });

    it("reports a sheet that appeared under the chosen name", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      const names = wb.sheetNames.bind(wb);
      let first = true;
      wb.sheetNames = async () => {
        const out = await names();
        if (first) {
          first = false;
          wb.sheets.set("Cohorts – Month", new Map());
          return out;
        }
        return out;
      };
      await expect(buildCohortSheet(wb, request(), { t, now })).rejects.toMatchObject({ key: "err_sheetClash", params: { sheet: "Cohorts – Month" } });
      expect(wb.sheets.get("Cohorts – Month")?.size).toBe(0);
    });

    it("names the sheet row of a cell it cannot read", async () => {
      const bad = data.map((r) => r.slice());
      bad[6][1] = "not a date";
      const wb = new MemoryWorkbook({ Data: bad });
      const error = await buildCohortSheet(wb, request(), { t, now }).catch((e) => e);
      expect(error.key).toBe("err_invalidRow");
      expect(error.params.detail).toContain("date (column B) row 7");
      expect([...wb.sheets.keys()]).toEqual(["Data"]);
    });

    it("asks for the date order when slash dates read both ways", async () => {
      const slash: Cell[][] = [["id", "date"], ["a", "03/04/2024"], ["b", "05/06/2024"]];
      const wb = new MemoryWorkbook({ Data: slash });
      const req = request({}, { source: { ...source, row: 0, rowCount: 3, columnCount: 2 }, roles: { customer: 0, date: 1, revenue: -1, header: true } });
      await expect(buildCohortSheet(wb, req, { t, now })).rejects.toMatchObject({ key: "err_dateOrder" });
      await expect(buildCohortSheet(wb, { ...req, options: { ...req.options, dateOrder: "DMY" } }, { t, now })).resolves.toMatchObject({ cohorts: 2 });
    });

    it("refuses a selection whose rows are all blank", async () => {
      const wb = new MemoryWorkbook({ Data: [["id", "date"], ["", ""], [0, 0]] });
      const req = request({}, { source: { ...source, row: 0, rowCount: 3, columnCount: 2 }, roles: { customer: 0, date: 1, revenue: -1, header: true } });
      await expect(buildCohortSheet(wb, req, { t, now })).rejects.toMatchObject({ key: "err_noRows" });
    });

    it("refuses one cell, a missing date column, and a revenue metric without revenue", async () => {
      const wb = new MemoryWorkbook({ Data: data });
      await expect(buildCohortSheet(wb, request({}, { source: { ...source, rowCount: 1, columnCount: 1, origin: "cell" } }), { t, now })).rejects.toMatchObject({ key: "err_oneCell" });
      await expect(buildCohortSheet(wb, request({}, { roles: { customer: 0, date: -1, revenue: 2, header: true } }), { t, now })).rejects.toMatchObject({ key: "err_noDateColumn" });
      await expect(buildCohortSheet(wb, request({ metric: "ltv" }, { roles: { customer: 0, date: 1, revenue: -1, header: true } }), { t, now })).rejects.toMatchObject({ key: "err_revenueNeeded" });
      expect(wb.requests.map((r) => r.method)).not.toContain("addSheet");
    });

    it("refuses a day-by-day table too large to read", async () => {
      const long: Cell[][] = [["id", "date"], ["a", 40000], ["b", 45000]];
      const wb = new MemoryWorkbook({ Data: long });
      const req = request({ period: "day" }, { source: { ...source, row: 0, rowCount: 3, columnCount: 2 }, roles: { customer: 0, date: 1, revenue: -1, header: true } });
      await expect(buildCohortSheet(wb, req, { t, now })).rejects.toMatchObject({ key: "err_tooLarge" });
    });
  });
});
