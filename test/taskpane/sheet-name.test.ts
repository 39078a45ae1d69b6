import { cleanSheetName, MAX_SHEET_NAME, uniqueSheetName } from "../../src/taskpane/sheet-name";

describe("uniqueSheetName", () => {
  it("uses the base name when free", () => {
    expect(uniqueSheetName("Cohorts – Month", ["Sheet1"])).toBe("Cohorts – Month");
  });

  it("numbers a clash, ignoring case", () => {
    expect(uniqueSheetName("Cohorts – Month", ["cohorts – month"])).toBe("Cohorts – Month (2)");
    expect(uniqueSheetName("Cohorts – Month", ["Cohorts – Month", "Cohorts – Month (2)"])).toBe("Cohorts – Month (3)");
  });

  it("keeps to 31 characters, shortening the base before the number", () => {
    const base = "Когорты – Квартал и ещё много слов";
    const first = uniqueSheetName(base, []);
    expect(Array.from(first).length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    const second = uniqueSheetName(base, [first]);
    expect(Array.from(second).length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(second.endsWith(" (2)")).toBe(true);
  });

  it("replaces characters Excel forbids and edge apostrophes", () => {
    expect(cleanSheetName("a:b\\c/d?e*f[g]h")).toBe("a b c d e f g h");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("History")).toBe("Cohorts");
    expect(cleanSheetName("   ")).toBe("Cohorts");
  });
});
