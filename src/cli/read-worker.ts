/**
 * A worker thread's share of `retain`'s reading: the records of one byte range of
 * the file, read the fast way only (see RowAdder.addFast). At the first record
 * that needs the general rules it stops, so that record, with its line number and
 * any error it holds, is read on the main thread in order. See parallel-read.ts.
 */
import { workerData } from "worker_threads";
import { TransactionBuilder } from "../core/transactions";
import { readCsv } from "./csv-reader";
import type { PartJob, PartResult } from "./parallel-read";
import { RowAdder } from "./row-adder";

const STATE = 0; // signal[0]: 0 while reading, 1 when the result is posted
const PROGRESS = 1; // signal[1]: rows read so far, for the main thread's watchdog

function readPart(job: PartJob): PartResult {
  const builder = new TransactionBuilder({ names: job.names, hasValues: job.hasValues, detectHeader: false, expectedRows: Math.ceil((job.to - job.from) / 24) });
  const adder = new RowAdder(builder, job.columns, job.hasValues);
  let rows = 0;
  const end = readCsv(
    job.file,
    (record) => {
      if (!adder.addFast(record)) return false;
      if ((++rows & 0xfff) === 0) Atomics.store(job.signal, PROGRESS, rows);
      return true;
    },
    // A record over 1 MB is left to the main thread: in a log it is most likely a
    // cut that fell inside a quoted field, which the worker would read to the next quote.
    { start: job.from, line: 1, stopAt: job.to, maxRecordBytes: 1 << 20 },
  );
  adder.flush();
  return { part: builder.finishPart(), end };
}

const job = workerData as PartJob;
Atomics.store(job.signal, PROGRESS, 1);
try {
  const result = readPart(job);
  const { part } = result;
  const buffers = [part.customer.buffer, part.day.buffer, part.ids.w0.buffer, part.ids.w1.buffer];
  if (part.revenue) buffers.push(part.revenue.buffer);
  job.port.postMessage(result, buffers as ArrayBuffer[]);
} catch (error) {
  job.port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
} finally {
  Atomics.store(job.signal, STATE, 1);
  Atomics.notify(job.signal, STATE);
}
