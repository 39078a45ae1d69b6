/**
 * Shows a cell value under an Excel number format, for the formats the add-in and the
 * sample use: General, 0, 0.00, #,##0.00, 0%, 0.0%, dates (yyyy-mm-dd, dd.mm.yyyy,
 * mm/dd/yyyy, mmm yyyy, d mmm yyyy …), times, literal text in quotes, colour tags
 * ([Red], dropped) and the positive;negative;zero sections. Anything it does not
 * understand falls back to General rather than hiding the value.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's General: up to 11 significant characters, scientific for very large/small. */
export function formatGeneral(value: number, maxChars = 11): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  const intDigits0 = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  if (abs >= 1e11 || abs < 1e-9 || intDigits0 + (value < 0 ? 1 : 0) > maxChars) {
    const [mantissa, exponent] = value.toExponential(Math.max(0, Math.min(5, maxChars - 6))).split("e");
    const e = Number(exponent);
    return `${mantissa.replace(/\.?0+$/, "")}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const intDigits = intDigits0;
  // the point and the sign take a character each
  const decimals = Math.max(0, maxChars - 1 - intDigits - (value < 0 ? 1 : 0));
  let text = value.toFixed(decimals);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text === "-0" ? "0" : text;
}

/** Date parts of an Excel 1900-system serial (serial 60 is the fictitious 1900-02-29). */
export function serialToDateParts(serial: number): { year: number; month: number; day: number; weekday: number; hours: number; minutes: number; seconds: number } {
  const whole = Math.floor(serial);
  const fraction = serial - whole;
  let totalSeconds = Math.round(fraction * 86400);
  if (totalSeconds >= 86400) totalSeconds = 86399;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (whole === 60) return { year: 1900, month: 2, day: 29, weekday: 3, hours, minutes, seconds };
  const offset = whole < 60 ? whole + 1 : whole;
  const date = new Date(Date.UTC(1899, 11, 30) + offset * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay(), hours, minutes, seconds };
}

/** The Excel serial of a calendar date (1900 system), for dates from 1900-03-01 on. */
export function dateToSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Removes [Red], [$€-407] style tags, keeping a currency symbol if one is given. */
function stripTags(section: string): string {
  return section.replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, (_m, sym: string) => `"${sym}"`).replace(/\[[^\]]*\]/g, "");
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

type DateToken = { kind: "lit"; text: string } | { kind: "y" | "m" | "d" | "h" | "s" | "ampm"; len: number };

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < section.length) {
    const rest = section.slice(i);
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: "lit", text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
    } else if (ch === "\\") {
      tokens.push({ kind: "lit", text: section[i + 1] ?? "" });
      i += 2;
    } else if (/^AM\/PM/i.test(rest)) {
      tokens.push({ kind: "ampm", len: 5 });
      i += 5;
    } else {
      const run = /^(y+|m+|d+|h+|s+)/i.exec(rest);
      if (run) {
        tokens.push({ kind: run[1][0].toLowerCase() as "y" | "m" | "d" | "h" | "s", len: run[1].length });
        i += run[1].length;
      } else {
        tokens.push({ kind: "lit", text: ch });
        i += 1;
      }
    }
  }
  return tokens;
}

function formatDate(serial: number, section: string): string {
  if (serial < 0) return "#".repeat(8);
  const p = serialToDateParts(serial);
  const tokens = tokenizeDate(section);
  const hasAmPm = tokens.some((t) => t.kind === "ampm");
  const parts = tokens.filter((t) => t.kind !== "lit");
  return tokens
    .map((t) => {
      if (t.kind === "lit") return t.text;
      const len = t.len;
      switch (t.kind) {
        case "y":
          return len <= 2 ? pad(p.year % 100, 2) : String(p.year);
        case "d":
          return len === 1 ? String(p.day) : len === 2 ? pad(p.day, 2) : len === 3 ? DAYS[p.weekday].slice(0, 3) : DAYS[p.weekday];
        case "h": {
          const h = hasAmPm ? ((p.hours + 11) % 12) + 1 : p.hours;
          return len === 1 ? String(h) : pad(h, 2);
        }
        case "s":
          return len === 1 ? String(p.seconds) : pad(p.seconds, 2);
        case "ampm":
          return p.hours < 12 ? "AM" : "PM";
        case "m": {
          // m right after an hour or right before seconds means minutes, as in Excel.
          const at = parts.indexOf(t);
          const minutes = len <= 2 && (parts[at - 1]?.kind === "h" || parts[at + 1]?.kind === "s");
          if (minutes) return len === 1 ? String(p.minutes) : pad(p.minutes, 2);
          return len === 1 ? String(p.month) : len === 2 ? pad(p.month, 2) : len === 3 ? MONTHS[p.month - 1].slice(0, 3) : len === 5 ? MONTHS[p.month - 1][0] : MONTHS[p.month - 1];
        }
      }
      return "";
    })
    .join("");
}

function addThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumberSection(value: number, section: string): string {
  // Literal text and escaped characters are kept; the numeric placeholder is the run of 0 # ? , .
  const parts: { literal: boolean; text: string }[] = [];
  let i = 0;
  let buffer = "";
  const flush = () => {
    if (buffer) parts.push({ literal: true, text: buffer });
    buffer = "";
  };
  let numberPattern = "";
  let seenNumber = false;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      buffer += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      buffer += section[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (ch === "_") {
      buffer += " ";
      i += 2;
      continue;
    }
    if (ch === "*") {
      i += 2;
      continue;
    }
    if (/[0#?.,]/.test(ch) && !seenNumber) {
      flush();
      let j = i;
      while (j < section.length && /[0#?.,]/.test(section[j])) j++;
      numberPattern = section.slice(i, j);
      parts.push({ literal: false, text: numberPattern });
      seenNumber = true;
      i = j;
      continue;
    }
    buffer += ch;
    i += 1;
  }
  flush();
  const percent = parts.some((p) => p.literal && p.text.includes("%"));
  let scaled = percent ? value * 100 : value;
  // Trailing commas scale by thousands (#,##0, shows thousands).
  const trailingCommas = /,+$/.exec(numberPattern)?.[0].length ?? 0;
  scaled /= 1000 ** trailingCommas;
  const pattern = numberPattern.slice(0, numberPattern.length - trailingCommas);
  const dot = pattern.indexOf(".");
  const intPattern = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPattern = dot < 0 ? "" : pattern.slice(dot + 1);
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = fracPattern.replace(/,/g, "").length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const thousands = intPattern.includes(",");
  let text = Math.abs(scaled).toFixed(maxFrac);
  const split = text.split(".");
  let intPart = split[0];
  let fracPart = split[1] ?? "";
  while (fracPart.length > minFrac && fracPart.endsWith("0")) fracPart = fracPart.slice(0, -1);
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (thousands) intPart = addThousands(intPart);
  text = fracPart ? `${intPart}.${fracPart}` : intPart;
  if (!seenNumber) text = "";
  return parts.map((p) => (p.literal ? p.text : text)).join("");
}

/**
 * The text Excel would show for `value` under `format`. Strings and booleans show as
 * themselves (TRUE/FALSE); numbers follow the format.
 */
export function formatValue(value: number | string | boolean | null, format?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = (format ?? "General").trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return formatGeneral(value);
  const sections = splitSections(fmt).map(stripTags);
  let section = sections[0];
  let number = value;
  if (value < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1];
    number = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (/^general$/i.test(section.trim())) return formatGeneral(number);
  if (isDateFormat(section)) return formatDate(number, section);
  try {
    const body = formatNumberSection(number, section);
    const negative = number < 0 && sections.length < 2 && Number(body.replace(/[^0-9.]/g, "")) !== 0;
    return negative ? `-${body}` : body;
  } catch {
    return formatGeneral(value);
  }
}

/** True when the format shows dates or times, so typed dates keep it. */
export function isDateNumberFormat(format: string | undefined): boolean {
  if (!format) return false;
  return isDateFormat(stripTags(splitSections(format)[0]));
}
