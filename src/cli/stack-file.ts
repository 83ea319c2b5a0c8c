// Reads a Pulumi.<stack>.yaml the way the Pulumi engine hands its config to a program, for offline synth.
import * as fs from "node:fs";
import { parse as parseYaml } from "yaml";
import { pathText } from "../config/issues";

/** Stands in for a `secure:` value, which cannot be decrypted offline; an https URL so a secret webhook still validates. */
export const offlineSecret = "https://secret.invalid/not-decrypted-offline";

export interface StackFileConfig {
  /** Flat "project:key" → string, objects as JSON. */
  readonly config: Record<string, string>;
  /** Top-level keys holding a `secure:` value anywhere inside. */
  readonly secretKeys: string[];
  /** Every `secure:` value's full key as config errors spell it, e.g. "acs-recording-insights:alerts.emails[0]". */
  readonly securePaths: string[];
  readonly environments: string[];
}

const isSecure = (v: unknown) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && "secure" in v;

const kindOf = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "string" ? "a string" : `a ${typeof v}`;

/** Replaces `secure:` values with the placeholder, recording where they were; refuses numbers JSON cannot carry. */
function plainValue(value: unknown, at: (string | number)[], file: string, securePaths: string[]): unknown {
  if (isSecure(value)) {
    securePaths.push(pathText(at));
    return offlineSecret;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    // YAML's .nan and .inf parse to NaN and Infinity, which JSON (and so Pulumi's config) would silently turn into null.
    throw new Error(
      `${file}: ${pathText(at)} is ${value} (YAML .nan/.inf); Pulumi config holds only finite numbers, so write a number such as 30`,
    );
  }
  if (Array.isArray(value)) return value.map((x, i) => plainValue(x, [...at, i], file, securePaths));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, plainValue(x, [...at, k], file, securePaths)]));
  }
  return value;
}

/** Stack files are a few KB; the cap stops a wrong path (a log, /dev/zero) from filling memory. */
const maxStackFileBytes = 1024 * 1024;

/** The text of a stack file: a regular file, at most 1 MiB. */
export function readStackFile(file: string): string {
  const stat = fs.statSync(file);
  // A FIFO or device would block or never end.
  if (!stat.isFile()) throw new Error(`${file} is not a regular file; pass a Pulumi.<stack>.yaml file`);
  if (stat.size > maxStackFileBytes)
    throw new Error(`${file} is ${stat.size} bytes; a stack file is at most 1 MiB, so this is not one`);
  return fs.readFileSync(file, "utf8");
}

/** Flattens a stack file's `config:` to what Pulumi hands a program: "project:key" → string, objects as JSON. */
export function stackFileConfig(text: string, file: string): StackFileConfig {
  const parsed: unknown = parseYaml(text) ?? {};
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `${file}: must be a YAML map with a "config:" section, got ${kindOf(parsed)}; see Pulumi.dev.yaml for the shape`,
    );
  }
  const doc = parsed as { config?: unknown; environment?: unknown };
  if (
    doc.config !== undefined &&
    doc.config !== null &&
    (typeof doc.config !== "object" || Array.isArray(doc.config))
  ) {
    throw new Error(`${file}: "config" must be a map of keys to values`);
  }
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const securePaths: string[] = [];
  for (const [key, value] of Object.entries((doc.config ?? {}) as Record<string, unknown>)) {
    if (!key.includes(":"))
      throw new Error(`${file}: config key "${key}" must be namespaced, e.g. "acs-recording-insights:${key}"`);
    const before = securePaths.length;
    const plain = plainValue(value, [key], file, securePaths);
    if (securePaths.length > before) secretKeys.push(key);
    config[key] =
      typeof plain === "string"
        ? plain
        : typeof plain === "object" && plain !== null
          ? JSON.stringify(plain)
          : String(plain);
  }
  const environments = Array.isArray(doc.environment) ? doc.environment.map(String) : [];
  return { config, secretKeys, securePaths, environments };
}
