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

/**
 * [id, parameters as "name" / "name[]" for ranges / "name?" for optionals, result dimensionality],
 * as the JSDoc of src/functions/metric-functions.ts, cohort-functions.ts and model-functions.ts
 * declares them (in that order, the order functions.ts imports them).
 */
const expected: [string, string[], "scalar" | "matrix"][] = [
  // src/functions/metric-functions.ts
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
  // src/functions/cohort-functions.ts
  ["COHORT", ["customer_ids[]", "dates[]", "values[]?", "period?", "metric?", "mode?", "date_order?"], "matrix"],
  ["GROWTH_ACCOUNTING", ["customer_ids[]", "dates[]", "values[]?", "period?", "date_order?"], "matrix"],
  ["CUSTOMER_SUMMARY", ["customer_ids[]", "dates[]", "values[]?", "observation_end?", "time_unit?", "date_order?"], "matrix"],
  ["RFM", ["customer_ids[]", "dates[]", "values[]", "as_of?", "date_order?"], "matrix"],
  // src/functions/model-functions.ts
  ["BGNBD_FIT", ["frequency[]", "recency[]", "T[]"], "matrix"],
  ["BGNBD_EXPECTED", ["params[]", "t", "frequency[]?", "recency[]?", "T[]?"], "matrix"],
  ["BGNBD_P_ALIVE", ["params[]", "frequency[]", "recency[]", "T[]"], "matrix"],
  ["BGNBD_PMF", ["params[]", "t", "n[]"], "matrix"],
  ["GG_FIT", ["frequency[]", "monetary_value[]"], "matrix"],
  ["GG_EXPECTED_SPEND", ["params[]", "frequency[]", "monetary_value[]"], "matrix"],
  ["CLV_PREDICT", ["bgnbd_params[]", "gg_params[]", "frequency[]", "recency[]", "T[]", "monetary_value[]", "months?", "monthly_discount?", "time_unit?"], "matrix"],
  ["SBG_FIT", ["survivors[]"], "matrix"],
  ["SBG_SURVIVAL", ["params[]", "t[]"], "matrix"],
  ["SBG_RETENTION", ["params[]", "t[]"], "matrix"],
  ["SBG_DERL", ["params[]", "discount_rate", "renewals?"], "scalar"],
  ["KAPLAN_MEIER", ["durations[]", "observed[]", "confidence?"], "matrix"],
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

  it("declares these functions and no others, in the order of the source files", () => {
    expect(functions.map((f) => f.id)).toEqual(expected.map(([id]) => id));
  });

  it("declares the scalar types the wrappers take: numbers, text words, and any for dates and ranges", () => {
    const types = new Map<string, string | undefined>(functions.flatMap((f) => f.parameters.map((p) => [`${f.id}.${p.name}`, p.type] as const)));
    for (const [id, params] of expected) {
      for (const p of params.filter((name) => name.includes("[]"))) expect(types.get(`${id}.${p.replace(/\[\]\??$/, "")}`)).toBe("any");
    }
    for (const word of ["COHORT.period", "COHORT.metric", "COHORT.mode", "COHORT.date_order", "GROWTH_ACCOUNTING.period", "CUSTOMER_SUMMARY.time_unit", "CLV_PREDICT.time_unit"]) {
      expect(types.get(word)).toBe("string");
    }
    for (const date of ["CUSTOMER_SUMMARY.observation_end", "RFM.as_of"]) expect(types.get(date)).toBe("any");
    for (const n of ["BGNBD_EXPECTED.t", "BGNBD_PMF.t", "CLV_PREDICT.months", "CLV_PREDICT.monthly_discount", "SBG_DERL.discount_rate", "SBG_DERL.renewals", "KAPLAN_MEIER.confidence"]) {
      expect(types.get(n)).toBe("number");
    }
    expect(byId.get("SBG_DERL")!.result.type).toBe("number");
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
