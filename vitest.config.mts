import { defineConfig } from "vitest/config";

// One module graph for all files (isolate: false): each file no longer reloads Kusto.Language and the Pulumi SDK.
export default defineConfig({
  test: {
    globalSetup: ["test/setup/global.ts"],
    isolate: false,
    testTimeout: 60_000,
  },
});
