/**
 * The sheet view: row and column headers, cells, the selection, an in-cell editor, colour
 * scales and charts. Only the rows and columns in view are drawn (a few thousand rows
 * cost nothing), redrawn on scroll and on every workbook change.
 *
 * Keyboard: arrows move, Shift+arrows extend, Ctrl+arrows jump to the edge of the data,
 * Enter/Tab move (or commit an edit), F2 edits, typing replaces, Delete clears, Ctrl+A
 * selects the data around the active cell and then the sheet, Escape cancels an edit.
 */
import { columnLetters, type Rect } from "../taskpane/workbook-port";
import { MAX_COLUMNS, MAX_ROWS, type CellAddress } from "./address";
import { escapeXml, lineChartSvg } from "./chart-svg";
import { formatGeneral, formatValue } from "./number-format";
import { DEFAULT_COLUMN_WIDTH, type ColourScale, type Workbook } from "./workbook";

export const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 52;
/** Excel measures column widths in points; the grid draws pixels. */
const POINTS_TO_PX = 4 / 3;
/** an average digit's width in the grid font, to decide what fits a cell */
const CHAR_WIDTH = 7.2;

function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** The colour of `v` in a three-colour scale (min → mid at the 50th percentile → max). */
export function scaleColour(scale: { min: string; mid: string; max: string }, lo: number, mid: number, hi: number, v: number): string {
  const mix = (a: string, b: string, t: number) => {
    const [r1, g1, b1] = hexToRgb(a);
    const [r2, g2, b2] = hexToRgb(b);
    const c = (x: number, y: number) => Math.round(x + (y - x) * Math.max(0, Math.min(1, t)));
    return `rgb(${c(r1, r2)}, ${c(g1, g2)}, ${c(b1, b2)})`;
  };
  if (v <= mid) return mix(scale.min, scale.mid, mid === lo ? 1 : (v - lo) / (mid - lo));
  return mix(scale.mid, scale.max, hi === mid ? 1 : (v - mid) / (hi - mid));
}

export interface GridCallbacks {
  /** the selection or active cell changed */
  onSelect(): void;
}

export class Grid {
  readonly element: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly cellsLayer: HTMLElement;
  private readonly colHeaders: HTMLElement;
  private readonly rowHeaders: HTMLElement;
  private readonly corner: HTMLElement;
  private readonly selectionBox: HTMLElement;
  private readonly chartsLayer: HTMLElement;
  private readonly editor: HTMLInputElement;
  private editing: { row: number; col: number } | null = null;
  private dragging = false;
  private rowCount = 1000;
  private colCount = 30;
  private frame = 0;

  constructor(
    private readonly wb: Workbook,
    host: HTMLElement,
    private readonly callbacks: GridCallbacks,
  ) {
    this.element = host;
    host.classList.add("grid");
    host.innerHTML = "";
    this.scroller = div("grid-scroll");
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute("role", "grid");
    this.scroller.setAttribute("aria-label", "Sheet cells");
    this.canvas = div("grid-canvas");
    this.cellsLayer = div("grid-cells");
    this.chartsLayer = div("grid-charts");
    this.selectionBox = div("grid-selection");
    this.colHeaders = div("grid-col-headers");
    this.rowHeaders = div("grid-row-headers");
    this.corner = div("grid-corner");
    this.corner.title = "Select all";
    this.editor = document.createElement("input");
    this.editor.className = "grid-editor";
    this.editor.setAttribute("aria-label", "Cell editor");
    this.editor.spellcheck = false;
    this.canvas.append(this.cellsLayer, this.chartsLayer, this.selectionBox, this.editor, this.colHeaders, this.rowHeaders, this.corner);
    this.scroller.append(this.canvas);
    host.append(this.scroller);
    this.editor.style.display = "none";

    this.scroller.addEventListener("scroll", () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.scroller.addEventListener("mousedown", (e) => this.onMouseDown(e));
    window.addEventListener("mousemove", (e) => this.onMouseMove(e));
    window.addEventListener("mouseup", () => (this.dragging = false));
    this.scroller.addEventListener("dblclick", (e) => {
      const cell = this.cellAt(e);
      if (cell && cell.row >= 0 && cell.col >= 0) this.startEdit();
    });
    this.scroller.addEventListener("keydown", (e) => this.onKeyDown(e));
    this.editor.addEventListener("keydown", (e) => this.onEditorKey(e));
    this.editor.addEventListener("blur", () => {
      if (this.editing) this.commitEdit(0, 0);
    });
    wb.onChange(() => this.schedule());
  }

  focus(): void {
    this.scroller.focus({ preventScroll: true });
  }

  get isEditing(): boolean {
    return this.editing !== null;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  // ---- geometry ----------------------------------------------------------------

  private colWidth(col: number): number {
    const w = this.wb.sheetMeta(this.wb.activeSheet).columnWidths.get(col);
    return w === undefined ? DEFAULT_COLUMN_WIDTH : Math.round(w * POINTS_TO_PX);
  }

  private colLeft(col: number): number {
    let x = ROW_HEADER_WIDTH;
    const widths = this.wb.sheetMeta(this.wb.activeSheet).columnWidths;
    if (widths.size === 0) return x + col * DEFAULT_COLUMN_WIDTH;
    for (let c = 0; c < col; c++) x += this.colWidth(c);
    return x;
  }

  private rowTop(row: number): number {
    return HEADER_HEIGHT + row * ROW_HEIGHT;
  }

  private colAtX(x: number): number {
    if (x < ROW_HEADER_WIDTH) return -1;
    let left = ROW_HEADER_WIDTH;
    for (let c = 0; c < MAX_COLUMNS; c++) {
      const w = this.colWidth(c);
      if (x < left + w) return c;
      left += w;
    }
    return MAX_COLUMNS - 1;
  }

  private cellAt(e: MouseEvent): CellAddress | undefined {
    const box = this.canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const inColHeader = e.clientY - this.scroller.getBoundingClientRect().top < HEADER_HEIGHT;
    const inRowHeader = e.clientX - this.scroller.getBoundingClientRect().left < ROW_HEADER_WIDTH;
    const row = inColHeader ? -1 : Math.min(MAX_ROWS - 1, Math.max(0, Math.floor((y - HEADER_HEIGHT) / ROW_HEIGHT)));
    const col = inRowHeader ? -1 : this.colAtX(x);
    return { row, col };
  }

  /** Scrolls so that a cell is in view. */
  scrollIntoView(address: CellAddress): void {
    this.ensureExtent(address.row, address.col);
    const top = this.rowTop(address.row);
    const left = this.colLeft(address.col);
    const s = this.scroller;
    if (top - HEADER_HEIGHT < s.scrollTop) s.scrollTop = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > s.scrollTop + s.clientHeight) s.scrollTop = top + ROW_HEIGHT - s.clientHeight;
    if (left - ROW_HEADER_WIDTH < s.scrollLeft) s.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (left + this.colWidth(address.col) > s.scrollLeft + s.clientWidth) s.scrollLeft = left + this.colWidth(address.col) - s.clientWidth;
  }

  private ensureExtent(row: number, col: number): void {
    const dims = this.wb.dimensions(this.wb.activeSheet);
    this.rowCount = Math.min(MAX_ROWS, Math.max(1000, dims.rows + 200, row + 100));
    this.colCount = Math.min(MAX_COLUMNS, Math.max(30, dims.columns + 10, col + 10));
  }

  // ---- drawing ---------------------------------------------------------------------

  render(): void {
    const wb = this.wb;
    const sheet = wb.activeSheet;
    if (wb.hf.getSheetName(sheet) === undefined) return;
    this.ensureExtent(wb.focus.row, wb.focus.col);
    const totalWidth = this.colLeft(this.colCount);
    const totalHeight = this.rowTop(this.rowCount);
    this.canvas.style.width = `${totalWidth}px`;
    this.canvas.style.height = `${totalHeight}px`;
    const s = this.scroller;
    const firstRow = Math.max(0, Math.floor(s.scrollTop / ROW_HEIGHT));
    const lastRow = Math.min(this.rowCount - 1, firstRow + Math.ceil(s.clientHeight / ROW_HEIGHT) + 1);
    const firstCol = Math.max(0, this.colAtX(s.scrollLeft + ROW_HEADER_WIDTH));
    let lastCol = firstCol;
    for (let x = this.colLeft(firstCol); lastCol < this.colCount - 1 && x < s.scrollLeft + s.clientWidth; lastCol++) x += this.colWidth(lastCol);

    const meta = wb.sheetMeta(sheet);
    const scales = meta.colourScales.map((scale) => ({ scale, stats: this.scaleStats(sheet, scale) }));
    const sel = wb.selectionRect();
    const html: string[] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const top = this.rowTop(r);
      for (let c = firstCol; c <= lastCol; c++) {
        const left = this.colLeft(c);
        const width = this.colWidth(c);
        const shown = wb.display(sheet, r, c);
        const style = wb.style(sheet, r, c);
        const css: string[] = [`left:${left}px`, `top:${top}px`, `width:${width}px`];
        let fill = style?.fill;
        for (const { scale, stats } of scales) {
          if (stats && r >= scale.rect.row && r < scale.rect.row + scale.rect.rowCount && c >= scale.rect.column && c < scale.rect.column + scale.rect.columnCount) {
            const v = wb.value(sheet, r, c);
            if (typeof v === "number") fill = scaleColour(scale, stats.lo, stats.mid, stats.hi, v);
          }
        }
        if (fill) css.push(`background:${fill}`);
        if (style?.bold) css.push("font-weight:600");
        if (style?.italic) css.push("font-style:italic");
        if (style?.color) css.push(`color:${style.color}`);
        if (style?.fontSize) css.push(`font-size:${Math.round(style.fontSize * POINTS_TO_PX)}px`);
        if (style?.borderBottom) css.push(`border-bottom:1px solid ${style.borderBottom}`);
        // Numbers that do not fit: General shows fewer digits, other formats show ###.
        if (shown.kind === "number" && shown.text.length * CHAR_WIDTH > width - 8) {
          const v = wb.value(sheet, r, c) as number;
          const room = Math.max(1, Math.floor((width - 8) / CHAR_WIDTH));
          const general = wb.format(sheet, r, c) === undefined ? formatGeneral(v, room) : "";
          shown.text = general && general.length <= room ? general : "#".repeat(room);
        }
        const cls = ["cell", shown.kind];
        // Text runs on over empty cells to its right, as in Excel.
        if (shown.kind === "text" && !fill) {
          const scale = ((style?.fontSize ? style.fontSize * POINTS_TO_PX : 13) / 13) * (style?.bold ? 1.1 : 1);
          const natural = shown.text.length * CHAR_WIDTH * scale + 8;
          let span = width;
          for (let n = c + 1; span < natural && n < this.colCount && wb.isBlank(sheet, r, n) && !wb.hf.isCellPartOfArray({ sheet, row: r, col: n }); n++) span += this.colWidth(n);
          if (span > width) {
            css[2] = `width:${span}px`;
            cls.push("overflow");
          }
        }
        if (wb.hf.isCellPartOfArray({ sheet, row: r, col: c })) cls.push("spill");
        const title = shown.error?.message ? ` title="${escapeXml(`${shown.error.code} ${shown.error.message}`)}"` : "";
        html.push(`<div class="${cls.join(" ")}" data-row="${r}" data-col="${c}" style="${css.join(";")}"${title}>${escapeXml(shown.text)}</div>`);
      }
    }
    this.cellsLayer.innerHTML = html.join("");

    // headers stick to the top and left edges of the view
    const heads: string[] = [];
    for (let c = firstCol; c <= lastCol; c++) {
      const on = c >= sel.column && c < sel.column + sel.columnCount ? " on" : "";
      heads.push(`<div class="col-header${on}" data-col="${c}" style="left:${this.colLeft(c)}px;width:${this.colWidth(c)}px">${columnLetters(c)}</div>`);
    }
    this.colHeaders.innerHTML = heads.join("");
    this.colHeaders.style.top = `${s.scrollTop}px`;
    const rows: string[] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const on = r >= sel.row && r < sel.row + sel.rowCount ? " on" : "";
      rows.push(`<div class="row-header${on}" data-row="${r}" style="top:${this.rowTop(r)}px">${r + 1}</div>`);
    }
    this.rowHeaders.innerHTML = rows.join("");
    this.rowHeaders.style.left = `${s.scrollLeft}px`;
    this.corner.style.left = `${s.scrollLeft}px`;
    this.corner.style.top = `${s.scrollTop}px`;

    // selection
    const boxTop = this.rowTop(sel.row);
    const boxLeft = this.colLeft(sel.column);
    const boxBottom = this.rowTop(Math.min(sel.row + sel.rowCount, lastRow + 2));
    const boxRight = this.colLeft(Math.min(sel.column + sel.columnCount, lastCol + 2));
    Object.assign(this.selectionBox.style, { left: `${boxLeft - 1}px`, top: `${boxTop - 1}px`, width: `${boxRight - boxLeft + 1}px`, height: `${boxBottom - boxTop + 1}px` });
    this.selectionBox.classList.toggle("multi", sel.rowCount > 1 || sel.columnCount > 1);

    this.renderCharts(sheet);
    if (this.editing) this.placeEditor();
  }

  private scaleStats(sheet: number, scale: ColourScale): { lo: number; mid: number; hi: number } | undefined {
    const nums: number[] = [];
    const { rect } = scale;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const v = this.wb.value(sheet, r, c);
        if (typeof v === "number") nums.push(v);
      }
    }
    if (nums.length === 0) return undefined;
    nums.sort((a, b) => a - b);
    const m = (nums.length - 1) / 2;
    const mid = (nums[Math.floor(m)] + nums[Math.ceil(m)]) / 2;
    return { lo: nums[0], mid, hi: nums[nums.length - 1] };
  }

  private rowValues(sheet: number, rect: Rect): (number | string | null)[] {
    const out: (number | string | null)[] = [];
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const v = this.wb.value(sheet, r, c);
        out.push(typeof v === "number" || typeof v === "string" ? v : null);
      }
    }
    return out;
  }

  private renderCharts(sheet: number): void {
    const charts = this.wb.sheetMeta(sheet).charts;
    const html = charts.map((chart, i) => {
      const p = chart.position;
      const left = this.colLeft(p.column);
      const top = this.rowTop(p.row);
      const width = Math.max(240, this.colLeft(p.column + p.columnCount) - left);
      const height = Math.max(160, p.rowCount * ROW_HEIGHT);
      const catCells = this.rowValues(sheet, chart.categories);
      const catFormat = this.wb.format(sheet, chart.categories.row, chart.categories.column);
      const categories = catCells.map((v) => (typeof v === "number" ? formatValue(v, catFormat) : v === null ? "" : v));
      const series = chart.series.map((s) => ({ name: s.name, emphasised: s.emphasised, dashed: s.dashed, values: this.rowValues(sheet, s.values).map((v) => (typeof v === "number" ? v : null)) }));
      const svg = lineChartSvg({ title: chart.title, xAxisTitle: chart.xAxisTitle, yAxisTitle: chart.yAxisTitle, categories, series, width, height, valueFormat: chart.valueFormat });
      return `<div class="chart-frame" data-chart="${i}" style="left:${left}px;top:${top}px">${svg}</div>`;
    });
    const joined = html.join("");
    if (this.chartsLayer.dataset.html !== joined) {
      this.chartsLayer.innerHTML = joined;
      this.chartsLayer.dataset.html = joined;
    }
  }

  // ---- mouse ----------------------------------------------------------------------

  private onMouseDown(e: MouseEvent): void {
    if (e.button !== 0 || e.target === this.editor) return;
    if ((e.target as HTMLElement).closest(".chart-frame")) return;
    const hit = this.cellAt(e);
    if (!hit) return;
    e.preventDefault();
    if (this.editing) this.commitEdit(0, 0);
    this.focus();
    const wb = this.wb;
    if (hit.row < 0 && hit.col < 0) {
      wb.select({ row: 0, col: 0 }, { row: MAX_ROWS - 1, col: MAX_COLUMNS - 1 });
    } else if (hit.row < 0) {
      const anchor = e.shiftKey ? { row: 0, col: wb.anchor.col } : { row: 0, col: hit.col };
      wb.select(anchor, { row: MAX_ROWS - 1, col: hit.col });
      wb.focus = { row: MAX_ROWS - 1, col: hit.col };
    } else if (hit.col < 0) {
      const anchor = e.shiftKey ? { row: wb.anchor.row, col: 0 } : { row: hit.row, col: 0 };
      wb.select(anchor, { row: hit.row, col: MAX_COLUMNS - 1 });
    } else if (e.shiftKey) {
      wb.select(wb.anchor, hit);
    } else {
      wb.select(hit);
      this.dragging = true;
    }
    this.callbacks.onSelect();
  }

  private onMouseMove(e: MouseEvent): void {
    if (!this.dragging || (e.buttons & 1) === 0) return;
    const hit = this.cellAt(e);
    if (!hit || hit.row < 0 || hit.col < 0) return;
    if (hit.row !== this.wb.focus.row || hit.col !== this.wb.focus.col) {
      this.wb.select(this.wb.anchor, hit);
      this.callbacks.onSelect();
    }
  }

  // ---- keyboard ----------------------------------------------------------------------

  /** The next non-blank edge in a direction, as Ctrl+arrow finds it. */
  private jump(from: CellAddress, dr: number, dc: number): CellAddress {
    const sheet = this.wb.activeSheet;
    const dims = this.wb.dimensions(sheet);
    const limitR = dr > 0 ? Math.max(dims.rows - 1, from.row) : 0;
    const limitC = dc > 0 ? Math.max(dims.columns - 1, from.col) : 0;
    const blank = (a: CellAddress) => this.wb.isBlank(sheet, a.row, a.col);
    let cur = { ...from };
    const next = (a: CellAddress) => ({ row: a.row + dr, col: a.col + dc });
    const inside = (a: CellAddress) => (dr > 0 ? a.row <= limitR : dr < 0 ? a.row >= limitR : true) && (dc > 0 ? a.col <= limitC : dc < 0 ? a.col >= limitC : true);
    const n = next(cur);
    if (!inside(n)) return cur;
    if (!blank(cur) && !blank(n)) {
      while (inside(next(cur)) && !blank(next(cur))) cur = next(cur);
      return cur;
    }
    cur = n;
    while (inside(next(cur)) && blank(cur)) cur = next(cur);
    return cur;
  }

  move(dr: number, dc: number, extend: boolean, jump = false): void {
    const wb = this.wb;
    const base = extend ? wb.focus : wb.active;
    const target = jump ? this.jump(base, dr, dc) : { row: base.row + dr, col: base.col + dc };
    target.row = Math.max(0, Math.min(MAX_ROWS - 1, target.row));
    target.col = Math.max(0, Math.min(MAX_COLUMNS - 1, target.col));
    if (extend) wb.select(wb.anchor, target);
    else wb.select(target);
    this.scrollIntoView(target);
    this.callbacks.onSelect();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.editing || e.target === this.editor) return;
    const wb = this.wb;
    const ctrl = e.ctrlKey || e.metaKey;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (arrows[e.key]) {
      e.preventDefault();
      this.move(arrows[e.key][0], arrows[e.key][1], e.shiftKey, ctrl);
    } else if (e.key === "Enter") {
      e.preventDefault();
      this.move(e.shiftKey ? -1 : 1, 0, false);
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.move(0, e.shiftKey ? -1 : 1, false);
    } else if (e.key === "F2") {
      e.preventDefault();
      this.startEdit();
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      wb.clear(wb.activeSheet, wb.selectionRect());
      if (e.key === "Backspace") this.startEdit("");
    } else if (ctrl && (e.key === "a" || e.key === "A")) {
      e.preventDefault();
      const sel = wb.selectionRect();
      const region = wb.currentRegion(wb.activeSheet, wb.active);
      const same = sel.row === region.row && sel.column === region.column && sel.rowCount === region.rowCount && sel.columnCount === region.columnCount;
      if (same || (region.rowCount === 1 && region.columnCount === 1)) wb.select({ row: 0, col: 0 }, { row: MAX_ROWS - 1, col: MAX_COLUMNS - 1 });
      else wb.select({ row: region.row, col: region.column }, { row: region.row + region.rowCount - 1, col: region.column + region.columnCount - 1 });
      this.callbacks.onSelect();
    } else if (ctrl && e.key === "Home") {
      e.preventDefault();
      wb.select({ row: 0, col: 0 });
      this.scrollIntoView({ row: 0, col: 0 });
      this.callbacks.onSelect();
    } else if (!ctrl && !e.altKey && e.key.length === 1) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  // ---- editing -----------------------------------------------------------------------

  /** Opens the in-cell editor on the active cell, with its content or with `initial`. */
  startEdit(initial?: string): void {
    const wb = this.wb;
    const { row, col } = wb.active;
    wb.select(wb.active);
    this.editing = { row, col };
    this.scrollIntoView(wb.active);
    this.editor.value = initial ?? wb.input(wb.activeSheet, row, col);
    this.editor.style.display = "block";
    this.placeEditor();
    this.editor.focus();
    const end = this.editor.value.length;
    this.editor.setSelectionRange(end, end);
  }

  private placeEditor(): void {
    if (!this.editing) return;
    const { row, col } = this.editing;
    Object.assign(this.editor.style, {
      left: `${this.colLeft(col)}px`,
      top: `${this.rowTop(row)}px`,
      width: `${Math.max(this.colWidth(col), 160)}px`,
      height: `${ROW_HEIGHT}px`,
    });
  }

  private onEditorKey(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.key === "Enter") {
      e.preventDefault();
      this.commitEdit(e.shiftKey ? -1 : 1, 0);
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.commitEdit(0, e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancelEdit();
    }
  }

  commitEdit(dr: number, dc: number): void {
    if (!this.editing) return;
    const { row, col } = this.editing;
    const text = this.editor.value;
    this.editing = null;
    this.editor.style.display = "none";
    this.wb.setInput(this.wb.activeSheet, row, col, text);
    this.wb.select({ row, col });
    this.focus();
    if (dr || dc) this.move(dr, dc, false);
    else this.callbacks.onSelect();
  }

  cancelEdit(): void {
    this.editing = null;
    this.editor.style.display = "none";
    this.focus();
    this.schedule();
  }
}

function div(className: string): HTMLElement {
  const el = document.createElement("div");
  el.className = className;
  return el;
}
