/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const LocalizedMetadataPlugin = require("./scripts/localized-metadata-plugin");

const devUrl = "https://localhost:3000";
// The production address the built manifest points at; set RETAIN_URL when deploying dist/.
const prodUrl = (process.env.RETAIN_URL || "https://retain.example.com").replace(/\/$/, "");

const functionFiles = ["metric-functions", "cohort-functions", "model-functions"].map((name) =>
  path.resolve(__dirname, `src/functions/${name}.ts`),
);

function httpsOptions() {
  // office-addin-dev-certs installs a trusted localhost certificate on Windows/macOS.
  // Without one (Linux, CI) the dev server falls back to webpack's self-signed certificate.
  try {
    const devCerts = require("office-addin-dev-certs");
    const certDir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    if (fs.existsSync(path.join(certDir, "localhost.crt"))) {
      return devCerts.getHttpsServerOptions();
    }
  } catch {
    /* fall through */
  }
  return {};
}

/** The add-in: functions.js (no DOM), taskpane.js/html, commands and the manifest. */
const addin = (env, options) => {
  const dev = options.mode === "development";
  return {
    name: "addin",
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: { keep: /^(playground|cli)\// },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader" } },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new LocalizedMetadataPlugin({ locales: ["ru", "ro"], source: "functions.json", dir: path.resolve(__dirname, "src/functions/locales") }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"], scriptLoading: "blocking", inject: "body" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name]" + "[ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(devUrl, "g"), prodUrl);
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? httpsOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

const extra = ["./webpack.cli.js", "./webpack.playground.js"].filter((file) => fs.existsSync(path.resolve(__dirname, file)));

module.exports = (env = {}, options = {}) => [addin(env, options), ...extra.map((file) => require(file)(env, options))];
