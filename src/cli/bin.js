#!/usr/bin/env node
// The `acs-insights` command. Compiled to dist/cli/bin.js next to main.js (the installed, fast path); run from src/
// in a checkout, it transpiles the TypeScript sources with ts-node instead (types are checked by `npm run typecheck`).
const fs = require("fs");
const path = require("path");
process.env.ACS_INSIGHTS_BIN = "1";
if (fs.existsSync(path.join(__dirname, "main.js"))) {
  require("./main.js");
} else {
  require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "..", "tsconfig.json") });
  require("./main.ts");
}
