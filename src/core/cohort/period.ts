/**
 * Calendar periods as integer keys, so the engine groups days with integer
 * arithmetic: day = the day number, week = ISO weeks (Monday start) counted from
 * the week of 1970-01-01, month = year·12 + month − 1, quarter = year·4 + quarter − 1,
 * year = the year. Consecutive periods have consecutive keys.
 */
import { civilFromDays, daysFromCivil, isoDate, pad } from "../transactions/calendar";

export type Period = "day" | "week" | "month" | "quarter" | "year";

export const periods: readonly Period[] = ["day", "week", "month", "quarter", "year"];

/**
 * The key of the period that holds a day.
 *
 * @example
 * periodKey(19737, "month"); // => 24288 (2024-01: 2024·12 + 0)
 * periodKey(0, "week"); // => 0 (1970-W01 starts Monday 1969-12-29)
 */
export function periodKey(day: number, period: Period): number {
  switch (period) {
    case "day":
      return day;
    case "week":
      // 1970-01-01 was a Thursday: day −3 is the Monday that starts its ISO week.
      return Math.floor((day + 3) / 7);
    case "month": {
      const [y, m] = civilFromDays(day);
      return y * 12 + m - 1;
    }
    case "quarter": {
      const [y, m] = civilFromDays(day);
      return y * 4 + Math.floor((m - 1) / 3);
    }
    case "year":
      return civilFromDays(day)[0];
  }
}

/**
 * The text label of a period key: 2024-01-15, 2024-W03, 2024-01, 2024-Q1, 2024.
 *
 * @example
 * periodLabel(periodKey(19737, "week"), "week"); // => "2024-W03"
 */
export function periodLabel(key: number, period: Period): string {
  switch (period) {
    case "day":
      return isoDate(key);
    case "week": {
      // An ISO week belongs to the year of its Thursday.
      const thursday = key * 7;
      const year = civilFromDays(thursday)[0];
      const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
      return `${pad(year, 4)}-W${pad(week, 2)}`;
    }
    case "month":
      return `${pad(Math.floor(key / 12), 4)}-${pad((key % 12) + 1, 2)}`;
    case "quarter":
      return `${pad(Math.floor(key / 4), 4)}-Q${(key % 4) + 1}`;
    case "year":
      return pad(key, 4);
  }
}
