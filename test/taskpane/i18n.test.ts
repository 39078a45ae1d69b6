import { en } from "../../src/taskpane/i18n/en";
import { pickLanguage, placeholders, tables, translator } from "../../src/taskpane/i18n";

describe("string tables", () => {
  const keys = Object.keys(en).sort();

  it.each(["ru", "ro"] as const)("%s has every key and no other", (language) => {
    expect(Object.keys(tables[language]).sort()).toEqual(keys);
  });

  it.each(["en", "ru", "ro"] as const)("%s: every string is non-empty and uses the English placeholders", (language) => {
    for (const key of keys) {
      const text = tables[language][key as keyof typeof en];
      expect(text.trim()).not.toBe("");
      expect([key, placeholders(text)]).toEqual([key, placeholders(en[key as keyof typeof en])]);
    }
  });

  it("follows Office's display language", () => {
    expect(pickLanguage("ru-RU")).toBe("ru");
    expect(pickLanguage("ro-MD")).toBe("ro");
    expect(pickLanguage("en-GB")).toBe("en");
    expect(pickLanguage("de-DE")).toBe("en");
    expect(pickLanguage(undefined)).toBe("en");
  });

  it("fills placeholders, grouping numbers the language's way", () => {
    expect(translator("en")("sourceFound", { address: "Sheet1!A1:C5", rows: 12345, columns: 3 })).toBe("Sheet1!A1:C5 · 12,345 rows × 3 columns");
    expect(translator("ru")("shareDone", { count: 2 })).toBe("Формул заменено значениями: 2.");
  });
});
