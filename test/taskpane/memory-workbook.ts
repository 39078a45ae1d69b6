/**
 * An in-memory WorkbookPort for tests: sheets of cells, a log of every request with
 * its estimated size, and switches to make a request fail.
 */
import type { Cell } from "../../src/core/cells";
import { blockBytes, formatBytes, matrixBytes } from "../../src/taskpane/chunking";
import type { CellBlock, ChartUpdate, FormatOp, FormulaScan, FormulaScope, LineChartSpec, Rect, SourceInfo, WorkbookPort } from "../../src/taskpane/workbook-port";
import { callsPrefix } from "../../src/taskpane/make-shareable";

export interface Stored {
  value: Cell;
  formula?: string;
  format?: string;
}

export interface Request {
  method: string;
  sheet?: string;
  bytes: number;
}

function inside(rect: Rect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.rowCount && column >= rect.column && column < rect.column + rect.columnCount;
}

export class MemoryWorkbook implements WorkbookPort {
  sheets = new Map<string, Map<string, Stored>>();
  charts: { sheet: string; spec: LineChartSpec }[] = [];
  formats: { sheet: string; op: FormatOp }[] = [];
  requests: Request[] = [];
  source: SourceInfo | null = null;
  /** fail the n-th call of a method (1-based) */
  failOn: { method: string; call: number; error: Error } | undefined;
  /** refuse responses above this many bytes, like Excel on the web */
  responseLimit = 5 * 1024 * 1024;
  /** a generator of rows for huge sources, instead of stored cells */
  rowSource?: (row: number) => Cell[];
  selectionScope: { sheet: string; rect: Rect } | undefined;
  activeSheet = "";
  private calls = new Map<string, number>();

  constructor(sheets: Record<string, Cell[][]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = new Map<string, Stored>();
      rows.forEach((row, r) => row.forEach((value, c) => sheet.set(`${r},${c}`, { value })));
      this.sheets.set(name, sheet);
      this.activeSheet ||= name;
    }
  }

  private call(method: string, sheet?: string, bytes = 100): void {
    const n = (this.calls.get(method) ?? 0) + 1;
    this.calls.set(method, n);
    this.requests.push({ method, sheet, bytes });
    if (this.failOn && this.failOn.method === method && this.failOn.call === n) throw this.failOn.error;
  }

  cell(sheet: string, row: number, column: number): Stored | undefined {
    return this.sheets.get(sheet)?.get(`${row},${column}`);
  }

  /** The values of a sheet as a dense matrix ("" for empty). */
  dump(sheet: string): Cell[][] {
    const s = this.sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    let rows = 0;
    let cols = 0;
    for (const key of s.keys()) {
      const [r, c] = key.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.get(`${r},${c}`)?.value ?? ""));
  }

  async getSource(): Promise<SourceInfo | null> {
    this.call("getSource");
    return this.source;
  }

  async readValues(sheet: string, rect: Rect): Promise<Cell[][]> {
    const out: Cell[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      if (this.rowSource) {
        out.push(this.rowSource(rect.row + r).slice(rect.column, rect.column + rect.columnCount));
        continue;
      }
      const row: Cell[] = [];
      for (let c = 0; c < rect.columnCount; c++) row.push(this.cell(sheet, rect.row + r, rect.column + c)?.value ?? "");
      out.push(row);
    }
    const bytes = matrixBytes(out);
    this.call("readValues", sheet, bytes);
    if (bytes > this.responseLimit) {
      this.requests.pop();
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    }
    return out;
  }

  async sheetNames(): Promise<string[]> {
    this.call("sheetNames");
    return [...this.sheets.keys()];
  }

  async addSheet(name: string): Promise<void> {
    this.call("addSheet", name);
    if ([...this.sheets.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw Object.assign(new Error("The name is already taken."), { code: "ItemAlreadyExists" });
    this.sheets.set(name, new Map());
  }

  async deleteSheet(name: string): Promise<void> {
    this.call("deleteSheet", name);
    this.sheets.delete(name);
    this.charts = this.charts.filter((c) => c.sheet !== name);
    this.formats = this.formats.filter((f) => f.sheet !== name);
  }

  async activateSheet(name: string): Promise<void> {
    this.call("activateSheet", name);
    this.activeSheet = name;
  }

  async writeCells(sheet: string, blocks: CellBlock[]): Promise<void> {
    this.call("writeCells", sheet, blocks.reduce((s, b) => s + blockBytes(b), 0));
    const s = this.sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    for (const b of blocks) {
      const data = b.values ?? b.formulas ?? [];
      data.forEach((row, r) =>
        row.forEach((v, c) => {
          const format = typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[c];
          s.set(`${b.row + r},${b.column + c}`, b.formulas ? { value: "", formula: String(v), format } : { value: v as Cell, format });
        }),
      );
    }
  }

  async format(sheet: string, ops: FormatOp[]): Promise<void> {
    this.call("format", sheet, ops.reduce((s, o) => s + formatBytes(o), 0));
    if (!this.sheets.has(sheet)) throw new Error(`no sheet ${sheet}`);
    for (const op of ops) this.formats.push({ sheet, op });
  }

  async addLineChart(sheet: string, spec: LineChartSpec): Promise<void> {
    this.call("addLineChart", sheet);
    if (!this.sheets.has(sheet)) throw new Error(`no sheet ${sheet}`);
    this.charts.push({ sheet, spec });
  }

  /** Clears the cells and drops the formatting ops that lie wholly inside the rectangle. */
  async clearCells(sheet: string, rect: Rect): Promise<void> {
    this.call("clearCells", sheet);
    const s = this.sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    for (const key of [...s.keys()]) {
      const [r, c] = key.split(",").map(Number);
      if (inside(rect, r, c)) s.delete(key);
    }
    this.formats = this.formats.filter((f) => f.sheet !== sheet || !(inside(rect, f.op.rect.row, f.op.rect.column) && inside(rect, f.op.rect.row + f.op.rect.rowCount - 1, f.op.rect.column + f.op.rect.columnCount - 1)));
  }

  async updateLineChart(sheet: string, update: ChartUpdate): Promise<boolean> {
    this.call("updateLineChart", sheet);
    if (!this.sheets.has(sheet)) throw new Error(`no sheet ${sheet}`);
    const entry = this.charts.find((c) => c.sheet === sheet && c.spec.title === update.title);
    if (!entry) return false;
    const remove = new Set(update.remove ?? []);
    const series = [...entry.spec.series.filter((x) => !remove.has(x.name)), ...(update.add ?? [])];
    entry.spec = { ...entry.spec, series, categories: update.categories ?? entry.spec.categories };
    return true;
  }

  private scope(scope: FormulaScope): { sheet: string; cells: [string, Stored][] } {
    const sheet = scope === "selection" && this.selectionScope ? this.selectionScope.sheet : this.activeSheet;
    const s = this.sheets.get(sheet) ?? new Map();
    const inside = (key: string) => {
      if (scope !== "selection" || !this.selectionScope) return true;
      const [r, c] = key.split(",").map(Number);
      const x = this.selectionScope.rect;
      return r >= x.row && r < x.row + x.rowCount && c >= x.column && c < x.column + x.columnCount;
    };
    return { sheet, cells: [...s.entries()].filter(([k]) => inside(k)) };
  }

  async findFormulas(scope: FormulaScope, prefix: string): Promise<FormulaScan> {
    this.call("findFormulas");
    const { sheet, cells } = this.scope(scope);
    return { sheet, address: "A1", count: cells.filter(([, v]) => callsPrefix(v.formula, prefix)).length };
  }

  async replaceFormulasWithValues(scope: FormulaScope, prefix: string): Promise<number> {
    this.call("replaceFormulasWithValues");
    const { cells } = this.scope(scope);
    let n = 0;
    for (const [, v] of cells) {
      if (callsPrefix(v.formula, prefix)) {
        delete v.formula;
        n++;
      }
    }
    return n;
  }
}
