/**
 * src/core is shared by Excel, the task pane, the playground and the CLI, so the lint
 * configuration forbids host globals and modules there. This runs ESLint with the
 * project's own configuration on a snippet placed (virtually) in src/core and elsewhere.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

const snippet = `import * as fs from "fs";
export function hostBound(): void {
  Office.onReady(() => 1);
  Excel.run(async () => 1);
  fs.readFileSync("x");
  document.title = "x";
  process.exit(1);
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue);
}
`;

function lint(file: string): string[] {
  const bin = path.join(root, "node_modules/eslint/bin/eslint.js");
  const run = spawnSync(process.execPath, [bin, "--stdin", "--stdin-filename", file, "--format", "json"], { cwd: root, input: snippet, encoding: "utf8" });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId?.startsWith("no-restricted")).map((m) => m.message);
}

describe("the src/core purity rule", () => {
  const inCore = lint("src/core/example.ts").join("\n");

  it.each([
    [/src\/core must not use Office/],
    [/src\/core must not use Excel/],
    [/src\/core must not use CustomFunctions/],
    [/src\/core must not use the DOM/],
    [/src\/core must not use Node globals/],
    [/src\/core is pure TypeScript: no host or Node modules/],
  ])("reports %s", (message) => {
    expect(inCore).toMatch(message);
  });

  it("allows the same code outside src/core", () => {
    expect(lint("src/taskpane/example.ts")).toEqual([]);
  });
});
