import { Cell } from "../../../src/core/cells";
import { failure } from "../retain-failure";
import { dateCellToDay, isoDate, parseDateOrder, parseDateText, readTransactions } from "../../../src/core/transactions";

function days(dates: Cell[], dateOrder?: "DMY" | "MDY"): string[] {
  const tx = readTransactions(dates.map(() => "a"), dates, undefined, { dateOrder, fn: "COHORT" });
  return Array.from(tx.day, isoDate);
}

describe("parseDateText", () => {
  test("examples", () => {
    expect(parseDateText("2024-01-15")).toEqual({ kind: "day", day: 19737 });
    expect(parseDateText("15.01.2024")).toEqual({ kind: "day", day: 19737 });
    expect(parseDateText("15/01/2024")).toEqual({ kind: "slash", dmy: 19737, mdy: undefined });
  });

  test("ISO with a time, dotted with a time, serial text", () => {
    expect(parseDateText("2024-01-15T23:59:59Z")).toEqual({ kind: "day", day: 19737 });
    expect(parseDateText("2024-01-15 08:30")).toEqual({ kind: "day", day: 19737 });
    expect(parseDateText(" 5.1.2024 10:00 ")).toEqual({ kind: "day", day: 19727 });
    expect(parseDateText("45306")).toEqual({ kind: "day", day: 19737 });
  });

  test("no date", () => {
    for (const text of ["order_date", "2024-02-30", "31.04.2024", "13/13/2024", "2024/01/15", "1/2/24", "", "60"]) {
      expect(parseDateText(text)).toBeUndefined();
    }
  });
});

describe("readTransactions", () => {
  test("example", () => {
    const tx = readTransactions(["a", "b", "a"], [45306, "2024-02-01", "03.03.2024"], [10, 5, ""]);
    expect(Array.from(tx.revenue as Float64Array)).toEqual([10, 5, 0]);
    expect(tx.customerIds).toEqual(["a", "b"]);
    expect(Array.from(tx.customer)).toEqual([0, 1, 0]);
    expect(Array.from(tx.day, isoDate)).toEqual(["2024-01-15", "2024-02-01", "2024-03-03"]);
  });

  test("skips blank rows (0, null, '') and takes a text first row as a header", () => {
    const tx = readTransactions(["customer", "a", 0, null, "", "b", 0], ["date", 45306, 0, null, "  ", "2024-01-16", 0], ["amount", 1, 0, null, "", 2, 0]);
    expect(tx.headerRow).toBe(true);
    expect(tx.skippedRows).toEqual([1, 3, 4, 5, 7]);
    expect(Array.from(tx.customer)).toEqual([0, 1]);
    expect(Array.from(tx.revenue as Float64Array)).toEqual([1, 2]);
  });

  test("a first row with a date is data, not a header", () => {
    expect(readTransactions(["a"], ["2024-01-15"], undefined).headerRow).toBe(false);
  });

  test("7 and '7' are one customer; the first form is kept", () => {
    const tx = readTransactions([7, "7", "x"], [45306, 45307, 45308], undefined);
    expect(tx.customerIds).toEqual([7, "x"]);
    expect(Array.from(tx.customer)).toEqual([0, 0, 1]);
  });

  test("negative revenue (refunds) is kept; numeric text is read; blank is 0", () => {
    const tx = readTransactions(["a", "a", "a"], [45306, 45307, 45308], [-5, " 12.5 ", null]);
    expect(Array.from(tx.revenue as Float64Array)).toEqual([-5, 12.5, 0]);
  });

  describe("slash dates are judged over the whole column", () => {
    test("a day over 12 in the first place makes the column day-first", () => {
      expect(days(["03/04/2024", "13/04/2024"])).toEqual(["2024-04-03", "2024-04-13"]);
    });
    test("a day over 12 in the second place makes the column month-first", () => {
      expect(days(["03/04/2024", "04/13/2024"])).toEqual(["2024-03-04", "2024-04-13"]);
    });
    test("dates that read the same both ways need no order", () => {
      expect(days(["05/05/2024", "2024-01-01"])).toEqual(["2024-05-05", "2024-01-01"]);
    });
    test("date_order decides an ambiguous column", () => {
      expect(days(["03/04/2024", "01/02/2024"], "DMY")).toEqual(["2024-04-03", "2024-02-01"]);
      expect(days(["03/04/2024", "01/02/2024"], "MDY")).toEqual(["2024-03-04", "2024-01-02"]);
    });
    test("an ambiguous column without date_order is an error naming date_order", () => {
      expect(failure(() => days(["03/04/2024", "01/02/2024"]))).toBe(
        'COHORT requires date_order ("DMY" or "MDY") because every slash date in dates reads both day-first and month-first, as row 1 "03/04/2024"',
      );
    });
    test("a column that fits neither reading is an error", () => {
      expect(failure(() => days(["13/04/2024", "04/13/2024"]))).toBe(
        'COHORT requires the slash dates in dates to be all day-first or all month-first, but row 1 "13/04/2024" is only day-first and row 2 "04/13/2024" only month-first',
      );
    });
    test("a date that does not fit the given order is an error", () => {
      expect(failure(() => days(["03/04/2024", "04/13/2024"], "DMY"))).toBe('COHORT requires dates row 2 to be a date (DMY), not "04/13/2024"');
    });
    test("dotted dates are always day-first", () => {
      expect(days(["03.04.2024"], "MDY")).toEqual(["2024-04-03"]);
    });
  });

  describe("bad input names the argument, the row and the value", () => {
    const fn = { fn: "COHORT" };
    test("serial 60 (Excel's fictitious 1900-02-29)", () => {
      expect(failure(() => readTransactions(["a"], [60], undefined, fn))).toBe("COHORT requires dates row 1 to be a date, not 60");
    });
    test("an unreadable date after row 1", () => {
      expect(failure(() => readTransactions(["a", "b"], [45306, "yesterday"], undefined, fn))).toBe('COHORT requires dates row 2 to be a date, not "yesterday"');
    });
    test("a blank date with an id", () => {
      expect(failure(() => readTransactions(["a", "b"], [45306, null], undefined, fn))).toBe("COHORT requires dates row 2 to be a date, not blank");
    });
    test("a blank id with a date", () => {
      expect(failure(() => readTransactions(["a", 0], [45306, 45307], undefined, fn))).toBe("COHORT requires customer_ids row 2 to be an id, not blank");
    });
    test("a boolean id or date", () => {
      expect(failure(() => readTransactions([true], [45306], undefined, fn))).toBe("COHORT requires customer_ids row 1 to be an id, not true");
      expect(failure(() => readTransactions(["a"], [false], undefined, fn))).toBe("COHORT requires dates row 1 to be a date, not false");
    });
    test("non-numeric revenue", () => {
      expect(failure(() => readTransactions(["a", "b"], [45306, 45306], [1, "12 EUR"], fn))).toBe('COHORT requires values row 2 to be a number, not "12 EUR"');
      expect(failure(() => readTransactions(["a"], [45306], [true], fn))).toBe("COHORT requires values row 1 to be a number, not true");
    });
    test("columns of different lengths", () => {
      expect(failure(() => readTransactions(["a", "b"], [45306], undefined, fn))).toBe("COHORT requires dates to have as many rows as customer_ids (2), not 1");
      expect(failure(() => readTransactions(["a"], [45306], [1, 2], fn))).toBe("COHORT requires values to have as many rows as customer_ids (1), not 2");
    });
  });
});

describe("single date arguments", () => {
  test("examples", () => {
    expect(dateCellToDay("2024-01-15", "as_of", "RFM")).toBe(19737);
    expect(dateCellToDay(45306, "as_of", "RFM")).toBe(19737);
  });
  test("slash dates follow the order, and need one when ambiguous", () => {
    expect(dateCellToDay("03/04/2024", "as_of", "RFM", "MDY")).toBe(dateCellToDay("2024-03-04", "as_of", "RFM"));
    expect(dateCellToDay("13/04/2024", "as_of", "RFM")).toBe(dateCellToDay("2024-04-13", "as_of", "RFM"));
    expect(failure(() => dateCellToDay("03/04/2024", "as_of", "RFM"))).toBe('RFM requires date_order ("DMY" or "MDY") to read as_of "03/04/2024"');
    expect(failure(() => dateCellToDay("soon", "as_of", "RFM"))).toBe('RFM requires as_of to be a date, not "soon"');
  });
  test("parseDateOrder", () => {
    expect(parseDateOrder("dmy", "COHORT")).toBe("DMY");
    expect(parseDateOrder(null, "COHORT")).toBeUndefined();
    expect(failure(() => parseDateOrder("YMD", "COHORT"))).toBe('COHORT requires date_order to be one of DMY, MDY, not "YMD"');
  });
});
