/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, module, __dirname */
/**
 * The `retain` command line: src/cli/retain.ts as one Node bundle, dist/cli/retain.js
 * (bin/retain.js runs it). The cohort functions are bundled beside it,
 * dist/cli/cohort-functions.js, so the benchmark can call RETAIN.COHORT as Excel would.
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
  },
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
