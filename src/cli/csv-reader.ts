/**
 * A streaming CSV reader (RFC 4180: comma separated, fields optionally in double
 * quotes, "" for a quote inside quotes, CRLF or LF line ends). It reads the file in
 * chunks and hands each record over as byte ranges in a reused buffer, so a file of
 * any length is read without keeping its rows, or even its fields, as strings.
 */
import * as fs from "fs";

export interface CsvRecord {
  /** the bytes the ranges point into; valid only during the callback */
  bytes: Buffer;
  /** field k is bytes[start[k] … end[k]), without its quotes */
  start: Int32Array;
  end: Int32Array;
  /** 1 where field k was quoted and holds "" pairs to unescape */
  escaped: Uint8Array;
  count: number;
  /** 1-based line of the file where the record starts */
  line: number;
}

/** The text of field k (UTF-8), with quotes unescaped; "" past the last field. */
export function fieldText(record: CsvRecord, k: number): string {
  if (k >= record.count) return "";
  const text = record.bytes.toString("utf8", record.start[k], record.end[k]);
  return record.escaped[k] ? text.replace(/""/g, '"') : text;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

class Reader {
  record: CsvRecord;
  capacity = 16;
  /** newlines inside quoted fields of the record last parsed */
  newlines = 0;

  constructor(bytes: Buffer) {
    this.record = { bytes, start: new Int32Array(16), end: new Int32Array(16), escaped: new Uint8Array(16), count: 0, line: 1 };
  }

  field(count: number, start: number, end: number, escaped: number): void {
    const r = this.record;
    if (count === this.capacity) {
      this.capacity *= 2;
      r.start = grow(r.start, this.capacity);
      r.end = grow(r.end, this.capacity);
      const more = new Uint8Array(this.capacity);
      more.set(r.escaped);
      r.escaped = more;
    }
    r.start[count] = start;
    r.end[count] = end;
    r.escaped[count] = escaped;
  }

  /**
   * Parses the record at `pos`, the fast way while it has no quote. Returns the
   * position after it, or −1 when the record runs past the bytes read so far.
   */
  parse(bytes: Buffer, pos: number, length: number, eof: boolean): number {
    this.newlines = 0;
    let count = 0;
    let fieldStart = pos;
    let i = pos;
    for (; i < length; i++) {
      const c = bytes[i];
      // comma (44), quote (34) and newline (10) are the only bytes below 45 that matter
      if (c < 45) {
        if (c === COMMA) {
          this.field(count++, fieldStart, i, 0);
          fieldStart = i + 1;
        } else if (c === LF) {
          break;
        } else if (c === QUOTE) {
          return this.parseQuoted(bytes, pos, length, eof);
        }
      }
    }
    if (i === length && !eof) return -1;
    this.field(count++, fieldStart, i > fieldStart && bytes[i - 1] === CR ? i - 1 : i, 0);
    this.record.count = count;
    return i === length ? length : i + 1;
  }

  /** The general state machine, for records with quoted fields (which may hold newlines). */
  private parseQuoted(bytes: Buffer, pos: number, length: number, eof: boolean): number {
    let i = pos;
    let count = 0;
    for (;;) {
      let next: number; // the byte after the field: a comma, a newline, or length
      if (i < length && bytes[i] === QUOTE) {
        let j = i + 1;
        let escaped = 0;
        for (;;) {
          while (j < length && bytes[j] !== QUOTE) {
            if (bytes[j] === LF) this.newlines++;
            j++;
          }
          if (j + 1 < length && bytes[j + 1] === QUOTE) {
            escaped = 1;
            j += 2;
            continue;
          }
          break;
        }
        if (j >= length || (j + 1 >= length && !eof)) return -1;
        this.field(count++, i + 1, j, escaped);
        // Anything between the closing quote and the delimiter is ignored.
        next = j + 1;
        while (next < length && bytes[next] !== COMMA && bytes[next] !== LF) next++;
      } else {
        let j = i;
        while (j < length && bytes[j] !== COMMA && bytes[j] !== LF) j++;
        next = j;
        this.field(count++, i, j > i && bytes[j - 1] === CR && (j === length || bytes[j] === LF) ? j - 1 : j, 0);
      }
      if (next >= length) {
        if (!eof) return -1;
        this.record.count = count;
        return length;
      }
      if (bytes[next] === LF) {
        this.record.count = count;
        return next + 1;
      }
      i = next + 1;
    }
  }
}

export interface ReadRange {
  /** byte offset of the first record to read (default 0); it must start a record */
  start?: number;
  /** the file line of that record (default 1) */
  line?: number;
  /** read no record that starts at or after this byte offset (default: to the end) */
  stopAt?: number;
  /** stop before a record that runs past this many bytes, rather than reading on to its end */
  maxRecordBytes?: number;
  chunkSize?: number;
}

/** Where reading stopped: the byte offset and line of the first record not read (or the end). */
export interface ReadEnd {
  pos: number;
  line: number;
}

/**
 * Calls `onRecord` for every record of the file (or of a range of it), in order.
 * An empty line is a record of one empty field, so the caller can count it as
 * skipped. When `onRecord` returns false, reading stops before that record, which
 * the returned end then points at, as it does a record longer than
 * `maxRecordBytes`; otherwise the end is where `stopAt` or the end of the file was
 * reached.
 */
export function readCsv(file: string, onRecord: (record: CsvRecord) => boolean | void, range: ReadRange = {}): ReadEnd {
  const chunkSize = range.chunkSize ?? 1 << 20;
  const stopAt = range.stopAt ?? Infinity;
  const fd = fs.openSync(file, "r");
  try {
    let bytes = Buffer.allocUnsafe(chunkSize * 2);
    const reader = new Reader(bytes);
    let base = range.start ?? 0; // file offset of bytes[0]
    let length = 0; // bytes held in `bytes`
    let eof = false;
    let line = range.line ?? 1;
    for (;;) {
      if (bytes.length - length < chunkSize) {
        // A record longer than the buffer: make room.
        const bigger = Buffer.allocUnsafe(Math.max(bytes.length * 2, length + chunkSize));
        bytes.copy(bigger, 0, 0, length);
        bytes = bigger;
        reader.record.bytes = bytes;
      }
      const read = fs.readSync(fd, bytes, length, chunkSize, base + length);
      if (read === 0) eof = true;
      length += read;
      let pos = 0;
      while (pos < length) {
        if (base + pos >= stopAt) return { pos: base + pos, line };
        const next = reader.parse(bytes, pos, length, eof);
        if (next < 0) break;
        reader.record.line = line;
        if (onRecord(reader.record) === false) return { pos: base + pos, line };
        line += 1 + reader.newlines;
        pos = next;
      }
      if (eof) return { pos: base + pos, line };
      if (range.maxRecordBytes !== undefined && length - pos > range.maxRecordBytes) return { pos: base + pos, line };
      // Carry the partial record over to the front of the buffer.
      bytes.copy(bytes, 0, pos, length);
      base += pos;
      length -= pos;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
