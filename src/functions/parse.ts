// Parses one saved-function file: the `// Name: / Version: / Description: / Parameters:` header, then the KQL body.
import { isScalarType, type KqlFunctionDef, type KType, scalarTypes } from "../kusto/types";

export interface SavedFunctionParameter {
  readonly name: string;
  readonly type: KType;
  readonly defaultValue?: string;
  readonly description: string;
}

export interface SavedFunction extends KqlFunctionDef {
  readonly parameters: readonly SavedFunctionParameter[];
  readonly version: string;
  readonly description: string;
  /** Repository-relative path of the .kql file. */
  readonly file: string;
  /** `name:type=default` joined by ", ", as a workspace SavedSearch's functionParameters wants it. */
  readonly functionParameters: string;
  /** 1-based line of the file where the body starts. */
  readonly bodyLine: number;
}

const parameterLine = /^([A-Za-z_][A-Za-z0-9_]*):([a-z]+)(?:=(\S+))?(?:\s+(.*))?$/;

/** `name:type=default` joined by ", ", as a workspace SavedSearch's functionParameters wants it. */
export function functionParametersOf(parameters: readonly SavedFunctionParameter[]): string {
  return parameters
    .map((p) => (p.defaultValue !== undefined ? `${p.name}:${p.type}=${p.defaultValue}` : `${p.name}:${p.type}`))
    .join(", ");
}

export function parseSavedFunction(text: string, file: string): SavedFunction {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const fields = new Map<string, string>();
  const parameters: SavedFunctionParameter[] = [];
  let inParameters = false;
  let i = 0;
  // The header is the leading run of // lines; a blank or code line ends it.
  for (; i < lines.length && lines[i].startsWith("//"); i++) {
    const content = lines[i].slice(2);
    const field = /^\s*(Name|Version|Description|Parameters):\s*(.*)$/.exec(content);
    if (field) {
      fields.set(field[1], field[2].trim());
      inParameters = field[1] === "Parameters";
      if (inParameters && field[2].trim() !== "") {
        throw new Error(
          `${file}:${i + 1}: write each parameter on its own "//   name:type=default  description" line under "// Parameters:"`,
        );
      }
      continue;
    }
    if (!inParameters || content.trim() === "") continue;
    const m = parameterLine.exec(content.trim());
    if (!m) throw new Error(`${file}:${i + 1}: parameter "${content.trim()}" is not "name:type=default  description"`);
    const [, name, type, defaultValue, description] = m;
    if (!isScalarType(type))
      throw new Error(`${file}:${i + 1}: parameter ${name} has type ${type}; use one of ${scalarTypes.join(", ")}`);
    if (parameters.some((p) => p.name === name))
      throw new Error(`${file}:${i + 1}: parameter ${name} is declared twice`);
    parameters.push({
      name,
      type: type as KType,
      ...(defaultValue !== undefined ? { defaultValue } : {}),
      description: description?.trim() ?? "",
    });
  }
  for (const key of ["Name", "Version", "Description", "Parameters"]) {
    if (!fields.has(key)) throw new Error(`${file}:1: the header has no "// ${key}:" line`);
  }
  const name = fields.get("Name")!;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`${file}:1: Name "${name}" is not a KQL identifier`);
  const version = fields.get("Version")!;
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`${file}: Version "${version}" is not MAJOR.MINOR.PATCH`);
  const firstOptional = parameters.findIndex((p) => p.defaultValue !== undefined);
  if (firstOptional >= 0 && parameters.slice(firstOptional).some((p) => p.defaultValue === undefined)) {
    throw new Error(`${file}: parameters with a default must come after those without one`);
  }
  while (i < lines.length && lines[i].trim() === "") i++;
  const body = lines.slice(i).join("\n").trimEnd();
  if (body === "") throw new Error(`${file}: the function has no body after its header`);
  return {
    name,
    version,
    description: fields.get("Description")!,
    parameters,
    functionParameters: functionParametersOf(parameters),
    body,
    bodyLine: i + 1,
    file,
  };
}
