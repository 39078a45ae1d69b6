/**
 * Which columns of the source hold the customer id, the date and the revenue, and
 * whether the first row is a header. Pure: it looks at the first rows the pane reads.
 *
 * Rules:
 * - The first row is a header when it has text in some column and, in the column
 *   that holds dates below it, no date; or when every non-blank cell in it is text
 *   that is neither a number nor a date while the rows below hold numbers or dates.
 * - With a header, each column is scored by its header words (en/ru/ro) and then by
 *   content; without one, by content alone:
 *   - date: every non-blank cell is an Excel serial number in a plausible range
 *     (1990 to 2100) or text that reads as a date;
 *   - revenue: numbers (or numeric text), not dates, not whole-number ids alone;
 *   - customer: text or whole numbers, repeated values count in favour.
 * - A column is used for at most one role. Revenue is optional; a missing id or date
 *   column is reported as -1 and the pane asks the analyst to choose.
 */
import type { Cell } from "../core/cells";
import { parseDateText } from "../core/transactions";

export interface ColumnChoice {
  /** whether row 1 of the source is a header */
  header: boolean;
  /** 0-based column indexes within the source; -1 when none was found */
  customer: number;
  date: number;
  revenue: number;
  /** the header text (or "Column B") of every column, for the pickers */
  names: string[];
}

const words = {
  customer: [
    "customer", "customer id", "customer_id", "customerid", "client", "client id", "clientid", "user", "user id", "user_id",
    "userid", "buyer", "member", "account", "id", "cust", "cust_id", "email",
    "клиент", "id клиента", "код клиента", "покупатель", "пользователь", "заказчик", "абонент", "идентификатор", "ид",
    "client", "cod client", "id client", "cumpărător", "cumparator", "utilizator", "beneficiar",
  ],
  date: [
    "date", "day", "order date", "order_date", "purchase date", "transaction date", "invoice date", "created", "created at",
    "created_at", "timestamp", "time", "datetime",
    "дата", "дата заказа", "дата покупки", "дата транзакции", "день", "время",
    "data", "data comenzii", "data tranzacției", "data tranzactiei", "ziua", "zi",
  ],
  revenue: [
    "revenue", "amount", "value", "sales", "sale", "total", "price", "sum", "spend", "spent", "paid", "payment", "order value",
    "gmv", "net", "gross",
    "выручка", "сумма", "стоимость", "доход", "оплата", "итого", "цена", "оборот", "продажи",
    "venit", "venituri", "sumă", "suma", "valoare", "total", "preț", "pret", "încasări", "incasari", "vânzări", "vanzari",
  ],
};

/** Lower-cased, trimmed, with punctuation folded to spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-.,:;()[\]#№/\\]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How well a header names a role: 3 exact, 2 starts with/contains a whole word, 0 otherwise. */
export function headerScore(header: string, role: keyof typeof words): number {
  const h = normalise(header);
  if (h === "") return 0;
  let best = 0;
  for (const w of words[role]) {
    const n = normalise(w);
    if (h === n) return 3;
    const tokens = h.split(" ");
    if (n.includes(" ") ? h.includes(n) : tokens.includes(n)) best = Math.max(best, 2);
    else if (n.length >= 4 && tokens.some((t) => t.startsWith(n))) best = Math.max(best, 1);
  }
  // "id" alone is weak evidence next to a better customer word; "date" words beat "time"
  return best;
}

const MIN_SERIAL = 32874; // 1990-01-01
const MAX_SERIAL = 73051; // 2100-01-01

/** Text that reads as a date by the engine's own rules (parseDateText), numeric text aside. */
export function looksLikeDateText(text: string): boolean {
  return !/^\s*\d+(?:\.\d+)?\s*$/.test(text) && parseDateText(text) !== undefined;
}

function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function numeric(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "string" && cell.trim() !== "" && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell.trim())) return Number(cell);
  return undefined;
}

interface ContentProfile {
  filled: number;
  dates: number;
  numbers: number;
  integers: number;
  texts: number;
  distinct: number;
}

function profile(cells: Cell[]): ContentProfile {
  const p: ContentProfile = { filled: 0, dates: 0, numbers: 0, integers: 0, texts: 0, distinct: 0 };
  const seen = new Set<string>();
  for (const cell of cells) {
    if (isBlank(cell) || cell === 0) continue;
    p.filled++;
    seen.add(String(cell));
    if (typeof cell === "string" && looksLikeDateText(cell)) {
      p.dates++;
      continue;
    }
    const n = numeric(cell);
    if (n === undefined) {
      p.texts++;
      continue;
    }
    p.numbers++;
    if (Number.isInteger(n)) p.integers++;
    if (typeof cell === "number" && Number.isInteger(cell) && cell >= MIN_SERIAL && cell <= MAX_SERIAL) p.dates++;
    else if (typeof cell === "number" && cell >= MIN_SERIAL && cell <= MAX_SERIAL) p.dates += 0.5; // date with a time of day
  }
  p.distinct = seen.size;
  return p;
}

function contentScore(p: ContentProfile, role: keyof typeof words): number {
  if (p.filled === 0) return 0;
  const share = (n: number) => n / p.filled;
  switch (role) {
    case "date":
      return share(p.dates) >= 0.9 ? 2 + share(p.dates) : 0;
    case "revenue":
      // numbers that are not (mostly) date serials; decimals are a strong sign
      if (share(p.numbers) < 0.9 || share(p.dates) >= 0.9) return 0;
      return 1 + (p.integers < p.numbers ? 1 : 0);
    case "customer": {
      const repeats = p.distinct < p.filled ? 0.5 : 0;
      if (share(p.texts) >= 0.9) return 2 + repeats;
      if (share(p.integers) >= 0.9 && share(p.dates) < 0.5) return 1.5 + repeats;
      return 0;
    }
  }
}

function isHeaderCell(cell: Cell): boolean {
  return typeof cell === "string" && cell.trim() !== "" && numeric(cell) === undefined && !looksLikeDateText(cell);
}

/**
 * Detects the header and the three roles from the first rows of the source
 * (a few dozen rows are plenty).
 */
export function detectColumns(rows: Cell[][]): ColumnChoice {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const col = (c: number, from: number) => rows.slice(from).map((r) => r[c]);
  const first = rows[0] ?? [];

  // Header: some text in row 1 and, below it, a column that holds dates or numbers where row 1 holds text.
  let header = false;
  if (rows.length > 1 && first.some(isHeaderCell)) {
    header = first.every((cell) => isBlank(cell) || isHeaderCell(cell));
    if (!header) {
      for (let c = 0; c < width && !header; c++) {
        const below = profile(col(c, 1));
        if (isHeaderCell(first[c]) && below.filled > 0 && (below.dates + below.numbers) / below.filled >= 0.9) header = true;
      }
    }
  }

  const start = header ? 1 : 0;
  const profiles = Array.from({ length: width }, (_, c) => profile(col(c, start)));
  const names = Array.from({ length: width }, (_, c) => {
    const h = header ? first[c] : undefined;
    return typeof h === "string" && h.trim() !== "" ? h.trim() : "";
  });

  const score = (c: number, role: keyof typeof words): number => {
    const byName = header ? headerScore(names[c], role) : 0;
    const byContent = contentScore(profiles[c], role);
    // a header word only counts when the content does not contradict it
    if (role === "date" && byContent === 0 && profiles[c].filled > 0) return 0;
    if (role === "revenue" && byContent === 0 && profiles[c].filled > 0) return 0;
    if (role === "customer" && profiles[c].filled > 0 && profiles[c].dates / profiles[c].filled >= 0.9) return 0;
    return byName * 10 + byContent;
  };

  const used = new Set<number>();
  const pick = (role: keyof typeof words): number => {
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < width; c++) {
      if (used.has(c)) continue;
      const s = score(c, role);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (best >= 0) used.add(best);
    return best;
  };
  // dates are the least ambiguous, then ids (text), then revenue
  const date = pick("date");
  const customer = pick("customer");
  const revenue = pick("revenue");
  return { header, customer, date, revenue, names };
}
