// parse_csv (one RFC 4180 record) and parse_command_line (Windows CommandLineToArgvW rules) into string arrays.
import type { KType } from "../types";
import { arity, type ScalarFactory, type ScalarTable, str } from "./common";
import { formatterFor } from "./format";

/** The first CSV record of the text: "" doubles a quote inside quotes; a newline outside quotes ends the record. */
export function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") break;
    else field += ch;
  }
  fields.push(field);
  return fields;
}

const isSpace = (ch: string | undefined) => ch === " " || ch === "\t";

/**
 * CommandLineToArgvW: the program name ends at the first space outside quotes and takes quotes literally otherwise;
 * later arguments read 2n backslashes + " as n backslashes and a quote toggle, 2n+1 as n backslashes and a literal ".
 */
export function parseWindowsCommandLine(text: string): string[] {
  const args: string[] = [];
  let i = 0;
  let name = "";
  if (text[0] === '"') {
    i = 1;
    while (i < text.length && text[i] !== '"') name += text[i++];
    i++;
  } else {
    while (i < text.length && !isSpace(text[i])) name += text[i++];
  }
  args.push(name);
  for (;;) {
    while (isSpace(text[i])) i++;
    if (i >= text.length) break;
    let arg = "";
    let quoted = false;
    while (i < text.length && (quoted || !isSpace(text[i]))) {
      if (text[i] === "\\") {
        let n = 0;
        while (text[i] === "\\") {
          n++;
          i++;
        }
        if (text[i] === '"') {
          arg += "\\".repeat(Math.floor(n / 2));
          if (n % 2 === 1) {
            arg += '"';
            i++;
          }
        } else arg += "\\".repeat(n);
      } else if (text[i] === '"') {
        // Inside quotes, "" is a literal quote (and the quoted run goes on).
        if (quoted && text[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
      } else arg += text[i++];
    }
    args.push(arg);
  }
  return args;
}

const parseCsv: ScalarFactory = arity(1, 1, (argTypes: readonly KType[]) => {
  const f = formatterFor(argTypes[0]);
  return (args) => parseCsvRecord(f(args[0]));
});

/** parse_command_line(text, "windows"): the only parser type Kusto has. */
const parseCommandLine: ScalarFactory = arity(2, 2, (argTypes: readonly KType[]) => {
  const f = formatterFor(argTypes[0]);
  return (args) => {
    const kind = str(args[1]).toLowerCase();
    if (kind !== "windows")
      throw new Error(
        `parse_command_line: parser type ${JSON.stringify(str(args[1]))} is not supported; use "windows"`,
      );
    return parseWindowsCommandLine(f(args[0]));
  };
});

export const parseTextFunctions: ScalarTable = {
  parse_csv: parseCsv,
  parse_command_line: parseCommandLine,
};
