import { projectName } from "../../src/config";

// Applies a `pulumi config set|rm [--path] key [value] --stack s` command to a flat raw config, the way the Pulumi CLI would.

function words(command: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (let m = re.exec(command); m; m = re.exec(command))
    out.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]);
  return out;
}

function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split(".")) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${path}`);
    segments.push(m[1]);
    for (const idx of m[2].match(/\d+/g) ?? []) segments.push(Number(idx));
  }
  return segments;
}

/** --path values are typed as the CLI types them: numbers and true/false become JSON numbers and booleans. */
function typed(value: string): unknown {
  if (value === "true" || value === "false") return value === "true";
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

export function applyFix(raw: Record<string, string>, fix: string): Record<string, string> {
  const alternative = /# or (pulumi config rm .*)$/.exec(fix)?.[1];
  const command = (alternative ?? fix.replace(/\s+#.*$/, "")).split(" && ").pop()!;
  const w = words(command);
  if (w[0] !== "pulumi" || w[1] !== "config") throw new Error(`not a pulumi config command: ${fix}`);
  const setting = w[2] === "set";
  const usePath = w.includes("--path");
  const args = w.slice(3).filter((x, i, all) => x !== "--path" && x !== "--stack" && all[i - 1] !== "--stack");
  const [key, value] = args;
  const next = { ...raw };
  const segments = usePath ? pathSegments(key) : [key];
  const top = String(segments[0]);
  const fullKey = top.includes(":") ? top : `${projectName}:${top}`;
  if (segments.length === 1) {
    if (setting) next[fullKey] = value;
    else delete next[fullKey];
    return next;
  }
  const root = next[fullKey] !== undefined ? JSON.parse(next[fullKey]) : {};
  let node = root;
  for (let i = 1; i < segments.length - 1; i++) {
    const seg = segments[i];
    node[seg] ??= typeof segments[i + 1] === "number" ? [] : {};
    node = node[seg];
  }
  const last = segments[segments.length - 1];
  if (setting) node[last] = typed(value);
  else if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
  next[fullKey] = JSON.stringify(root);
  return next;
}
