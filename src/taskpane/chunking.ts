/**
 * Request sizes. Excel on the web refuses a request or response over 5 MB, so the
 * pane reads the source and writes the output in chunks whose estimated size stays
 * under REQUEST_BUDGET, far below the limit.
 *
 * Estimates are conservative: a cell costs what its JSON text costs in UTF-8 (each
 * non-ASCII code unit counted as 3 bytes, each escaped character as 6) plus a fixed
 * overhead per cell for separators and the envelope.
 */
import type { Cell } from "../core/cells";
import type { CellBlock, FormatOp } from "./workbook-port";

/** Bytes one request may carry, by the pane's own estimate. */
export const REQUEST_BUDGET = 2 * 1024 * 1024;
/** What tests hold every request to; Excel's refusal point is 5 MB. */
export const HARD_LIMIT = 4 * 1024 * 1024;
/** Before anything is read: a cell is assumed to cost this much (ids up to ~50 characters). */
export const INITIAL_BYTES_PER_CELL = 64;
/** Measured sizes are multiplied by this before planning the next chunk. */
export const SAFETY = 2;
/** Rows per read never exceed this, however small the cells: bounds the time of one request. */
export const MAX_ROWS_PER_READ = 100_000;
const OVERHEAD_PER_CELL = 4;

/** UTF-8 size of a string as JSON text, rounded up. */
export function stringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) bytes += 6;
    else if (c < 0x80) bytes += 1;
    else bytes += 3;
  }
  return bytes;
}

/** JSON size of one cell value. */
export function cellBytes(cell: Cell | WriteCell): number {
  if (typeof cell === "string") return stringBytes(cell) + OVERHEAD_PER_CELL;
  if (typeof cell === "number") return 24 + OVERHEAD_PER_CELL; // the longest double in JSON
  return 5 + OVERHEAD_PER_CELL; // true/false/null
}
type WriteCell = string | number | boolean;

/** JSON size of a matrix of cells. */
export function matrixBytes(rows: readonly (readonly (Cell | WriteCell)[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 2;
    for (const cell of row) bytes += cellBytes(cell);
  }
  return bytes;
}

/** Rows to ask for in the next read, given an estimate of bytes per row. */
export function rowsPerRead(bytesPerRow: number, budget = REQUEST_BUDGET): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_READ, Math.floor(budget / Math.max(1, bytesPerRow))));
}

/**
 * Plans reads of `rowCount` rows adaptively: starts from INITIAL_BYTES_PER_CELL, then
 * sizes each chunk from the largest row cost measured so far times SAFETY.
 */
export class ReadPlanner {
  private bytesPerRow: number;
  private offset = 0;

  constructor(
    readonly rowCount: number,
    readonly columnCount: number,
    readonly budget = REQUEST_BUDGET,
  ) {
    this.bytesPerRow = INITIAL_BYTES_PER_CELL * columnCount + 4;
  }

  get done(): boolean {
    return this.offset >= this.rowCount;
  }

  get position(): number {
    return this.offset;
  }

  /** The next chunk: 0-based row offset within the source, and how many rows. */
  next(): { offset: number; rows: number } {
    const rows = Math.min(this.rowCount - this.offset, rowsPerRead(this.bytesPerRow, this.budget));
    return { offset: this.offset, rows };
  }

  /** Records a chunk that came back; its measured size tunes the next one. */
  accept(rows: readonly (readonly Cell[])[]): void {
    let worst = 0;
    for (const row of rows) {
      let b = 2;
      for (const cell of row) b += cellBytes(cell);
      if (b > worst) worst = b;
    }
    this.offset += rows.length;
    // the worst row seen in this chunk, with a margin, but never below 8 bytes a cell
    this.bytesPerRow = Math.max(worst * SAFETY, 8 * this.columnCount + 4);
  }

  /** The host refused a chunk as too large: halve the next one. Returns false when one row is already too big. */
  refused(rowsTried: number): boolean {
    if (rowsTried <= 1) return false;
    this.bytesPerRow = Math.max(this.bytesPerRow, Math.ceil(this.budget / Math.floor(rowsTried / 2)));
    return true;
  }
}

/** The fixed cost of a write request beyond its rows. */
const BLOCK_OVERHEAD = 202;

/**
 * Estimated size of each row of a block when written: its values or formulas, plus a
 * number format per cell (a text cell is sent once more as its "@" format, and may
 * gain an apostrophe). A block costs BLOCK_OVERHEAD plus the sum of its rows.
 */
function rowBytes(block: CellBlock): number[] {
  const data = block.values ?? block.formulas ?? [];
  const formats = block.numberFormat;
  const perCell = (typeof formats === "string" ? stringBytes(formats) + OVERHEAD_PER_CELL : Math.max(3, ...(formats ?? []).map((f) => stringBytes(f) + OVERHEAD_PER_CELL))) + 8;
  return data.map((row) => {
    let bytes = 2 + row.length * perCell;
    for (const cell of row) bytes += cellBytes(cell);
    return bytes;
  });
}

/** Estimated request size of writing a block. */
export function blockBytes(block: CellBlock): number {
  return rowBytes(block).reduce((sum, b) => sum + b, BLOCK_OVERHEAD);
}

/**
 * Splits a block by halving its rows until each piece fits the budget, with each
 * piece's size; the rows are measured once, and the pieces are summed from them.
 */
function splitBlock(block: CellBlock, budget: number): { piece: CellBlock; bytes: number }[] {
  const rows = rowBytes(block);
  const upTo = new Float64Array(rows.length + 1); // upTo[k]: bytes of rows 0 … k − 1
  rows.forEach((b, k) => (upTo[k + 1] = upTo[k] + b));
  const out: { piece: CellBlock; bytes: number }[] = [];
  const split = (from: number, to: number): void => {
    const bytes = BLOCK_OVERHEAD + upTo[to] - upTo[from];
    if (bytes <= budget || to - from <= 1) {
      const whole = from === 0 && to === rows.length;
      const piece = whole ? block : { ...block, row: block.row + from, values: block.values?.slice(from, to), formulas: block.formulas?.slice(from, to) };
      out.push({ piece, bytes });
      return;
    }
    const half = from + Math.ceil((to - from) / 2);
    split(from, half);
    split(half, to);
  };
  split(0, rows.length);
  return out;
}

/** Greedy packing: items in order, a new batch whenever the next would take this one over the budget. */
function pack<T>(items: Iterable<{ item: T; bytes: number }>, budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const { item, bytes } of items) {
    if (current.length > 0 && size + bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Groups blocks (split as needed) into batches, each one request under the budget. */
export function batchBlocks(blocks: readonly CellBlock[], budget = REQUEST_BUDGET): CellBlock[][] {
  return pack(
    blocks.flatMap((block) => splitBlock(block, budget).map(({ piece, bytes }) => ({ item: piece, bytes }))),
    budget,
  );
}

/** Estimated request size of a format operation: a number format is sent once per cell. */
export function formatBytes(op: FormatOp): number {
  if (op.kind === "numberFormat") return op.rect.rowCount * op.rect.columnCount * (stringBytes(op.format) + OVERHEAD_PER_CELL) + 200;
  return 400;
}

/** Splits number-format operations by rows to fit the budget, then groups all operations into requests. */
export function batchFormats(ops: readonly FormatOp[], budget = REQUEST_BUDGET): FormatOp[][] {
  const pieces: FormatOp[] = [];
  for (const op of ops) {
    if (op.kind !== "numberFormat" || formatBytes(op) <= budget) {
      pieces.push(op);
      continue;
    }
    const perRow = op.rect.columnCount * (stringBytes(op.format) + OVERHEAD_PER_CELL);
    const rows = Math.max(1, Math.floor((budget - 200) / perRow));
    for (let r = 0; r < op.rect.rowCount; r += rows) {
      pieces.push({ ...op, rect: { ...op.rect, row: op.rect.row + r, rowCount: Math.min(rows, op.rect.rowCount - r) } });
    }
  }
  return pack(
    pieces.map((op) => ({ item: op, bytes: formatBytes(op) })),
    budget,
  );
}
