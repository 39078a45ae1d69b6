/**
 * Runs every `@example` in src/core: each line `expression // => expected` is evaluated
 * with the exports of its own file in scope and compared with the value shown. A number
 * must match to the digits it is written with, so the docs cannot drift from the code.
 */
import * as fs from "fs";
import * as path from "path";

const coreDir = path.resolve(__dirname, "../../src/core");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

interface Example {
  file: string;
  expression: string;
  expected: string;
}

function examplesOf(file: string): Example[] {
  const text = fs.readFileSync(file, "utf8");
  const found: Example[] = [];
  for (const block of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = block.split("\n").map((line) => line.replace(/^\s*\*\s?/, ""));
    const start = lines.findIndex((line) => line.startsWith("@example"));
    if (start < 0) continue;
    let previous = "";
    for (const line of lines.slice(start + 1)) {
      if (line.startsWith("@")) break;
      const match = line.match(/^(.*?)\s*\/\/ =>\s*(.+)$/);
      // The value may stand on its own line under the expression: `// => 0.9`.
      if (match && match[1].trim() === "") match[1] = previous;
      if (line.trim() !== "") previous = line;
      if (match) found.push({ file, expression: match[1].trim().replace(/;$/, ""), expected: match[2].trim().replace(/;$/, "") });
    }
  }
  return found;
}

/** Half a unit in the last decimal place a number is written with. */
function toleranceOf(written: string): number {
  const decimals = written.includes(".") ? written.split(".")[1].replace(/[^0-9].*$/, "").length : 0;
  return 0.5 * 10 ** -decimals;
}

function expectClose(actual: unknown, expected: unknown, writtenNumbers: string[]): void {
  if (typeof expected === "number") {
    const written = writtenNumbers.shift() ?? String(expected);
    expect(typeof actual).toBe("number");
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(toleranceOf(written) + 1e-12 * Math.abs(expected));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((item, i) => expectClose((actual as unknown[])[i], item, writtenNumbers));
  } else if (expected && typeof expected === "object") {
    for (const [key, value] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[key], value, writtenNumbers);
  } else {
    expect(actual).toEqual(expected);
  }
}

/** The value after `// =>`; a trailing note in brackets, "-25509 (1900-02-28)", is a comment. */
function parseExpected(expected: string): unknown {
  // Node prints typed arrays as `Float64Array [10, 5, 0]`: compare their items.
  const typed = expected.match(/^[A-Za-z0-9]+Array \[(.*)\]$/);
  if (typed) return new Function(`return [${typed[1]}];`)();
  try {
    return new Function(`return (${expected});`)();
  } catch (error) {
    const bare = expected.replace(/\s+\([^()]*\)$/, "");
    if (bare === expected) throw error;
    return new Function(`return (${bare});`)();
  }
}

const examples = sourceFiles(coreDir).flatMap(examplesOf);

describe("core @example blocks", () => {
  it("finds examples to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(13);
  });

  it.each(examples.map((e) => [path.relative(coreDir, e.file), e.expression, e.expected, e] as const))(
    "%s: %s → %s",
    (_file, expression, expected, example) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exports = require(example.file) as Record<string, unknown>;
      const names = Object.keys(exports);
      let actual = new Function(...names, `return (${expression});`)(...names.map((n) => exports[n]));
      if (ArrayBuffer.isView(actual)) actual = Array.from(actual as unknown as ArrayLike<number>);
      const wanted = parseExpected(expected);
      const writtenNumbers = expected.replace(/\s+\([^()]*\)$/, "").match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
      expectClose(actual, wanted, writtenNumbers);
    },
  );
});
