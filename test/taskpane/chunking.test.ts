import type { Cell } from "../../src/core/cells";
import { batchBlocks, batchFormats, blockBytes, HARD_LIMIT, INITIAL_BYTES_PER_CELL, matrixBytes, ReadPlanner, rowsPerRead, stringBytes } from "../../src/taskpane/chunking";
import { readSource } from "../../src/taskpane/build";
import { translator } from "../../src/taskpane/i18n";
import { defaultOptions } from "../../src/taskpane/options";
import type { CellBlock, SourceInfo } from "../../src/taskpane/workbook-port";
import { MemoryWorkbook } from "./memory-workbook";

const ROWS = 1_048_576;
const t = translator("en");

/** A deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function fullSheet(idLength: (row: number) => number): MemoryWorkbook {
  const random = rng(7);
  const wb = new MemoryWorkbook({ Data: [] });
  wb.rowSource = (row) => {
    if (row === 0) return ["Customer", "Date", "Revenue"];
    const id = `customer-${Math.floor(random() * 50_000)}`;
    return [id.padEnd(idLength(row), "x"), 45292 + Math.floor(random() * 730), Math.round(random() * 100_000) / 100];
  };
  return wb;
}

const source: SourceInfo = { sheet: "Data", row: 0, column: 0, rowCount: ROWS, columnCount: 3, origin: "selection" };
const roles = { customer: 0, date: 1, revenue: 2, header: true };

describe("reading a 1,048,576-row selection", () => {
  it("reads every row in chunks, none over 4 MB", async () => {
    const wb = fullSheet(() => 14);
    const progress: number[] = [];
    const tx = await readSource(wb, { source, roles, columnNames: ["Customer", "Date", "Revenue"], options: defaultOptions }, { t, onProgress: (p) => progress.push(p.done) });
    expect(tx.customer.length).toBe(ROWS - 1);
    const reads = wb.requests.filter((r) => r.method === "readValues");
    expect(Math.max(...reads.map((r) => r.bytes))).toBeLessThanOrEqual(HARD_LIMIT);
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.length).toBeLessThan(200);
    expect(progress[progress.length - 1]).toBe(ROWS - 1);
  }, 120_000);

  it("recovers when long ids make a chunk too large for Excel", async () => {
    // ids jump from 14 to 400 characters just after the first chunk, so the second,
    // planned from short rows, would be about 9 MB: it is refused and halved until it
    // fits. A sixteenth of the sheet is enough to show it.
    const rows = ROWS / 16;
    const firstChunk = rowsPerRead(INITIAL_BYTES_PER_CELL * 3 + 4);
    const wb = fullSheet((row) => (row < firstChunk + 100 ? 14 : 400));
    let refused = 0;
    const read = wb.readValues.bind(wb);
    wb.readValues = (sheet, rect) => read(sheet, rect).catch((error: Error) => {
      refused++;
      throw error;
    });
    const tx = await readSource(wb, { source: { ...source, rowCount: rows }, roles, columnNames: [], options: defaultOptions }, { t });
    expect(tx.customer.length).toBe(rows - 1);
    expect(refused).toBeGreaterThan(0);
    expect(Math.max(...wb.requests.filter((r) => r.method === "readValues").map((r) => r.bytes))).toBeLessThanOrEqual(5 * 1024 * 1024);
  }, 120_000);
});

describe("ReadPlanner", () => {
  it("starts conservatively and adapts to the measured rows", () => {
    const p = new ReadPlanner(1_000_000, 3);
    const first = p.next().rows;
    expect(first * 3 * 64).toBeLessThanOrEqual(2 * 1024 * 1024 + 1000);
    p.accept(Array.from({ length: first }, () => ["a", 1, 2] as Cell[]));
    expect(p.next().rows).toBeGreaterThan(first);
    expect(p.next().offset).toBe(first);
  });

  it("halves after a refusal and gives up at one row", () => {
    const p = new ReadPlanner(100_000, 1);
    const rows = p.next().rows;
    expect(p.refused(rows)).toBe(true);
    expect(p.next().rows).toBeLessThanOrEqual(Math.floor(rows / 2));
    expect(p.refused(1)).toBe(false);
  });
});

describe("write batches", () => {
  it("splits a big block so every request stays under the budget and keeps every row", () => {
    const values = Array.from({ length: 2000 }, (_, r) => [`2024-${r}`, r, ...Array.from({ length: 500 }, () => 0.123456789)]);
    const block: CellBlock = { row: 10, column: 0, values, numberFormat: ["@", "#,##0", ...Array(500).fill("0.0%")] };
    const batches = batchBlocks([block]);
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.reduce((s, x) => s + blockBytes(x), 0)).toBeLessThanOrEqual(2 * 1024 * 1024);
    const pieces = batches.flat();
    expect(pieces.reduce((s, x) => s + (x.values?.length ?? 0), 0)).toBe(2000);
    expect(pieces[1].row).toBe(10 + pieces[0].values!.length);
  });

  it("keeps small blocks together in one request", () => {
    const blocks: CellBlock[] = [0, 1, 2].map((row) => ({ row, column: 0, values: [["title"]] }));
    expect(batchBlocks(blocks)).toHaveLength(1);
  });

  it("splits number formats over a huge spill range", () => {
    const batches = batchFormats([{ kind: "numberFormat", rect: { row: 0, column: 2, rowCount: 1000, columnCount: 1000 }, format: "0.0%" }, { kind: "bold", rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } }]);
    expect(batches.length).toBeGreaterThan(2);
    const rows = batches.flat().filter((o) => o.kind === "numberFormat").reduce((s, o) => s + o.rect.rowCount, 0);
    expect(rows).toBe(1000);
  });

  it("measures strings as UTF-8 JSON", () => {
    expect(stringBytes("ab")).toBe(4);
    expect(stringBytes('"')).toBe(8);
    expect(stringBytes("дата")).toBe(14);
    expect(matrixBytes([["ab", 1]])).toBeGreaterThan(30);
  });
});
