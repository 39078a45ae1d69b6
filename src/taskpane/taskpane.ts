/**
 * The cohort task pane's entry point (dist/taskpane.js). Two halves:
 * - `mount` (from ui.ts), host-neutral, exported for hosts that bring their own
 *   WorkbookPort (the playground: `import { mount } from "../taskpane/taskpane"`);
 * - the Office bootstrap below, which runs only inside Office: when office.js is
 *   loaded and Office.onReady reports Excel, it mounts the pane on #app with the
 *   Office.js port and Office's display language. Outside Office it does nothing.
 */
import { OfficeWorkbook } from "./office-workbook";
import { mount } from "./ui";

export { mount } from "./ui";
export type { MountOptions, MountedPane } from "./ui";
export type { WorkbookPort } from "./workbook-port";

function bootstrap(): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    const root = document.getElementById("app");
    if (!root) return;
    mount(root, new OfficeWorkbook(), { language: Office.context?.displayLanguage });
  });
}

if (typeof window !== "undefined" && typeof document !== "undefined") bootstrap();
