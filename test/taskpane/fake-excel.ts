/* eslint-disable @typescript-eslint/no-this-alias -- object-literal methods and getters of the fake need the FakeExcel, not themselves */
/**
 * A small Excel object model for testing OfficeWorkbook, built from office-addin-mock's
 * OfficeMockObject so that reading a property without load + sync fails as in Office.
 * It keeps a grid per sheet, applies writes at each sync, and logs every sync.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { Rect } from "../../src/taskpane/workbook-port";
import { rectAddress } from "../../src/taskpane/workbook-port";

export interface StoredCell {
  value: unknown;
  format: string;
  formula?: string;
  spill?: { rowCount: number; columnCount: number };
}

export interface Write {
  sync: number;
  sheet: string;
  rect: Rect;
  property: "values" | "numberFormat" | "formulas" | "clear";
  data: unknown[][];
}

type Mock = OfficeMockObject & Record<string, unknown>;

export class FakeExcel {
  sheets = new Map<string, Map<string, StoredCell>>();
  syncs = 0;
  suspended: number[] = [];
  writes: Write[] = [];
  ranges: { sheet: string; rect: Rect; mock: Mock; sync: number }[] = [];
  charts: { sheet: string; chart: Record<string, unknown>; series: Record<string, unknown>[] }[] = [];
  conditional: { sheet: string; rect: Rect; cf: Record<string, unknown> }[] = [];
  deleted: string[] = [];
  clears: { sheet: string; rect: Rect; applyTo: string }[] = [];
  added: string[] = [];
  selection: { sheet: string; rect: Rect } = { sheet: "Data", rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
  tables: { name: string; sheet: string; rect: Rect }[] = [];
  region?: Rect;
  activeSheet = "Data";
  /** throw from context.sync number n (1-based, counted over the whole fake) */
  failAtSync?: number;
  private mocks: Mock[] = [];
  private queue: Omit<Write, "sync">[] = [];
  private inSync = false;

  constructor(sheets: Record<string, unknown[][]>) {
    for (const [name, rows] of Object.entries(sheets)) {
      const m = new Map<string, StoredCell>();
      rows.forEach((row, r) => row.forEach((value, c) => m.set(`${r},${c}`, { value, format: "General" })));
      this.sheets.set(name, m);
    }
  }

  cell(sheet: string, row: number, column: number): StoredCell | undefined {
    return this.sheets.get(sheet)?.get(`${row},${column}`);
  }

  private matrix(sheet: string, rect: Rect, pick: (c: StoredCell | undefined) => unknown): unknown[][] {
    return Array.from({ length: rect.rowCount }, (_, r) => Array.from({ length: rect.columnCount }, (_, c) => pick(this.cell(sheet, rect.row + r, rect.column + c))));
  }

  private range(sheet: string, rect: Rect, extra: Record<string, unknown> = {}): Mock {
    const fake = this;
    const data = {
      rowIndex: rect.row,
      columnIndex: rect.column,
      rowCount: rect.rowCount,
      columnCount: rect.columnCount,
      address: `${sheet}!${rectAddress(rect)}`,
      isNullObject: false,
      values: this.matrix(sheet, rect, (c) => c?.value ?? ""),
      numberFormat: this.matrix(sheet, rect, (c) => c?.format ?? "General"),
      formulas: this.matrix(sheet, rect, (c) => c?.formula ?? c?.value ?? ""),
      worksheet: { name: sheet },
      format: { font: {}, fill: {}, borders: { getItem: () => ({}) } },
      conditionalFormats: {
        add: () => {
          const cf = { colorScale: {} };
          fake.conditional.push({ sheet, rect, cf });
          return cf;
        },
      },
      getTables: () => {
        const hits = fake.tables.filter((t) => t.sheet === sheet && rect.row >= t.rect.row && rect.row < t.rect.row + t.rect.rowCount && rect.column >= t.rect.column && rect.column < t.rect.column + t.rect.columnCount);
        return { load() {}, items: hits.map((t) => ({ name: t.name, getRange: () => fake.range(sheet, t.rect) })) };
      },
      getSurroundingRegion: () => fake.range(sheet, fake.region ?? rect),
      clear: (applyTo: string) => {
        fake.clears.push({ sheet, rect, applyTo });
        fake.queue.push({ sheet, rect, property: "clear", data: [] });
      },
      getSpillingToRangeOrNullObject: () => {
        const spill = fake.cell(sheet, rect.row, rect.column)?.spill;
        if (!spill) return fake.range(sheet, rect, { isNullObject: true });
        return fake.range(sheet, { row: rect.row, column: rect.column, ...spill });
      },
      ...extra,
    };
    const mock = new OfficeMockObject(data) as Mock;
    for (const property of ["values", "numberFormat", "formulas"] as const) {
      // the mock itself assigns the loaded array (or a "not loaded" marker) on load and sync: not writes
      const original = data[property];
      let current = mock[property];
      Object.defineProperty(mock, property, {
        configurable: true,
        get: () => current,
        set: (v) => {
          current = v;
          if (!fake.inSync && v !== original && typeof v !== "string") fake.queue.push({ sheet, rect, property, data: v as unknown[][] });
        },
      });
    }
    this.mocks.push(mock);
    this.ranges.push({ sheet, rect, mock, sync: this.syncs + 1 });
    return mock;
  }

  private worksheet(name: string): Record<string, unknown> {
    const fake = this;
    return {
      name,
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) => fake.range(name, { row, column, rowCount, columnCount }),
      getCell: (row: number, column: number) => fake.range(name, { row, column, rowCount: 1, columnCount: 1 }),
      getUsedRangeOrNullObject: () => {
        let rows = 0;
        let cols = 0;
        for (const key of fake.sheets.get(name)?.keys() ?? []) {
          const [r, c] = key.split(",").map(Number);
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
        return fake.range(name, { row: 0, column: 0, rowCount: rows, columnCount: cols }, { isNullObject: rows === 0 });
      },
      activate: () => {
        fake.activeSheet = name;
      },
      delete: () => {
        fake.deleted.push(name);
        fake.sheets.delete(name);
      },
      isNullObject: !fake.sheets.has(name),
      load() {},
      charts: {
        load() {},
        get items() {
          return fake.charts.filter((c) => c.sheet === name).map((c) => c.chart);
        },
        add: (type: string, range: Mock, seriesBy: string) => {
          const entry = { sheet: name, chart: { type, seriesBy } as Record<string, unknown>, series: [] as Record<string, unknown>[] };
          const newSeries = (props: Record<string, unknown>) => {
            const s: Record<string, unknown> = {
              ...props,
              format: { line: {} },
              setXAxisValues(r: Mock) {
                s.xValues = r;
              },
              setValues(r: Mock) {
                s.values = r;
              },
              delete() {
                entry.series.splice(entry.series.indexOf(s), 1);
              },
            };
            entry.series.push(s);
            return s;
          };
          newSeries({ values: range });
          fake.charts.push(entry);
          return Object.assign(entry.chart, {
            title: {},
            legend: {},
            axes: { categoryAxis: { title: {} }, valueAxis: { title: {} } },
            setPosition(a: string, b: string) {
              entry.chart.position = [a, b];
            },
            series: {
              load() {},
              get items() {
                return [...entry.series];
              },
              getItemAt: (i: number) => entry.series[i],
              add: (seriesName: string) => newSeries({ name: seriesName }),
            },
          });
        },
      },
    };
  }

  /** The global `Excel` with run(), as office.js provides it. */
  excel(): { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> } {
    const fake = this;
    const worksheets = {
      load() {},
      get items() {
        return [...fake.sheets.keys()].map((n) => ({ name: n }));
      },
      add: (name: string) => {
        fake.queueSheet(name);
        return fake.worksheet(name);
      },
      getItem: (name: string) => fake.worksheet(name),
      getItemOrNullObject: (name: string) => fake.worksheet(name),
      getActiveWorksheet: () => fake.worksheet(fake.activeSheet),
    };
    const context = {
      workbook: {
        worksheets,
        getSelectedRange: () => fake.range(fake.selection.sheet, fake.selection.rect),
      },
      application: {
        suspendApiCalculationUntilNextSync: () => fake.suspended.push(fake.syncs + 1),
      },
      sync: async () => {
        fake.syncs++;
        if (fake.failAtSync === fake.syncs) {
          fake.queue = [];
          throw Object.assign(new Error("The request failed."), { code: "GeneralException" });
        }
        fake.inSync = true;
        for (const m of fake.mocks) await m.sync();
        await new Promise((resolve) => setImmediate(resolve));
        fake.inSync = false;
        fake.mocks = [];
        for (const sheet of fake.pendingSheets) if (!fake.sheets.has(sheet)) fake.sheets.set(sheet, new Map());
        fake.pendingSheets = [];
        for (const w of fake.queue) fake.apply(w);
        fake.queue = [];
      },
    };
    return { run: async (batch) => batch(context as unknown as Excel.RequestContext) };
  }

  private pendingSheets: string[] = [];
  private queueSheet(name: string): void {
    if (this.sheets.has(name) || this.pendingSheets.includes(name)) throw Object.assign(new Error("exists"), { code: "ItemAlreadyExists" });
    this.added.push(name);
    this.pendingSheets.push(name);
  }

  private apply(w: Omit<Write, "sync">): void {
    this.writes.push({ ...w, sync: this.syncs });
    const sheet = this.sheets.get(w.sheet);
    if (!sheet) throw new Error(`write to missing sheet ${w.sheet}`);
    if (w.property === "clear") {
      for (let r = w.rect.row; r < w.rect.row + w.rect.rowCount; r++) for (let c = w.rect.column; c < w.rect.column + w.rect.columnCount; c++) sheet.delete(`${r},${c}`);
      return;
    }
    if (w.data.length !== w.rect.rowCount || w.data.some((row) => row.length !== w.rect.columnCount)) throw new Error(`${w.property} has the wrong shape for ${rectAddress(w.rect)}`);
    w.data.forEach((row, r) =>
      row.forEach((v, c) => {
        const key = `${w.rect.row + r},${w.rect.column + c}`;
        const cell = sheet.get(key) ?? { value: "", format: "General" };
        if (w.property === "numberFormat") cell.format = String(v);
        else if (w.property === "formulas") cell.formula = String(v);
        else {
          cell.value = v;
          delete cell.formula;
          delete cell.spill;
        }
        sheet.set(key, cell);
      }),
    );
  }
}
