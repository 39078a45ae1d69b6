/**
 * The pane's look, after Fluent 2: Segoe UI (system font stack), Fluent's neutral
 * and brand colours, 4px corners, a visible 2px focus ring, one column that works
 * from the pane's narrowest width (about 320px) up. Injected once as a <style>,
 * since the build has no CSS loader.
 */
export const css = `
.retain-pane {
  --brand: #0f6cbd; --brand-hover: #115ea3; --brand-pressed: #0c3b5e;
  --fg: #242424; --fg-muted: #616161; --bg: #ffffff; --bg-subtle: #f5f5f5;
  --stroke: #d1d1d1; --stroke-strong: #616161; --danger-bg: #fdf3f4; --danger-fg: #b10e1c;
  --success-bg: #f1faf1; --success-fg: #0e700e; --warning-bg: #fff9f5; --warning-fg: #8a3707;
  font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif;
  font-size: 14px; line-height: 20px; color: var(--fg); background: var(--bg);
  box-sizing: border-box; min-width: 0; max-width: 100%; padding: 12px 16px 24px;
}
.retain-pane *, .retain-pane *::before, .retain-pane *::after { box-sizing: inherit; }
.retain-pane h1 { font-size: 20px; line-height: 28px; font-weight: 600; margin: 0 0 4px; }
.retain-pane h2 { font-size: 16px; line-height: 22px; font-weight: 600; margin: 0 0 8px; }
.retain-pane p { margin: 0 0 8px; }
.retain-pane .muted { color: var(--fg-muted); font-size: 12px; line-height: 16px; }
.retain-pane section { border-top: 1px solid var(--stroke); padding: 12px 0; }
.retain-pane .field { display: flex; flex-direction: column; gap: 4px; margin: 0 0 10px; min-width: 0; }
.retain-pane label, .retain-pane legend { font-weight: 600; font-size: 14px; }
.retain-pane fieldset { border: 0; padding: 0; margin: 0 0 10px; min-width: 0; }
.retain-pane fieldset label { font-weight: 400; display: flex; gap: 8px; align-items: flex-start; padding: 2px 0; }
.retain-pane .check { display: flex; gap: 8px; align-items: center; font-weight: 400; margin: 0 0 10px; }
.retain-pane select {
  font: inherit; color: var(--fg); background: var(--bg); width: 100%; min-width: 0; height: 32px;
  padding: 0 8px; border: 1px solid var(--stroke); border-bottom-color: var(--stroke-strong); border-radius: 4px;
}
.retain-pane select:disabled, .retain-pane button:disabled { color: #bdbdbd; background: #f0f0f0; border-color: #e0e0e0; cursor: not-allowed; }
.retain-pane input[type="radio"], .retain-pane input[type="checkbox"] { accent-color: var(--brand); margin: 3px 0 0; width: 16px; height: 16px; flex: none; }
.retain-pane button {
  font: inherit; font-weight: 600; min-height: 32px; padding: 5px 12px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--stroke); background: var(--bg); color: var(--fg); max-width: 100%;
}
.retain-pane button:hover:not(:disabled) { background: var(--bg-subtle); }
.retain-pane button.primary { background: var(--brand); border-color: transparent; color: #fff; }
.retain-pane button.primary:hover:not(:disabled) { background: var(--brand-hover); }
.retain-pane button.primary:active:not(:disabled) { background: var(--brand-pressed); }
.retain-pane :focus-visible { outline: 2px solid var(--fg); outline-offset: 1px; border-radius: 4px; }
.retain-pane .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 4px 0 8px; }
.retain-pane .preview { overflow-x: auto; max-width: 100%; border: 1px solid var(--stroke); border-radius: 4px; margin: 0 0 10px; }
.retain-pane table { border-collapse: collapse; font-size: 12px; line-height: 16px; width: max-content; min-width: 100%; }
.retain-pane caption { text-align: left; padding: 4px 8px; color: var(--fg-muted); }
.retain-pane th, .retain-pane td { padding: 2px 8px; border-top: 1px solid #e0e0e0; text-align: left; white-space: nowrap; max-width: 160px; overflow: hidden; text-overflow: ellipsis; }
.retain-pane th { background: var(--bg-subtle); font-weight: 600; }
.retain-pane progress { width: 100%; height: 4px; accent-color: var(--brand); }
.retain-pane .message { border-radius: 4px; padding: 8px 12px; margin: 8px 0; border: 1px solid transparent; word-wrap: break-word; }
.retain-pane .message[data-tone="error"] { background: var(--danger-bg); color: var(--danger-fg); border-color: #eeacb2; }
.retain-pane .message[data-tone="success"] { background: var(--success-bg); color: var(--success-fg); border-color: #9fd89f; }
.retain-pane .message[data-tone="info"] { background: var(--warning-bg); color: var(--warning-fg); border-color: #fdcfb4; }
.retain-pane .message p { margin: 0 0 4px; }
.retain-pane .message button { margin-top: 4px; }
.retain-pane [hidden] { display: none !important; }
@media (forced-colors: active) { .retain-pane button.primary { border: 1px solid ButtonText; } }
`;

/** Adds the stylesheet to a document once. */
export function injectStyles(doc: Document): void {
  if (doc.getElementById("retain-pane-styles")) return;
  const style = doc.createElement("style");
  style.id = "retain-pane-styles";
  style.textContent = css;
  doc.head.appendChild(style);
}
