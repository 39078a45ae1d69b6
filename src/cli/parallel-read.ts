/**
 * Reading one file on several threads. The file is cut at line ends into parts;
 * a worker thread reads each part after the first into its own builder while the
 * main thread reads the first, then the main thread appends the parts in order.
 *
 * A cut is only trusted when the main thread's reading, which follows every rule
 * (quoted fields may hold line ends), arrives exactly at it; otherwise that part
 * is read again on the main thread. A worker stops at the first record that needs
 * the general rules, and the main thread goes on from there, so ids keep their
 * order of first sight, rows keep their file order, and errors and slash dates
 * are met in file order, exactly as on one thread.
 *
 * The main thread waits for a worker with Atomics.wait, as the reading is
 * synchronous; a worker that makes no progress for WATCHDOG_MS is given up and
 * its part read on the main thread.
 */
import * as fs from "fs";
import * as path from "path";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "worker_threads";
import type { ReaderNames, TransactionPart } from "../core/transactions";
import type { ReadEnd } from "./csv-reader";
import type { ColumnIndices } from "./row-adder";

/** What a worker is given (workerData). */
export interface PartJob {
  file: string;
  /** the part: records starting in [from, to); `from` starts a line */
  from: number;
  to: number;
  columns: ColumnIndices;
  hasValues: boolean;
  names: ReaderNames;
  /** [state, progress]: see read-worker.ts */
  signal: Int32Array;
  port: MessagePort;
}

/** What a worker posts: its rows, and where it stopped (lines numbered from 1 at `from`). */
export interface PartResult {
  part: TransactionPart;
  end: ReadEnd;
}

const WATCHDOG_MS = 10_000;

/** The worker script beside the bundle (dist/cli); absent when running from the TypeScript sources. */
export function workerScript(): string | undefined {
  const script = path.join(__dirname, "read-worker.js");
  return fs.existsSync(script) ? script : undefined;
}

/**
 * About what the main thread reads while a worker thread starts (some 100 ms):
 * the first part is that much longer, so the parts end together.
 */
const WORKER_START_BYTES = 3 << 20;

/**
 * Byte offsets where parts 2, 3, … start: just after a line end near each even
 * share of [from, size), the first share being longer by WORKER_START_BYTES in
 * files of four times that or more. Fewer when the file is too short for them.
 */
export function cutPoints(file: string, from: number, size: number, parts: number): number[] {
  const cuts: number[] = [];
  const head = size - from >= 4 * WORKER_START_BYTES ? WORKER_START_BYTES : 0;
  const fd = fs.openSync(file, "r");
  try {
    const window = Buffer.allocUnsafe(1 << 16);
    for (let k = 1; k < parts; k++) {
      const target = from + head + Math.floor(((size - from - head) * k) / parts);
      const read = fs.readSync(fd, window, 0, window.length, target - 1);
      const newline = window.subarray(0, read).indexOf(10);
      if (newline < 0) continue; // a line longer than the window: no cut here
      const cut = target + newline;
      if (cut < size && cut > (cuts[cuts.length - 1] ?? from)) cuts.push(cut);
    }
  } finally {
    fs.closeSync(fd);
  }
  return cuts;
}

/** A worker reading one part, or undefined when no thread could be started (the main thread reads the part). */
export function startPart(script: string, job: Omit<PartJob, "signal" | "port">): PartReader | undefined {
  try {
    return new PartReader(script, job);
  } catch {
    return undefined;
  }
}

/** One worker reading one part. */
export class PartReader {
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly worker: Worker;

  /** `watchdogMs`: how long a worker may make no progress before it is given up. */
  constructor(
    script: string,
    job: Omit<PartJob, "signal" | "port">,
    private readonly watchdogMs = WATCHDOG_MS,
  ) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(script, { workerData: { ...job, signal: this.signal, port: channel.port2 }, transferList: [channel.port2] });
    this.worker.unref(); // never keeps the process alive; a failure shows as no result
    this.worker.on("error", () => undefined); // reported through wait() instead
  }

  /** Blocks until the worker has posted its part; undefined when it failed or stalled. */
  wait(): PartResult | undefined {
    let progress = 0; // a worker sets 1 when it starts
    while (Atomics.wait(this.signal, 0, 0, this.watchdogMs) === "timed-out") {
      const now = Atomics.load(this.signal, 1);
      if (now === progress) {
        this.cancel();
        return undefined;
      }
      progress = now;
    }
    const message = receiveMessageOnPort(this.port)?.message as PartResult | { failed: string } | undefined;
    this.port.close();
    return message && "part" in message ? message : undefined;
  }

  /** Stops the worker; its part will be read on the main thread. */
  cancel(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
