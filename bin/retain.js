#!/usr/bin/env node
/* global require, process, Buffer, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports */
// The `retain` command line: runs the bundle webpack builds from src/cli/retain.ts.
const path = require("path");
const bundle = path.join(__dirname, "..", "dist", "cli", "retain.js");
let cli;
try {
  cli = require(bundle);
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes(bundle)) {
    process.stderr.write("retain: dist/cli/retain.js is missing; build it with `npx webpack --mode production --config-name cli`\n");
    process.exit(2);
  }
  throw error;
}
// Write synchronously so large tables are not cut off; a closed pipe (| head) ends quietly.
const fs = require("fs");
const out = (text) => {
  const bytes = Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.length; ) {
    try {
      done += fs.writeSync(1, bytes, done, bytes.length - done);
    } catch (error) {
      if (error.code === "EAGAIN") continue;
      if (error.code === "EPIPE") return;
      throw error;
    }
  }
};
process.exitCode = cli.main(process.argv.slice(2), { out, err: (text) => process.stderr.write(text) });
