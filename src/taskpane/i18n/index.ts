/**
 * The pane's languages. The language follows Office.context.displayLanguage
 * ("ru-RU" → ru, "ro-RO" or "ro-MD" → ro, anything else → en).
 */
import { en, type StringKey, type StringTable } from "./en";
import { ro } from "./ro";
import { ru } from "./ru";

export type { StringKey, StringTable } from "./en";
export type Language = "en" | "ru" | "ro";

export const tables: Record<Language, StringTable> = { en, ru, ro };

/** The language of a BCP 47 tag such as Office.context.displayLanguage. */
export function pickLanguage(tag: string | undefined): Language {
  const primary = (tag ?? "").toLowerCase().split(/[-_]/)[0];
  return primary === "ru" || primary === "ro" ? primary : "en";
}

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/** A translator: fills {name} placeholders; numbers are written with the language's digit grouping. */
export function translator(language: Language): Translate {
  const table = tables[language];
  const numbers = new Intl.NumberFormat(language === "en" ? "en-US" : language);
  return (key, params) => {
    const text = table[key] ?? en[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      if (v === undefined) return whole;
      return typeof v === "number" ? numbers.format(v) : v;
    });
  };
}

/** The placeholders a string uses, for the completeness test. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
