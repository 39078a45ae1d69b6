/**
 * Mounts the cohort task pane beside the grid, talking to the playground workbook
 * through the pane's workbook port.
 */
import type { WorkbookPort } from "../taskpane/workbook-port";

export async function mountPane(root: HTMLElement, _port: WorkbookPort): Promise<void> {
  root.innerHTML = '<p style="padding:12px;color:#605e5c">The cohort task pane will appear here.</p>';
}
