import { Cell } from "../cells";
import { readScores } from "../scores";

/**
 * Net Promoter Score: the percentage of promoters (scores 9–10) minus the percentage of
 * detractors (0–6) among all responses, from −100 to 100 (Reichheld 2003; seeds 002/003).
 *
 * NPS = 100 · (promoters − detractors) / responses
 *
 * Scores are whole numbers from 0 to 10. Empty cells are skipped; a 0 counts as a score
 * (desktop Excel passes blank cells of a plain range as 0, so point NPS at a Table column).
 *
 * @example
 * nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]) // => 20
 */
export function nps(scores: Cell | Cell[] | Cell[][]): number {
  const values = readScores(scores, 0, 10, "nps");
  let promoters = 0;
  let detractors = 0;
  for (const s of values) {
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return (100 * (promoters - detractors)) / values.length;
}
