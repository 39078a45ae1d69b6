import { biggestDrop } from "../../src/core/pane/biggest-drop";
import { summarise } from "../../src/taskpane/summary";

describe("biggestDrop", () => {
  it("runs its example", () => {
    expect(biggestDrop([1, 0.4, 0.3, 0.28])).toEqual({ offset: 1, from: 1, to: 0.4, drop: 0.6 });
  });

  it("finds a later drop bigger than the first", () => {
    expect(biggestDrop([1, 0.9, 0.85, 0.4, 0.38])?.offset).toBe(3);
  });

  it("gives ties to the earliest offset", () => {
    expect(biggestDrop([1, 0.75, 0.5, 0.25])?.offset).toBe(1);
  });

  it("measures no drop into or out of blank offsets", () => {
    expect(biggestDrop([1, "", 0.1, 0.05])).toEqual({ offset: 3, from: 0.1, to: 0.05, drop: expect.closeTo(0.05, 12) });
  });

  it("leaves out offsets with too little support", () => {
    expect(biggestDrop([1, 0.5, 0.45, 0], [10, 9, 8, 1], 2)?.offset).toBe(1);
    expect(biggestDrop([1, 0.5, 0.45, 0], [10, 9, 8, 1], 1)?.offset).toBe(1);
    expect(biggestDrop([1, 0.9, 0.85, 0], [10, 9, 8, 1], 1)?.offset).toBe(3);
    expect(biggestDrop([1, 0.9, 0.85, 0], [10, 9, 8, 1], 2)?.offset).toBe(1);
  });

  it("has no answer for a curve that never falls", () => {
    expect(biggestDrop([1, 1, 1])).toBeUndefined();
    expect(biggestDrop([0.2, 0.5, 0.9])).toBeUndefined();
    expect(biggestDrop([])).toBeUndefined();
  });
});

describe("summarise", () => {
  const table = [
    ["Cohort", "Customers", 0, 1, 2, 3, 4, 5, 6],
    ["2024-01", 10, 1, 0.5, 0.4, 0.4, 0.3, 0.3, 0.2],
    ["2024-02", 10, 1, 0.6, 0.5, 0.1, 0.1, 0.1, ""],
    ["2024-03", 20, 1, 0.3, 0.2, 0.2, 0.2, "", ""],
    ["All cohorts", 40, 1, 0.425, 0.325, 0.225, 0.2, 0.2, 0.2],
  ];

  it("reads the averages at 1, 3 and 6 off the All cohorts row", () => {
    const s = summarise(table);
    expect(s.averages).toEqual([
      { offset: 1, value: 0.425 },
      { offset: 3, value: 0.225 },
      { offset: 6, value: 0.2 },
    ]);
    expect(s.cohorts).toBe(3);
    expect(s.customers).toBe(40);
  });

  it("finds the biggest drop of the average curve", () => {
    expect(summarise(table).drop).toMatchObject({ offset: 1, from: 1, to: 0.425 });
  });

  it("ignores a tail offset only one cohort reached", () => {
    const t = table.map((r) => r.slice());
    t[4][8] = 0; // a cliff at offset 6, reached by 2024-01 alone
    expect(summarise(t).drop?.offset).toBe(1);
  });
});
