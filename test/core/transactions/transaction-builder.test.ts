import { TransactionBuilder, Transactions } from "../../../src/core/transactions";

const names = { fn: "test", ids: "ids", dates: "dates", values: "values", row: "line" };
const bytes = (text: string) => new TextEncoder().encode(text);

/** Rows as a file reader adds them: line, id, day, revenue; a null id is an empty line. */
type Row = [number, string | null, number, number];

function add(builder: TransactionBuilder, rows: Row[]): void {
  for (const [line, id, day, revenue] of rows) {
    if (id === null) builder.skip(line);
    else builder.addParsed(bytes(id), 0, bytes(id).length, day, revenue);
  }
}

function plain(tx: Transactions) {
  return { ids: tx.customerIds, count: tx.customerCount, customer: Array.from(tx.customer), day: Array.from(tx.day), revenue: Array.from(tx.revenue ?? []), skippedRows: tx.skippedRows };
}

describe("TransactionBuilder.appendPart", () => {
  // Lines 2–5 on one builder, lines 6–10 as a part read from line 6 (numbered from 1 there).
  const rows: Row[] = [
    [2, "a", 19723, 1],
    [3, "b", 19724, 2],
    [4, "a-much-longer-customer", 19725, 3],
    [5, "a", 19726, 4],
    [6, "c", 19727, 5],
    [7, null, 0, 0],
    [8, "b", 19728, 6],
    [9, "Ёж", 19729, 7],
    [10, "a-much-longer-customer", 19730, 8],
  ];

  test("equals one builder over all the rows: ids in order of first sight, skipped rows renumbered", () => {
    const whole = new TransactionBuilder({ names, hasValues: true, detectHeader: false });
    add(whole, rows);
    const first = new TransactionBuilder({ names, hasValues: true, detectHeader: false, expectedRows: 1 });
    add(first, rows.slice(0, 4));
    const part = new TransactionBuilder({ names, hasValues: true, detectHeader: false });
    add(
      part,
      rows.slice(4).map(([line, ...rest]) => [line - 5, ...rest] as Row),
    );
    first.appendPart(part.finishPart(), 6);
    expect(plain(first.finish())).toEqual(plain(whole.finish()));
    expect(plain(whole.finish()).ids).toEqual(["a", "b", "a-much-longer-customer", "c", "Ёж"]);
  });

  test("a part with slash dates still to be judged is refused", () => {
    const part = new TransactionBuilder({ names, hasValues: false, detectHeader: false });
    part.addRow(1, "a", "03/04/2024", undefined);
    expect(() => part.finishPart()).toThrow("slash dates");
  });
});
