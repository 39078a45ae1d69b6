import type { Cell } from "../../src/core/cells";
import { cohortTable } from "../../src/core/cohort";
import { numError } from "../../src/core/errors";
import * as sbg from "../../src/core/models/shifted-beta-geometric";
import { projectionCurve } from "../../src/core/pane/projection-curve";
import { readTransactions } from "../../src/core/transactions";
import { buildCohortSheet, PaneError, type BuildRequest, type BuildResult } from "../../src/taskpane/build";
import { translator } from "../../src/taskpane/i18n";
import { defaultOptions, type BuildOptions } from "../../src/taskpane/options";
import { percentPair, projectRetention, projectionProblem, type ProjectionResult } from "../../src/taskpane/project";
import { OFFSET_COLUMN, PARAM_FORMAT, PROJECTED_FILL, PROJECTION_GAP_ROWS, projectionRows } from "../../src/taskpane/projection-plan";
import { PERCENT_FORMAT, TEXT_FORMAT } from "../../src/taskpane/sheet-plan";
import type { FormatOp, Rect, SourceInfo } from "../../src/taskpane/workbook-port";
import { MemoryWorkbook } from "./memory-workbook";

const t = translator("en");
const now = () => new Date(2024, 4, 1, 10, 32);

/**
 * Twelve monthly cohorts of 100 customers in 2023, every cohort made alike: customer j
 * of each cohort is last active at the largest offset k with j < ALIVE[k] (capped at the
 * end of the data), so every cohort's "on or after" curve is ALIVE/100 as far as it
 * reaches, and so is the pooled average. Each customer buys at offset 0 and at the last one.
 */
const ALIVE = [100, 63, 48, 39, 34, 30, 27, 24, 22, 21, 19, 18];
const month = (m: number) => `2023-${String(m + 1).padStart(2, "0")}-15`;

function alikeCohorts(): Cell[][] {
  const rows: Cell[][] = [["Customer", "Date", "Revenue"]];
  for (let f = 0; f < 12; f++) {
    for (let j = 0; j < 100; j++) {
      let last = 0;
      while (last + 1 < ALIVE.length && j < ALIVE[last + 1]) last++;
      last = Math.min(last, 11 - f);
      rows.push([`c${f}-${j}`, month(f), 10]);
      if (last > 0) rows.push([`c${f}-${j}`, month(f + last), 10]);
    }
  }
  return rows;
}

function requestFor(rows: Cell[][], options: Partial<BuildOptions> = {}): BuildRequest {
  const source: SourceInfo = { sheet: "Data", row: 0, column: 0, rowCount: rows.length, columnCount: 3, origin: "selection" };
  return { source, roles: { customer: 0, date: 1, revenue: 2, header: true }, columnNames: ["Customer", "Date", "Revenue"], options: { ...defaultOptions, ...options } };
}

async function built(rows: Cell[][], options: Partial<BuildOptions> = {}): Promise<{ wb: MemoryWorkbook; result: BuildResult }> {
  const wb = new MemoryWorkbook({ Data: rows });
  const result = await buildCohortSheet(wb, requestFor(rows, options), { t, now });
  return { wb, result };
}

/** The curve the alike cohorts give: offsets 0 … 10 (offset 11 is reached by one cohort only). */
const expectedCurve = ALIVE.slice(0, 11).map((a) => a / 100);

function blockValues(wb: MemoryWorkbook, sheet: string, rect: Rect): Cell[][] {
  return Array.from({ length: rect.rowCount }, (_, r) => Array.from({ length: rect.columnCount }, (_, c) => wb.cell(sheet, rect.row + r, rect.column + c)?.value ?? ""));
}

function formatsAt(wb: MemoryWorkbook, sheet: string, row: number, column: number): FormatOp[] {
  return wb.formats.filter((f) => f.sheet === sheet && row >= f.op.rect.row && row < f.op.rect.row + f.op.rect.rowCount && column >= f.op.rect.column && column < f.op.rect.column + f.op.rect.columnCount).map((f) => f.op);
}

describe("projectionCurve: the input-curve rule", () => {
  const header = ["Cohort", "Customers", 0, 1, 2, 3];

  it("runs its example: the All cohorts row, offsets reached by one cohort left out", () => {
    expect(
      projectionCurve([header, ["2024-01", 10, 1, 0.6, 0.5, 0.4], ["2024-02", 10, 1, 0.5, 0.3, ""], ["All cohorts", 20, 1, 0.55, 0.4, 0.4]]),
    ).toEqual({ ok: true, curve: [1, 0.55, 0.4], lastOffset: 2, cohorts: 2 });
  });

  it("keeps every offset of a single cohort", () => {
    expect(projectionCurve([header, ["2024-01", 10, 1, 0.6, 0.5, 0.4], ["All cohorts", 10, 1, 0.6, 0.5, 0.4]])).toMatchObject({ ok: true, curve: [1, 0.6, 0.5, 0.4] });
  });

  it("stops at the first blank offset", () => {
    expect(projectionCurve([header, ["2024-01", 10, 1, 0.6, 0.5, ""], ["All cohorts", 10, 1, 0.6, 0.5, ""]])).toMatchObject({ ok: true, curve: [1, 0.6, 0.5] });
  });

  it("needs offsets 0, 1 and 2", () => {
    expect(projectionCurve([header.slice(0, 4), ["2024-01", 10, 1, 0.6], ["All cohorts", 10, 1, 0.6]])).toEqual({ ok: false, problem: { kind: "tooShort", lastOffset: 1 } });
    expect(projectionCurve([header.slice(0, 3), ["2024-01", 10, 1], ["All cohorts", 10, 1]])).toEqual({ ok: false, problem: { kind: "tooShort", lastOffset: 0 } });
  });

  it("stops before a later rise of the average, saying where", () => {
    // offset 4 is reached by the two oldest cohorts only, which kept more customers
    const table = [header.concat([4]), ["a", 10, 1, 0.8, 0.7, 0.6, 0.6], ["b", 10, 1, 0.6, 0.5, 0.4, 0.2], ["c", 10, 1, 0.2, 0.1, 0.1, ""], ["All cohorts", 30, 1, 16 / 30, 13 / 30, 11 / 30, 0.4]];
    expect(projectionCurve(table)).toEqual({ ok: true, curve: [1, 16 / 30, 13 / 30, 11 / 30], lastOffset: 3, cohorts: 3, cut: { from: 3, to: 4, fromValue: 11 / 30, toValue: 0.4 } });
  });

  it("tells close values apart in the words for a rise", () => {
    expect(percentPair(0.0421, 0.0424)).toEqual(["4.21%", "4.24%"]);
    expect(percentPair(0.5, 0.75)).toEqual(["50.0%", "75.0%"]);
    expect(t("projCut", { from: 19, to: 20, fromValue: "4.21%", toValue: "4.24%" })).toBe(
      "The average rises after offset 19 (4.21% to 4.24%: later offsets are reached only by older cohorts), so offsets 20 and later are left out of the fit.",
    );
  });

  it("refuses a curve that rises before offset 2, naming the offsets", () => {
    const table = [header, ["a", 10, 1, 1, 1, 1], ["b", 10, 1, 0.5, 0.5, ""], ["c", 10, 1, 0.1, "", ""], ["All cohorts", 30, 1, 16 / 30, 0.75, 1]];
    expect(projectionCurve(table)).toEqual({ ok: false, problem: { kind: "rises", from: 1, to: 2, fromValue: 16 / 30, toValue: 0.75 } });
  });

  it("refuses a curve where nobody comes back, or nobody is lost", () => {
    expect(projectionCurve([header.slice(0, 5), ["a", 10, 1, 0, 0], ["All cohorts", 10, 1, 0, 0]])).toEqual({ ok: false, problem: { kind: "noneReturn" } });
    expect(projectionCurve([header.slice(0, 5), ["a", 10, 1, 1, 1], ["All cohorts", 10, 1, 1, 1]])).toEqual({ ok: false, problem: { kind: "flat" } });
  });
});

describe("Build keeps the projection's input", () => {
  it("is the engine's 'on or after' average, whichever mode the sheet shows", async () => {
    const rows = alikeCohorts();
    const body = rows.slice(1);
    const tx = readTransactions(
      body.map((r) => r[0]),
      body.map((r) => r[1]),
      body.map((r) => r[2]),
    );
    const survival = cohortTable(tx, { period: "month", metric: "retention", mode: "on_or_after" });
    for (const mode of ["on", "on_or_after"] as const) {
      const { result } = await built(rows, { mode });
      expect(result.projection).toEqual(projectionCurve(survival));
      expect(result.projection).toMatchObject({ ok: true, lastOffset: 10 });
      if (result.projection?.ok) result.projection.curve.forEach((v, k) => expect(v).toBeCloseTo(expectedCurve[k], 12));
    }
  });

  it("is offered only for Retention %", async () => {
    const { result } = await built(alikeCohorts(), { metric: "customers" });
    expect(result.projection).toBeUndefined();
    expect(projectionProblem(result)).toMatchObject({ key: "projNeedsRetention" });
    const { wb, result: revenue } = await built(alikeCohorts(), { metric: "revenue" });
    const writes = wb.requests.length;
    await expect(projectRetention(wb, { target: revenue, horizon: 12 }, { t, now })).rejects.toMatchObject({ key: "projNeedsRetention" });
    expect(wb.requests.length).toBe(writes);
  });
});

describe("projectRetention", () => {
  it("writes the block below the sheet: parameters, offsets, marks, observed and sBG values", async () => {
    const { wb, result } = await built(alikeCohorts(), { mode: "on_or_after" });
    const before = wb.dump(result.sheet);
    const projection = await projectRetention(wb, { target: result, horizon: 12 }, { t, now });

    const fit = sbg.sbgFit(expectedCurve);
    expect(projection.fit.alpha).toBeCloseTo(fit.alpha, 9);
    expect(projection.fit.beta).toBeCloseTo(fit.beta, 9);
    // the made-up cohorts follow alpha 0.7, beta 1.2 rounded to whole customers
    expect(projection.fit.alpha).toBeCloseTo(0.7, 1);
    expect(projection.fit.beta).toBeCloseTo(1.2, 0);
    const K = 10;
    const N = K + 12;
    const curve = sbg.sbgSurvivalCurve(projection.fit, N);

    const top = result.plan.extent.row + result.plan.extent.rowCount + PROJECTION_GAP_ROWS;
    expect(projection.rect).toEqual({ row: top, column: 0, rowCount: 10, columnCount: OFFSET_COLUMN + N + 1 });
    // nothing Build wrote changed
    // (the dump pads every row to the widest, so the gap rows above the block read as blanks)
    const after = wb.dump(result.sheet);
    const width = after[0].length;
    const padded = Array.from({ length: top }, (_, r) => [...(before[r] ?? []), ...new Array(width - (before[r]?.length ?? 0)).fill("")]);
    expect(after.slice(0, top)).toEqual(padded);

    const cell = (row: keyof typeof projectionRows, column: number) => wb.cell(result.sheet, top + projectionRows[row], column);
    expect(cell("title", 0)?.value).toBe("Retention projection: shifted-beta-geometric model (sBG)");
    expect(cell("fitted", 0)?.value).toBe(
      "Fitted to the All cohorts row counted “on or after” (the share of customers not yet lost), offsets 0 to 10; 12 periods projected beyond the data. Static values, computed 2024-05-01 10:32.",
    );
    expect([cell("alpha", 0)?.value, cell("alpha", 1)?.value, cell("alpha", 1)?.format]).toEqual(["alpha", projection.fit.alpha, PARAM_FORMAT]);
    expect([cell("beta", 0)?.value, cell("beta", 1)?.value]).toEqual(["beta", projection.fit.beta]);
    expect([cell("logLikelihood", 0)?.value, cell("logLikelihood", 1)?.value]).toEqual(["Log-likelihood (per customer)", projection.fit.logLikelihood]);
    for (let k = 0; k <= N; k++) {
      expect(cell("offsets", OFFSET_COLUMN + k)?.value).toBe(k);
      expect(cell("marks", OFFSET_COLUMN + k)?.value).toBe(k <= K ? "Observed" : "Projected");
      expect(cell("observed", OFFSET_COLUMN + k)?.value ?? "").toBe(k <= K ? expectedCurve[k] : "");
      expect(cell("curve", OFFSET_COLUMN + k)?.value).toBeCloseTo(curve[k], 12);
      expect(cell("curve", OFFSET_COLUMN + k)?.format).toBe(PERCENT_FORMAT);
    }
    expect(cell("marks", OFFSET_COLUMN)?.format).toBe(TEXT_FORMAT);
    expect(cell("note", 0)?.value).toMatch(/projections, not data.*Fader & Hardie \(2007\), “How to project customer retention”/);

    // projected cells italic on the projection fill; observed ones not
    for (const row of ["marks", "curve"] as const) {
      const projected = formatsAt(wb, result.sheet, top + projectionRows[row], OFFSET_COLUMN + K + 1);
      expect(projected).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "italic" }), expect.objectContaining({ kind: "fill", color: PROJECTED_FILL })]));
      const observed = formatsAt(wb, result.sheet, top + projectionRows[row], OFFSET_COLUMN + K);
      expect(observed.some((op) => op.kind === "italic" || (op.kind === "fill" && op.color === PROJECTED_FILL))).toBe(false);
    }
    expect(formatsAt(wb, result.sheet, top + projectionRows.note, 0).map((op) => op.kind)).toContain("italic");
  });

  it("adds a dashed 'Projected (sBG)' series and stretches the chart's categories", async () => {
    const { wb, result } = await built(alikeCohorts(), { mode: "on_or_after" });
    const seriesBefore = wb.charts[0].spec.series.length;
    const projection = await projectRetention(wb, { target: result, horizon: 24 }, { t, now });
    expect(projection.chart).toBe("updated");
    const spec = wb.charts[0].spec;
    const top = projection.rect.row;
    expect(spec.series.length).toBe(seriesBefore + 1);
    expect(spec.series[spec.series.length - 1]).toEqual({ name: "Projected (sBG)", values: { row: top + projectionRows.curve, column: 2, rowCount: 1, columnCount: 35 }, emphasised: false, dashed: true });
    expect(spec.categories).toEqual({ row: top + projectionRows.offsets, column: 2, rowCount: 1, columnCount: 35 });
  });

  it("on a sheet counted 'on', also draws the 'on or after' curve it was fitted to", async () => {
    const { wb, result } = await built(alikeCohorts(), { mode: "on" });
    const projection = await projectRetention(wb, { target: result, horizon: 12 }, { t, now });
    const names = wb.charts[0].spec.series.map((s) => s.name);
    expect(names.slice(-2)).toEqual(["All cohorts, on or after", "Projected (sBG)"]);
    expect(wb.charts[0].spec.series.at(-2)?.values).toEqual({ row: projection.rect.row + projectionRows.observed, column: 2, rowCount: 1, columnCount: 11 });
  });

  it("says on the sheet and in the result where the curve stopped before a rise", async () => {
    const { wb, result } = await built(alikeCohorts(), { mode: "on_or_after" });
    if (!result.projection?.ok) throw new Error("expected a curve");
    // as if the average had risen after offset 8
    const curve = result.projection.curve.slice(0, 9);
    const target = { ...result, projection: { ...result.projection, curve, lastOffset: 8, cut: { from: 8, to: 9, fromValue: 0.2001, toValue: 0.2004 } } };
    const projection = await projectRetention(wb, { target, horizon: 6 }, { t, now });
    expect(projection.cut).toEqual({ from: 8, to: 9, fromValue: "20.01%", toValue: "20.04%" });
    expect(projection.fit.alpha).toBeCloseTo(sbg.sbgFit(curve).alpha, 9);
    const fitted = wb.cell(result.sheet, projection.rect.row + projectionRows.fitted, 0)?.value;
    expect(fitted).toMatch(/offsets 0 to 8; 6 periods projected beyond the data\. .* The average rises after offset 8 \(20\.01% to 20\.04%: .*\), so offsets 9 and later are left out of the fit\.$/);
  });

  it("projects again with another horizon, replacing its own block and series", async () => {
    const { wb, result } = await built(alikeCohorts(), { mode: "on_or_after" });
    const first = await projectRetention(wb, { target: result, horizon: 36 }, { t, now });
    const second = await projectRetention(wb, { target: result, horizon: 6, previous: first }, { t, now });
    expect(second.rect.columnCount).toBe(OFFSET_COLUMN + 10 + 6 + 1);
    // the wider first block is gone past the second one
    const tail = blockValues(wb, result.sheet, { ...first.rect, column: second.rect.columnCount, columnCount: first.rect.columnCount - second.rect.columnCount });
    expect(tail.flat().every((v) => v === "")).toBe(true);
    expect(wb.charts[0].spec.series.filter((s) => s.name === "Projected (sBG)")).toHaveLength(1);
    expect(wb.charts[0].spec.categories.columnCount).toBe(17);
  });

  it("refuses to overwrite a cell it did not write, and writes nothing", async () => {
    const { wb, result } = await built(alikeCohorts());
    const top = result.plan.extent.row + result.plan.extent.rowCount + PROJECTION_GAP_ROWS;
    await wb.writeCells(result.sheet, [{ row: top + 7, column: 5, values: [["my note"]] }]);
    const count = wb.requests.length;
    const error = await projectRetention(wb, { target: result, horizon: 12 }, { t, now }).catch((e) => e);
    expect(error).toMatchObject({ key: "proj_err_occupied", params: { address: `Cohorts – Month!F${top + 8}` } });
    expect(t(error.key, error.params)).toBe(`The cells Cohorts – Month!F${top + 8}, where the projection goes, are not empty. Nothing was overwritten: clear those cells, or build the sheet again.`);
    expect(wb.requests.slice(count).map((r) => r.method)).toEqual(["sheetNames", "readValues"]);
    expect(wb.cell(result.sheet, top + 7, 5)?.value).toBe("my note");
  });

  it("says so when the sheet was deleted", async () => {
    const { wb, result } = await built(alikeCohorts());
    await wb.deleteSheet(result.sheet);
    await expect(projectRetention(wb, { target: result, horizon: 12 }, { t, now })).rejects.toMatchObject({ key: "proj_err_sheetGone", params: { sheet: "Cohorts – Month" } });
  });

  it("writes the block without a line when the chart was deleted", async () => {
    const { wb, result } = await built(alikeCohorts());
    wb.charts = [];
    const projection = await projectRetention(wb, { target: result, horizon: 12 }, { t, now });
    expect(projection.chart).toBe("missing");
    expect(wb.cell(result.sheet, projection.rect.row, 0)?.value).toBe("Retention projection: shifted-beta-geometric model (sBG)");
  });
});

describe("projection failures", () => {
  afterEach(() => jest.restoreAllMocks());

  it("refuses a rising average in plain words, writing nothing", async () => {
    // January keeps everyone to offset 3, February half to offset 2, March one in ten to offset 1:
    // offset 2 is reached by January and February only, and their average (75%) is above offset 1's (53.3%)
    const rows: Cell[][] = [["Customer", "Date", "Revenue"]];
    for (let j = 0; j < 10; j++) rows.push([`a${j}`, "2023-01-10", 1], [`a${j}`, "2023-04-10", 1]);
    for (let j = 0; j < 10; j++) rows.push([`b${j}`, "2023-02-10", 1], ...(j < 5 ? [[`b${j}`, "2023-04-10", 1]] : []));
    for (let j = 0; j < 10; j++) rows.push([`c${j}`, "2023-03-10", 1], ...(j < 1 ? [[`c${j}`, "2023-04-10", 1]] : []));
    const { wb, result } = await built(rows, { mode: "on_or_after" });
    const count = wb.requests.length;
    const error: PaneError = await projectRetention(wb, { target: result, horizon: 12 }, { t, now }).catch((e) => e);
    expect(error).toMatchObject({ key: "proj_err_rises", params: { from: 1, to: 2, fromValue: "53.3%", toValue: "75.0%" } });
    expect(t(error.key, error.params)).toMatch(/^The average curve rises from offset 1 \(53\.3%\) to offset 2 \(75\.0%\)/);
    expect(wb.requests.length).toBe(count);
  });

  it("needs offsets 0, 1 and 2", async () => {
    const rows: Cell[][] = [["Customer", "Date", "Revenue"], ["a", "2023-01-10", 1], ["a", "2023-02-10", 1], ["b", "2023-01-12", 1]];
    const { wb, result } = await built(rows);
    const error: PaneError = await projectRetention(wb, { target: result, horizon: 12 }, { t, now }).catch((e) => e);
    expect(error).toMatchObject({ key: "proj_err_tooShort", params: { last: 1 } });
    expect(t(error.key, error.params)).toContain("this data reaches offset 1");
  });

  it("reports a fit that does not converge, writing nothing", async () => {
    const { wb, result } = await built(alikeCohorts());
    jest.spyOn(sbg, "sbgFit").mockImplementation(() => {
      throw numError("sBG fit did not converge after 200 iterations");
    });
    const count = wb.requests.length;
    const error: PaneError = await projectRetention(wb, { target: result, horizon: 12 }, { t, now }).catch((e) => e);
    expect(error).toMatchObject({ key: "proj_err_fit", params: { detail: "sBG fit did not converge after 200 iterations" } });
    expect(t(error.key, error.params)).toMatch(/^The model could not be fitted to this curve \(sBG fit did not converge after 200 iterations\)\..*Nothing was written\.$/);
    expect(wb.requests.length).toBe(count);
  });

  it.each(["writeCells", "format", "updateLineChart"])("clears the block and undoes the chart when %s is refused", async (method) => {
    const { wb, result } = await built(alikeCohorts(), { mode: "on" });
    const seriesBefore = wb.charts[0].spec.series.map((s) => s.name);
    const categoriesBefore = wb.charts[0].spec.categories;
    const before = wb.dump(result.sheet);
    const formatsBefore = wb.formats.length;
    const done = wb.requests.filter((r) => r.method === method).length;
    wb.failOn = { method, call: done + 1, error: Object.assign(new Error("The request failed."), { code: "GeneralException" }) };
    const error: PaneError = await projectRetention(wb, { target: result, horizon: 12 }, { t, now }).catch((e) => e);
    expect(error).toMatchObject({ key: "proj_err_refused", params: { detail: "GeneralException: The request failed.", cleaned: "yes" } });
    expect(t(error.key, error.params)).toBe("Excel refused the request (GeneralException: The request failed.). The unfinished projection was removed; try again.");
    expect(wb.dump(result.sheet)).toEqual(before);
    expect(wb.formats.length).toBe(formatsBefore);
    expect(wb.charts[0].spec.series.map((s) => s.name)).toEqual(seriesBefore);
    expect(wb.charts[0].spec.categories).toEqual(categoriesBefore);
  });

  it("names the cells to clear by hand when the clean-up fails too", async () => {
    const { wb, result } = await built(alikeCohorts());
    wb.failOn = { method: "format", call: wb.requests.filter((r) => r.method === "format").length + 1, error: Object.assign(new Error("busy"), { code: "GeneralException" }) };
    wb.clearCells = async () => {
      throw new Error("still busy");
    };
    const error: PaneError = await projectRetention(wb, { target: result, horizon: 12 }, { t, now }).catch((e) => e);
    const top = result.plan.extent.row + result.plan.extent.rowCount + PROJECTION_GAP_ROWS;
    expect(error).toMatchObject({ key: "proj_err_refused", params: { cleaned: "failed", address: `Cohorts – Month!A${top + 1}:Y${top + 10}` } });
    expect(t("proj_err_cleanup", error.params)).toBe(`The unfinished projection at Cohorts – Month!A${top + 1}:Y${top + 10} could not be removed: please clear those cells by hand.`);
  });
});

describe("projection strings", () => {
  it.each(["ru", "ro"] as const)("%s translates the pane's projection text", (language) => {
    const tr = translator(language);
    for (const key of ["projHeading", "projRule", "projButton", "proj_err_rises", "proj_err_fit", "out_projTitle", "out_projNote", "out_projSeries"] as const) expect(tr(key)).not.toBe(t(key));
    expect(tr("out_projNote")).toContain("Fader & Hardie (2007)");
  });

  it("states the input-curve rule in the help text", () => {
    expect(t("projRule")).toContain("“on or after”");
    expect(t("projRule")).toContain("never rises");
    expect(t("projRule")).toContain("Retention %");
  });
});

export type { ProjectionResult };
