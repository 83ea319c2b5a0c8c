// The acs-insights CLI: each command lives in its own module, loaded only when called so start-up stays fast.
export type CommandRunner = (argv: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  synth: { summary: "run the Pulumi program offline under mocks and write out/plan.json", load: async () => (await import("./synth")).run },
  query: { summary: "run KQL on a data directory (default: bundled sample) or a workspace", load: async () => (await import("./query")).run },
  check: { summary: "analyze every KQL text the package ships against the table schemas", load: async () => (await import("./check")).run },
  preview: { summary: "render the workbook as a self-contained HTML page from local data", load: async () => (await import("./preview")).run },
  bench: { summary: "benchmark the local KQL evaluator against a hand-written loop", load: async () => (await import("./bench")).run },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    "usage: acs-insights <command> [options]",
    "",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `acs-insights <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(usage() + "\n");
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`acs-insights: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  return (await command.load())(rest);
}

if (require.main === module || process.env.ACS_INSIGHTS_BIN === "1") {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`acs-insights: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
