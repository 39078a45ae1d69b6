/**
 * A small RFC 4180 CSV reader for "Load CSV": quoted fields with doubled quotes and
 * line breaks inside quotes, CRLF or LF endings, a leading byte-order mark, and the
 * delimiter (comma, semicolon or tab) chosen from the first line. src/core has no CSV
 * reader the playground could share, so it keeps this one.
 */

export interface CsvOptions {
  /** Forced delimiter; detected from the first line when omitted. */
  delimiter?: string;
}

/** The delimiter that splits the first line (outside quotes) into the most fields. */
export function detectDelimiter(text: string): string {
  const candidates = [",", ";", "\t"];
  const counts = new Map(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const c of candidates) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

/** Rows of fields, every field a string. A trailing line break adds no empty row. */
export function parseCsv(input: string, options: CsvOptions = {}): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
      fieldStarted = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStarted = false;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error("parseCsv found a quote that is never closed");
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
