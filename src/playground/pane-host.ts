/**
 * Mounts the cohort task pane (the same UI Excel shows, src/taskpane/ui.ts) beside the
 * grid, talking to the playground workbook through the pane's workbook port.
 */
import { mount, type MountedPane } from "../taskpane/ui";
import type { WorkbookPort } from "../taskpane/workbook-port";

export async function mountPane(root: HTMLElement, port: WorkbookPort): Promise<MountedPane> {
  root.innerHTML = "";
  // The pane waits for "Use current selection": the playground opens on the Metrics sheet,
  // where the active cell holds no transaction table to read.
  return mount(root, port, { language: navigator.language, autoLoad: false });
}
