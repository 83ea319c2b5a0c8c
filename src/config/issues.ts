// Turns a rejected config value into a message a person can act on: which key, what was wrong, and the command that fixes it.

export const projectName = "acs-recording-insights";

export interface ConfigIssue {
  /** The full config key as Pulumi shows it, e.g. "acs-recording-insights:workspace.retentionInDays". */
  readonly key: string;
  readonly problem: string;
  /** A complete `pulumi config ...` command that makes this issue go away. */
  readonly fix: string;
}

export class ConfigError extends Error {
  constructor(
    readonly stack: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      [
        `Invalid stack config for stack "${stack}" (nothing was declared, nothing was changed):`,
        ...issues.map((i) => `  - ${i.key}: ${i.problem}\n    fix: ${i.fix}`),
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** Dotted path as `pulumi config --path` accepts it: array indexes in brackets. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function fullKey(path: readonly (string | number)[]): string {
  return `${projectName}:${pathText(path)}`;
}

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function setCommand(path: readonly (string | number)[], value: string, stack: string): string {
  const nested = path.length > 1;
  return `pulumi config set${nested ? " --path" : ""} ${shellQuote(pathText(path))} ${shellQuote(value)} --stack ${stack}`;
}

export function rmCommand(path: readonly (string | number)[], stack: string): string {
  const nested = path.length > 1;
  return `pulumi config rm${nested ? " --path" : ""} ${shellQuote(pathText(path))} --stack ${stack}`;
}

/** Levenshtein distance, for "did you mean" hints on misspelt keys and enum values. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The candidate closest to `text` (case- and space-insensitive), or undefined when nothing is close. */
export function closest(text: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
  let best: { value: string; distance: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(norm(text), norm(c));
    if (!best || distance < best.distance) best = { value: c, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(norm(text).length / 3)) ? best.value : undefined;
}
