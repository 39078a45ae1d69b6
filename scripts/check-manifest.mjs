#!/usr/bin/env node
/**
 * Offline structural check of the add-in manifest (`office-addin-manifest validate` needs
 * Microsoft's online service). Usage: node scripts/check-manifest.mjs [manifest.xml]
 * Prints each problem and exits 1 if there is any. The test suite calls checkManifest().
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Returns the list of problems found in the manifest text (empty when it is sound). */
export function checkManifest(xml, { assetsDir = path.join(root, "assets") } = {}) {
  const problems = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, isArray: (name) => ["Url", "String", "Image", "Host", "Set", "Override", "Runtime", "ExtensionPoint", "Control", "Group"].includes(name) });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`manifest is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  let doc;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    return [`manifest is not well-formed XML: ${error.message}`];
  }
  const app = doc.OfficeApp;
  if (!app) return ["the root element must be OfficeApp"];
  const need = (ok, message) => {
    if (!ok) problems.push(message);
  };

  need(app["@type"] === "TaskPaneApp", "OfficeApp must be a TaskPaneApp");
  need(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(app.Id ?? ""), "Id must be a GUID");
  need(/^\d+\.\d+\.\d+\.\d+$/.test(String(app.Version ?? "")), "Version must have four parts, like 1.0.0.0");
  need(app.Permissions === "ReadWriteDocument", "Permissions must be ReadWriteDocument (the pane writes a new sheet; nothing more is needed)");
  need((app.Hosts?.Host ?? []).some((h) => h["@Name"] === "Workbook"), "Hosts must include Workbook (Excel)");
  need((app.Requirements?.Sets?.Set ?? []).some((s) => s["@Name"] === "SharedRuntime"), "Requirements must ask for the SharedRuntime set");

  const overrides = app.VersionOverrides;
  if (!overrides) return [...problems, "VersionOverrides is missing"];
  const resources = overrides.Resources ?? {};
  const ids = new Map();
  for (const [group, item] of [["Images", "Image"], ["Urls", "Url"], ["ShortStrings", "String"], ["LongStrings", "String"]]) {
    for (const entry of resources[group]?.[item] ?? []) {
      need(!ids.has(entry["@id"]), `resource id ${entry["@id"]} is defined twice`);
      ids.set(entry["@id"], { group, value: entry["@DefaultValue"] });
    }
  }
  // Every resid anywhere in VersionOverrides must name a resource.
  const resids = [];
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "@resid") resids.push(value);
        else walk(value);
      }
    }
  })(overrides);
  need(resids.length > 0, "VersionOverrides uses no resources");
  for (const resid of resids) need(ids.has(resid), `resid ${resid} does not resolve to a resource`);
  for (const [id, { value }] of ids) need(typeof value === "string" && value.length > 0, `resource ${id} has no DefaultValue`);
  for (const [id, entry] of ids) {
    if (entry.group === "ShortStrings") need(entry.value.length <= 125, `short string ${id} is longer than 125 characters`);
  }

  const host = (overrides.Hosts?.Host ?? []).find((h) => h["@type"] === "Workbook");
  if (!host) return [...problems, "VersionOverrides must have a Workbook host"];
  const runtime = host.Runtimes?.Runtime?.[0];
  need(runtime?.["@lifetime"] === "long", "the shared runtime must have lifetime=\"long\"");
  const cf = (host.AllFormFactors?.ExtensionPoint ?? []).find((e) => e["@type"] === "CustomFunctions");
  if (!cf) {
    problems.push("there is no CustomFunctions extension point");
  } else {
    need(ids.get(cf.Namespace?.["@resid"])?.value === "RETAIN", "the custom functions namespace must be RETAIN");
    need(cf.Page?.SourceLocation?.["@resid"] === runtime?.["@resid"], "custom functions must run in the shared runtime: Page must be the runtime's page");
    need(/functions\.js$/.test(ids.get(cf.Script?.SourceLocation?.["@resid"])?.value ?? ""), "the custom functions script must be functions.js");
    need(/functions\.json$/.test(ids.get(cf.Metadata?.SourceLocation?.["@resid"])?.value ?? ""), "the custom functions metadata must be functions.json");
  }
  const desktop = host.DesktopFormFactor;
  need(desktop?.FunctionFile?.["@resid"] === runtime?.["@resid"], "FunctionFile must be the shared runtime's page");
  const buttons = (desktop?.ExtensionPoint ?? []).flatMap((e) => [e.OfficeTab, e.CustomTab].filter(Boolean)).flatMap((tab) => (tab.Group ?? []).flatMap((g) => g.Control ?? []));
  const paneButton = buttons.find((c) => c.Action?.["@type"] === "ShowTaskpane");
  need(paneButton, "the ribbon needs a button that shows the task pane");
  if (paneButton) need(paneButton.Action.SourceLocation?.["@resid"] === runtime?.["@resid"], "the pane button must open the shared runtime's page");

  // Icons named by the manifest must exist in assets/ at the size they claim.
  const iconUrls = [app.IconUrl?.["@DefaultValue"], app.HighResolutionIconUrl?.["@DefaultValue"], ...[...ids.values()].filter((e) => e.group === "Images").map((e) => e.value)];
  for (const url of iconUrls) {
    const name = String(url ?? "").split("/").pop();
    const file = path.join(assetsDir, name);
    if (!fs.existsSync(file)) {
      problems.push(`icon ${name} is missing from assets/`);
      continue;
    }
    const size = Number((name.match(/(\d+)\.png$/) ?? [])[1]);
    const png = fs.readFileSync(file);
    need(png.readUInt32BE(16) === size && png.readUInt32BE(20) === size, `icon ${name} must be ${size}×${size} pixels`);
  }
  for (const size of [16, 32, 64, 80]) need(fs.existsSync(path.join(assetsDir, `icon-${size}.png`)), `assets/icon-${size}.png is missing`);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = process.argv[2] ?? path.join(root, "manifest.xml");
  const problems = checkManifest(fs.readFileSync(file, "utf8"));
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    process.exit(1);
  }
  console.log(`${path.relative(process.cwd(), file) || file}: manifest structure is sound`);
}
