import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fieldText, readCsv } from "../../src/cli/csv-reader";

function records(text: string, chunkSize?: number): { line: number; fields: string[] }[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retain-csv-")), "t.csv");
  fs.writeFileSync(file, text);
  const out: { line: number; fields: string[] }[] = [];
  readCsv(file, (r) => void out.push({ line: r.line, fields: Array.from({ length: r.count }, (_, k) => fieldText(r, k)) }), { chunkSize });
  return out;
}

const sample = 'id,date,note\r\n"a,1",2024-01-01,"say ""hi"""\r\n\r\nb,2024-01-02,"two\nlines"\nc,2024-01-03,last';

describe("readCsv", () => {
  test("quotes, escaped quotes, CRLF, empty lines, newlines inside quotes, no final newline", () => {
    expect(records(sample)).toEqual([
      { line: 1, fields: ["id", "date", "note"] },
      { line: 2, fields: ["a,1", "2024-01-01", 'say "hi"'] },
      { line: 3, fields: [""] },
      { line: 4, fields: ["b", "2024-01-02", "two\nlines"] },
      { line: 6, fields: ["c", "2024-01-03", "last"] },
    ]);
  });

  test("the same records whatever the chunk size (records cut across chunks)", () => {
    const whole = records(sample);
    for (const chunk of [1, 2, 3, 5, 7, 16]) expect(records(sample, chunk)).toEqual(whole);
  });

  test("a final newline adds no record; an empty file has none", () => {
    expect(records("a,b\n1,2\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
    expect(records("")).toEqual([]);
  });

  test("UTF-8 fields", () => {
    expect(records("клиент,дата\nЁж,01.02.2024\n", 3)[1].fields).toEqual(["Ёж", "01.02.2024"]);
  });

  test("a range: from a record's start with its line, up to a stop offset; a refused record ends it", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retain-csv-")), "t.csv");
    fs.writeFileSync(file, sample);
    const all: { line: number; fields: string[]; end: number }[] = [];
    const text = Buffer.from(sample);
    const starts = [0, text.indexOf("\"a,1"), text.indexOf("\r\n\r\n") + 2, text.indexOf("b,"), text.indexOf("c,")];
    readCsv(file, (r) => void all.push({ line: r.line, fields: Array.from({ length: r.count }, (_, k) => fieldText(r, k)), end: 0 }));
    for (const chunkSize of [2, 1 << 16]) {
      // From record 3 (the empty line, line 3) to a stop inside record 4 (a quoted field with a newline).
      const got: { line: number; fields: string[] }[] = [];
      const end = readCsv(file, (r) => void got.push({ line: r.line, fields: Array.from({ length: r.count }, (_, k) => fieldText(r, k)) }), { start: starts[2], line: 3, stopAt: starts[3] + 1, chunkSize });
      expect(got).toEqual(all.slice(2, 4).map(({ line, fields }) => ({ line, fields })));
      expect(end).toEqual({ pos: starts[4], line: 6 });
      // A stop at a record's start reads nothing from it; a refusal ends at the refused record.
      expect(readCsv(file, () => true, { start: starts[1], line: 2, stopAt: starts[3], chunkSize })).toEqual({ pos: starts[3], line: 4 });
      expect(readCsv(file, (r) => r.line < 4, { chunkSize })).toEqual({ pos: starts[3], line: 4 });
      expect(readCsv(file, () => true, { chunkSize })).toEqual({ pos: text.length, line: 7 });
    }
  });

  test("a record longer than maxRecordBytes ends the reading at its start", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retain-csv-")), "t.csv");
    const long = `b,"${"x\n".repeat(200)}"`;
    fs.writeFileSync(file, `a,1\n${long}\nc,3\n`);
    const seen: string[] = [];
    const end = readCsv(file, (r) => void seen.push(fieldText(r, 0)), { maxRecordBytes: 100, chunkSize: 16 });
    expect(seen).toEqual(["a"]);
    expect(end).toEqual({ pos: 4, line: 2 });
    // without the limit the record is read whole
    expect(readCsv(file, () => true, { chunkSize: 16 })).toEqual({ pos: 4 + long.length + 5, line: 204 });
  });
});
