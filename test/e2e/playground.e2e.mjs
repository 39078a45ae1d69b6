/* global Buffer, window, document */
/**
 * The playground's browser tests, run by run-e2e.mjs in order on one page (a test marked
 * `fresh` reloads the page first). Each drives the page as a person would and reads the
 * results back through window.retainPlayground.
 */
import assert from "node:assert/strict";
import { join } from "node:path";

const SAMPLE_LAST_ROW = 3001;

/** Calls window.retainPlayground[name](...args) in the page. */
export function api(page, name, ...args) {
  return page.evaluate(([n, a]) => window.retainPlayground[n](...a), [name, args]);
}

function parseA1(a1) {
  const m = /^([A-Z]+)([0-9]+)$/.exec(a1);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const cellSelector = (a1) => {
  const { row, col } = parseA1(a1);
  return `.grid-cells .cell[data-row="${row}"][data-col="${col}"]`;
};

export async function showSheet(page, name) {
  await page.click(`#tabs button[data-sheet="${name}"]`);
  await page.waitForFunction((n) => window.retainPlayground.getActiveSheet() === n, name);
}

/** Types an address into the name box and presses Enter, as a person jumps to a range. */
export async function goTo(page, address) {
  await page.click("#name-box");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(address);
  await page.keyboard.press("Enter");
}

/** Clicks a cell on the active sheet, scrolling it into view first if it is not drawn. */
export async function clickCell(page, a1, options = {}) {
  if ((await page.locator(cellSelector(a1)).count()) === 0) {
    await goTo(page, a1);
    await page.waitForSelector(cellSelector(a1));
  }
  await page.click(cellSelector(a1), options);
}

/** Clicks a cell, types text and presses Enter. */
export async function typeInCell(page, a1, text) {
  await clickCell(page, a1);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function cellText(page, a1) {
  return (await page.locator(cellSelector(a1)).textContent()) ?? "";
}

export const tests = [
  {
    name: "opens the sample workbook with the seed examples as live formulas",
    async run({ page }) {
      assert.deepEqual(await api(page, "getSheetNames"), ["Transactions", "Metrics"]);
      assert.equal(await api(page, "getActiveSheet"), "Metrics");
      const names = await api(page, "functionNames");
      for (const fn of ["RETAIN.RETENTION_RATE", "RETAIN.CHURN", "RETAIN.CLV", "RETAIN.NPS", "RETAIN.COHORT"]) assert.ok(names.includes(fn), `${fn} is registered (got ${names.join(", ")})`);
      assert.equal(await api(page, "getCellFormula", "Metrics!B4"), "=RETAIN.RETENTION_RATE(100,110,20)");
      assert.equal(await api(page, "getCellValue", "Metrics!B4"), 0.9);
      assert.equal(await cellText(page, "B4"), "90%");
      assert.equal(await cellText(page, "B5"), "10%");
      assert.equal(await cellText(page, "B7"), "40");
      assert.equal(await page.textContent("#banner"), "");
    },
  },
  {
    name: "the sample COHORT formula spills its whole table",
    async run({ page }) {
      const a14 = await api(page, "getCellValue", "Metrics!A14");
      assert.equal(a14, "Cohort", `A14 shows ${JSON.stringify(a14)}`);
      const table = await api(page, "getRangeValues", "Metrics!A14:AB40");
      assert.deepEqual(table[0].slice(0, 3), ["Cohort", "Customers", 0]);
      const labels = table.slice(1).map((r) => r[0]).filter((v) => v !== null);
      assert.equal(labels[0], "2023-01");
      assert.equal(labels[labels.length - 1], "All cohorts");
      assert.equal(labels.length, 25, "24 monthly cohorts and the pooled row");
      for (const row of table.slice(1, 25)) assert.equal(row[2], 1, `period 0 retention of ${row[0]} is 100%`);
      assert.equal(await api(page, "getCellText", "Metrics!C15"), "100%");
    },
  },
  {
    name: "screenshot of the workbook: the Metrics sheet with the seed formulas and the COHORT spill",
    async run({ page, results }) {
      await showSheet(page, "Metrics");
      await clickCell(page, "B4");
      await page.screenshot({ path: join(results, "playground-workbook.png") });
    },
  },
  {
    name: "typing a formula into a cell shows its value and moves down",
    async run({ page }) {
      await typeInCell(page, "H4", "=RETAIN.RETENTION_RATE(100,110,20)");
      assert.equal(await api(page, "getCellValue", "Metrics!H4"), 0.9);
      assert.equal(await cellText(page, "H4"), "0.9");
      assert.equal(await page.inputValue("#name-box"), "H5");
      await typeInCell(page, "H5", "=RETAIN.CLV(100,0.8,0.1)*2");
      const clv = await api(page, "getCellValue", "Metrics!B6");
      assert.ok(Math.abs((await api(page, "getCellValue", "Metrics!H5")) - 2 * clv) < 1e-9);
      await clickCell(page, "H4");
      assert.equal(await page.inputValue("#formula-input"), "=RETAIN.RETENTION_RATE(100,110,20)");
    },
  },
  {
    name: "error values show in the cell with the function's message on selection",
    async run({ page }) {
      // #VALUE! from the function itself (a two-column range where it needs one column)
      await typeInCell(page, "H8", "=RETAIN.RETENTION_RATE_IDS(A4:B6,A4:A6)");
      assert.equal(await cellText(page, "H8"), "#VALUE!");
      const value = await api(page, "getCellValue", "Metrics!H8");
      assert.equal(value.error, "#VALUE!");
      assert.match(value.message, /single column/, `message: ${value.message}`);
      await clickCell(page, "H8");
      const status = await page.textContent('[data-testid="error-message"]');
      assert.equal(status, `#VALUE! ${value.message}`);
      assert.equal(await page.getAttribute(cellSelector("H8"), "title"), `#VALUE! ${value.message}`);
      // #NUM! for a number out of range, with core's message
      await typeInCell(page, "H7", "=RETAIN.RETENTION_RATE(0,110,20)");
      const num = await api(page, "getCellValue", "Metrics!H7");
      assert.equal(num.error, "#NUM!");
      assert.match(num.message, /start_customers/);
      assert.equal(await cellText(page, "H7"), "#NUM!");
    },
  },
  {
    name: "a formula typed over typed data spills, and re-spills when the data changes",
    async run({ page }) {
      await page.click('#tabs button[aria-label="New sheet"]');
      await page.waitForFunction(() => window.retainPlayground.getSheetNames().length === 3);
      const sheet = await api(page, "getActiveSheet");
      const rows = [
        ["a", "2024-01-05"],
        ["b", "2024-01-20"],
        ["a", "2024-02-03"],
        ["c", "2024-02-10"],
      ];
      await clickCell(page, "A1");
      for (const [id, date] of rows) {
        await page.keyboard.type(id);
        await page.keyboard.press("Tab");
        await page.keyboard.type(date);
        await page.keyboard.press("Enter");
        await page.keyboard.press("ArrowLeft");
      }
      assert.equal(await api(page, "getCellText", `${sheet}!B1`), "2024-01-05");
      assert.equal(await api(page, "getCellValue", `${sheet}!B1`), 45296, "typed dates become serial numbers");
      await typeInCell(page, "D1", "=RETAIN.COHORT(A1:A4,B1:B4)");
      assert.deepEqual(await api(page, "getRangeValues", `${sheet}!D1:G5`), [
        ["Cohort", "Customers", 0, 1],
        ["2024-01", 2, 1, 0.5],
        ["2024-02", 1, 1, ""],
        ["All cohorts", 3, 1, 0.5],
        [null, null, null, null],
      ]);
      assert.equal(await cellText(page, "F2"), "1");
      // one more row of data: the formula is edited to cover it and the spill grows
      await clickCell(page, "A5");
      await page.keyboard.type("d");
      await page.keyboard.press("Tab");
      await page.keyboard.type("2024-03-01");
      await page.keyboard.press("Enter");
      await clickCell(page, "D1");
      await page.keyboard.press("F2");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("=RETAIN.COHORT(A1:A5,B1:B5)");
      await page.keyboard.press("Enter");
      assert.deepEqual((await api(page, "getRangeValues", `${sheet}!D1:H6`)).map((r) => r[0]), ["Cohort", "2024-01", "2024-02", "2024-03", "All cohorts", null]);
      // a value in the way: #SPILL!, cleared again: the table comes back
      await typeInCell(page, "E3", "x");
      assert.equal(await api(page, "getCellText", `${sheet}!D1`), "#SPILL!");
      await clickCell(page, "E3");
      await page.keyboard.press("Delete");
      assert.equal(await api(page, "getCellValue", `${sheet}!D1`), "Cohort");
    },
  },
  {
    name: "keyboard selection: arrows, Shift+arrows, Ctrl+arrows and Ctrl+A",
    async run({ page }) {
      await showSheet(page, "Transactions");
      await clickCell(page, "A1");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Shift+ArrowDown");
      await page.keyboard.press("Shift+ArrowRight");
      assert.equal(await page.inputValue("#name-box"), "B1:C2");
      // as in Excel, the active cell stays B1 while Shift extends: ArrowLeft goes to A1
      await page.keyboard.press("ArrowLeft");
      assert.equal(await page.inputValue("#name-box"), "A1");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Control+ArrowDown");
      assert.equal(await page.inputValue("#name-box"), `B${SAMPLE_LAST_ROW}`);
      await page.waitForSelector(cellSelector(`B${SAMPLE_LAST_ROW}`), { timeout: 5000 }); // the last row is drawn after the jump
      assert.ok((await page.locator(".grid-cells .cell").count()) < 2000, "only the rows in view are drawn");
      await page.keyboard.press("Control+A");
      assert.equal(await page.inputValue("#name-box"), `A1:C${SAMPLE_LAST_ROW}`);
      assert.match(await page.textContent("#status"), /Count: 9003/);
      await page.keyboard.press("Control+Home");
      assert.equal(await page.inputValue("#name-box"), "A1");
    },
  },
  {
    name: "Load CSV puts a file into a new sheet, quotes and dates read as Excel does",
    async run({ page }) {
      const csv = 'id,date,amount,note\n007,2024-01-15,"1,234.50","said ""hi"", left"\n=HYPERLINK("x"),15.01.2024,12%,\n';
      await page.setInputFiles("#csv-file", { name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.waitForFunction(() => window.retainPlayground.getActiveSheet() === "orders");
      assert.deepEqual(await api(page, "getRangeValues", "orders!A1:D3"), [
        ["id", "date", "amount", "note"],
        ["007", 45306, 1234.5, 'said "hi", left'],
        ['=HYPERLINK("x")', 45306, 0.12, null],
      ]);
      assert.equal(await api(page, "getCellFormula", "orders!A3"), undefined, "CSV text never becomes a formula");
      assert.equal(await api(page, "getCellText", "orders!B3"), "15.01.2024");
      assert.equal(await api(page, "getCellText", "orders!C3"), "12%");
    },
  },
  {
    name: "Download .xlsx writes a workbook that Open .xlsx reads back",
    async run({ page, results }) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-xlsx")]);
      const path = join(results, "retain-playground.xlsx");
      await download.saveAs(path);
      const { readFileSync } = await import("node:fs");
      const bytes = readFileSync(path);
      assert.equal(bytes.subarray(0, 2).toString(), "PK", "an .xlsx is a zip file");
      await page.setInputFiles("#xlsx-file", path);
      await page.waitForFunction(() => window.retainPlayground.getSheetNames().includes("Metrics (2)"));
      assert.equal(await api(page, "getCellFormula", "'Metrics (2)'!B4"), "=RETAIN.RETENTION_RATE(100,110,20)");
      assert.equal(await api(page, "getCellText", "'Metrics (2)'!B4"), "90%");
      assert.equal(await api(page, "getCellText", "'Transactions (2)'!B2"), await api(page, "getCellText", "Transactions!B2"));
      assert.equal(await api(page, "getCellValue", "'Metrics (2)'!A14"), "Cohort", "the spilled table goes out as values");
    },
  },
  {
    name: "selecting whole columns by their headers gives the pane the rows in use",
    async run({ page }) {
      await showSheet(page, "Transactions");
      await page.click('.col-header[data-col="0"]');
      await page.click('.col-header[data-col="2"]', { modifiers: ["Shift"] });
      assert.equal(await page.inputValue("#name-box"), "A1:C1048576");
      const source = await page.evaluate(() => window.retainPlayground.port.getSource());
      assert.deepEqual(source, { sheet: "Transactions", origin: "selection", row: 0, column: 0, rowCount: 3001, columnCount: 3 });
    },
  },
  {
    name: "Build from the pane: the cohort sheet matches RETAIN.COHORT on the same data",
    timeout: 120_000,
    async run({ page, results }) {
      await showSheet(page, "Transactions");
      await clickCell(page, "A1");
      await page.keyboard.press("Control+A");
      assert.equal(await page.inputValue("#name-box"), `A1:C${SAMPLE_LAST_ROW}`);
      const pane = page.locator("#pane");
      await pane.getByRole("button", { name: "Use current selection" }).click();
      await pane.getByText(`A1:C${SAMPLE_LAST_ROW}`).first().waitFor();
      await page.waitForFunction(() => !document.querySelector("#pane button.primary").disabled);
      // the preview shows the date column's serial numbers as dates
      const firstDate = await pane.locator(".preview tr").nth(1).locator("td").nth(1).textContent();
      assert.match(firstDate, /^\d{4}-\d{2}-\d{2}$/, `a date in the preview's date column, got ${firstDate}`);
      await pane.screenshot({ path: join(results, "pane-before-build.png") });
      await pane.getByRole("button", { name: "Build cohort sheet" }).click();
      await page.waitForFunction(() => window.retainPlayground.getSheetNames().some((n) => n.startsWith("Cohorts")), null, { timeout: 90_000 });
      const sheet = (await api(page, "getSheetNames")).find((n) => n.startsWith("Cohorts"));
      await page.waitForFunction((n) => window.retainPlayground.getActiveSheet() === n, sheet);
      const quoted = `'${sheet}'`;

      // the cohort table on the new sheet, found by its header row
      const columnA = (await api(page, "getRangeValues", `${quoted}!A1:A80`)).map((r) => r[0]);
      const top = columnA.indexOf("Cohort");
      assert.ok(top >= 0, `a "Cohort" header in column A of ${sheet}: ${JSON.stringify(columnA.slice(0, 20))}`);
      const built = await api(page, "getRangeValues", `${quoted}!A${top + 1}:AB${top + 26}`);
      const engine = await api(page, "getRangeValues", "Metrics!A14:AB39");
      assert.deepEqual(built[0].slice(0, 3), ["Cohort", "Customers", 0]);
      assert.deepEqual(engine[0].slice(0, 3), ["Cohort", "Customers", 0]);
      const byLabel = new Map(engine.slice(1).map((r) => [r[0], r]));
      let compared = 0;
      for (const row of built.slice(1)) {
        const label = row[0];
        if (label === null || label === "") break;
        const expected = byLabel.get(label) ?? (compared === 24 ? engine[25] : undefined);
        assert.ok(expected, `RETAIN.COHORT has a row for ${label}`);
        for (let c = 1; c < row.length; c++) {
          const a = row[c];
          const b = expected[c];
          if (typeof b === "number") assert.ok(typeof a === "number" && Math.abs(a - b) < 1e-9, `${label}, column ${c}: sheet ${a}, RETAIN.COHORT ${b}`);
          else assert.ok(a === null || a === "", `${label}, column ${c}: sheet ${JSON.stringify(a)} where RETAIN.COHORT is blank`);
        }
        compared++;
      }
      assert.equal(compared, 25, "24 cohorts and the average row compared");
      assert.equal(await api(page, "getCellText", `${quoted}!C${top + 2}`), "100.0%");

      // heatmap, chart and summary
      assert.ok((await api(page, "getColourScales", sheet)).length >= 1, "a colour scale on the table");
      const charts = await api(page, "getCharts", sheet);
      assert.equal(charts.length, 1, "one line chart");
      assert.ok(charts[0].series >= 2, "a curve per cohort and the average");
      const allText = (await api(page, "getRangeValues", `${quoted}!A1:A80`)).flat().filter((v) => typeof v === "string").join("\n");
      assert.match(allText, /lost/i, "the summary says where customers are lost most");
      await page.screenshot({ path: join(results, "playground-cohort-sheet.png") });
      await page.evaluate(() => (document.getElementById("pane").scrollTop = 0));
      await pane.screenshot({ path: join(results, "pane-after-build.png") });
      // scroll to the chart and photograph it
      const frame = page.locator(".chart-frame").first();
      await frame.scrollIntoViewIfNeeded();
      await frame.screenshot({ path: join(results, "playground-cohort-chart.png") });
      assert.ok((await frame.locator("path.series.emphasised").count()) === 1, "the average curve is drawn emphasised");
    },
  },
  {
    name: "Project retention adds the sBG projection below the cohort sheet, fitted as RETAIN.SBG_FIT fits it",
    timeout: 60_000,
    async run({ page, results }) {
      // the sheet the previous test built: Retention %, counted "on"
      const sheet = await api(page, "getActiveSheet");
      assert.match(sheet, /^Cohorts/);
      const quoted = `'${sheet}'`;
      const seriesBefore = (await api(page, "getCharts", sheet))[0].series;
      const pane = page.locator("#pane");
      await pane.getByRole("button", { name: "Project retention" }).click();
      await page.waitForFunction(() => document.querySelector("#pane [data-tone]:not([hidden])")?.textContent.includes("projection") || document.querySelector("#pane [data-tone='error']:not([hidden])"), null, { timeout: 30_000 });
      const said = await page.evaluate(() => document.querySelector("#pane [data-tone]:not([hidden])").textContent);
      assert.match(said, /Added the retention projection/);

      const columnA = (await api(page, "getRangeValues", `${quoted}!A1:A120`)).map((r) => r[0]);
      const top = columnA.indexOf("Retention projection: shifted-beta-geometric model (sBG)");
      assert.ok(top >= 0, "the projection block's title in column A");
      const row = (k) => top + 1 + k; // sheet row of block row k (0-based)
      const alpha = await api(page, "getCellValue", `${quoted}!B${row(2)}`);
      const beta = await api(page, "getCellValue", `${quoted}!B${row(3)}`);
      const observed = (await api(page, "getRangeValues", `${quoted}!C${row(7)}:BZ${row(7)}`))[0].filter((v) => typeof v === "number");
      const projected = (await api(page, "getRangeValues", `${quoted}!C${row(8)}:BZ${row(8)}`))[0].filter((v) => typeof v === "number");
      assert.ok(observed.length >= 3, `an observed curve of offsets 0, 1, 2 at least (got ${observed.length})`);
      assert.equal(observed[0], 1);
      assert.equal(projected.length, observed.length + 12, "12 periods projected beyond the data by default");
      for (let k = 1; k < projected.length; k++) assert.ok(projected[k] <= projected[k - 1], "the projected curve never rises");
      const marks = (await api(page, "getRangeValues", `${quoted}!C${row(6)}:BZ${row(6)}`))[0];
      assert.equal(marks[observed.length - 1], "Observed");
      assert.equal(marks[observed.length], "Projected");

      // the same curve through the worksheet function gives the same fit
      assert.ok(observed.length <= 24, "offsets end by column Z");
      const last = String.fromCharCode(67 + observed.length - 1); // column C + K
      const at = row(14);
      await typeInCell(page, `A${at}`, `=RETAIN.SBG_FIT(TRANSPOSE(C${row(7)}:${last}${row(7)}))`);
      const fit = await api(page, "getRangeValues", `${quoted}!A${at}:C${at + 1}`);
      assert.deepEqual(fit[0], ["alpha", "beta", "log_likelihood"]);
      assert.ok(Math.abs(fit[1][0] - alpha) < 1e-6 && Math.abs(fit[1][1] - beta) < 1e-6, `pane alpha ${alpha}, beta ${beta}; RETAIN.SBG_FIT ${fit[1][0]}, ${fit[1][1]}`);

      // the chart gains the fitted "on or after" curve and the dashed projection
      assert.equal((await api(page, "getCharts", sheet))[0].series, seriesBefore + 2);
      assert.equal(await page.locator('.chart-frame path.series[data-name="Projected (sBG)"][stroke-dasharray]').count(), 1, "the projection is drawn dashed");
      const frame = page.locator(".chart-frame").first();
      await frame.scrollIntoViewIfNeeded();
      await frame.screenshot({ path: join(results, "playground-projection-chart.png") });
      await goTo(page, `A${at + 2}`); // the block and the SBG_FIT check below it in view
      await page.screenshot({ path: join(results, "playground-projection-block.png") });
    },
  },
  {
    name: "Build with Live formula output writes a RETAIN.COHORT formula that spills the same table",
    timeout: 120_000,
    async run({ page }) {
      await showSheet(page, "Transactions");
      await clickCell(page, "A1");
      await page.keyboard.press("Control+A");
      const pane = page.locator("#pane");
      await pane.getByRole("button", { name: "Use current selection" }).click();
      await page.waitForFunction(() => !document.querySelector("#pane button.primary").disabled);
      await pane.getByLabel(/Live formula/).check();
      const before = await api(page, "getSheetNames");
      await pane.getByRole("button", { name: "Build cohort sheet" }).click();
      await page.waitForFunction((n) => window.retainPlayground.getSheetNames().length === n + 1, before.length, { timeout: 90_000 });
      const sheet = (await api(page, "getSheetNames")).find((n) => !before.includes(n));
      const quoted = `'${sheet.replace(/'/g, "''")}'`;
      let anchor;
      for (let r = 1; r <= 80 && !anchor; r++) {
        const f = await api(page, "getCellFormula", `${quoted}!A${r}`);
        if (f && /^=RETAIN\.COHORT\(/i.test(f)) anchor = r;
      }
      assert.ok(anchor, `a RETAIN.COHORT formula in column A of ${sheet}`);
      const spilled = await api(page, "getRangeValues", `${quoted}!A${anchor}:AB${anchor + 25}`);
      const engine = await api(page, "getRangeValues", "Metrics!A14:AB39");
      assert.deepEqual(spilled[0].slice(0, 3), ["Cohort", "Customers", 0]);
      assert.equal(spilled.length, engine.length);
      spilled.forEach((row, i) => row.forEach((v, c) => {
        const e = engine[i][c];
        if (typeof e === "number") assert.ok(Math.abs(v - e) < 1e-9, `row ${i}, column ${c}: ${v} vs ${e}`);
        else assert.equal(v ?? "", e ?? "", `row ${i}, column ${c}`);
      }));
    },
  },
  {
    name: "Make shareable replaces the RETAIN formulas on the active sheet with their values",
    async run({ page, results }) {
      await showSheet(page, "Metrics");
      await clickCell(page, "A1");
      const before = await api(page, "getRangeValues", "Metrics!A1:AB40");
      const pane = page.locator("#pane");
      await pane.getByLabel("Active sheet").check();
      await pane.getByRole("button", { name: "Find RETAIN formulas" }).click();
      await pane.getByRole("button", { name: "Replace with values" }).waitFor();
      await pane.getByRole("button", { name: "Replace with values" }).click();
      await pane.getByText(/Replaced \d+ formulas/).waitFor();
      assert.equal(await api(page, "getCellFormula", "Metrics!B4"), undefined);
      assert.equal(await api(page, "getCellFormula", "Metrics!A14"), undefined);
      // the spill's "" padding becomes blank cells (the port writes "" as blank)
      const blankAsNull = (rows) => rows.map((r) => r.map((v) => (v === "" ? null : v)));
      assert.deepEqual(blankAsNull(await api(page, "getRangeValues", "Metrics!A1:AB40")), blankAsNull(before), "every value stays as it was");
      assert.equal(await api(page, "getCellText", "Metrics!B4"), "90%");
      const scan = await page.evaluate(() => window.retainPlayground.port.findFormulas("activeSheet", "RETAIN."));
      assert.equal(scan.count, 0);
      await page.evaluate(() => (document.getElementById("pane").scrollTop = 0));
      await pane.screenshot({ path: join(results, "pane-after-make-shareable.png") });
    },
  },
];
