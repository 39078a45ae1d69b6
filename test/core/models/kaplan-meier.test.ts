import { execFileSync } from "child_process";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Cell } from "../../../src/core/cells";
import { kaplanMeier, KaplanMeierResult } from "../../../src/core/models/kaplan-meier";
import { numbers, readCsv } from "./read-csv";

const script = join(__dirname, "..", "..", "fixtures", "models", "kaplan-meier.R");

/**
 * Runs R's survival package (Debian's r-cran-survival) once on several data sets;
 * fails loudly without it. Returns each data set's table as rows of strings.
 */
function survfit(cases: { time: number[]; event: number[]; confidence: number }[]): string[][][] {
  const dir = mkdtempSync(join(tmpdir(), "retain-km-"));
  const args = cases.flatMap(({ time, event, confidence }, k) => {
    const file = join(dir, `data${k}.csv`);
    writeFileSync(file, "time,event\n" + time.map((t, i) => `${t},${event[i]}`).join("\n") + "\n");
    return [file, String(confidence)];
  });
  let out: string;
  try {
    out = execFileSync("Rscript", [script, ...args], { encoding: "utf8" });
  } catch (error) {
    throw new Error(`Kaplan-Meier checks need Rscript with the survival package (Debian: r-base-core, r-cran-survival): ${error}`);
  }
  return out
    .split(/^## \d+ *$/m)
    .slice(1)
    .map((block) =>
      block.trim().split(/\r?\n/).slice(1).map((line) => line.split(",").map((cell) => cell.trim())),
    );
}

function expectMatchesR(ours: KaplanMeierResult, reference: string[][]): void {
  expect(ours.rows).toHaveLength(reference.length);
  reference.forEach(([time, risk, events, censored, surv, lower, upper], i) => {
    const row = ours.rows[i];
    expect(row.time).toBe(Number(time));
    expect(row.atRisk).toBe(Number(risk));
    expect(row.events).toBe(Number(events));
    expect(row.censored).toBe(Number(censored));
    expect(row.survival).toBeCloseTo(Number(surv), 12);
    if (lower === "NA") {
      // R leaves the log-log limits undefined where Ŝ is 1 or 0; we give the curve itself.
      expect([0, 1]).toContain(row.survival);
      expect(row.lower).toBe(row.survival);
      expect(row.upper).toBe(row.survival);
    } else {
      expect(row.lower).toBeCloseTo(Number(lower), 12);
      expect(row.upper).toBeCloseTo(Number(upper), 12);
    }
  });
}

describe("kaplanMeier against R's survival package (conf.type = \"log-log\")", () => {
  const g3 = readCsv("g3.csv");
  const time = numbers(g3.time);
  const event = g3.event.map((e) => (e === "True" ? 1 : 0));
  // 200 seeded subjects with tied times, ties of events and censorings, and a last
  // event that empties the risk set (Ŝ = 0).
  let state = 20240601;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const t: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < 200; i++) {
    t.push(1 + Math.floor(random() * 30));
    e.push(random() < 0.7 ? 1 : 0);
  }
  t.push(40);
  e.push(1);
  const reference = survfit([
    { time, event, confidence: 0.95 },
    { time, event, confidence: 0.9 },
    { time: t, event: e, confidence: 0.95 },
  ]);

  test("g3.csv (lifelines' test data): survival and 95% limits at every distinct time", () => {
    expectMatchesR(kaplanMeier(time, g3.event), reference[0]);
  });

  test("g3.csv at 90% confidence", () => {
    expectMatchesR(kaplanMeier(time, event, { confidence: 0.9 }), reference[1]);
  });

  test("seeded data with ties and a curve that reaches 0", () => {
    const ours = kaplanMeier(t, e);
    expectMatchesR(ours, reference[2]);
    expect(ours.rows[ours.rows.length - 1].survival).toBe(0);
  });
});

describe("kaplanMeier rules", () => {
  test("doc example", () => {
    expect(kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]).rows.map((r) => r.survival)).toEqual([0.75, 0.5, 0]);
  });

  test("median: the smallest time with survival ≤ 0.5, as lifelines reports it", () => {
    expect(kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]).median).toBe(2);
    expect(kaplanMeier([5, 6, 7], [1, 0, 0]).median).toBeNull();
    const g3 = readCsv("g3.csv");
    expect(kaplanMeier(numbers(g3.time), g3.event).median).toBeNull(); // g3's curve ends at 0.597
  });

  test("accepts 0/1, TRUE/FALSE booleans and texts; skips blank rows", () => {
    const a = kaplanMeier([3, 5, 5, 8, null, ""], [1, true, "FALSE", "true", null, ""]);
    const b = kaplanMeier([3, 5, 5, 8], [1, 1, 0, 1]);
    expect(a).toEqual(b);
  });

  test("property: survival never rises, limits bracket it within [0, 1], permuting rows changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 60 }),
        fc.integer(),
        (data, seed) => {
          const result = kaplanMeier(data.map(([t]) => t + 1), data.map(([, e]) => e));
          let previous = 1;
          for (const row of result.rows) {
            if (row.survival > previous) return false;
            if (!(row.lower <= row.survival && row.survival <= row.upper && row.lower >= 0 && row.upper <= 1)) return false;
            previous = row.survival;
          }
          const order = data.map((_, i) => i).sort((i, j) => ((i * 7919 + seed) % 97) - ((j * 7919 + seed) % 97));
          const permuted = kaplanMeier(order.map((i) => data[i][0] + 1), order.map((i) => data[i][1]));
          expect(permuted).toEqual(result);
          return true;
        },
      ),
      { seed: 1958, numRuns: 150 },
    );
  });

  test("bad input names the column and row", () => {
    const fails = (d: Cell[], o: Cell[], confidence?: number) => () => kaplanMeier(d, o, { confidence });
    expect(fails([1, 2, 3], [1, 2, 0])).toThrow("kaplanMeier requires observed to be 0, 1, TRUE or FALSE (row 2: 2)");
    expect(fails([1, 2, 3], [1, "yes", 0])).toThrow('kaplanMeier requires observed to be 0, 1, TRUE or FALSE (row 2: "yes")');
    expect(fails([1, -2, 3], [1, 1, 0])).toThrow("kaplanMeier requires durations ≥ 0 (row 2: -2)");
    expect(fails([1, "x", 3], [1, 1, 0])).toThrow('kaplanMeier requires durations to be a number (row 2: "x")');
    expect(fails([1, 2], [1, 1, 0])).toThrow(
      "kaplanMeier requires durations and observed to have the same number of rows (durations 2, observed 3)",
    );
    expect(fails([null], [null])).toThrow("kaplanMeier requires at least one duration");
    expect(fails([1, 2], [1, 0], 1)).toThrow("kaplanMeier requires confidence between 0 and 1 (got 1)");
  });
});
