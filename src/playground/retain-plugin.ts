/**
 * Registers the add-in's custom functions with HyperFormula as one function plugin.
 *
 * The implementations come from the functions bundle through the CustomFunctions shim
 * (the same `associate` calls Excel receives); functions.json tells how Excel calls them:
 * a `matrix` parameter gets a 2-D array (a single cell becomes [[value]]), a scalar one
 * gets the value, blank cells inside ranges arrive as null, and an omitted optional
 * argument arrives as null. HyperFormula accepts dotted names (its function-name pattern
 * allows "."), so RETAIN.X is registered under that very name and formulas need no
 * rewriting.
 *
 * HyperFormula fixes the size of a spilled array when it parses the formula, while a
 * custom function's result size depends on its data. `SpillSizes` records the size each
 * call really returned; the workbook re-enters a formula whose prediction was wrong, and
 * the second parse predicts the recorded size (see Workbook.fixSpills).
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from "hyperformula";
import type { FunctionMetadata, FunctionPluginDefinition, ImplementedFunctions } from "hyperformula";
import { CustomFunctionError, type CustomFunctionImplementation } from "./custom-functions-shim";

export interface ParameterJson {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionJson {
  id: string;
  name: string;
  description?: string;
  parameters?: ParameterJson[];
  result?: { type?: string; dimensionality?: "scalar" | "matrix" };
  options?: { stream?: boolean; cancelable?: boolean; requiresAddress?: boolean; volatile?: boolean };
}

export interface FunctionsMetadata {
  functions: FunctionJson[];
}

export type CellInput = number | string | boolean | null;

/** Maps Excel error codes to HyperFormula's error types (#NULL! has no match: #ERROR!). */
const errorTypes: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR,
};

export type AddressKey = string;

export function addressKey(address: { sheet: number; row: number; col: number }): AddressKey {
  return `${address.sheet}:${address.row}:${address.col}`;
}

/** Sizes of the arrays RETAIN.* calls returned and of what the engine predicted, by formula cell. */
export class SpillSizes {
  readonly actual = new Map<AddressKey, { width: number; height: number }>();
  readonly predicted = new Map<AddressKey, { width: number; height: number }>();

  /** Formula cells whose last result did not fit the area the engine reserved. */
  mismatches(): AddressKey[] {
    const out: AddressKey[] = [];
    for (const [key, size] of this.actual) {
      const predicted = this.predicted.get(key) ?? { width: 1, height: 1 };
      if (predicted.width !== size.width || predicted.height !== size.height) out.push(key);
    }
    return out;
  }

  forget(key: AddressKey): void {
    this.actual.delete(key);
    this.predicted.delete(key);
  }
}

/** A value HyperFormula hands a function, as Excel would pass it to a custom function. */
export function toExcelArgument(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError) return value;
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val;
  return value;
}

function firstError(data: unknown[][]): CellError | undefined {
  for (const row of data) for (const cell of row) if (cell instanceof CellError) return cell;
  return undefined;
}

/** Converts a custom function's return value into a HyperFormula value. */
export function fromExcelResult(name: string, result: unknown, matrix: boolean): { value: unknown; width: number; height: number } {
  if (Array.isArray(result)) {
    const rows = result.length === 0 ? [[null]] : (result as unknown[]).map((row) => (Array.isArray(row) ? row : [row]));
    const width = Math.max(...rows.map((r) => r.length), 1);
    // Excel shows null inside a returned array as 0, and pads ragged rows with #N/A.
    const data = rows.map((r) => Array.from({ length: width }, (_, i) => (i < r.length ? scalarResult(name, r[i]) : new CellError(ErrorType.NA))));
    if (!matrix || (width === 1 && data.length === 1)) return { value: data[0][0], width: 1, height: 1 };
    return { value: SimpleRangeValue.onlyValues(data as never), width, height: data.length };
  }
  return { value: scalarResult(name, result), width: 1, height: 1 };
}

function scalarResult(name: string, value: unknown): unknown {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, `${name} returned ${value}`);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof CustomFunctionError) return toCellError(name, value);
  if (value instanceof Date) return new CellError(ErrorType.VALUE, `${name} returned a Date object; Excel needs a serial number`);
  return new CellError(ErrorType.VALUE, `${name} returned a value Excel cannot show`);
}

function toCellError(name: string, error: unknown): CellError {
  if (error instanceof CustomFunctionError || (typeof error === "object" && error !== null && "code" in error && typeof (error as { code: unknown }).code === "string")) {
    const { code, message } = error as { code: string; message?: string };
    return new CellError(errorTypes[code] ?? ErrorType.VALUE, message ?? "");
  }
  // Excel shows an uncaught exception as a bare #VALUE!; the playground says what happened.
  const detail = error instanceof Error ? error.message : String(error);
  return new CellError(ErrorType.VALUE, `Uncaught exception in ${name} (Excel shows a bare #VALUE!): ${detail}`);
}

/**
 * Excel converts a scalar argument to the declared type before the call, and answers
 * #VALUE! itself when it cannot: "12" → 12 and TRUE → 1 for a number, 12 → "12" for a string.
 */
export function coerceScalar(name: string, spec: ParameterJson | undefined, value: unknown): unknown {
  if (value instanceof CellError || value === null || spec === undefined) return value;
  switch (spec.type) {
    case "number":
      if (typeof value === "number") return value;
      if (typeof value === "boolean") return value ? 1 : 0;
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
      return new CellError(ErrorType.VALUE, `${name} expects a number for ${spec.name}`);
    case "string":
      return typeof value === "string" ? value : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
    case "boolean":
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toUpperCase() === "TRUE";
      return new CellError(ErrorType.VALUE, `${name} expects TRUE or FALSE for ${spec.name}`);
    default:
      return value;
  }
}

export interface RetainPluginOptions {
  /** Excel's namespace for the add-in's functions (the manifest's Functions.Namespace). */
  namespace: string;
  metadata: FunctionsMetadata;
  implementations: Map<string, CustomFunctionImplementation>;
  spills?: SpillSizes;
}

export interface RetainPlugin {
  plugin: FunctionPluginDefinition;
  /** Function names as written in formulas (RETAIN.X), to their metadata. */
  functions: Map<string, FunctionJson>;
  /** Ids in functions.json that no associate call supplied. */
  missing: string[];
  translations: Record<string, Record<string, string>>;
  spills: SpillSizes;
}

/** Builds the plugin class; register it with HyperFormula.registerFunctionPlugin(plugin, translations). */
export function buildRetainPlugin(options: RetainPluginOptions): RetainPlugin {
  const spills = options.spills ?? new SpillSizes();
  const implemented: ImplementedFunctions = {};
  const functions = new Map<string, FunctionJson>();
  const missing: string[] = [];
  const methods: Record<string, unknown> = {};

  class RetainFunctions extends FunctionPlugin {}

  options.metadata.functions.forEach((fn, index) => {
    const impl = options.implementations.get(fn.id.toUpperCase());
    if (!impl) {
      missing.push(fn.id);
      return;
    }
    const formulaName = `${options.namespace}.${fn.name}`.toUpperCase();
    functions.set(formulaName, fn);
    const params = fn.parameters ?? [];
    const matrixResult = fn.result?.dimensionality === "matrix";
    const method = `retain${index}`;
    const sizeMethod = `retainSize${index}`;
    const repeating = params.length > 0 && params[params.length - 1].repeating === true;
    const meta: FunctionMetadata = {
      method,
      parameters: params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true || p.repeating === true })),
      vectorizationForbidden: true,
      isVolatile: fn.options?.volatile === true,
      ...(repeating ? { repeatLastArgs: 1 } : {}),
      ...(matrixResult ? { sizeOfResultArrayMethod: sizeMethod } : {}),
    };
    implemented[formulaName] = meta;

    methods[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: { formulaAddress: { sheet: number; row: number; col: number } }) {
      return this.runFunction(ast.args as never, state as never, this.metadata(formulaName), (...args: unknown[]) => {
        const excelArgs: unknown[] = [];
        for (let i = 0; i < Math.max(args.length, params.length); i++) {
          const spec = params[Math.min(i, params.length - 1)];
          const value = args[i];
          if (value instanceof SimpleRangeValue) {
            const data = value.data.map((row) => row.map(toExcelArgument));
            // Excel does not call a function with an error inside its arguments: the error shows.
            const error = firstError(data);
            if (error) return error;
            if (spec?.dimensionality === "matrix") excelArgs.push(data);
            else if (data.length === 1 && data[0].length === 1) {
              const scalar = coerceScalar(formulaName, spec, data[0][0]);
              if (scalar instanceof CellError) return scalar;
              excelArgs.push(scalar);
            } else return new CellError(ErrorType.VALUE, `${formulaName} expects a single value for ${spec?.name ?? `argument ${i + 1}`}, not a range`);
          } else {
            const scalar = coerceScalar(formulaName, spec, toExcelArgument(value));
            if (scalar instanceof CellError) return scalar;
            excelArgs.push(spec?.dimensionality === "matrix" && scalar !== null ? [[scalar]] : scalar);
          }
        }
        // Excel passes exactly the declared parameters (omitted optionals as null); a repeating
        // last parameter collects its values into one array.
        let callArgs = excelArgs;
        if (repeating) {
          const fixed = excelArgs.slice(0, params.length - 1);
          while (fixed.length < params.length - 1) fixed.push(null);
          callArgs = [...fixed, excelArgs.slice(params.length - 1)];
        } else {
          while (callArgs.length < params.length) callArgs.push(null);
        }
        let result: unknown;
        try {
          result = (impl as (...a: unknown[]) => unknown)(...callArgs);
        } catch (error) {
          spills.actual.set(addressKey(state.formulaAddress), { width: 1, height: 1 });
          return toCellError(formulaName, error);
        }
        if (result instanceof Promise) {
          return new CellError(ErrorType.NA, `${formulaName} returned a Promise; the playground runs synchronous functions only`);
        }
        const converted = fromExcelResult(formulaName, result, matrixResult);
        if (!matrixResult) return converted.value as never;
        const key = addressKey(state.formulaAddress);
        spills.actual.set(key, { width: converted.width, height: converted.height });
        // The engine cannot shrink what it reserved: crop to the reserved area now and let
        // the workbook re-enter the formula at its real size (Workbook.fixSpills).
        const reserved = spills.predicted.get(key) ?? { width: 1, height: 1 };
        if (converted.value instanceof SimpleRangeValue) {
          if (reserved.width === 1 && reserved.height === 1) return converted.value.data[0][0] as never;
          if (converted.width > reserved.width || converted.height > reserved.height) {
            const cropped = converted.value.data.slice(0, reserved.height).map((row) => row.slice(0, reserved.width));
            return SimpleRangeValue.onlyValues(cropped) as never;
          }
        }
        return converted.value as never;
      });
    };
    methods[sizeMethod] = function (_ast: unknown, state: { formulaAddress: { sheet: number; row: number; col: number } }) {
      const key = addressKey(state.formulaAddress);
      const known = spills.actual.get(key) ?? { width: 1, height: 1 };
      spills.predicted.set(key, known);
      return known.width === 1 && known.height === 1 ? ArraySize.scalar() : new ArraySize(known.width, known.height);
    };
  });

  Object.assign(RetainFunctions.prototype, methods);
  (RetainFunctions as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;

  const names = Object.fromEntries(Object.keys(implemented).map((name) => [name, name]));
  const translations = { enGB: names };
  return { plugin: RetainFunctions as unknown as FunctionPluginDefinition, functions, missing, translations, spills };
}
