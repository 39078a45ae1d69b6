import { parseCsv, detectDelimiter } from "../../src/playground/csv";
import { parseDataText, parseTypedInput } from "../../src/playground/cell-input";
import { dateToSerial, formatGeneral, formatValue, serialToDateParts } from "../../src/playground/number-format";
import { columnIndex, columnName, parseRange, rangeName } from "../../src/playground/address";

describe("parseCsv", () => {
  test("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('id,note\r\n1,"a, b"\r\n2,"say ""hi"""\n3,"two\nlines"\n')).toEqual([
      ["id", "note"],
      ["1", "a, b"],
      ["2", 'say "hi"'],
      ["3", "two\nlines"],
    ]);
  });
  test("drops a byte-order mark and keeps empty fields", () => {
    expect(parseCsv("\uFEFFa,,c\n,,\n")).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });
  test("detects semicolons and tabs from the first line", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(parseCsv("a\tb\n1\t2")).toEqual([["a", "b"], ["1", "2"]]);
  });
  test("rejects a quote that is never closed", () => {
    expect(() => parseCsv('a,"b\n')).toThrow("parseCsv found a quote that is never closed");
  });
});

describe("cell input", () => {
  test("numbers, percents, ISO and day-first dates, booleans", () => {
    expect(parseDataText("12.5")).toEqual({ kind: "value", value: 12.5 });
    expect(parseDataText("1,234.5")).toEqual({ kind: "value", value: 1234.5 });
    expect(parseDataText("90%")).toEqual({ kind: "value", value: 0.9, format: "0%" });
    expect(parseDataText("2024-01-15")).toEqual({ kind: "value", value: 45306, format: "yyyy-mm-dd" });
    expect(parseDataText("15.01.2024")).toEqual({ kind: "value", value: 45306, format: "dd.mm.yyyy" });
    expect(parseDataText("true")).toEqual({ kind: "value", value: true });
  });
  test("ambiguous dates, ids with leading zeros and invalid dates stay text", () => {
    expect(parseDataText("03/04/2024").value).toBe("03/04/2024");
    expect(parseDataText("007").value).toBe("007");
    expect(parseDataText("2024-02-30").value).toBe("2024-02-30");
  });
  test("data text is never a formula; typed text starting with = is", () => {
    expect(parseDataText("=1+1")).toEqual({ kind: "value", value: "=1+1" });
    expect(parseTypedInput("=1+1")).toEqual({ kind: "formula", value: "=1+1" });
    expect(parseTypedInput("'=1+1")).toEqual({ kind: "value", value: "=1+1" });
    expect(parseTypedInput("")).toEqual({ kind: "empty", value: null });
  });
});

describe("number formats", () => {
  test("General shows up to 11 characters, as in a standard-width column", () => {
    expect(formatGeneral(0.9)).toBe("0.9");
    expect(formatGeneral(1 / 3)).toBe("0.333333333");
    expect(formatGeneral(123456)).toBe("123456");
    expect(formatGeneral(-2.5)).toBe("-2.5");
    expect(formatGeneral(1.5e12)).toBe("1.5E+12");
    expect(formatGeneral(733.33333333, 8)).toBe("733.3333");
    expect(formatGeneral(-1 / 3, 6)).toBe("-0.333");
    expect(formatGeneral(123456789, 6)).toBe("1E+08");
  });
  test("fixed, grouped, percent and literal formats", () => {
    expect(formatValue(0.9, "0%")).toBe("90%");
    expect(formatValue(0.1234, "0.0%")).toBe("12.3%");
    expect(formatValue(1234.567, "#,##0.00")).toBe("1,234.57");
    expect(formatValue(-1234.567, "#,##0.00")).toBe("-1,234.57");
    expect(formatValue(5, "0.00")).toBe("5.00");
    expect(formatValue(0.5, "#,##0.0")).toBe("0.5");
    expect(formatValue(12, '0 "days"')).toBe("12 days");
    expect(formatValue(-3, "0;(0)")).toBe("(3)");
    expect(formatValue(3, "[Red]0.0")).toBe("3.0");
  });
  test("dates in the 1900 system", () => {
    expect(dateToSerial(2024, 1, 15)).toBe(45306);
    expect(formatValue(45306, "yyyy-mm-dd")).toBe("2024-01-15");
    expect(formatValue(45306, "dd.mm.yyyy")).toBe("15.01.2024");
    expect(formatValue(45306, "mmm yyyy")).toBe("Jan 2024");
    expect(formatValue(45306.5, "yyyy-mm-dd hh:mm")).toBe("2024-01-15 12:00");
    expect(serialToDateParts(60)).toMatchObject({ year: 1900, month: 2, day: 29 });
    expect(formatValue(61, "yyyy-mm-dd")).toBe("1900-03-01");
  });
  test("text and booleans show as themselves", () => {
    expect(formatValue("abc", "0%")).toBe("abc");
    expect(formatValue(true)).toBe("TRUE");
    expect(formatValue(null)).toBe("");
  });
});

describe("addresses", () => {
  test("column letters both ways", () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(columnIndex("AB")).toBe(27);
  });
  test("ranges with quoted sheet names, whole columns", () => {
    expect(parseRange("'My data'!A2:C10")).toEqual({ sheet: "My data", start: { row: 1, col: 0 }, end: { row: 9, col: 2 } });
    expect(parseRange("A:C")?.end).toEqual({ row: 1048575, col: 2 });
    expect(parseRange("hello")).toBeUndefined();
    expect(rangeName({ start: { row: 9, col: 2 }, end: { row: 1, col: 0 } }, "My data")).toBe("'My data'!A2:C10");
  });
});
