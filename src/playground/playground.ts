/**
 * The playground page: installs the CustomFunctions shim, loads the add-in's own
 * functions bundle (../functions.js, the file Excel loads) and its functions.json,
 * registers the functions with HyperFormula, opens the sample workbook, and wires the
 * grid, formula bar, sheet tabs, status bar, file buttons and the task pane.
 */
import { HyperFormula } from "hyperformula";
import { rectAddress } from "../taskpane/workbook-port";
import { cellName, parseRange, MAX_COLUMNS, MAX_ROWS } from "./address";
import { installCustomFunctionsShim } from "./custom-functions-shim";
import { Grid } from "./grid";
import { loadTable } from "./load-table";
import { formatGeneral } from "./number-format";
import { mountPane } from "./pane-host";
import { PlaygroundWorkbook } from "./playground-workbook";
import { buildRetainPlugin, type FunctionsMetadata, type RetainPlugin } from "./retain-plugin";
import { loadSample } from "./sample";
import { installTestApi } from "./test-api";
import { Workbook } from "./workbook";

const FUNCTIONS_JS = "../functions.js";
const FUNCTIONS_JSON = "../functions.json";
const MANIFEST = "../manifest.xml";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function showBanner(message: string): void {
  const banner = $("banner");
  banner.textContent = banner.textContent ? `${banner.textContent} · ${message}` : message;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}: run "npm run build" first`));
    document.head.append(script);
  });
}

/** The functions namespace from the manifest (<bt:String id="Functions.Namespace" DefaultValue="RETAIN"/>). */
async function functionsNamespace(): Promise<string> {
  try {
    const text = await (await fetch(MANIFEST)).text();
    return /id="Functions\.Namespace"\s+DefaultValue="([^"]+)"/.exec(text)?.[1] ?? "RETAIN";
  } catch {
    return "RETAIN";
  }
}

async function loadFunctions(): Promise<RetainPlugin | undefined> {
  const shim = installCustomFunctionsShim(window);
  try {
    const [metadataResponse, namespace] = await Promise.all([fetch(FUNCTIONS_JSON), functionsNamespace(), loadScript(FUNCTIONS_JS)]);
    if (!metadataResponse.ok) throw new Error(`Could not load ${FUNCTIONS_JSON} (${metadataResponse.status}): run "npm run build" first`);
    const metadata = (await metadataResponse.json()) as FunctionsMetadata;
    const retain = buildRetainPlugin({ namespace, metadata, implementations: shim.registry });
    HyperFormula.registerFunctionPlugin(retain.plugin, retain.translations);
    if (retain.missing.length) showBanner(`functions.json lists functions the bundle did not associate: ${retain.missing.join(", ")}`);
    return retain;
  } catch (error) {
    showBanner(`The RETAIN.* functions are not available: ${(error as Error).message}`);
    return undefined;
  }
}

function renderTabs(wb: Workbook, grid: Grid): void {
  const tabs = $("tabs");
  tabs.innerHTML = "";
  for (const name of wb.sheetNames()) {
    const id = wb.sheetId(name);
    const tab = document.createElement("button");
    tab.type = "button";
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-selected", String(id === wb.activeSheet));
    tab.dataset.sheet = name;
    tab.textContent = name;
    tab.addEventListener("click", () => {
      if (id !== wb.activeSheet) wb.activate(id);
      grid.focus();
    });
    tabs.append(tab);
  }
  const add = document.createElement("button");
  add.type = "button";
  add.textContent = "+";
  add.title = "New sheet";
  add.setAttribute("aria-label", "New sheet");
  add.addEventListener("click", () => wb.activate(wb.addSheet(wb.uniqueSheetName(`Sheet${wb.sheetNames().length + 1}`))));
  tabs.append(add);
}

function renderStatus(wb: Workbook): void {
  const status = $("status");
  const sheet = wb.activeSheet;
  const sel = wb.selectionRect();
  const parts: string[] = [];
  const shown = wb.display(sheet, wb.active.row, wb.active.col);
  if (sel.rowCount === 1 && sel.columnCount === 1) {
    if (shown.error) parts.push(`<span class="error-message" data-testid="error-message">${escapeHtml(`${shown.error.code} ${shown.error.message || "(no message)"}`)}</span>`);
  } else {
    const dims = wb.dimensions(sheet);
    const rows = Math.min(sel.rowCount, Math.max(0, dims.rows - sel.row));
    const cols = Math.min(sel.columnCount, Math.max(0, dims.columns - sel.column));
    let count = 0;
    let numbers = 0;
    let sum = 0;
    if (rows > 0 && cols > 0) {
      const values = wb.hf.getRangeValues({ start: { sheet, row: sel.row, col: sel.column }, end: { sheet, row: sel.row + rows - 1, col: sel.column + cols - 1 } });
      for (const row of values) {
        for (const v of row) {
          if (v === null || v === "") continue;
          count++;
          if (typeof v === "number") {
            numbers++;
            sum += v;
          }
        }
      }
    }
    parts.push(`<span>Count: ${count}</span>`);
    if (numbers) parts.push(`<span>Sum: ${formatGeneral(sum)}</span>`, `<span>Average: ${formatGeneral(sum / numbers)}</span>`);
  }
  status.innerHTML = parts.join("");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] as string);
}

function selectionName(wb: Workbook): string {
  const sel = wb.selectionRect();
  if (sel.rowCount === MAX_ROWS && sel.columnCount === MAX_COLUMNS) return "A:XFD";
  if (sel.rowCount === 1 && sel.columnCount === 1) return cellName(wb.active);
  return rectAddress(sel);
}

function wireFormulaBar(wb: Workbook, grid: Grid): () => void {
  const nameBox = $<HTMLInputElement>("name-box");
  const input = $<HTMLInputElement>("formula-input");
  const refresh = () => {
    if (document.activeElement !== nameBox) nameBox.value = selectionName(wb);
    if (document.activeElement !== input) input.value = wb.input(wb.activeSheet, wb.active.row, wb.active.col);
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      wb.setInput(wb.activeSheet, wb.active.row, wb.active.col, input.value);
      input.blur();
      grid.focus();
      grid.move(1, 0, false);
    } else if (e.key === "Escape") {
      e.preventDefault();
      input.blur();
      grid.focus();
      refresh();
    }
  });
  nameBox.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const range = parseRange(nameBox.value);
      if (!range) {
        showBanner(`"${nameBox.value}" is not a cell or range address`);
      } else {
        if (range.sheet !== undefined) {
          const id = wb.hf.getSheetId(range.sheet);
          if (id === undefined) {
            showBanner(`There is no sheet named "${range.sheet}"`);
            return;
          }
          if (id !== wb.activeSheet) wb.activate(id);
        }
        wb.select(range.start, range.end);
        grid.scrollIntoView(range.start);
      }
      nameBox.blur();
      grid.focus();
      refresh();
    } else if (e.key === "Escape") {
      nameBox.blur();
      grid.focus();
      refresh();
    }
  });
  nameBox.addEventListener("focus", () => nameBox.select());
  return refresh;
}

function wireFiles(wb: Workbook): void {
  const csv = $<HTMLInputElement>("csv-file");
  csv.addEventListener("change", async () => {
    const file = csv.files?.[0];
    if (!file) return;
    try {
      const id = loadTable(wb, file.name.replace(/\.[^.]+$/, ""), await file.text());
      wb.activate(id);
    } catch (error) {
      showBanner(`Could not load ${file.name}: ${(error as Error).message}`);
    }
    csv.value = "";
  });
  const xlsx = $<HTMLInputElement>("xlsx-file");
  xlsx.addEventListener("change", async () => {
    const file = xlsx.files?.[0];
    if (!file) return;
    try {
      const { loadXlsx } = await import("./xlsx");
      const ids = await loadXlsx(wb, await file.arrayBuffer());
      if (ids.length) wb.activate(ids[0]);
    } catch (error) {
      showBanner(`Could not open ${file.name}: ${(error as Error).message}`);
    }
    xlsx.value = "";
  });
  $("download-xlsx").addEventListener("click", async () => {
    try {
      const { workbookToXlsx } = await import("./xlsx");
      const bytes = await workbookToXlsx(wb);
      const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = "retain-playground.xlsx";
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      showBanner(`Could not write the .xlsx file: ${(error as Error).message}`);
    }
  });
}

async function main(): Promise<void> {
  const retain = await loadFunctions();
  const wb = new Workbook({ retain });
  try {
    loadSample(wb);
  } catch (error) {
    showBanner(`Could not open the sample workbook: ${(error as Error).message}`);
    if (wb.sheetNames().length === 0) wb.addSheet("Sheet1");
  }
  if (wb.hf.getSheetName(wb.activeSheet) === undefined) wb.activeSheet = wb.sheetId(wb.sheetNames()[0]);
  const grid = new Grid(wb, $("grid"), { onSelect: () => undefined });
  const refreshBar = wireFormulaBar(wb, grid);
  let lastTabs = "";
  wb.onChange(() => {
    const tabsKey = `${wb.sheetNames().join("\u0000")}|${wb.activeSheet}`;
    if (tabsKey !== lastTabs) {
      lastTabs = tabsKey;
      renderTabs(wb, grid);
    }
    refreshBar();
    renderStatus(wb);
  });
  wb.emit();
  wireFiles(wb);
  const port = new PlaygroundWorkbook(wb);
  installTestApi(wb, grid, port, retain);
  grid.render();
  grid.focus();
  try {
    await mountPane($("pane-root"), port);
  } catch (error) {
    showBanner(`The task pane could not start: ${(error as Error).message}`);
  }
  document.body.dataset.ready = "true";
}

main().catch((error) => showBanner(`The playground failed to start: ${(error as Error).message}`));
