import { columnLetters, fullAddress, parseAddress, rectAddress, sheetPrefix } from "../../src/taskpane/workbook-port";

describe("address helpers", () => {
  it("names columns as Excel does", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
  });

  it("writes rectangles in A1 style", () => {
    expect(rectAddress({ row: 0, column: 0, rowCount: 1, columnCount: 1 })).toBe("A1");
    expect(rectAddress({ row: 2, column: 1, rowCount: 8, columnCount: 3 })).toBe("B3:D10");
    expect(rectAddress({ row: 2, column: 1, rowCount: 8, columnCount: 3 }, true)).toBe("$B$3:$D$10");
  });

  it("quotes sheet names that need it", () => {
    expect(sheetPrefix("Sheet1")).toBe("Sheet1!");
    expect(sheetPrefix("My data")).toBe("'My data'!");
    expect(sheetPrefix("O'Brien")).toBe("'O''Brien'!");
    expect(sheetPrefix("A1")).toBe("'A1'!");
    expect(sheetPrefix("Cohorts – Month")).toBe("'Cohorts – Month'!");
    expect(sheetPrefix("Q1.2024")).toBe("'Q1.2024'!"); // HyperFormula reads dotted names only in quotes
    expect(sheetPrefix("R1C1")).toBe("'R1C1'!");
    expect(fullAddress("Data", { row: 0, column: 0, rowCount: 5, columnCount: 3 }, true)).toBe("Data!$A$1:$C$5");
  });

  it("parses addresses back", () => {
    expect(parseAddress("Sheet1!B3:D10")).toEqual({ sheet: "Sheet1", rect: { row: 2, column: 1, rowCount: 8, columnCount: 3 } });
    expect(parseAddress("'O''Brien'!$A$1")).toEqual({ sheet: "O'Brien", rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } });
    expect(parseAddress("A:C")).toEqual({ rect: { row: 0, column: 0, rowCount: 1_048_576, columnCount: 3 } });
    expect(parseAddress("not an address")).toBeNull();
    expect(parseAddress("A1:B")).toBeNull();
  });
});
