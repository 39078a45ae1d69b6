/**
 * PartReader's side of the worker protocol, with stand-in worker scripts: a result
 * comes back; a worker that reports a failure, dies or stalls gives undefined, so
 * the main thread reads the part itself.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PartReader } from "../../src/cli/parallel-read";

const job = { file: "unused.csv", from: 0, to: 1, columns: { id: 0, date: 1, value: undefined }, hasValues: false, names: { fn: "t", ids: "i", dates: "d", values: "v", row: "line" } };

function script(body: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retain-worker-")), "worker.js");
  fs.writeFileSync(file, `const { workerData: job } = require("worker_threads");\nAtomics.store(job.signal, 1, 1);\n${body}\n`);
  return file;
}

const done = "Atomics.store(job.signal, 0, 1); Atomics.notify(job.signal, 0);";

describe("PartReader", () => {
  test("returns what the worker posted", () => {
    const reader = new PartReader(script(`job.port.postMessage({ part: { rows: job.to }, end: { pos: 9, line: 3 } }); ${done}`), job);
    expect(reader.wait()).toEqual({ part: { rows: 1 }, end: { pos: 9, line: 3 } });
  });

  test("undefined when the worker reports a failure", () => {
    const reader = new PartReader(script(`job.port.postMessage({ failed: "out of memory" }); ${done}`), job);
    expect(reader.wait()).toBeUndefined();
  });

  test("undefined when the worker dies or stalls without a word, after the watchdog", () => {
    const started = Date.now();
    expect(new PartReader(script(`throw new Error("boom");`), job, 300).wait()).toBeUndefined();
    expect(new PartReader(script(`Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`), job, 300).wait()).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
