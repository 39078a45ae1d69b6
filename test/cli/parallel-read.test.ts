/**
 * `retain` reading one file on several threads, through the built bundle (the
 * worker threads run dist/cli/read-worker.js, so `npm run build` comes first, as
 * `npm test` does): the same tables and the same errors as on one thread, whatever
 * lies at the cuts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generate } from "../core/cohort/oracle";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "retain.js");

function retain(...argv: string[]): { code: number | null; out: string; err: string } {
  const done = spawnSync(process.execPath, [bin, ...argv], { encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: done.status, out: done.stdout, err: done.stderr };
}

function tempFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retain-parallel-")), name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  for (const file of ["retain.js", "read-worker.js"]) {
    if (!fs.existsSync(path.join(root, "dist", "cli", file))) throw new Error(`dist/cli/${file} is missing: run npm run build first (npm test does)`);
  }
});

describe("retain on several threads", () => {
  test.each([
    [["cohort"]],
    [["cohort", "--metric", "revenue", "--period", "week"]],
    [["cohort", "--mode", "on_or_after", "--period", "quarter"]],
    [["growth"]],
    [["summary", "--time-unit", "W"]],
    [["rfm"]],
  ])("a generated log (day-first dates, shuffled): %j on 3 threads prints what 1 thread prints", (args) => {
    const gen = generate(60000, 13, { date: "dmy", shuffle: true });
    const one = retain(...args, gen.file, "--threads", "1");
    expect(one.err).toBe("");
    expect(one.code).toBe(0);
    const three = retain(...args, gen.file, "--threads", "3", "--verbose");
    expect(three.code).toBe(0);
    expect(three.out).toBe(one.out);
    // Both later parts were read on workers, to their ends.
    expect(three.err).toMatch(/read 60000 rows of \d+ customers in \d+ ms, 3 part\(s\), [1-9]\d+ rows on worker threads\n/);
    expect(three.err.match(/rows on a worker thread \(waited for \d+ ms\)\n/g)).toHaveLength(2);
  });

  // A log whose later parts hold everything the fast path leaves to the main thread.
  const header = "customer_id,order_date,revenue,note";
  const plain = (k: number) => `c${k % 300},2024-${String((k % 12) + 1).padStart(2, "0")}-${String((k % 28) + 1).padStart(2, "0")},${(k % 50) + 0.25},`;
  const special = [
    "new-in-part-3,2024-03-01,1,", // first seen late
    "a-customer-with-a-long-id,2024-03-02,2,",
    "Ёжик,2024-03-03,3,",
    '"c1",2024-03-04,4,"quoted, with a comma"',
    '"say ""hi""",2024-03-05,5,',
    "c2,15/03/2024,6,", // a slash date: only day-first
    "",
    "c3,2024-03-16,1e3,",
    "c4,2024-03-17,7,\r",
    "c5,2024-03-18T10:30,8,",
  ];
  function trickyLog(): { text: string; cuts: number[]; note: [number, number]; specialFrom: number } {
    const rows = [header];
    for (let k = 0; k < 2000; k++) rows.push(plain(k));
    // A quoted note of many lines, which the first cut (at a third) falls inside.
    rows.push(`c7,2024-02-10,9,"${Array.from({ length: 7000 }, (_, k) => `line ${k}`).join("\n")}"`);
    for (let k = 2000; k < 7000; k++) rows.push(plain(k));
    for (let k = 7000; k < 9000; k++) rows.push(k % 150 === 0 ? special[(k / 150) % special.length] : plain(k));
    const text = rows.join("\n") + "\n";
    const body = text.length - header.length - 1; // ASCII apart from "Ёжик": close enough to place the fixture
    const noteStart = text.indexOf('"line 0');
    return { text, cuts: [header.length + 1 + body / 3, header.length + 1 + (2 * body) / 3], note: [noteStart, text.indexOf('"', noteStart + 1)], specialFrom: text.indexOf(special[0]) };
  }

  test("quoted fields across a cut, slash dates, empty lines, CRLF, long and non-ASCII ids in later parts", () => {
    const log = trickyLog();
    // The fixture does what it says: the first cut falls inside the note, the special rows after the second cut.
    expect(log.note[0]).toBeLessThan(log.cuts[0]);
    expect(log.note[1]).toBeGreaterThan(log.cuts[0]);
    expect(log.specialFrom).toBeGreaterThan(log.cuts[1]);
    const file = tempFile("tricky.csv", log.text);
    for (const args of [["summary"], ["cohort", "--metric", "revenue"], ["growth", "--period", "week"]]) {
      const one = retain(...args, file, "--threads", "1");
      expect(one.err).toBe("");
      const three = retain(...args, file, "--threads", "3", "--verbose");
      expect(three.out).toBe(one.out);
      expect(three.err).toContain("retain: part 2: read on the main thread (a quoted field spans its start)\n");
      expect(three.err).toMatch(/retain: part 3: lines \d+–\d+, [1-9]\d* rows on a worker thread \(waited for \d+ ms\); line \d+ on, read on the main thread\n/);
    }
    // Customers in order of first sight: the ones first seen in part 3 come last.
    const ids = retain("summary", file, "--threads", "3").out.trimEnd().split("\n").map((line) => line.slice(0, line.lastIndexOf(",", line.lastIndexOf(",", line.lastIndexOf(",", line.lastIndexOf(",") - 1) - 1) - 1)));
    expect(ids.slice(-4)).toEqual(["new-in-part-3", "a-customer-with-a-long-id", "Ёжик", '"say ""hi"""']);
  });

  test("errors in a later part name the same line as on one thread", () => {
    const log = trickyLog();
    const at = log.text.indexOf("\n", Math.floor(log.cuts[1]) + 2000) + 1; // a row inside part 3
    const line = log.text.slice(0, at).split("\n").length;
    const cases = [
      { row: "c9,soon,1,", message: `requires order_date line ${line} to be a date, not "soon"` },
      { row: "c9,2024-05-01,lots,", message: `requires revenue line ${line} to be a number, not "lots"` },
      { row: ",2024-05-01,1,", message: `requires customer_id line ${line} to be an id, not blank` },
    ];
    for (const { row, message } of cases) {
      const file = tempFile("bad.csv", log.text.slice(0, at) + row + "\n" + log.text.slice(at));
      const one = retain("cohort", file, "--metric", "revenue", "--threads", "1");
      expect(one.err).toBe(`retain: retain cohort ${message}\n`);
      expect(retain("cohort", file, "--metric", "revenue", "--threads", "3")).toEqual(one);
    }
    // Slash dates that fit both orders, met only in a later part.
    const ambiguous = tempFile("ambiguous.csv", log.text.replace("15/03/2024", "03/04/2024"));
    const one = retain("cohort", ambiguous, "--threads", "1");
    expect(one.err).toMatch(/requires --date-order \("DMY" or "MDY"\) because every slash date in order_date reads both day-first and month-first, as line \d+ "03\/04\/2024"/);
    expect(retain("cohort", ambiguous, "--threads", "3")).toEqual(one);
  });

  test("small files are read on one thread unless --threads says otherwise", () => {
    const file = tempFile("small.csv", "customer_id,order_date\na,2024-01-15\nb,2024-02-01\n");
    expect(retain("cohort", file, "--verbose").err).toContain(", 1 part(s), 0 rows on worker threads\n");
    expect(retain("cohort", file, "--threads", "2", "--verbose").err).toMatch(/retain: part 2: lines 3–3, 1 rows on a worker thread \(waited for \d+ ms\)\n/);
    expect(retain("cohort", file, "--threads", "2").out).toBe(retain("cohort", file).out);
  });
});
