import type { z } from "zod";
import { type ConfigIssue, closest, fullKey, rmCommand, setCommand } from "./issues";

// Maps a zod issue on the stack config to a ConfigIssue whose fix is a command with a value that passes.

/** Example values, by path with table names and rule keys replaced by "*", for fixes where the input gives no better hint. */
const examples: Record<string, string> = {
  location: "westeurope",
  environment: "dev",
  namePrefix: "acsri-dev",
  resourceGroupName: "rg-acs-recording-insights",
  dataLocation: "United States",
  "communication.name": "acs-recording-dev",
  "communication.existingResourceId":
    "/subscriptions/<subscription-id>/resourceGroups/<group>/providers/Microsoft.Communication/communicationServices/<name>",
  "workspace.existingResourceId":
    "/subscriptions/<subscription-id>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>",
  "tags.*": "<tag value>",
  "workspace.sku": "PerGB2018",
  "workspace.capacityReservationLevel": "100",
  "workspace.retentionInDays": "90",
  "workspace.dailyQuotaGb": "-1",
  "tables.*.retentionInDays": "90",
  "tables.*.totalRetentionInDays": "365",
  "alerts.emails.*": "oncall@example.com",
  "alerts.webhookUrl": "https://example.com/alert-hook",
  "alerts.rules.*.threshold": "1",
  "alerts.rules.*.windowMinutes": "60",
  "alerts.rules.*.frequencyMinutes": "15",
  "alerts.rules.*.severity": "2",
};

function examplePattern(path: readonly (string | number)[]): string {
  return path
    .map((p, i) =>
      typeof p === "number" ||
      (i === 1 && (path[0] === "tables" || path[0] === "tags")) ||
      (i === 2 && path[1] === "rules")
        ? "*"
        : p,
    )
    .join(".");
}

type Issue = z.core.$ZodIssue & { input?: unknown };

/** The zod object schema found at `path`, unwrapping defaults and optionals; used to list allowed keys. */
function objectKeysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let node: unknown = schema;
  const step = (n: unknown): unknown => {
    let current = n as {
      _zod: { def: { type: string; innerType?: unknown; in?: unknown; shape?: Record<string, unknown> } };
    };
    while (current?._zod && ["default", "prefault", "optional", "nullable", "pipe"].includes(current._zod.def.type)) {
      current = (current._zod.def.innerType ?? current._zod.def.in) as typeof current;
    }
    return current;
  };
  for (const p of path) {
    const obj = step(node) as { _zod?: { def: { shape?: Record<string, unknown> } } };
    node = obj?._zod?.def.shape?.[String(p)];
  }
  const shape = (step(node) as { _zod?: { def: { shape?: Record<string, unknown> } } })?._zod?.def.shape;
  return shape ? Object.keys(shape) : [];
}

function suggestedValue(issue: Issue, path: readonly (string | number)[]): string {
  const input = issue.input;
  if (issue.code === "too_small" && typeof issue.minimum === "number") return String(issue.minimum);
  if (issue.code === "too_big" && typeof issue.maximum === "number") return String(issue.maximum);
  if (issue.code === "invalid_value") {
    const values = issue.values.map(String);
    return (typeof input === "string" && closest(input, values)) || values[0];
  }
  // The text "false" meant false: suggesting true would flip the user's intent.
  if (issue.code === "invalid_type" && issue.expected === "boolean") return input === "false" ? "false" : "true";
  if ((path.join(".") === "environment" || path.join(".") === "namePrefix") && typeof input === "string") {
    const token = input
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^[^a-z]+|-+$/g, "");
    if (token.length >= 2) return token.slice(0, path[0] === "environment" ? 12 : 24).replace(/-+$/, "");
  }
  if (path.join(".") === "location" && typeof input === "string" && input.trim() !== "") {
    const region = input.toLowerCase().replace(/[^a-z0-9]/g, "");
    if (/^[a-z][a-z0-9]{2,30}$/.test(region) && region !== "global") return region;
  }
  if (issue.code === "invalid_format" && issue.format === "email") return "oncall@example.com";
  if (typeof input === "number" && issue.code === "invalid_type" && issue.expected === "int")
    return String(Math.round(input));
  return examples[examplePattern(path)] ?? "<value>";
}

export function issueFromZod(issue: Issue, schema: z.ZodType, stack: string): ConfigIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const allowed = objectKeysAt(schema, path);
    return issue.keys.map((k) => {
      const hint = closest(k, allowed);
      return {
        key: fullKey([...path, k]),
        problem: `is not a setting this stack knows${hint ? ` (did you mean "${hint}"?)` : ""}; allowed here: ${allowed.join(", ")}`,
        fix: hint ? `${rmCommand([...path, k], stack)}  # then set "${hint}" instead` : rmCommand([...path, k], stack),
      };
    });
  }
  if (issue.code === "invalid_key") {
    const inner = issue.issues.map((i) => i.message).join("; ");
    return [
      {
        key: fullKey(path),
        problem: `${inner}; got the name ${JSON.stringify(path[path.length - 1])}`,
        fix: rmCommand(path, stack),
      },
    ];
  }
  const quotedBoolean =
    issue.code === "invalid_type" &&
    issue.expected === "boolean" &&
    (issue.input === "true" || issue.input === "false");
  const got =
    issue.input === undefined
      ? "it is not set"
      : quotedBoolean
        ? `got the text ${JSON.stringify(issue.input)} (in quotes); write it without quotes`
        : `got ${JSON.stringify(issue.input)}`;
  return [
    {
      key: fullKey(path),
      problem: `${issue.message}; ${got}`,
      fix: setCommand(path, suggestedValue(issue, path), stack),
    },
  ];
}
