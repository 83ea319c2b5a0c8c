#!/usr/bin/env node
// Runs the TypeScript CLI without a build step; transpile-only keeps start-up fast (types are checked by `npm run typecheck`).
const path = require("path");
require("ts-node").register({
  transpileOnly: true,
  project: path.join(__dirname, "..", "..", "tsconfig.json"),
});
process.env.ACS_INSIGHTS_BIN = "1";
require("./main.ts");
