/**
 * Where the workplace's shared folder is: the published data sets (data/, with
 * SOURCES.md) and the transaction generator (tools/gen-transactions.mjs) that the
 * tests check against. It sits beside the clone (../shared); RETAIN_SHARED names
 * another place. A machine without it fails here, loudly, rather than skipping.
 */
import * as fs from "fs";
import * as path from "path";

const repo = path.resolve(__dirname, "..");

function findShared(): string {
  const candidates = [process.env.RETAIN_SHARED, path.resolve(repo, "..", "shared"), "/work/shared"].filter((c): c is string => !!c);
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "data", "SOURCES.md")));
  if (!found) throw new Error(`the shared data folder is missing: looked for data/SOURCES.md in ${candidates.join(", ")}; set RETAIN_SHARED to its path`);
  return found;
}

export const sharedDir = findShared();
export const dataDir = path.join(sharedDir, "data");
export const generator = path.join(sharedDir, "tools", "gen-transactions.mjs");
