/**
 * Turns text into what a cell holds, the way Excel does when someone types or opens a
 * CSV (en-US reading): numbers, percentages (12% → 0.12 shown as 12%), ISO dates and
 * unambiguous day-first dates (dd.mm.yyyy) become serial numbers with a date format,
 * TRUE/FALSE become booleans, and everything else stays text. Ambiguous dates such as
 * 03/04/2024 stay text so nothing guesses silently; numbers with leading zeros (ids like
 * 007) stay text too. Only typed input that starts with = is a formula.
 */
import { dateToSerial } from "./number-format";

export type CellScalar = number | string | boolean | null;

export interface ParsedInput {
  kind: "empty" | "formula" | "value";
  /** The formula text (with its =) or the value. */
  value: CellScalar;
  /** A number format the input implies (percent, date), if any. */
  format?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

function parseNumber(text: string): number | undefined {
  if (NUMBER.test(text)) {
    if (/^[+-]?0\d/.test(text)) return undefined;
    return Number(text);
  }
  if (GROUPED.test(text)) return Number(text.replace(/,/g, ""));
  return undefined;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** ISO yyyy-mm-dd (optionally with a time) or dd.mm.yyyy as a serial with its format. */
export function parseDateText(text: string): { serial: number; format: string } | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validDate(y, m, d)) return undefined;
    const time = iso[4] === undefined ? 0 : (Number(iso[4]) * 3600 + Number(iso[5]) * 60 + Number(iso[6] ?? 0)) / 86400;
    return { serial: dateToSerial(y, m, d) + time, format: time ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" };
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) {
    const [d, m, y] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
    if (!validDate(y, m, d)) return undefined;
    return { serial: dateToSerial(y, m, d), format: "dd.mm.yyyy" };
  }
  return undefined;
}

/** A value from a data file (CSV): never a formula. */
export function parseDataText(raw: string): ParsedInput {
  const text = raw.trim();
  if (text === "") return { kind: "empty", value: null };
  const number = parseNumber(text);
  if (number !== undefined) return { kind: "value", value: number };
  const percent = /^([+-]?(\d+(\.\d*)?|\.\d+))\s?%$/.exec(text);
  if (percent) {
    const decimals = percent[1].split(".")[1]?.length ?? 0;
    return { kind: "value", value: Number(percent[1]) / 100, format: decimals ? `0.${"0".repeat(decimals)}%` : "0%" };
  }
  const date = parseDateText(text);
  if (date) return { kind: "value", value: date.serial, format: date.format };
  if (/^(true|false)$/i.test(text)) return { kind: "value", value: text.toUpperCase() === "TRUE" };
  return { kind: "value", value: raw };
}

/** What someone typed into a cell or the formula bar. */
export function parseTypedInput(raw: string): ParsedInput {
  if (raw.startsWith("=") && raw.length > 1) return { kind: "formula", value: raw };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1) };
  return parseDataText(raw);
}
