import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import LongFirstSequencer from "./test/setup/sequencer";

// One module graph per worker (isolate: false): a file does not reload Kusto.Language and the Pulumi SDK.
export default defineConfig({
  test: {
    globalSetup: ["test/setup/global.ts"],
    isolate: false,
    // vitest leaves one core idle by default (1 worker on 2 cores); the files spend their time on CPU, so use both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The engine tests allocate heavily: 128 MB semi-spaces (default 16) cut the large preview's query CPU by 30%.
    execArgv: ["--max-semi-space-size=128"],
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 60_000,
  },
});
