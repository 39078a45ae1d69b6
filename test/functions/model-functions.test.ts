import { numbers, readCsv } from "../core/models/read-csv";
import { numError, valueError } from "../../src/core/errors";
import { excelErrorOf, installCustomFunctionsStub } from "./custom-functions-stub";

installCustomFunctionsStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const f = require("../../src/functions/model-functions") as typeof import("../../src/functions/model-functions");

/** A CSV of the shared data folder as Excel passes ranges: a column of one-cell rows, numbers as numbers. */
function columns(file: string): Record<string, unknown[][]> {
  return Object.fromEntries(Object.entries(readCsv(file)).map(([name, column]) => [name, numbers(column).map((v) => [v])]));
}

const cdnow = columns("cdnow_customers_summary_with_transactions.csv");
const bgBlock = f.bgnbdFitFunction(cdnow.x, cdnow.t_x, cdnow.T);
const ggBlock = f.ggFitFunction(cdnow.x, cdnow.zbar);

describe("fits spill names over values, log_likelihood last", () => {
  test("BGNBD_FIT on CDNOW (Fader, Hardie & Lee 2005: 0.243, 4.414, 0.793, 2.426, −9582.4)", () => {
    expect(bgBlock[0]).toEqual(["r", "alpha", "a", "b", "log_likelihood"]);
    const [r, alpha, a, b, ll] = bgBlock[1] as number[];
    expect([r, alpha, a, b].map((v) => Math.round(v * 1000) / 1000)).toEqual([0.243, 4.414, 0.793, 2.426]);
    expect(ll).toBeCloseTo(-9582.43, 2);
  });
  test("GG_FIT on CDNOW (lifetimes: 6.25, 3.74, 15.44)", () => {
    expect(ggBlock[0]).toEqual(["p", "q", "gamma", "log_likelihood"]);
    const [p, q, gamma] = ggBlock[1] as number[];
    expect(Math.abs(p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(gamma - 15.44)).toBeLessThan(0.01);
  });
  test("SBG_FIT on Fader & Hardie 2007's regular customers, as a row of percentages", () => {
    const block = f.sbgFitFunction([[100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1]]);
    expect(block[0]).toEqual(["alpha", "beta", "log_likelihood"]);
    expect(block[1][0]).toBeCloseTo(0.704, 3);
    expect(block[1][1]).toBeCloseTo(1.182, 3);
  });
});

describe("params blocks", () => {
  const customer = { f: [[2]], r: [[30.43]], t: [[38.86]] };
  const expected = f.bgnbdPAliveFunction(bgBlock, customer.f, customer.r, customer.t)[0][0] as number;

  test("accepted as spilled, without log_likelihood, as a bare values row (with or without it), or turned on its side", () => {
    const names = bgBlock[0];
    const values = bgBlock[1];
    const variants: unknown[][][] = [
      bgBlock,
      [names.slice(0, 4), values.slice(0, 4)],
      [values.slice(0, 4)],
      [values],
      names.map((n, i) => [n, values[i]]),
      values.slice(0, 4).map((v) => [v]),
      [[...names, ""], [...values, ""]],
      [["R", "Alpha", "A", "B"], values.slice(0, 4)],
    ];
    for (const block of variants) {
      expect(f.bgnbdPAliveFunction(block, customer.f, customer.r, customer.t)[0][0]).toBeCloseTo(expected, 12);
    }
  });
  test("a block of another model is #VALUE! naming the fit it needs", () => {
    expect(excelErrorOf(() => f.bgnbdPAliveFunction(ggBlock, customer.f, customer.r, customer.t))).toEqual([
      "#VALUE!",
      "RETAIN.BGNBD_P_ALIVE requires params from BGNBD_FIT (r, alpha, a, b); got p, q, gamma, log_likelihood",
    ]);
    expect(excelErrorOf(() => f.ggExpectedSpendFunction(bgBlock, [[1]], [[10]]))[1]).toBe(
      "RETAIN.GG_EXPECTED_SPEND requires params from GG_FIT (p, q, gamma); got r, alpha, a, b, log_likelihood",
    );
  });
  test("a bare row of the wrong size is #VALUE!", () => {
    expect(excelErrorOf(() => f.bgnbdPAliveFunction([[0.2, 4, 0.8]], customer.f, customer.r, customer.t))).toEqual([
      "#VALUE!",
      "RETAIN.BGNBD_P_ALIVE requires params to hold the 4 values of BGNBD_FIT (r, alpha, a, b), with or without log_likelihood; got 3",
    ]);
    expect(excelErrorOf(() => f.sbgSurvivalFunction([[1, 2, 3, 4]], [[1]]))[1]).toBe(
      "RETAIN.SBG_SURVIVAL requires params to hold the 2 values of SBG_FIT (alpha, beta), with or without log_likelihood; got 4",
    );
  });
  test("non-positive or text values are #VALUE! naming the parameter", () => {
    expect(excelErrorOf(() => f.sbgSurvivalFunction([[0.7, -1]], [[1]]))[1]).toBe("RETAIN.SBG_SURVIVAL requires params beta > 0 (got -1)");
    expect(excelErrorOf(() => f.sbgSurvivalFunction([[0.7, "x"]], [[1]]))[1]).toBe('RETAIN.SBG_SURVIVAL requires params beta to be a number (got "x")');
  });
});

describe("per-customer functions spill one value per row", () => {
  test("BGNBD_P_ALIVE: in (0, 1], blank rows stay blank", () => {
    const out = f.bgnbdPAliveFunction(bgBlock, [[2], [null], [0]], [[30.43], [null], [0]], [[38.86], [null], [38.86]]);
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(0.7266, 4);
    expect(out[1][0]).toBe("");
    expect(out[2][0]).toBe(1);
  });
  test("BGNBD_EXPECTED with customer data, and without it for a new customer (= Σ n·PMF)", () => {
    expect(f.bgnbdExpectedFunction(bgBlock, 39, [[2]], [[30.43]], [[38.86]])[0][0]).toBeCloseTo(1.2259, 4);
    const newCustomer = f.bgnbdExpectedFunction(bgBlock, 39, null as never, null as never, null as never)[0][0] as number;
    const n = Array.from({ length: 600 }, (_, i) => [i]);
    const pmf = f.bgnbdPmfFunction(bgBlock, 39, n);
    expect(pmf.reduce((sum, [p], i) => sum + i * p, 0)).toBeCloseTo(newCustomer, 9);
    expect(excelErrorOf(() => f.bgnbdExpectedFunction(bgBlock, 39, [[2]], null as never, null as never))[1]).toBe(
      "RETAIN.BGNBD_EXPECTED requires frequency, recency and T together, or none of them for a new customer",
    );
  });
  test("GG_EXPECTED_SPEND: customers with frequency 0 get the population mean", () => {
    const out = f.ggExpectedSpendFunction(ggBlock, [[2], [0]], [[22.35], [0]]);
    expect(out[0][0]).toBeCloseTo(24.6586, 3); // lifetimes docs, CDNOW customer 1
    expect(out[1][0]).toBeCloseTo(35.1710, 3);
  });
  test("CLV_PREDICT: defaults 12 months, 1% a month, weeks; lifetimes' README figure with time_unit D", () => {
    const args: [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]] = [bgBlock, ggBlock, [[2]], [[30.43]], [[38.86]], [[22.35]]];
    const byDefault = f.clvPredictFunction(...args, null as never, null as never, null as never)[0][0];
    expect(byDefault).toBeCloseTo(f.clvPredictFunction(...args, 12, 0.01, "W")[0][0] as number, 12);
    expect(f.clvPredictFunction(...args, 12, 0.01, "d")[0][0]).toBeCloseTo(140.0962, 3);
    expect(excelErrorOf(() => f.clvPredictFunction(...args, 12, 0.01, "Y"))[1]).toBe("RETAIN.CLV_PREDICT requires time_unit to be W, M, D or H (got Y)");
  });
});

describe("sBG and Kaplan-Meier wrappers", () => {
  const sbg = f.sbgFitFunction([[100], [63.1], [46.8], [38.2], [32.6], [28.9], [26.2], [24.1]]);
  test("SBG_SURVIVAL and SBG_RETENTION keep the shape of t and give shares", () => {
    const survival = f.sbgSurvivalFunction(sbg, [[0], [1], [2]]);
    expect(survival.map(([s]) => Math.round(s * 1000) / 1000)).toEqual([1, 0.627, 0.474]);
    const retention = f.sbgRetentionFunction(sbg, [[1, 2, 3]]);
    expect(retention).toHaveLength(1);
    expect(retention[0][1]).toBeGreaterThan(retention[0][0]);
    expect(f.sbgSurvivalFunction(sbg, 3 as never)[0][0]).toBeCloseTo(survival[2][0] * f.sbgRetentionFunction(sbg, [[3]])[0][0], 12);
  });
  test("SBG_DERL with and without renewals", () => {
    expect(f.sbgDerlFunction(sbg, 0.1, null as never)).toBeCloseTo(2.96, 2);
    expect(f.sbgDerlFunction(sbg, 0.1, 3)).toBeGreaterThan(f.sbgDerlFunction(sbg, 0.1, 0));
  });
  test("KAPLAN_MEIER spills a header, one row per time and the median row", () => {
    const out = f.kaplanMeierFunction([[1], [2], [2], [3]], [[1], [true], [false], [1]], null as never);
    expect(out[0]).toEqual(["time", "at_risk", "events", "censored", "survival", "lower", "upper"]);
    expect(out.slice(1, 4).map((r) => r.slice(0, 5))).toEqual([
      [1, 4, 1, 0, 0.75],
      [2, 3, 1, 1, 0.5],
      [3, 1, 1, 0, 0],
    ]);
    expect(out[4]).toEqual(["median", 2, "", "", "", "", ""]);
    expect(f.kaplanMeierFunction([[5], [6], [7]], [[1], [0], [0]], 0.9).at(-1)).toEqual(["median", "not reached", "", "", "", "", ""]);
  });
});

describe("bad input becomes an Excel error with the function, column and row", () => {
  test("recency > T", () => {
    expect(excelErrorOf(() => f.bgnbdFitFunction([[1], [2]], [[40], [3]], [[38.9], [5]]))).toEqual([
      "#VALUE!",
      "RETAIN.BGNBD_FIT requires recency ≤ T (row 1: recency 40, T 38.9)",
    ]);
  });
  test("monetary_value ≤ 0 with frequency > 0", () => {
    expect(excelErrorOf(() => f.ggFitFunction([[1], [2], [3]], [[10], [0], [5]]))[1]).toBe(
      "RETAIN.GG_FIT requires monetary_value > 0 when frequency > 0 (row 2: frequency 2, monetary_value 0)",
    );
  });
  test("survivors that rise or start at 0", () => {
    expect(excelErrorOf(() => f.sbgFitFunction([[100], [80], [90]]))[1]).toBe("RETAIN.SBG_FIT requires survivors never to rise (row 3: 90 after 80)");
    expect(excelErrorOf(() => f.sbgFitFunction([[0], [0], [0]]))[1]).toMatch(/^RETAIN\.SBG_FIT requires the first survivors value/);
  });
  test("observed other than 0/1/TRUE/FALSE", () => {
    expect(excelErrorOf(() => f.kaplanMeierFunction([[1], [2]], [[1], [2]], null as never))).toEqual([
      "#VALUE!",
      "RETAIN.KAPLAN_MEIER requires observed to be 0, 1, TRUE or FALSE (row 2: 2)",
    ]);
  });
  test("a fit on data whose optimum runs off to infinity is #NUM!", () => {
    const [code, message] = excelErrorOf(() => f.sbgFitFunction([[100], [50], [0]]));
    expect(code).toBe("#NUM!");
    expect(message).toMatch(/^RETAIN\.SBG_FIT did not converge/);
  });
  test("PMF n must be whole", () => {
    expect(excelErrorOf(() => f.bgnbdPmfFunction(bgBlock, 39, [[1.5]]))[1]).toBe("RETAIN.BGNBD_PMF requires n to be a whole number from 0 to 1000000 (got 1.5)");
  });
});

describe("every message starts with RETAIN.<NAME>, as the user typed it", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { toExcelError } = require("../../src/functions/excel") as typeof import("../../src/functions/excel");
  const shown = (name: string, error: unknown) => excelErrorOf(() => {
    throw toExcelError(name, error);
  });

  test("a fit that stops short: #NUM! \"BGNBD_FIT did not converge after N iterations\" behind the prefix", () => {
    const [code, message] = shown("BGNBD_FIT", numError("BGNBD_FIT did not converge after 200 iterations"));
    expect(code).toBe("#NUM!");
    expect(message).toBe("RETAIN.BGNBD_FIT did not converge after 200 iterations");
    expect(message).toContain("BGNBD_FIT did not converge after 200 iterations");
  });
  test("a core camelCase name becomes the Excel name; a prefixed message is left alone", () => {
    expect(shown("RETENTION_RATE_IDS", valueError("retentionRateIds requires ids_before to be a single column or row"))[1]).toBe(
      "RETAIN.RETENTION_RATE_IDS requires ids_before to be a single column or row",
    );
    expect(shown("SBG_FIT", valueError("RETAIN.SBG_FIT requires survivors"))[1]).toBe("RETAIN.SBG_FIT requires survivors");
  });
  test("a helper's message keeps its own name after the function's", () => {
    expect(shown("BGNBD_EXPECTED", numError("hyp2f1 requires |z| < 1 (got 1)"))[1]).toBe("RETAIN.BGNBD_EXPECTED: hyp2f1 requires |z| < 1 (got 1)");
    expect(shown("BGNBD_EXPECTED", numError("BG/NBD expectation is not finite for these parameters"))[1]).toBe(
      "RETAIN.BGNBD_EXPECTED: BG/NBD expectation is not finite for these parameters",
    );
  });
  test("an unexpected exception is #VALUE! naming the function", () => {
    expect(shown("KAPLAN_MEIER", new TypeError("x is undefined"))).toEqual(["#VALUE!", "RETAIN.KAPLAN_MEIER failed: x is undefined"]);
  });
  test("no wrapper message of this file names RETAIN twice", () => {
    const [, message] = excelErrorOf(() => f.bgnbdPmfFunction(bgBlock, 39, [[-1]]));
    expect(message).toBe("RETAIN.BGNBD_PMF requires n to be a whole number from 0 to 1000000 (got -1)");
    expect(message).not.toContain("RETAIN.RETAIN.");
  });
});
