/**
 * The pane's user interface, host-neutral: mount(root, port) draws it into any
 * element and talks to the workbook only through the port. Excel's bootstrap
 * (taskpane.ts) mounts it with the Office.js port; the playground with its own.
 */
import type { Cell } from "../core/cells";
import { excelSerialToDay, isoDate } from "../core/transactions";
import { buildCohortSheet, CancelledError, PaneError, type BuildResult, type Progress } from "./build";
import { detectColumns } from "./detect-columns";
import { pickLanguage, translator, type Language, type StringKey, type Translate } from "./i18n";
import { replaceForShare, scanForShare } from "./make-shareable";
import { cohortMetrics, cohortModes, dateOrders, defaultOptions, needsRevenue, optionProblems, periods, withChange, type BuildOptions, type ColumnRoles, type OutputKind } from "./options";
import { DEFAULT_HORIZON, HORIZONS, projectionProblem, projectRetention, type ProjectionResult } from "./project";
import { injectStyles } from "./styles";
import { columnLetters, fullAddress, rectAddress, type FormulaScope, type SourceInfo, type WorkbookPort } from "./workbook-port";

export interface MountOptions {
  /** a BCP 47 tag such as Office.context.displayLanguage; English when absent or unknown */
  language?: string;
  /** read the selection as soon as the pane opens (default true) */
  autoLoad?: boolean;
  now?: () => Date;
}

export interface MountedPane {
  /** reads the current selection again */
  refresh(): Promise<void>;
  /** the language in use */
  language: Language;
  /** removes the pane from its root */
  unmount(): void;
}

/** Rows read for the preview and column detection. */
export const PREVIEW_ROWS = 50;
/** Rows shown in the preview table. */
export const PREVIEW_SHOWN = 5;
/** Columns the pane offers as roles (and reads for the preview). */
export const MAX_COLUMNS = 50;
/** Skipped row numbers listed in a message. */
export const LISTED_ROWS = 10;

let ids = 0;

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string | boolean> = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    if (k === "text") el.textContent = String(v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) el.append(typeof c === "string" ? doc.createTextNode(c) : c);
  return el;
}

/** Text for a cell in the preview: always as text, never HTML. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  return String(cell);
}

/** A preview cell of the date column: serial numbers read as the dates they are (yyyy-mm-dd), as the engine reads them. */
function dateCellText(cell: Cell): string {
  if (typeof cell !== "number") return cellText(cell);
  const day = excelSerialToDay(cell);
  return day === undefined ? cellText(cell) : isoDate(day);
}

/** Draws the pane into root. */
export function mount(root: HTMLElement, port: WorkbookPort, options: MountOptions = {}): MountedPane {
  const doc = root.ownerDocument;
  injectStyles(doc);
  const language = pickLanguage(options.language);
  const t: Translate = translator(language);
  const uid = `retain${++ids}`;
  const id = (name: string) => `${uid}-${name}`;

  let source: SourceInfo | null = null;
  let names: string[] = [];
  let roles: ColumnRoles = { customer: -1, date: -1, revenue: -1, header: false };
  let opts: BuildOptions = { ...defaultOptions };
  let preview: Cell[][] = [];
  let running: AbortController | null = null;
  /** the last sheet Build wrote in this session, and the projection written on it */
  let lastBuild: BuildResult | null = null;
  let lastProjection: ProjectionResult | null = null;

  // ---- elements
  const pane = h(doc, "div", { class: "retain-pane", lang: language });
  const heading = h(doc, "h1", { text: t("appTitle") });
  const intro = h(doc, "p", { class: "muted", text: t("appIntro") });

  const message = h(doc, "div", { class: "message", hidden: true, tabindex: "-1" });

  // data
  const useButton = h(doc, "button", { type: "button", text: t("sourceUse") });
  const sourceText = h(doc, "p", { class: "muted", id: id("source"), "aria-live": "polite", text: t("sourceNone") });
  const previewBox = h(doc, "div", { class: "preview", hidden: true, tabindex: "0", role: "region", "aria-label": t("previewCaption") });
  const headerBox = h(doc, "input", { type: "checkbox", id: id("header") });
  const headerField = h(doc, "div", { class: "check" }, [headerBox, h(doc, "label", { for: id("header"), text: t("headerRow") })]);
  const roleSelect = (role: "customer" | "date" | "revenue", label: StringKey) => {
    const select = h(doc, "select", { id: id(role) });
    const field = h(doc, "div", { class: "field" }, [h(doc, "label", { for: id(role), text: t(label) }), select]);
    return { select, field };
  };
  const customerSel = roleSelect("customer", "columnCustomer");
  const dateSel = roleSelect("date", "columnDate");
  const revenueSel = roleSelect("revenue", "columnRevenue");

  // options
  const optionSelect = <T extends string>(name: string, label: StringKey, values: readonly T[], text: (v: T) => string) => {
    const select = h(doc, "select", { id: id(name) });
    for (const v of values) select.append(h(doc, "option", { value: v, text: text(v) }));
    const field = h(doc, "div", { class: "field" }, [h(doc, "label", { for: id(name), text: t(label) }), select]);
    return { select, field };
  };
  const periodSel = optionSelect("period", "period", periods, (p) => t(`period_${p}`));
  const metricSel = optionSelect("metric", "metric", cohortMetrics, (m) => t(`metric_${m}`));
  const modeSel = optionSelect("mode", "mode", cohortModes, (m) => t(`mode_${m}`));
  const modeNote = h(doc, "p", { class: "muted", id: id("mode-note"), hidden: true, text: t("modeRevenueNote") });
  modeSel.select.setAttribute("aria-describedby", id("mode-note"));
  modeSel.field.append(modeNote);
  const orderSel = optionSelect("order", "dateOrder", dateOrders, (o) => t(`dateOrder_${o}`));
  const outputRadios = (["static", "formula"] as OutputKind[]).map((kind) => {
    const input = h(doc, "input", { type: "radio", name: id("output"), value: kind, id: id(`output-${kind}`) });
    return { input, label: h(doc, "label", { for: id(`output-${kind}`) }, [input, h(doc, "span", { text: t(`output_${kind}`) })]) };
  });
  const outputField = h(doc, "fieldset", {}, [h(doc, "legend", { text: t("output") }), ...outputRadios.map((r) => r.label)]);

  const buildButton = h(doc, "button", { type: "button", class: "primary", text: t("build") });
  const cancelButton = h(doc, "button", { type: "button", hidden: true, text: t("cancel") });
  const progressBar = h(doc, "progress", { max: "1", value: "0", hidden: true, "aria-label": t("progressLabel") });
  const progressText = h(doc, "p", { class: "muted", role: "status", "aria-live": "polite" });

  // project retention
  const horizonSel = optionSelect("horizon", "projHorizon", HORIZONS.map(String), (v) => v);
  const projectButton = h(doc, "button", { type: "button", text: t("projButton"), "aria-describedby": id("proj-note") });
  const projectNote = h(doc, "p", { class: "muted", id: id("proj-note"), text: t("projNeedsBuild") });

  // make shareable
  const scopeRadios = (["selection", "activeSheet"] as FormulaScope[]).map((scope, i) => {
    const input = h(doc, "input", { type: "radio", name: id("scope"), value: scope, id: id(`scope-${scope}`), checked: i === 1 });
    return { input, label: h(doc, "label", { for: id(`scope-${scope}`) }, [input, h(doc, "span", { text: t(`share_${scope}`) })]) };
  });
  const shareFind = h(doc, "button", { type: "button", text: t("shareFind") });
  const confirmText = h(doc, "p", { id: id("confirm") });
  const shareYes = h(doc, "button", { type: "button", class: "primary", text: t("shareYes") });
  const shareNo = h(doc, "button", { type: "button", text: t("shareNo") });
  const confirmBox = h(doc, "div", { role: "group", "aria-labelledby": id("confirm"), hidden: true }, [confirmText, h(doc, "div", { class: "actions" }, [shareYes, shareNo])]);

  pane.append(
    heading,
    intro,
    message,
    h(doc, "section", { "aria-labelledby": id("h-data") }, [
      h(doc, "h2", { id: id("h-data"), text: t("sourceHeading") }),
      h(doc, "div", { class: "actions" }, [useButton]),
      sourceText,
      previewBox,
      headerField,
      customerSel.field,
      dateSel.field,
      revenueSel.field,
    ]),
    h(doc, "section", { "aria-labelledby": id("h-options") }, [
      h(doc, "h2", { id: id("h-options"), text: t("optionsHeading") }),
      periodSel.field,
      metricSel.field,
      modeSel.field,
      orderSel.field,
      outputField,
      h(doc, "div", { class: "actions" }, [buildButton, cancelButton]),
      progressBar,
      progressText,
    ]),
    h(doc, "section", { "aria-labelledby": id("h-project") }, [
      h(doc, "h2", { id: id("h-project"), text: t("projHeading") }),
      h(doc, "p", { class: "muted", text: t("projExplain") }),
      h(doc, "p", { class: "muted", text: t("projRule") }),
      horizonSel.field,
      h(doc, "div", { class: "actions" }, [projectButton]),
      projectNote,
    ]),
    h(doc, "section", { "aria-labelledby": id("h-share") }, [
      h(doc, "h2", { id: id("h-share"), text: t("shareHeading") }),
      h(doc, "p", { class: "muted", text: t("shareExplain") }),
      h(doc, "fieldset", {}, [h(doc, "legend", { text: t("shareScope") }), ...scopeRadios.map((r) => r.label)]),
      h(doc, "div", { class: "actions" }, [shareFind]),
      confirmBox,
    ]),
  );
  root.replaceChildren(pane);

  // ---- rendering
  function show(tone: "error" | "success" | "info", lines: string[]): void {
    message.replaceChildren(...lines.map((line) => h(doc, "p", { text: line })));
    const dismiss = h(doc, "button", { type: "button", text: t("dismiss") });
    dismiss.addEventListener("click", () => {
      message.hidden = true;
      buildButton.focus();
    });
    message.append(dismiss);
    message.dataset.tone = tone;
    message.setAttribute("role", tone === "error" ? "alert" : "status");
    message.hidden = false;
  }

  function clearMessage(): void {
    message.hidden = true;
    message.replaceChildren();
  }

  function showError(error: unknown): void {
    if (error instanceof CancelledError) {
      show("info", [t("cancelled")]);
      return;
    }
    const e = error instanceof PaneError ? error : new PaneError("err_unexpected", { detail: String((error as Error)?.message ?? error) });
    const lines = [t(e.key, e.params)];
    if (e.params.cleanup === "failed" && typeof e.params.sheet === "string") lines.push(t("err_cleanupFailed", { sheet: e.params.sheet }));
    if (e.params.cleaned === "failed" && typeof e.params.address === "string") lines.push(t("proj_err_cleanup", { address: e.params.address }));
    show("error", lines);
  }

  function columnLabel(c: number): string {
    const letter = source ? columnLetters(source.column + c) : columnLetters(c);
    return names[c] ? t("columnName", { letter, name: names[c] }) : t("columnLetter", { letter });
  }

  function fillRoleSelect(select: HTMLSelectElement, value: number, optional: boolean): void {
    select.replaceChildren();
    if (optional || value < 0) select.append(h(doc, "option", { value: "-1", text: t("columnNone") }));
    for (let c = 0; c < names.length; c++) select.append(h(doc, "option", { value: String(c), text: columnLabel(c) }));
    select.value = String(value);
  }

  /** The first rows as read, with the date column's serial numbers shown as dates. */
  function renderPreview(): void {
    const table = h(doc, "table", {}, [h(doc, "caption", { text: t("previewCaption") })]);
    const shown = preview.slice(0, PREVIEW_SHOWN + (roles.header ? 1 : 0));
    shown.forEach((row, r) => {
      const isHead = roles.header && r === 0;
      const text = (cell: Cell, c: number) => (!isHead && c === roles.date ? dateCellText(cell) : cellText(cell));
      table.append(h(doc, "tr", {}, row.map((cell, c) => h(doc, isHead ? "th" : "td", { scope: isHead ? "col" : false, text: text(cell, c) }))));
    });
    previewBox.replaceChildren(table);
    previewBox.hidden = false;
  }

  function renderSource(): void {
    if (!source) {
      sourceText.textContent = t("sourceNone");
      previewBox.hidden = true;
      return;
    }
    const origin = t(`origin_${source.origin}`, { name: source.tableName ?? "" });
    sourceText.textContent = `${t("sourceFound", { address: fullAddress(source.sheet, source), rows: source.rowCount, columns: source.columnCount })} (${origin})`;
    renderPreview();
    headerBox.checked = roles.header;
    fillRoleSelect(customerSel.select, roles.customer, false);
    fillRoleSelect(dateSel.select, roles.date, false);
    fillRoleSelect(revenueSel.select, roles.revenue, true);
  }

  function renderOptions(): void {
    periodSel.select.value = opts.period;
    metricSel.select.value = opts.metric;
    modeSel.select.value = opts.mode;
    const revenueMetric = needsRevenue(opts.metric);
    for (const option of Array.from(modeSel.select.options)) option.disabled = revenueMetric && option.value === "on_or_after";
    modeNote.hidden = !revenueMetric;
    orderSel.select.value = opts.dateOrder ?? "auto";
    for (const r of outputRadios) r.input.checked = r.input.value === opts.output;
    const busy = running !== null;
    const blocked = !source || optionProblems(opts, roles).length > 0;
    buildButton.disabled = busy || blocked;
    cancelButton.hidden = !busy;
    useButton.disabled = busy;
    shareFind.disabled = busy;
    // Project retention: after a Retention % build in this session; the note says why not otherwise
    const projectable = lastBuild !== null && lastBuild.options.metric === "retention";
    projectButton.disabled = busy || !projectable;
    horizonSel.select.disabled = busy;
    projectNote.hidden = projectable;
    projectNote.textContent = lastBuild === null ? t("projNeedsBuild") : t("projNeedsRetention");
    for (const s of [customerSel, dateSel, revenueSel, periodSel, metricSel, modeSel, orderSel]) s.select.disabled = busy;
    headerBox.disabled = busy;
  }

  function renderProgress(p: Progress | null): void {
    if (!p) {
      progressBar.hidden = true;
      progressText.textContent = "";
      return;
    }
    progressBar.hidden = false;
    const fraction = p.phase === "reading" ? 0.6 * (p.total ? p.done / p.total : 0) : p.phase === "computing" ? 0.65 : p.phase === "writing" ? 0.65 + 0.35 * (p.done / Math.max(1, p.total)) : 1;
    progressBar.value = fraction;
    progressText.textContent = t(`progress_${p.phase}`, { done: p.done, total: p.total });
  }

  // ---- actions
  async function loadSource(): Promise<void> {
    clearMessage();
    try {
      const found = await port.getSource();
      if (!found) throw new PaneError("err_noSelection");
      if (found.origin === "cell" || found.rowCount * found.columnCount <= 1) throw new PaneError("err_oneCell");
      const cols = Math.min(found.columnCount, MAX_COLUMNS);
      preview = await port.readValues(found.sheet, { row: found.row, column: found.column, rowCount: Math.min(PREVIEW_ROWS, found.rowCount), columnCount: cols });
      source = { ...found, columnCount: found.columnCount };
      const detected = detectColumns(preview);
      names = detected.names.length ? detected.names : Array.from({ length: cols }, () => "");
      roles = { customer: detected.customer, date: detected.date, revenue: detected.revenue, header: detected.header };
      renderSource();
      renderOptions();
      const problems = optionProblems(opts, roles);
      if (problems.includes("noDateColumn")) show("error", [t("err_noDateColumn")]);
      else if (problems.includes("noCustomerColumn")) show("error", [t("err_noCustomerColumn")]);
    } catch (error) {
      source = null;
      renderSource();
      renderOptions();
      showError(error instanceof PaneError ? error : new PaneError("err_refused", { detail: String((error as Error)?.message ?? error) }));
    }
  }

  async function build(): Promise<void> {
    if (!source || running) return;
    clearMessage();
    const problems = optionProblems(opts, roles);
    if (problems.length > 0) {
      show("error", [t(`err_${problems[0]}`)]);
      return;
    }
    running = new AbortController();
    renderOptions();
    cancelButton.focus();
    try {
      const result = await buildCohortSheet(port, { source, roles, columnNames: names, options: opts }, { t, onProgress: renderProgress, signal: running.signal, now: options.now });
      lastBuild = result;
      lastProjection = null;
      const lines = [t("done", { sheet: result.sheet, cohorts: result.cohorts, customers: result.customers })];
      const skipped = result.skippedRows;
      if (skipped.length > 0) {
        const listed = skipped.slice(0, LISTED_ROWS).join(", ");
        lines.push(t(skipped.length > LISTED_ROWS ? "skippedMore" : "skipped", { count: skipped.length, rows: listed }));
      }
      show("success", lines);
    } catch (error) {
      showError(error);
    } finally {
      running = null;
      renderProgress(null);
      renderOptions();
      buildButton.focus();
    }
  }

  async function project(): Promise<void> {
    if (!lastBuild || running) return;
    clearMessage();
    const problem = projectionProblem(lastBuild);
    if (problem) {
      showError(problem);
      return;
    }
    running = new AbortController();
    renderOptions();
    progressText.textContent = t("projWorking");
    try {
      const horizon = Number(horizonSel.select.value);
      const result = await projectRetention(port, { target: lastBuild, horizon, previous: lastProjection ?? undefined }, { t, now: options.now });
      lastProjection = result;
      const lines = [
        t("projDone", { sheet: result.sheet, address: rectAddress(result.rect), alpha: result.fit.alpha.toFixed(3), beta: result.fit.beta.toFixed(3), horizon: result.horizon }),
      ];
      if (result.cut) lines.push(t("projCut", result.cut));
      if (result.chart === "missing") lines.push(t("projNoChart"));
      show("success", lines);
    } catch (error) {
      // a failure while writing cleared the block, the earlier projection's cells included
      if (error instanceof PaneError && error.params.cleaned) lastProjection = null;
      showError(error);
    } finally {
      running = null;
      progressText.textContent = "";
      renderOptions();
      projectButton.focus();
    }
  }

  function currentScope(): FormulaScope {
    return (scopeRadios.find((r) => r.input.checked)?.input.value as FormulaScope) ?? "activeSheet";
  }

  async function findForShare(): Promise<void> {
    clearMessage();
    confirmBox.hidden = true;
    try {
      const scan = await scanForShare(port, currentScope());
      const address = scan.sheet ? `${scan.sheet}!${scan.address}` : "—";
      if (scan.count === 0) {
        show("info", [t("shareNone", { address })]);
        return;
      }
      confirmText.textContent = t("shareConfirm", { count: scan.count, address });
      confirmBox.hidden = false;
      shareNo.focus();
    } catch (error) {
      showError(error);
    }
  }

  async function replace(): Promise<void> {
    confirmBox.hidden = true;
    try {
      const count = await replaceForShare(port, currentScope());
      show("success", [t("shareDone", { count })]);
    } catch (error) {
      showError(error);
    }
    shareFind.focus();
  }

  // ---- events
  useButton.addEventListener("click", () => void loadSource());
  headerBox.addEventListener("change", () => {
    // the analyst's word on the header wins: names come from row 1 only when it is one
    roles = { ...roles, header: headerBox.checked };
    names = names.map((_, c) => (headerBox.checked ? cellText(preview[0]?.[c]).trim() : ""));
    renderSource();
    renderOptions();
  });
  const onRole = (key: "customer" | "date" | "revenue", select: HTMLSelectElement) =>
    select.addEventListener("change", () => {
      roles = { ...roles, [key]: Number(select.value) };
      if (key === "date") renderPreview();
      renderOptions();
    });
  onRole("customer", customerSel.select);
  onRole("date", dateSel.select);
  onRole("revenue", revenueSel.select);
  periodSel.select.addEventListener("change", () => {
    opts = withChange(opts, "period", periodSel.select.value as BuildOptions["period"]);
    renderOptions();
  });
  metricSel.select.addEventListener("change", () => {
    opts = withChange(opts, "metric", metricSel.select.value as BuildOptions["metric"]);
    renderOptions();
  });
  modeSel.select.addEventListener("change", () => {
    opts = withChange(opts, "mode", modeSel.select.value as BuildOptions["mode"]);
    renderOptions();
  });
  orderSel.select.addEventListener("change", () => {
    const v = orderSel.select.value;
    opts = withChange(opts, "dateOrder", v === "auto" ? undefined : (v as BuildOptions["dateOrder"]));
    renderOptions();
  });
  for (const r of outputRadios)
    r.input.addEventListener("change", () => {
      if (r.input.checked) opts = withChange(opts, "output", r.input.value as OutputKind);
      renderOptions();
    });
  buildButton.addEventListener("click", () => void build());
  projectButton.addEventListener("click", () => void project());
  cancelButton.addEventListener("click", () => running?.abort());
  shareFind.addEventListener("click", () => void findForShare());
  shareYes.addEventListener("click", () => void replace());
  shareNo.addEventListener("click", () => {
    confirmBox.hidden = true;
    shareFind.focus();
  });
  pane.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && running) running.abort();
  });

  horizonSel.select.value = String(DEFAULT_HORIZON);
  renderSource();
  renderOptions();
  if (options.autoLoad !== false) void loadSource();

  return {
    refresh: loadSource,
    language,
    unmount: () => {
      running?.abort();
      root.replaceChildren();
    },
  };
}
