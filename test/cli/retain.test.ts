/**
 * `retain` in-process (main with captured output): every command against DuckDB
 * on generated logs, column finding, formats, and bad input with its exit code.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/retain";
import { duckCohort, duckGrowth, duckSummary, expectSameSummary, expectSameTable, generate, Generated, loadCsv, openDuck } from "../core/cohort/oracle";

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Parses the CLI's CSV output back into cells: the first column is text, the rest numbers or "". */
function parseOutput(text: string): (string | number)[][] {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => line.split(",").map((cell, k) => (k > 0 && cell !== "" && Number.isFinite(Number(cell)) ? Number(cell) : cell)));
}

function tempFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retain-cli-")), name);
  fs.writeFileSync(file, text);
  return file;
}

describe.each([
  { seed: 11, date: "iso" as const, shuffle: false },
  { seed: 12, date: "dmy" as const, shuffle: true },
])("retain on gen-transactions seed $seed ($date dates)", ({ seed, date, shuffle }) => {
  let duck: DuckDBConnection;
  let gen: Generated;
  beforeAll(async () => {
    gen = generate(15000, seed, { date, shuffle });
    duck = await openDuck();
    await loadCsv(duck, gen);
  });
  afterAll(() => duck.closeSync());

  test("cohort (retention, on_or_after, ltv) equals DuckDB", async () => {
    const a = run("cohort", gen.file);
    expect(a.err).toBe("");
    expect(a.code).toBe(0);
    expectSameTable(parseOutput(a.out), await duckCohort(duck, "month", "retention", "on"));
    expectSameTable(parseOutput(run("cohort", gen.file, "--mode", "on_or_after", "--period", "week").out), await duckCohort(duck, "week", "retention", "on_or_after"));
    expectSameTable(parseOutput(run("cohort", gen.file, "--metric=ltv", "--period=quarter").out), await duckCohort(duck, "quarter", "ltv", "on"));
  });

  test("growth equals DuckDB", async () => {
    expectSameTable(parseOutput(run("growth", gen.file, "--period", "month").out), await duckGrowth(duck, "month", true));
  });

  test("summary equals lifetimes' definition in SQL", async () => {
    const end = "2024-06-30";
    const ours = parseOutput(run("summary", gen.file, "--observation-end", end, "--time-unit", "W").out);
    expect(ours[0]).toEqual(["Customer", "frequency", "recency", "T", "monetary_value"]);
    expectSameSummary(ours, await duckSummary(duck, end, 7));
  });
});

describe("retain", () => {
  const file = tempFile("orders.csv", 'Order,Customer,Order Date,Amount\n1,"Smith, J",2024-01-15,10\n2,b,31/01/2024,"1,5"\n3,"Smith, J",03.02.2024,5\n');

  test("finds columns by header name; quoted fields; json", () => {
    const text = tempFile("t.csv", "customer_id,order_date,revenue\na,2024-01-15,10\nb,2024-01-31,20\na,2024-02-03,5\n");
    expect(run("cohort", text).out).toBe("Cohort,Customers,0,1\n2024-01,2,1,0.5\nAll cohorts,2,1,0.5\n");
    expect(JSON.parse(run("cohort", text, "--format", "json", "--metric", "revenue").out)).toEqual([
      ["Cohort", "Customers", 0, 1],
      ["2024-01", 2, 30, 5],
      ["All cohorts", 2, 30, 5],
    ]);
    expect(run("rfm", text).out.split("\n")[1]).toBe("a,0,2,15,3,3,1,331,Need attention");
  });

  test("an id with a comma, mixed date formats, a non-numeric amount with its line", () => {
    const bad = run("cohort", file, "--metric", "revenue");
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('retain: retain cohort requires Amount line 3 to be a number, not "1,5"\n');
    expect(run("summary", file, "--id", "customer", "--value", "order").out).toBe('Customer,frequency,recency,T,monetary_value\n"Smith, J",1,19,19,3\nb,0,0,3,0\n');
  });

  test("bad input: exit code 1 and a message; usage: exit code 2", () => {
    const text = tempFile("t.csv", "customer_id,order_date\na,2024-01-15\nb,soon\n");
    expect(run("cohort", text)).toEqual({ code: 1, out: "", err: 'retain: retain cohort requires order_date line 3 to be a date, not "soon"\n' });
    expect(run("cohort", text, "--period", "monthly").err).toBe('retain: retain cohort requires period to be one of day, week, month, quarter, year, not "monthly"\n');
    expect(run("cohort", text, "--colour", "red").err).toContain("retain cohort has no option --colour");
    expect(run("cohorts", text).err).toBe('retain: retain requires a command: one of cohort, growth, summary, rfm, not "cohorts"\n');
    expect(run("cohort", "/no/such.csv").err).toBe('retain: retain cohort requires a readable CSV file, not "/no/such.csv"\n');
    expect(run("cohort", tempFile("x.csv", "customer,amount\na,1\n")).err).toBe("retain: retain cohort found no date column in the header (customer, amount): name it with --date\n");
    expect(run("cohort", text, "--date", "when").err).toBe('retain: retain cohort requires --date to name a column of the header (customer_id, order_date), not "when"\n');
    expect(run("cohort", text, "--threads", "0").err).toBe('retain: retain cohort requires --threads to be a whole number from 1 to 64, not "0"\n');
    expect(run().code).toBe(2);
    expect(run("--help").code).toBe(0);
  });

  test("customers keep their order of first appearance across fast and general rows", () => {
    const rows = ["customer_id,order_date,revenue"];
    for (let k = 0; k < 1500; k++) {
      rows.push(`s${k % 700},2024-01-${String((k % 28) + 1).padStart(2, "0")},1`); // short ids, batched
      if (k % 97 === 0) rows.push(`a-much-longer-customer-id-${k},2024-02-01,2`); // long ids, one at a time
      if (k % 211 === 0) rows.push(`"quoted ${k}",15.02.2024,3`, "", `Ёж${k},2024-02-02,4`); // general rules
    }
    const file = tempFile("order.csv", rows.join("\n") + "\n");
    const seen: string[] = [];
    for (const row of rows.slice(1)) {
      const id = row.startsWith('"') ? row.slice(1, row.indexOf('"', 1)) : row.split(",")[0];
      if (id !== "" && !seen.includes(id)) seen.push(id);
    }
    const out = run("summary", file);
    expect(out.err).toBe("");
    expect(out.out.trimEnd().split("\n").slice(1).map((line) => (line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(",")[0]))).toEqual(seen);
  });

  test("an id reads the same whether its row takes the byte path or the text rules (a leading U+FEFF kept)", () => {
    const text = tempFile("bom.csv", "customer,date,revenue\n\uFEFFabé,2024-01-01,1\n\uFEFFabé,2024-01-05,1e1\nЁж,2024-01-02,2\nЁж,15/01/2024,3\n");
    expect(run("summary", text).out).toBe("Customer,frequency,recency,T,monetary_value\n\"\uFEFFabé\",1,4,14,10\nЁж,1,13,13,3\n");
  });

  test("slash dates: judged over the file, --date-order for an ambiguous one", () => {
    const text = tempFile("t.csv", "customer_id,order_date\na,03/04/2024\na,01/05/2024\n");
    expect(run("cohort", text).err).toBe(
      'retain: retain cohort requires --date-order ("DMY" or "MDY") because every slash date in order_date reads both day-first and month-first, as line 2 "03/04/2024"\n',
    );
    expect(run("cohort", text, "--date-order", "DMY", "--metric", "customers").out).toBe("Cohort,Customers,0,1\n2024-04,1,1,1\nAll cohorts,1,1,1\n");
    expect(run("cohort", text, "--date-order", "mdy", "--metric", "customers").out).toBe("Cohort,Customers,0,1,2\n2024-01,1,1,0,1\nAll cohorts,1,1,0,1\n");
  });
});
