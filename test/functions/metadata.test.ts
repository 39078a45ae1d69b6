/**
 * The built metadata: functions.json as CustomFunctionsMetadataPlugin generated it from
 * the wrappers' JSDoc, and functions-ru.json / functions-ro.json built from it. Run
 * `npm run build` first.
 */
import * as fs from "fs";
import * as path from "path";

const dist = path.resolve(__dirname, "../../dist");

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

function read(file: string): FunctionMetadata[] {
  const full = path.join(dist, file);
  if (!fs.existsSync(full)) throw new Error(`dist/${file} is missing: run \`npm run build\` before the tests`);
  return (JSON.parse(fs.readFileSync(full, "utf8")) as { functions: FunctionMetadata[] }).functions;
}

const functions = read("functions.json");
const byId = new Map(functions.map((f) => [f.id, f]));

/** [id, parameters as "name" / "name[]" for ranges / "name?" for optionals, result dimensionality]. */
const expected: [string, string[], "scalar" | "matrix"][] = [
  ["RETENTION_RATE", ["start_customers", "end_customers", "new_customers"], "scalar"],
  ["CHURN", ["start_customers", "end_customers", "new_customers"], "scalar"],
  ["RETENTION_RATE_IDS", ["ids_before[]", "ids_after[]"], "scalar"],
  ["REVENUE_CHURN", ["start_revenue", "contraction", "churned_revenue"], "scalar"],
  ["NRR", ["start_revenue", "expansion", "contraction", "churned_revenue"], "scalar"],
  ["GRR", ["start_revenue", "contraction", "churned_revenue"], "scalar"],
  ["CLV", ["margin", "retention", "discount_rate", "periods?"], "scalar"],
  ["HISTORIC_CLV", ["customer_ids[]", "amounts[]"], "matrix"],
  ["NPS", ["scores[]"], "scalar"],
  ["CSAT", ["scores[]", "scale_max?"], "scalar"],
  ["REPEAT_RATE", ["customer_ids[]"], "scalar"],
  ["PURCHASE_FREQUENCY", ["customer_ids[]"], "scalar"],
  ["AOV", ["amounts[]", "order_ids[]?"], "scalar"],
];

function signature(p: Parameter): string {
  return p.name + (p.dimensionality === "matrix" ? "[]" : "") + (p.optional ? "?" : "");
}

describe("functions.json", () => {
  it.each(expected)("declares %s with its parameters in order, ranges as matrices and optionals as optional", (id, params, result) => {
    const fn = byId.get(id);
    expect(fn).toBeDefined();
    expect(fn!.name).toBe(id);
    expect(fn!.parameters.map(signature)).toEqual(params);
    expect(fn!.result.dimensionality ?? "scalar").toBe(result);
  });

  it("gives every function and parameter a description", () => {
    for (const fn of functions) {
      expect(fn.description.length).toBeGreaterThan(20);
      for (const p of fn.parameters) expect((p.description ?? "").length).toBeGreaterThan(3);
    }
  });

  it("uses ids Excel accepts: A–Z, 0–9, _ and ., starting with a letter, at least three characters", () => {
    for (const fn of functions) expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });
});

describe.each(["ru", "ro"])("functions-%s.json", (locale) => {
  const localized = read(`functions-${locale}.json`);

  it("has the same ids, parameter names, counts and types as functions.json", () => {
    expect(localized.map((f) => f.id)).toEqual(functions.map((f) => f.id));
    localized.forEach((fn, i) => {
      const original = functions[i];
      expect(fn.parameters.map((p) => [p.name, p.type, p.dimensionality, p.optional])).toEqual(
        original.parameters.map((p) => [p.name, p.type, p.dimensionality, p.optional]),
      );
      expect(fn.result).toEqual(original.result);
    });
  });

  it("translates every description, and names follow Excel's rules for display names", () => {
    const names = new Set<string>();
    localized.forEach((fn, i) => {
      expect(fn.description).not.toBe(functions[i].description);
      expect(fn.name).toMatch(/^\p{L}[\p{L}_.]{2,}$/u);
      expect(names.has(fn.name)).toBe(false);
      names.add(fn.name);
    });
  });
});
