import { readFileSync } from "fs";
import { join } from "path";
import { dataDir } from "../../shared-data";

/** The shared published data sets (see shared/data/SOURCES.md). */
export { dataDir };

/** A small CSV as columns of strings keyed by header. */
export function readCsv(file: string): Record<string, string[]> {
  const lines = readFileSync(join(dataDir, file), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const columns: Record<string, string[]> = {};
  for (const h of header) columns[h] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    header.forEach((h, i) => columns[h].push(cells[i]));
  }
  return columns;
}

export function numbers(column: string[]): number[] {
  return column.map(Number);
}
