/**
 * Reads one date written as text. The formats, all with an optional time of day
 * that is dropped:
 * - ISO yyyy-mm-dd (also yyyy-mm-ddThh:mm[:ss][zone]);
 * - dd.mm.yyyy, always day-first (the ru/ro/be habit);
 * - a/b/yyyy, which is day-first or month-first: this function reports both
 *   readings and the caller judges the whole column (see TransactionBuilder);
 * - a plain number, read as an Excel serial.
 */
import { daysFromCivil, isValidCivil } from "./calendar";
import { excelSerialToDay } from "./excel-serial";

export type DateOrder = "DMY" | "MDY";

export type ParsedDate =
  | { kind: "day"; day: number }
  /** a/b/yyyy: `dmy` and `mdy` are the day numbers of each reading, undefined where that reading is no real day */
  | { kind: "slash"; dmy: number | undefined; mdy: number | undefined };

const timePart = "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?[AaPp][Mm])?(?:Z|[+-]\\d{2}:?\\d{2})?)?";
const isoPattern = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${timePart}$`);
const dottedPattern = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${timePart}$`);
const slashPattern = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${timePart}$`);
const serialPattern = /^\d+(?:\.\d+)?$/;

function civil(year: number, month: number, day: number): number | undefined {
  return isValidCivil(year, month, day) ? daysFromCivil(year, month, day) : undefined;
}

/**
 * The day number(s) a date text can mean, or undefined when it is no date.
 *
 * @example
 * parseDateText("2024-01-15"); // => { kind: "day", day: 19737 }
 * parseDateText("15.01.2024"); // => { kind: "day", day: 19737 }
 * parseDateText("15/01/2024"); // => { kind: "slash", dmy: 19737, mdy: undefined }
 */
export function parseDateText(raw: string): ParsedDate | undefined {
  const text = raw.trim();
  let match = isoPattern.exec(text);
  if (match) return dayResult(civil(+match[1], +match[2], +match[3]));
  match = dottedPattern.exec(text);
  if (match) return dayResult(civil(+match[3], +match[2], +match[1]));
  match = slashPattern.exec(text);
  if (match) {
    const a = +match[1];
    const b = +match[2];
    const year = +match[3];
    const dmy = civil(year, b, a);
    const mdy = civil(year, a, b);
    return dmy === undefined && mdy === undefined ? undefined : { kind: "slash", dmy, mdy };
  }
  if (serialPattern.test(text)) return dayResult(excelSerialToDay(Number(text)));
  return undefined;
}

function dayResult(day: number | undefined): ParsedDate | undefined {
  return day === undefined ? undefined : { kind: "day", day };
}
