/**
 * "Make shareable": find the RETAIN.* formulas in the selection or the active
 * sheet, ask the analyst, then replace them with their current values so the
 * workbook reads the same for people without the add-in. Two steps, so nothing
 * changes before the analyst has confirmed what will.
 */
import { PaneError, toPaneError } from "./build";
import type { FormulaScan, FormulaScope, WorkbookPort } from "./workbook-port";

/** The function-name prefix of every Retain function. */
export const FUNCTION_PREFIX = "RETAIN.";

/** The patterns for a prefix, built once: scans call callsPrefix for every formula cell. */
const patterns = new Map<string, [RegExp, RegExp]>();

function patternsFor(prefix: string): [RegExp, RegExp] {
  let found = patterns.get(prefix);
  if (!found) {
    const p = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // _xldudf_ is how some hosts show a custom function whose add-in is not loaded
    found = [new RegExp(`(^|[^A-Za-z0-9_.])(_xldudf_)?${p}`, "i"), new RegExp(`_xldudf_${p.replace(/\\\./g, "_")}`, "i")];
    patterns.set(prefix, found);
  }
  return found;
}

/** A formula that calls a function whose name starts with prefix (outside string literals). */
export function callsPrefix(formula: unknown, prefix = FUNCTION_PREFIX): boolean {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const [called, unloaded] = patternsFor(prefix);
  return called.test(code) || unloaded.test(code);
}

/** Step 1: what would be replaced. */
export async function scanForShare(port: WorkbookPort, scope: FormulaScope): Promise<FormulaScan> {
  try {
    return await port.findFormulas(scope, FUNCTION_PREFIX);
  } catch (error) {
    throw shareError(error);
  }
}

/** Step 2, after the analyst confirmed: replace, and report how many. */
export async function replaceForShare(port: WorkbookPort, scope: FormulaScope): Promise<number> {
  try {
    return await port.replaceFormulasWithValues(scope, FUNCTION_PREFIX);
  } catch (error) {
    throw shareError(error);
  }
}

function shareError(error: unknown): PaneError {
  const e = toPaneError(error);
  const detail = e.detail ?? e.message;
  return new PaneError("err_share", { detail }, detail);
}
