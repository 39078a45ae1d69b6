#!/usr/bin/env node
/**
 * Prints the size of the bundles Excel loads, minified and gzipped, after `npm run build`.
 * functions.js is what Excel loads at start, so it is kept small.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../dist");
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const name of ["functions.js", "taskpane.js", "functions.json"]) {
  const file = path.join(dist, name);
  if (!fs.existsSync(file)) {
    console.error(`${name}: missing, run npm run build first`);
    process.exitCode = 1;
    continue;
  }
  const bytes = fs.readFileSync(file);
  console.log(`${name.padEnd(16)} ${kb(bytes.length).padStart(10)} minified  ${kb(zlib.gzipSync(bytes).length).padStart(10)} gzipped`);
}
