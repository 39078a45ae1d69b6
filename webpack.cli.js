/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, __dirname */
/**
 * The `retain` command line: src/cli/retain.ts as one Node bundle, dist/cli/retain.js
 * (bin/retain.js runs it). The cohort functions are bundled beside it,
 * dist/cli/cohort-functions.js, so the benchmark can call RETAIN.COHORT as Excel would,
 * and the worker that reads parts of large files, dist/cli/read-worker.js.
 */
const path = require("path");

module.exports = (env, options = {}) => ({
  name: "cli",
  target: "node",
  mode: options.mode || "production",
  devtool: false,
  entry: {
    retain: "./src/cli/retain.ts",
    "cohort-functions": "./src/functions/cohort-functions.ts",
    // worker threads that read parts of large files (src/cli/parallel-read.ts)
    "read-worker": "./src/cli/read-worker.ts",
  },
  // the real __dirname, so retain.js finds read-worker.js beside it
  node: { __dirname: false, __filename: false },
  output: {
    path: path.resolve(__dirname, "dist/cli"),
    filename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false, rootDir: __dirname } } } }],
  },
  optimization: { minimize: false },
  performance: { hints: false },
});
