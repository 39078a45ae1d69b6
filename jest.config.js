/** Unit and integration tests; the browser suite runs from test/e2e with its own runner. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10", ignoreDeprecations: "6.0", esModuleInterop: true, resolveJsonModule: true, target: "ES2020" }, diagnostics: { ignoreCodes: ["TS151001", "TS5107", "TS5110"] } }],
  },
  moduleNameMapper: {
    // office-addin-manifest@3 pulls an ESM-only dependency; office-addin-mock only needs this file.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
