/**
 * The playground's workbook: HyperFormula holds the cells and formulas; this class adds
 * what a spreadsheet shows around them (number formats, cell styles, colour scales,
 * charts, column widths, frozen rows), the active sheet and the selection, and one
 * change event the grid redraws on. Everything that changes cells goes through here, so
 * spilled RETAIN.* arrays are re-fitted after each change (see fixSpills).
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { uniqueSheetName } from "../taskpane/sheet-name";
import type { LineChartSpec, Rect } from "../taskpane/workbook-port";
import { MAX_COLUMNS, MAX_ROWS, type CellAddress } from "./address";
import { parseTypedInput, type CellScalar } from "./cell-input";
import { formatValue, isDateNumberFormat } from "./number-format";
import { addressKey, type RetainPlugin, SpillSizes } from "./retain-plugin";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  color?: string;
  fontSize?: number;
  borderBottom?: string;
}

export interface ColourScale {
  rect: Rect;
  min: string;
  mid: string;
  max: string;
}

export interface SheetMeta {
  formats: Map<number, string>;
  styles: Map<number, CellStyle>;
  columnWidths: Map<number, number>;
  colourScales: ColourScale[];
  charts: LineChartSpec[];
  frozenRows: number;
}

export interface CellDisplay {
  text: string;
  kind: "empty" | "number" | "text" | "boolean" | "error";
  /** for errors: the error value (#VALUE!) and its message */
  error?: { code: string; message: string };
}

export type ChangeListener = () => void;

export const DEFAULT_COLUMN_WIDTH = 88;

const key = (row: number, col: number) => row * MAX_COLUMNS + col;

/** A string HyperFormula must keep as text (an apostrophe prefix stops any parsing). */
export function asLiteral(value: CellScalar): CellScalar {
  return typeof value === "string" && value !== "" ? `'${value}` : value === "" ? null : value;
}

export class Workbook {
  readonly hf: HyperFormula;
  readonly spills: SpillSizes;
  private readonly retain?: RetainPlugin;
  private readonly meta = new Map<number, SheetMeta>();
  private readonly listeners = new Set<ChangeListener>();
  private batchDepth = 0;
  private changed = false;

  activeSheet = 0;
  /** the selected rectangle: anchor (the active cell, as in Excel) and focus (the end Shift moves) */
  anchor: CellAddress = { row: 0, col: 0 };
  focus: CellAddress = { row: 0, col: 0 };

  /** The active cell: where typing goes and what the formula bar shows. */
  get active(): CellAddress {
    return this.anchor;
  }

  constructor(options: { retain?: RetainPlugin } = {}) {
    this.retain = options.retain;
    this.spills = options.retain?.spills ?? new SpillSizes();
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      useArrayArithmetic: true,
      // Excel's 1900 date system for serials from 1900-03-01 on.
      nullDate: { year: 1899, month: 12, day: 30 },
      dateFormats: ["YYYY-MM-DD", "DD.MM.YYYY"],
      precisionRounding: 14,
      undoLimit: 0,
    });
  }

  // ---- change notification -------------------------------------------------------

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `work` as one change: one engine batch, one spill re-fit, one redraw. */
  change<T>(work: () => T): T {
    this.batchDepth++;
    let result: T;
    try {
      result = this.batchDepth === 1 ? this.hfBatch(work) : work();
    } finally {
      this.batchDepth--;
    }
    this.changed = true;
    if (this.batchDepth === 0) {
      this.fixSpills();
      this.emit();
    }
    return result;
  }

  private hfBatch<T>(work: () => T): T {
    let result: T | undefined;
    this.hf.batch(() => {
      result = work();
    });
    return result as T;
  }

  /** Tells listeners about a change, or defers it to the end of the running change(). */
  emit(): void {
    if (this.batchDepth > 0) {
      this.changed = true;
      return;
    }
    this.changed = false;
    for (const listener of this.listeners) listener();
  }

  /**
   * Re-enters RETAIN.* formulas whose result did not fit the area HyperFormula reserved
   * when it parsed them; on the second parse the plugin predicts the recorded size.
   */
  fixSpills(): void {
    for (let pass = 0; pass < 3; pass++) {
      const keys = [...this.spills.mismatches(), ...this.unblockedSpills()];
      if (keys.length === 0) return;
      this.hf.batch(() => {
        for (const k of keys) {
          const [sheet, row, col] = k.split(":").map(Number);
          const address = { sheet, row, col };
          const formula = this.hf.doesSheetExist(this.hf.getSheetName(sheet) ?? "") ? this.hf.getCellFormula(address) : undefined;
          if (!formula || !this.startsWithArrayFunction(formula)) {
            this.spills.forget(k);
            continue;
          }
          this.spills.predicted.set(k, this.spills.actual.get(k)!);
          this.hf.setCellContents(address, null);
          this.hf.setCellContents(address, formula);
        }
      });
    }
  }

  /** RETAIN.* spills showing #SPILL! whose area has since been cleared. */
  private unblockedSpills(): string[] {
    const out: string[] = [];
    for (const [k, size] of this.spills.actual) {
      const [sheet, row, col] = k.split(":").map(Number);
      if (this.hf.getSheetName(sheet) === undefined) continue;
      const v = this.hf.getCellValue({ sheet, row, col });
      if (!(v instanceof DetailedCellError) || v.type !== "SPILL") continue;
      let free = true;
      for (let r = row; r < row + size.height && free; r++) {
        for (let c = col; c < col + size.width && free; c++) {
          if (r === row && c === col) continue;
          const address = { sheet, row: r, col: c };
          if (!this.hf.isCellEmpty(address) || this.hf.isCellPartOfArray(address)) free = false;
        }
      }
      if (free) out.push(k);
    }
    return out;
  }

  private startsWithArrayFunction(formula: string): boolean {
    const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(formula);
    if (!m || !this.retain) return false;
    const fn = this.retain.functions.get(m[1].toUpperCase());
    return fn?.result?.dimensionality === "matrix";
  }

  // ---- sheets ------------------------------------------------------------------

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`There is no sheet named "${name}"`);
    return id;
  }

  sheetName(id: number): string {
    const name = this.hf.getSheetName(id);
    if (name === undefined) throw new Error(`There is no sheet ${id}`);
    return name;
  }

  sheetMeta(id: number): SheetMeta {
    let meta = this.meta.get(id);
    if (!meta) {
      meta = { formats: new Map(), styles: new Map(), columnWidths: new Map(), colourScales: [], charts: [], frozenRows: 0 };
      this.meta.set(id, meta);
    }
    return meta;
  }

  /** A name not yet taken, by Excel's rules (taskpane/sheet-name.ts): base, "base (2)", … */
  uniqueSheetName(base: string): string {
    return uniqueSheetName(base, this.sheetNames(), "Sheet");
  }

  /** Adds a sheet at the end; rejects names Excel would reject. */
  addSheet(name: string): number {
    if (!name.trim() || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new Error(`"${name}" is not a valid sheet name: use up to 31 characters, none of : \\ / ? * [ ]`);
    }
    if (this.hf.doesSheetExist(name)) throw new Error(`A sheet named "${name}" already exists`);
    return this.change(() => {
      const added = this.hf.addSheet(name);
      const id = this.sheetId(added);
      this.meta.delete(id);
      return id;
    });
  }

  deleteSheet(id: number): void {
    if (this.sheetNames().length <= 1) throw new Error("A workbook needs at least one sheet");
    this.change(() => {
      this.hf.removeSheet(id);
      this.meta.delete(id);
      for (const k of [...this.spills.actual.keys()]) if (k.startsWith(`${id}:`)) this.spills.forget(k);
      if (this.activeSheet === id || !this.hf.getSheetName(this.activeSheet)) {
        this.activeSheet = this.sheetId(this.sheetNames()[0]);
        this.anchor = { row: 0, col: 0 };
        this.focus = { row: 0, col: 0 };
      }
    });
  }

  activate(id: number): void {
    this.activeSheet = id;
    this.anchor = { row: 0, col: 0 };
    this.focus = { row: 0, col: 0 };
    this.changed = true;
    this.emit();
  }

  /** Rows and columns in use (at least 1 × 1). */
  dimensions(id: number): { rows: number; columns: number } {
    const d = this.hf.getSheetDimensions(id);
    return { rows: d.height, columns: d.width };
  }

  // ---- cells -------------------------------------------------------------------

  value(sheet: number, row: number, col: number): CellScalar | DetailedCellError {
    const v = this.hf.getCellValue({ sheet, row, col });
    return v as CellScalar | DetailedCellError;
  }

  formula(sheet: number, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet, row, col });
  }

  /** What the formula bar shows: the formula, or the value as typed (dates as dates). */
  input(sheet: number, row: number, col: number): string {
    const address = { sheet, row, col };
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) return formula;
    if (this.hf.isCellPartOfArray(address)) {
      const v = this.value(sheet, row, col);
      return v instanceof DetailedCellError ? v.value : v === null ? "" : formatValue(v, this.format(sheet, row, col));
    }
    const raw = this.hf.getCellSerialized(address);
    if (raw === null || raw === undefined) return "";
    if (typeof raw === "number") {
      const fmt = this.format(sheet, row, col);
      if (isDateNumberFormat(fmt)) return formatValue(raw, Number.isInteger(raw) ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss");
      if (fmt && /%/.test(fmt)) return `${+(raw * 100).toPrecision(15)}%`;
      return String(raw);
    }
    if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
    const text = String(raw);
    return text.startsWith("'") ? text.slice(1) : text;
  }

  format(sheet: number, row: number, col: number): string | undefined {
    return this.meta.get(sheet)?.formats.get(key(row, col));
  }

  style(sheet: number, row: number, col: number): CellStyle | undefined {
    return this.meta.get(sheet)?.styles.get(key(row, col));
  }

  display(sheet: number, row: number, col: number): CellDisplay {
    const v = this.value(sheet, row, col);
    if (v instanceof DetailedCellError) return { text: v.value, kind: "error", error: { code: v.value, message: v.message ?? "" } };
    if (v === null || v === undefined || v === "") return { text: "", kind: "empty" };
    if (typeof v === "number") return { text: formatValue(v, this.format(sheet, row, col)), kind: "number" };
    if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", kind: "boolean" };
    return { text: String(v), kind: "text" };
  }

  /** What someone typed into a cell. A typed date or percent also sets the format. */
  setInput(sheet: number, row: number, col: number, text: string): void {
    const parsed = parseTypedInput(text);
    this.change(() => {
      this.spills.forget(addressKey({ sheet, row, col }));
      const content = parsed.kind === "formula" ? (parsed.value as string) : asLiteral(parsed.value);
      this.hf.setCellContents({ sheet, row, col }, [[content]]);
      if (parsed.format) {
        const current = this.format(sheet, row, col);
        if (!(isDateNumberFormat(parsed.format) && isDateNumberFormat(current))) this.sheetMeta(sheet).formats.set(key(row, col), parsed.format);
      }
    });
  }

  /** Writes literal values (strings stay text) from (row, col). */
  setValues(sheet: number, row: number, col: number, values: CellScalar[][]): void {
    if (values.length === 0) return;
    this.change(() => {
      for (let r = 0; r < values.length; r++) for (let c = 0; c < values[r].length; c++) this.spills.forget(addressKey({ sheet, row: row + r, col: col + c }));
      this.hf.setCellContents({ sheet, row, col }, values.map((r) => r.map(asLiteral)));
    });
  }

  /** Writes formulas (strings starting with "="; others are taken as literal values). */
  setFormulas(sheet: number, row: number, col: number, formulas: string[][]): void {
    this.change(() => {
      this.hf.setCellContents(
        { sheet, row, col },
        formulas.map((r) => r.map((f) => (f.startsWith("=") ? f : asLiteral(f)))),
      );
    });
  }

  clear(sheet: number, rect: Rect): void {
    this.change(() => {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
          const address = { sheet, row: r, col: c };
          if (this.hf.isCellPartOfArray(address) && this.hf.getCellFormula(address) === undefined) continue;
          this.spills.forget(addressKey(address));
          this.hf.setCellContents(address, null);
        }
      }
    });
  }

  setFormat(sheet: number, rect: Rect, format: string | undefined): void {
    const formats = this.sheetMeta(sheet).formats;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        if (format === undefined || /^general$/i.test(format)) formats.delete(key(r, c));
        else formats.set(key(r, c), format);
      }
    }
    this.changed = true;
    this.emit();
  }

  setStyle(sheet: number, rect: Rect, style: CellStyle): void {
    const styles = this.sheetMeta(sheet).styles;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        styles.set(key(r, c), { ...styles.get(key(r, c)), ...style });
      }
    }
    this.changed = true;
    this.emit();
  }

  // ---- selection -------------------------------------------------------------------

  selectionRect(): Rect {
    const top = Math.min(this.anchor.row, this.focus.row);
    const left = Math.min(this.anchor.col, this.focus.col);
    return { row: top, column: left, rowCount: Math.abs(this.anchor.row - this.focus.row) + 1, columnCount: Math.abs(this.anchor.col - this.focus.col) + 1 };
  }

  select(anchor: CellAddress, focus: CellAddress = anchor): void {
    const clamp = (a: CellAddress) => ({ row: Math.max(0, Math.min(MAX_ROWS - 1, a.row)), col: Math.max(0, Math.min(MAX_COLUMNS - 1, a.col)) });
    this.anchor = clamp(anchor);
    this.focus = clamp(focus);
    this.changed = true;
    this.emit();
  }

  isBlank(sheet: number, row: number, col: number): boolean {
    const v = this.value(sheet, row, col);
    return v === null || v === undefined || v === "";
  }

  /** The contiguous block of non-blank cells around a cell (Excel's current region). */
  currentRegion(sheet: number, at: CellAddress): Rect {
    const dims = this.dimensions(sheet);
    let top = at.row;
    let bottom = at.row;
    let left = at.col;
    let right = at.col;
    const rowHas = (r: number, c0: number, c1: number) => {
      for (let c = Math.max(0, c0); c <= Math.min(dims.columns - 1, c1); c++) if (!this.isBlank(sheet, r, c)) return true;
      return false;
    };
    const colHas = (c: number, r0: number, r1: number) => {
      for (let r = Math.max(0, r0); r <= Math.min(dims.rows - 1, r1); r++) if (!this.isBlank(sheet, r, c)) return true;
      return false;
    };
    for (let grew = true; grew; ) {
      grew = false;
      if (top > 0 && rowHas(top - 1, left - 1, right + 1)) {
        top--;
        grew = true;
      }
      if (bottom + 1 < dims.rows && rowHas(bottom + 1, left - 1, right + 1)) {
        bottom++;
        grew = true;
      }
      if (left > 0 && colHas(left - 1, top - 1, bottom + 1)) {
        left--;
        grew = true;
      }
      if (right + 1 < dims.columns && colHas(right + 1, top - 1, bottom + 1)) {
        right++;
        grew = true;
      }
    }
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  columnWidth(sheet: number, col: number): number {
    return this.meta.get(sheet)?.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }
}
