import { excelErrorOf, installCustomFunctionsStub } from "./custom-functions-stub";

installCustomFunctionsStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const f = require("../../src/functions/metric-functions") as typeof import("../../src/functions/metric-functions");

describe("metric wrappers, called as Excel calls them", () => {
  it("give the documented results for scalars and 2-D ranges", () => {
    expect(f.retentionRateFunction(100, 110, 20)).toBe(0.9);
    expect(f.churnFunction(100, 110, 20)).toBe(0.1);
    expect(f.retentionRateIdsFunction([["a"], ["b"]], [["b"], [0]])).toBe(0.5);
    expect(f.revenueChurnFunction(10000, 500, 1000)).toBe(0.15);
    expect(f.nrrFunction(10000, 2000, 500, 1000)).toBe(1.05);
    expect(f.grrFunction(10000, 500, 1000)).toBe(0.85);
    expect(f.clvFunction(100, 0.8, 0.1, null as never)).toBeCloseTo(366.6667, 4);
    expect(f.clvFunction(100, 0.8, 0.1, 3)).toBeCloseTo(225.6198, 4);
    expect(f.historicClvFunction([["c1"], ["c1"], ["c1"]], [[100], [200], [300]])).toEqual([["Customer", "Total"], ["c1", 600]]);
    expect(f.npsFunction([[10], [9], [0], [8]])).toBe(25);
    expect(f.csatFunction([[5, 4, 1]], null as never)).toBeCloseTo(2 / 3, 12);
    expect(f.repeatRateFunction([["a"], ["a"], ["b"], [0]])).toBe(0.5);
    expect(f.purchaseFrequencyFunction([["a"], ["a"], ["b"], [""]])).toBe(1.5);
    expect(f.aovFunction([[10], [30]], null as never)).toBe(20);
    expect(f.aovFunction([[10], [30], [20]], [["o1"], ["o1"], ["o2"]])).toBe(30);
  });

  it("turn core errors into Excel errors that name the RETAIN function and the argument", () => {
    expect(excelErrorOf(() => f.retentionRateFunction(0, 10, 0))).toEqual(["#NUM!", "RETAIN.RETENTION_RATE requires start_customers to be greater than 0, not 0"]);
    expect(excelErrorOf(() => f.npsFunction([[9], ["good"]]))).toEqual(["#VALUE!", 'RETAIN.NPS requires scores to be numbers (row 2: "good")']);
    expect(excelErrorOf(() => f.npsFunction([[null]])).slice(0, 1)).toEqual(["#DIV/0!"]);
    expect(excelErrorOf(() => f.historicClvFunction([["a"], ["b"]], [[1]]))[1]).toMatch(/^RETAIN.HISTORIC_CLV requires customer_ids and amounts to have the same number of rows/);
    expect(excelErrorOf(() => f.repeatRateFunction([["a", "b"], ["c", "d"]]))[1]).toBe("RETAIN.REPEAT_RATE requires customer_ids to be a single column or row");
  });
});
