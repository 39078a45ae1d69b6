/**
 * Mounts the cohort task pane (the same UI Excel shows, src/taskpane/ui.ts) beside the
 * grid, talking to the playground workbook through the pane's workbook port.
 */
import { mount, type MountedPane } from "../taskpane/ui";
import type { WorkbookPort } from "../taskpane/workbook-port";

export async function mountPane(root: HTMLElement, port: WorkbookPort): Promise<MountedPane> {
  root.innerHTML = "";
  return mount(root, port, { language: navigator.language });
}
