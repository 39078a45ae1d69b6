/**
 * Sheet names Excel accepts: at most 31 characters, none of : \ / ? * [ ], not
 * starting or ending with an apostrophe, not "History", unique ignoring case.
 */

export const MAX_SHEET_NAME = 31;

/** Replaces forbidden characters and trims to Excel's limit; `fallback` stands in for a name with nothing left. */
export function cleanSheetName(name: string, fallback = "Cohorts"): string {
  let out = name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim();
  out = out.replace(/^'+|'+$/g, "").trim();
  if (out === "" || out.toLowerCase() === "history") out = fallback;
  return Array.from(out).slice(0, MAX_SHEET_NAME).join("").trim();
}

/**
 * A name not in `existing` (case-insensitive): the cleaned base, else "base (2)",
 * "base (3)", …, shortening the base so the suffix fits in 31 characters.
 */
export function uniqueSheetName(base: string, existing: readonly string[], fallback = "Cohorts"): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = cleanSheetName(base, fallback);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const room = MAX_SHEET_NAME - suffix.length;
    const stem = Array.from(clean).slice(0, room).join("").trimEnd();
    const name = stem + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
