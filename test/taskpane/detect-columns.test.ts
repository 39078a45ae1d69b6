import { detectColumns, headerScore, looksLikeDateText } from "../../src/taskpane/detect-columns";

const body = [
  ["c1", 45306, 10.5],
  ["c2", 45310, 20],
  ["c1", 45340, 7.25],
  ["c3", 45341, 12],
];

describe("detectColumns", () => {
  it.each([
    ["en", ["Customer ID", "Order date", "Revenue"]],
    ["en, other words", ["client", "date", "amount"]],
    ["ru", ["Клиент", "Дата", "Сумма"]],
    ["ru, other words", ["Покупатель", "Дата заказа", "Выручка"]],
    ["ro", ["Client", "Data", "Sumă"]],
    ["ro, other words", ["ID client", "Data comenzii", "Venit"]],
  ])("finds the roles by %s headers", (_name, header) => {
    const choice = detectColumns([header, ...body]);
    expect(choice).toMatchObject({ header: true, customer: 0, date: 1, revenue: 2 });
    expect(choice.names).toEqual(header);
  });

  it("finds the roles whatever the column order", () => {
    const rows = [["Сумма", "Дата", "Клиент"], ...body.map(([a, b, c]) => [c, b, a])];
    expect(detectColumns(rows)).toMatchObject({ header: true, customer: 2, date: 1, revenue: 0 });
  });

  it("prefers the customer column over an order id", () => {
    const rows = [
      ["Order ID", "Customer ID", "Date", "Amount"],
      [1001, "a", "2024-01-05", 10],
      [1002, "b", "2024-01-06", 12.5],
      [1003, "a", "2024-02-05", 8],
    ];
    expect(detectColumns(rows)).toMatchObject({ header: true, customer: 1, date: 2, revenue: 3 });
  });

  it("finds the roles by content when there is no header", () => {
    expect(detectColumns(body)).toMatchObject({ header: false, customer: 0, date: 1, revenue: 2 });
  });

  it("reads text dates by content: ISO, dotted and slash", () => {
    for (const dates of [["2024-01-05", "2024-01-09", "2024-02-11"], ["05.01.2024", "09.01.2024", "11.02.2024"], ["01/05/2024", "01/09/2024", "02/11/2024"]]) {
      const rows = dates.map((d, i) => [["a", "b", "a"][i], d]);
      expect(detectColumns(rows)).toMatchObject({ header: false, customer: 0, date: 1, revenue: -1 });
    }
  });

  it("tells whole-number ids from dates and amounts in headerless data", () => {
    const rows = [
      [17, 45306, 99.9],
      [18, 45307, 10],
      [17, 45400, 5.5],
    ];
    expect(detectColumns(rows)).toMatchObject({ header: false, customer: 0, date: 1, revenue: 2 });
  });

  it("reports a missing date column as -1", () => {
    const rows = [
      ["Customer", "Note"],
      ["a", "x"],
      ["b", "y"],
    ];
    expect(detectColumns(rows)).toMatchObject({ header: true, customer: 0, date: -1, revenue: -1 });
  });

  it("does not take a column named Date that holds no dates", () => {
    const rows = [
      ["Customer", "Date", "When"],
      ["a", "soon", 45306],
      ["b", "later", 45307],
    ];
    expect(detectColumns(rows)).toMatchObject({ customer: 0, date: 2 });
  });

  it("takes a header whose date column is text above dates, even with numbers in it", () => {
    const rows = [
      ["id", "date", 2024],
      ["a", 45306, 1],
      ["b", 45307, 2],
    ];
    expect(detectColumns(rows).header).toBe(true);
  });

  it("ignores blank cells and desktop Excel's 0 for blanks", () => {
    const rows = [["Customer", "Date", "Revenue"], ["a", 45306, 10], [0, 0, 0], ["b", 45320, ""]];
    expect(detectColumns(rows)).toMatchObject({ header: true, customer: 0, date: 1, revenue: 2 });
  });

  it("returns nothing for no rows", () => {
    expect(detectColumns([])).toEqual({ header: false, customer: -1, date: -1, revenue: -1, names: [] });
  });
});

describe("headerScore", () => {
  it("scores exact words above words inside a header", () => {
    expect(headerScore("Customer", "customer")).toBe(3);
    expect(headerScore("Customer name", "customer")).toBe(2);
    expect(headerScore("Дата", "date")).toBe(3);
    expect(headerScore("Revenue (USD)", "revenue")).toBe(2);
    expect(headerScore("Colour", "customer")).toBe(0);
  });
});

describe("looksLikeDateText", () => {
  it("accepts the engine's text date forms only", () => {
    expect(looksLikeDateText("2024-01-31")).toBe(true);
    expect(looksLikeDateText("2024-01-31T10:00:00")).toBe(true);
    expect(looksLikeDateText("31.01.2024")).toBe(true);
    expect(looksLikeDateText("01/31/2024")).toBe(true);
    expect(looksLikeDateText("Jan 31")).toBe(false);
    expect(looksLikeDateText("2024")).toBe(false);
    // the engine's rules exactly: times after any form, real calendar days only
    expect(looksLikeDateText("31.01.2024 10:30")).toBe(true);
    expect(looksLikeDateText("01/31/2024 5:00 PM")).toBe(true);
    expect(looksLikeDateText("2024-02-30")).toBe(false);
    expect(looksLikeDateText("45306")).toBe(false);
  });
});
