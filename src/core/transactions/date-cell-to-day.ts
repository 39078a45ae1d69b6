import { Cell, describeCell } from "../cells";
import { valueError } from "../errors";
import { excelSerialToDay } from "./excel-serial";
import { DateOrder, parseDateText } from "./parse-date-text";

/**
 * The day number of a single date argument (observation_end, as_of): an Excel
 * serial or a date text read like the dates column. A slash date that reads both
 * ways needs the date order, which the caller takes from date_order or from the
 * order the dates column was read in.
 *
 * @example
 * dateCellToDay("2024-01-15", "as_of", "RFM"); // => 19737
 * dateCellToDay(45306, "as_of", "RFM"); // => 19737
 */
export function dateCellToDay(cell: Cell, argument: string, fn: string, dateOrder?: DateOrder): number {
  let day: number | undefined;
  if (typeof cell === "number") day = excelSerialToDay(cell);
  else if (typeof cell === "string") {
    const parsed = parseDateText(cell);
    if (parsed?.kind === "day") day = parsed.day;
    else if (parsed?.kind === "slash") {
      if (dateOrder === "DMY") day = parsed.dmy;
      else if (dateOrder === "MDY") day = parsed.mdy;
      else if (parsed.mdy === undefined || parsed.dmy === parsed.mdy) day = parsed.dmy;
      else if (parsed.dmy === undefined) day = parsed.mdy;
      else throw valueError(`${fn} requires date_order ("DMY" or "MDY") to read ${argument} ${describeCell(cell)}`, "dateOrder");
    }
  }
  if (day === undefined) throw valueError(`${fn} requires ${argument} to be a date, not ${describeCell(cell)}`);
  return day;
}
