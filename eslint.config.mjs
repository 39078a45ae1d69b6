import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "build-tsc/**", "test-results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Excel's custom-function metadata maps TypeScript types one to one: a range of mixed
    // cells can only be declared as any[][], so the wrappers may use any.
    files: ["src/functions/*-functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // src/core is shared by Excel, the pane, the playground and the CLI: it must not
    // know any host. No Office, Excel, CustomFunctions, DOM or Node globals here.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/core must not use Office: keep host code in src/functions or src/taskpane" },
        { name: "Excel", message: "src/core must not use Excel: keep host code in src/taskpane" },
        { name: "CustomFunctions", message: "src/core must not use CustomFunctions: throw RetainError and let src/functions map it" },
        { name: "window", message: "src/core must not use the DOM" },
        { name: "document", message: "src/core must not use the DOM" },
        { name: "process", message: "src/core must not use Node globals" },
        { name: "require", message: "src/core must not use Node globals" },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["fs", "path", "node:*", "office-*", "@microsoft/office-js", "hyperformula", "exceljs"], message: "src/core is pure TypeScript: no host or Node modules" }] },
      ],
    },
  },
);
