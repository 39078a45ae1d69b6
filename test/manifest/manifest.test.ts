/**
 * The offline manifest check (scripts/check-manifest.mjs) on manifest.xml, on the built
 * dist/manifest.xml, and on broken copies that it must reject with a clear message.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function check(xml: string): { ok: boolean; output: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "manifest-")), "manifest.xml");
  fs.writeFileSync(file, xml);
  const run = spawnSync(process.execPath, [path.join(root, "scripts/check-manifest.mjs"), file], { encoding: "utf8" });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

describe("manifest.xml", () => {
  it("passes the structural check", () => {
    const result = check(manifest);
    expect(result.output).toMatch(/manifest structure is sound/);
    expect(result.ok).toBe(true);
  });

  it("is built into dist/ with the production address in place of localhost", () => {
    const built = fs.readFileSync(path.join(root, "dist/manifest.xml"), "utf8");
    expect(built).not.toMatch(/localhost/);
    expect(check(built).ok).toBe(true);
  });

  it.each([
    ["a resid that names no resource", (x: string) => x.replace('resid="Functions.Namespace"', 'resid="Functions.Nowhere"'), /resid Functions.Nowhere does not resolve/],
    ["another namespace", (x: string) => x.replace('id="Functions.Namespace" DefaultValue="RETAIN"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), /namespace must be RETAIN/],
    ["a short-lived runtime", (x: string) => x.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    ["more permissions than needed", (x: string) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"), /Permissions must be ReadWriteDocument/],
    ["a missing icon", (x: string) => x.replace("icon-80.png", "icon-81.png"), /icon icon-81.png is missing/],
    ["a malformed id", (x: string) => x.replace("<Id>6f1c2b7e-3a55-4d1e-9a62-5b0f2e8c4d17</Id>", "<Id>retain</Id>"), /Id must be a GUID/],
    ["broken XML", (x: string) => x.replace("</OfficeApp>", ""), /not well-formed|root element/],
  ])("rejects %s", (_what, mutate, message) => {
    const result = check(mutate(manifest));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  });
});
