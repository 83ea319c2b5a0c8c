import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { stackFileConfig } from "../../src/cli/synth";
import { parseStackConfig, stackConfigSchema } from "../../src/config";
import { shippedAlertDefaults } from "./shipped";

// The committed stack files are samples people copy: they must parse, and dev must document every key.

const root = path.resolve(__dirname, "../..");
const load = (stack: string) => {
  const file = `Pulumi.${stack}.yaml`;
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return { text, config: parseStackConfig(stackFileConfig(text, file).config, stack, shippedAlertDefaults) };
};

/** Every key path the schema knows, e.g. "workspace.retentionInDays"; table names and rule keys stand for themselves. */
function schemaKeys(): string[] {
  const keys: string[] = [];
  const walk = (node: any, prefix: string) => {
    while (node?._zod && ["default", "prefault", "optional", "nullable", "pipe"].includes(node._zod.def.type))
      node = node._zod.def.innerType ?? node._zod.def.in;
    const shape = node?._zod?.def.shape;
    if (!shape) return;
    for (const [k, v] of Object.entries(shape)) {
      keys.push(prefix + k);
      if (prefix.startsWith("alerts.rules.") || prefix.startsWith("tables.")) continue;
      walk(v, `${prefix}${k}.`);
    }
  };
  walk(stackConfigSchema(shippedAlertDefaults), "");
  return keys;
}

describe("committed stack files", () => {
  it("Pulumi.dev.yaml must be a valid config", () => {
    expect(load("dev").config.environment).toBe("dev");
  });

  it("Pulumi.dev.yaml must mention every config key, set or commented", () => {
    const { text } = load("dev");
    const missing = schemaKeys().filter(
      (k) => !new RegExp(`\\b${k.split(".").pop()!.replace(/[-]/g, "\\-")}:`).test(text),
    );
    // Rule keys are tuned only as examples; each rule's fields are listed once in the comment above them.
    expect(missing.filter((k) => !k.startsWith("alerts.rules."))).toEqual([]);
  });

  it("README's config table must list every config key", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const start = readme.indexOf("## Stack config keys");
    const table = readme.slice(start, readme.indexOf("\n## ", start + 1));
    const listed = (key: string) => {
      const [head, ...rest] = key.split(".");
      const last = rest.pop();
      // Table rows write "tables.<Table>.retentionInDays" and "alerts.rules.<key>.{...}" once for all tables and rules.
      if (head === "tables" || (head === "alerts" && rest[0] === "rules"))
        return table.includes(head === "tables" ? "tables.<Table>" : "alerts.rules.<key>");
      return (
        table.includes(`\`${key}\``) ||
        (last !== undefined && table.includes(`/ \`${last}\``)) ||
        (last !== undefined && table.includes(`${[head, ...rest].join(".")}.${last}`))
      );
    };
    const keys = schemaKeys();
    const leaves = keys.filter((k) => !keys.some((other) => other.startsWith(`${k}.`)));
    expect(leaves.filter((k) => !listed(k))).toEqual([]);
  });

  it("Pulumi.prod.yaml must be production-leaning: protected, locked, keyless, uncapped, longer retention", () => {
    const dev = load("dev").config;
    const prod = load("prod").config;
    expect(prod.protect).toBe(true);
    expect(prod.lock).toBe(true);
    expect(prod.workspace.disableLocalAuth).toBe(true);
    expect(prod.communication.disableLocalAuth).toBe(true);
    expect(prod.workspace.dailyQuotaGb).toBe(-1);
    expect(prod.allowRetentionDecrease).toBe(false);
    for (const [table, r] of Object.entries(prod.tables)) {
      expect(r.retentionInDays, table).toBeGreaterThanOrEqual(
        dev.tables[table as keyof typeof dev.tables].retentionInDays,
      );
    }
    expect(prod.alerts.emails.length).toBeGreaterThanOrEqual(1);
  });
});
