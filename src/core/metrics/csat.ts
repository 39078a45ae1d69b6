import { Cell } from "../cells";
import { readScores } from "../scores";
import { wholeArg } from "../validate";

/**
 * Customer satisfaction score: the share of responses in the top two boxes of the scale
 * (4 or 5 on a 1–5 scale), as a share between 0 and 1 (seed 002).
 *
 * CSAT = responses with score ≥ scale_max − 1 / responses
 *
 * Scores are whole numbers from 0 to scale_max (default 5). Empty cells are skipped;
 * a 0 counts as a (bottom) score, since desktop Excel passes blank cells of a plain range
 * as 0: point CSAT at a Table column.
 *
 * @example
 * csat([5, 4, 3, 5, 2]) // => 0.6
 * csat([7, 6, 5, 7], 7) // => 0.75
 */
export function csat(scores: Cell | Cell[] | Cell[][], scaleMax?: unknown): number {
  const max = scaleMax === undefined ? 5 : wholeArg(scaleMax, "scale_max", "csat", 2);
  const values = readScores(scores, 0, max, "csat");
  let top = 0;
  for (const s of values) if (s >= max - 1) top++;
  return top / values.length;
}
