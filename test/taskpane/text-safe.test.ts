import { literalText, needsQuotePrefix, textSafeBlock } from "../../src/taskpane/text-safe";

describe("text safety", () => {
  it.each(["=HYPERLINK(\"http://x\",\"click\")", "+1", "-2", "@x", "'quoted", "=1+1"])("quotes %s", (text) => {
    expect(needsQuotePrefix(text)).toBe(true);
    expect(literalText(text)).toBe(`'${text}`);
  });

  it.each(["abc", "2024-01", "007", "TRUE", "50%", "", "a=b"])("leaves %s as it is (the @ format keeps it text)", (text) => {
    expect(literalText(text)).toBe(text);
  });

  it("gives string cells the text format and others theirs", () => {
    const out = textSafeBlock([["=SUM(A1)", 0.5, ""], ["2024-01", 3, true]], (_r, c) => (c === 1 ? "0.0%" : undefined));
    expect(out.values).toEqual([["'=SUM(A1)", 0.5, ""], ["2024-01", 3, true]]);
    expect(out.numberFormat).toEqual([["@", "0.0%", "General"], ["@", "0.0%", "General"]]);
  });
});
