/**
 * The workbook the playground opens with: a Transactions sheet (3,000 orders from
 * assets/sample/transactions.csv, made by shared/tools/gen-transactions.mjs --rows 3000
 * --seed 3; dates as Excel serial numbers under a date format, as Excel passes them to
 * functions) and a Metrics sheet with the seed examples as live RETAIN.* formulas.
 */
import transactionsCsv from "../../assets/sample/transactions.csv";
import { loadTable } from "./load-table";
import type { Workbook } from "./workbook";

export const SAMPLE_ROWS = 3000;

export interface MetricExample {
  label: string;
  formula: string;
  format?: string;
  /** what the formula should show, for the reader (and the browser tests) */
  expected?: string;
}

const last = SAMPLE_ROWS + 1;

export const METRIC_EXAMPLES: MetricExample[] = [
  { label: "Retention rate", formula: "=RETAIN.RETENTION_RATE(100,110,20)", format: "0%", expected: "90%" },
  { label: "Churn rate", formula: "=RETAIN.CHURN(100,110,20)", format: "0%", expected: "10%" },
  { label: "Customer lifetime value", formula: "=RETAIN.CLV(100,0.8,0.1)", format: "#,##0.00" },
  { label: "Net Promoter Score", formula: "=RETAIN.NPS(L4:L13)", format: "0", expected: "40" },
  { label: "Repeat purchase rate", formula: `=RETAIN.REPEAT_RATE(Transactions!A2:A${last})`, format: "0.0%" },
  { label: "Purchase frequency", formula: `=RETAIN.PURCHASE_FREQUENCY(Transactions!A2:A${last})`, format: "0.00" },
  { label: "Average order value", formula: `=RETAIN.AOV(Transactions!C2:C${last})`, format: "#,##0.00" },
];

export const NPS_SCORES = [10, 9, 9, 8, 7, 10, 6, 3, 9, 10];
/** column L: clear of the formula texts, which run on over the empty columns to their right */
const NPS_COLUMN = 11;
/** Where the COHORT spill starts on the Metrics sheet (0-based row of A14). */
export const COHORT_ROW = 13;
export const COHORT_FORMULA = `=RETAIN.COHORT(Transactions!A2:A${last},Transactions!B2:B${last})`;

export function loadSample(wb: Workbook): void {
  wb.change(() => {
    const tx = loadTable(wb, "Transactions", transactionsCsv, { headers: ["customer", "date", "revenue"] });
    wb.setFormat(tx, { row: 1, column: 2, rowCount: SAMPLE_ROWS, columnCount: 1 }, "#,##0.00");
    wb.sheetMeta(tx).columnWidths.set(0, 80);

    const m = wb.addSheet("Metrics");
    const meta = wb.sheetMeta(m);
    meta.columnWidths.set(0, 130);
    meta.columnWidths.set(1, 70);
    wb.setValues(m, 0, 0, [["Retain playground: the seed examples as live RETAIN.* formulas (click a cell to see its formula)"]]);
    wb.setStyle(m, { row: 0, column: 0, rowCount: 1, columnCount: 1 }, { bold: true, fontSize: 13 });
    wb.setValues(m, 2, 0, [["Metric", "Value", "Formula"]]);
    wb.setValues(m, 2, NPS_COLUMN, [["NPS scores"]]);
    wb.setStyle(m, { row: 2, column: 0, rowCount: 1, columnCount: 3 }, { bold: true, borderBottom: "#8a8886" });
    wb.setStyle(m, { row: 2, column: NPS_COLUMN, rowCount: 1, columnCount: 1 }, { bold: true, borderBottom: "#8a8886" });
    wb.setValues(
      m,
      3,
      NPS_COLUMN,
      NPS_SCORES.map((s) => [s]),
    );
    METRIC_EXAMPLES.forEach((ex, i) => {
      wb.setValues(m, 3 + i, 0, [[ex.label]]);
      wb.setFormulas(m, 3 + i, 1, [[ex.formula]]);
      wb.setValues(m, 3 + i, 2, [[ex.formula]]);
      if (ex.format) wb.setFormat(m, { row: 3 + i, column: 1, rowCount: 1, columnCount: 1 }, ex.format);
    });
    wb.setStyle(m, { row: 3, column: 2, rowCount: METRIC_EXAMPLES.length, columnCount: 1 }, { color: "#605e5c" });
    wb.setValues(m, COHORT_ROW - 2, 0, [[`Monthly retention by first-purchase cohort: ${COHORT_FORMULA}`]]);
    wb.setStyle(m, { row: COHORT_ROW - 2, column: 0, rowCount: 1, columnCount: 1 }, { bold: true });
    wb.setFormulas(m, COHORT_ROW, 0, [[COHORT_FORMULA]]);
    wb.setFormat(m, { row: COHORT_ROW + 1, column: 2, rowCount: 40, columnCount: 40 }, "0%");
    wb.setStyle(m, { row: COHORT_ROW, column: 0, rowCount: 1, columnCount: 40 }, { bold: true });
    wb.activeSheet = m;
  });
}
