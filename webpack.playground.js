/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The playground: an in-browser workbook (HyperFormula, GPL-3.0 licence key "gpl-v3")
 * that loads the add-in's own dist/functions.js at run time. HyperFormula and exceljs
 * live only in this bundle (dist/playground/), never in dist/functions.js or taskpane.js.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (_env = {}, options = {}) => {
  const dev = options.mode === "development";
  return {
    name: "playground",
    devtool: dev ? "source-map" : false,
    entry: { playground: "./src/playground/playground.ts" },
    output: {
      path: path.resolve(__dirname, "dist/playground"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev, rootDir: __dirname } } } },
        { test: /\.csv$/, type: "asset/source" },
      ],
    },
    plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./src/playground/index.html", chunks: ["playground"], inject: "body" })],
    performance: { hints: false },
  };
};
