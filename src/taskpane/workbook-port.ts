/**
 * The workbook port: everything the cohort pane asks of a spreadsheet host, and
 * nothing more. The pane's logic (column detection, options, the output-sheet
 * plan) is host-neutral; it talks to a workbook only through this interface.
 *
 * Implementations:
 * - src/taskpane/office-workbook.ts: Excel through Office.js (Excel.run, one sync per call).
 * - src/playground: an in-browser workbook.
 *
 * Rules every implementation keeps:
 * - Coordinates are 0-based (row 0 = Excel row 1, column 0 = column A) and always
 *   name the sheet they belong to. Rectangles never extend past the sheet.
 * - Each method is one request to the host (Office.js: one `context.sync()`), so the
 *   pane controls request sizes by how much it passes in one call. The pane keeps
 *   every call under a few MB (see chunking.ts); implementations need not split.
 * - Strings in `values` are literal text, always: never parsed as a formula, a number
 *   or a date ("=HYPERLINK(…)", "+1", "-2", "@x", "2024-01", "007" stay text as written).
 *   Only `CellBlock.formulas` entries are formulas.
 * - Writing methods only touch the sheet they are given. The pane only ever writes to
 *   a sheet it has added itself, apart from `replaceFormulasWithValues`; on such a sheet
 *   it writes later (the retention projection) only into cells it has checked are blank.
 * - Failures reject the promise with an Error whose message the pane shows; a host
 *   error code, when there is one, goes in `code` (e.g. Office's "InvalidArgument",
 *   "RequestPayloadSizeLimitExceeded").
 */
import type { Cell } from "../core/cells";

/** A rectangle on a sheet, 0-based. */
export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** The data the pane will analyse, as found around the user's selection. */
export interface SourceInfo extends Rect {
  sheet: string;
  /**
   * How it was found:
   * - "selection": the user selected more than one cell;
   * - "table": the active cell is inside an Excel Table (whole table, header included);
   * - "region": the contiguous block of non-blank cells around the active cell;
   * - "cell": a single cell with nothing around it (the pane refuses it with a message).
   */
  origin: "selection" | "table" | "region" | "cell";
  /** the Excel Table's name when origin is "table" */
  tableName?: string;
}

/** A value to write: a number, a literal string ("" leaves the cell blank), or a boolean. */
export type WriteValue = string | number | boolean;

/**
 * A rectangle of cells to write, anchored at (row, column). Give `values` or `formulas`.
 * `numberFormat` is either one format for every cell or one per column of the block;
 * it is applied before the values, so text formats take effect. Strings are written as
 * text whatever the format.
 */
export interface CellBlock {
  row: number;
  column: number;
  values?: WriteValue[][];
  /** formulas in Excel's en-US syntax, e.g. "=RETAIN.COHORT(Sheet1!$A$2:$A$100, …)" */
  formulas?: string[][];
  numberFormat?: string | string[];
}

/** Formatting that is not a number format. Colours are "#RRGGBB". */
export type FormatOp =
  | { kind: "numberFormat"; rect: Rect; format: string }
  | { kind: "bold"; rect: Rect }
  | { kind: "italic"; rect: Rect }
  | { kind: "fill"; rect: Rect; color: string }
  | { kind: "fontColor"; rect: Rect; color: string }
  | { kind: "fontSize"; rect: Rect; size: number }
  /** a thin bottom border, for header rows */
  | { kind: "borderBottom"; rect: Rect; color: string }
  /** a three-colour scale conditional format (lowest → middle (50th percentile) → highest) */
  | { kind: "colorScale"; rect: Rect; min: string; mid: string; max: string }
  /** column width in points; rect's columns are set, rows ignored */
  | { kind: "columnWidth"; rect: Rect; width: number };

/** One line of a line chart: y values from a one-row rectangle. */
export interface ChartSeries {
  name: string;
  values: Rect;
  /** drawn thicker and darker (the average curve) */
  emphasised: boolean;
  /** drawn dashed (a projection); hosts that cannot dash draw it plain, its name tells it apart */
  dashed?: boolean;
}

/** A native line chart with categories (x axis) from a one-row rectangle. */
export interface LineChartSpec {
  title: string;
  xAxisTitle: string;
  yAxisTitle: string;
  categories: Rect;
  series: ChartSeries[];
  /** where the chart sits: its top-left cell and size in cells */
  position: Rect;
  /** number format of the value axis, e.g. "0%" */
  valueFormat?: string;
}

/**
 * A change to a line chart the pane added: the chart is found by its title on the sheet.
 * Series named in `remove` are deleted, then `add` is appended, then (when given) every
 * series takes `categories` as its x values, so added series can run past the old ones.
 */
export interface ChartUpdate {
  title: string;
  remove?: string[];
  add?: ChartSeries[];
  categories?: Rect;
}

/** Where "Make shareable" looks for formulas. */
export type FormulaScope = "selection" | "activeSheet";

export interface FormulaScan {
  /** cells whose formula calls the function prefix (a spilled formula counts once) */
  count: number;
  /** the sheet that was scanned */
  sheet: string;
  /** A1 address of the scanned range, without the sheet */
  address: string;
}

export interface WorkbookPort {
  /**
   * The data to analyse: the selection when it has more than one cell; otherwise the
   * Excel Table holding the active cell; otherwise the contiguous region around it;
   * otherwise origin "cell". Null when there is no selection at all (e.g. a chart is selected).
   */
  getSource(): Promise<SourceInfo | null>;

  /**
   * Values of a rectangle, row by row, as the host holds them: numbers (dates as serial
   * numbers), strings, booleans; blank cells as "" or null (or 0 on some hosts).
   * Error values come back as their text ("#N/A").
   */
  readValues(sheet: string, rect: Rect): Promise<Cell[][]>;

  /** Names of every sheet, in tab order. */
  sheetNames(): Promise<string[]>;

  /** Adds an empty sheet at the end. Rejects if the name exists or is not allowed. */
  addSheet(name: string): Promise<void>;

  /** Deletes a sheet (the pane uses it only on a sheet it added itself, to clean up). */
  deleteSheet(name: string): Promise<void>;

  /** Shows a sheet to the user. */
  activateSheet(name: string): Promise<void>;

  /**
   * Writes blocks of cells in one request, calculation suspended while writing
   * (Office: application.suspendApiCalculationUntilNextSync()).
   */
  writeCells(sheet: string, blocks: CellBlock[]): Promise<void>;

  /** Applies formatting in one request. */
  format(sheet: string, ops: FormatOp[]): Promise<void>;

  /** Adds a native line chart whose data lives on `sheet`. */
  addLineChart(sheet: string, chart: LineChartSpec): Promise<void>;

  /**
   * Clears values, formulas and formatting of a rectangle (the pane clears only cells it
   * wrote itself: a projection it is replacing or could not finish).
   */
  clearCells(sheet: string, rect: Rect): Promise<void>;

  /**
   * Changes the line chart titled `update.title` on `sheet` (see ChartUpdate). Resolves
   * false, changing nothing, when the sheet has no such chart (the analyst deleted it).
   */
  updateLineChart(sheet: string, update: ChartUpdate): Promise<boolean>;

  /**
   * Counts cells whose formula calls a function whose name starts with `prefix`
   * (case-insensitive, e.g. "RETAIN."), in the selection or in the active sheet's used range.
   */
  findFormulas(scope: FormulaScope, prefix: string): Promise<FormulaScan>;

  /**
   * Replaces those formulas (and their spilled arrays) by their current values, leaving
   * every other cell alone. Strings become literal text. Returns how many formulas were replaced.
   */
  replaceFormulasWithValues(scope: FormulaScope, prefix: string): Promise<number>;
}

/** A1 column letters for a 0-based column: 0 → "A", 27 → "AB". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a rectangle without the sheet: "B3:D10", or "B3" for one cell. */
export function rectAddress(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const first = `${d}${columnLetters(rect.column)}${d}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  const last = `${d}${columnLetters(rect.column + rect.columnCount - 1)}${d}${rect.row + rect.rowCount}`;
  return `${first}:${last}`;
}

/**
 * A sheet name as formulas write it: bare when it is letters, digits and
 * underscores and cannot be read as a cell (A1, R1C1), else in quotes. Names with
 * dots (Q1.2024) are quoted too: Excel reads them either way, the playground's
 * HyperFormula only quoted.
 */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) && !/^R[0-9]*C[0-9]*$/i.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A sheet name as a formula or address prefix: Sheet1 → Sheet1!, My data → 'My data'!. */
export function sheetPrefix(sheet: string): string {
  return `${quoteSheetName(sheet)}!`;
}

/** "Sheet1!A1:C10" style address of a rectangle on a sheet. */
export function fullAddress(sheet: string, rect: Rect, absolute = false): string {
  return sheetPrefix(sheet) + rectAddress(rect, absolute);
}

/**
 * Parses an A1 address ("B3", "B3:D10", "Sheet1!B3:D10", "'My data'!$B$3:$D$10") into a
 * rectangle and the sheet it names (if any). Whole columns/rows ("A:C", "2:5") are expanded
 * to Excel's grid (1,048,576 rows × 16,384 columns). Returns null when it is not an address.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  let sheet: string | undefined;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, "").toUpperCase();
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const ends = parts.map(parseEnd);
  if (ends.some((e) => e === null)) return null;
  const [a, b] = [ends[0]!, ends[ends.length - 1]!];
  const r0 = a.row ?? 0;
  const c0 = a.column ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c1 = b.column ?? MAX_COLUMNS - 1;
  if ((a.row === undefined) !== (b.row === undefined) || (a.column === undefined) !== (b.column === undefined)) return null;
  const rect = { row: Math.min(r0, r1), column: Math.min(c0, c1), rowCount: Math.abs(r1 - r0) + 1, columnCount: Math.abs(c1 - c0) + 1 };
  return sheet === undefined ? { rect } : { sheet, rect };
}

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

function parseEnd(text: string): { row?: number; column?: number } | null {
  const m = /^([A-Z]{0,3})([0-9]{0,7})$/.exec(text);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let column: number | undefined;
  if (m[1] !== "") {
    column = 0;
    for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
    column -= 1;
    if (column >= MAX_COLUMNS) return null;
  }
  let row: number | undefined;
  if (m[2] !== "") {
    row = Number(m[2]) - 1;
    if (row < 0 || row >= MAX_ROWS) return null;
  }
  return { row, column };
}
