// Keeps `secure:` stack values out of what synth writes and says: the plan, and the config errors about them.
import { ConfigError, type ConfigIssue } from "../config";
import { redacted } from "../infra/plan";
import { offlineSecret } from "./stack-file";

/** Every string that carries the offline placeholder becomes the plan's secret marker, wherever the program put it. */
export function redactPlaceholders<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.includes(offlineSecret) ? redacted : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

const isUnder = (key: string, securePath: string) =>
  key === securePath || key.startsWith(`${securePath}.`) || key.startsWith(`${securePath}[`);

function isConfigError(err: unknown): err is ConfigError {
  // By shape: the program may be loaded in a fresh module registry with its own ConfigError class.
  return err instanceof Error && err.name === "ConfigError" && Array.isArray((err as ConfigError).issues);
}

/** A config error about an encrypted value says offline synth cannot check it, instead of blaming the placeholder. */
export function explainSecureIssues(err: unknown, securePaths: readonly string[]): unknown {
  if (!isConfigError(err) || securePaths.length === 0) return err;
  const issues: ConfigIssue[] = err.issues.map((issue) =>
    securePaths.some((p) => isUnder(issue.key, p))
      ? {
          key: issue.key,
          problem: "is a secure (encrypted) value; offline synth cannot decrypt it, so it cannot check it",
          fix: `check it with \`pulumi preview --stack ${err.stack}\`, or synth a copy of the stack file holding a plain test value (--stack-file)`,
        }
      : {
          key: issue.key,
          problem: issue.problem.split(offlineSecret).join(redacted),
          fix: issue.fix.split(offlineSecret).join(redacted),
        },
  );
  return new ConfigError(err.stack, issues);
}
