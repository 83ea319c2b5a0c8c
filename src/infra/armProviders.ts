import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";

// The dynamic providers as Pulumi serialises them: each method loads src/arm at run time inside the provider host (which has
// no TypeScript loader of its own), so the serialised closure holds only these path strings, never module objects or secrets.

const armDir = path.resolve(__dirname, "..", "arm");
const tsNodeEntry = require.resolve("ts-node");
const tsconfigPath = path.resolve(__dirname, "..", "..", "tsconfig.json");

/** Non-secret azure-native settings forwarded to the provider; secrets come from the provider host's environment only. */
export type ArmConfig = Readonly<Record<string, string>>;

function loadArm(file: string): any {
  // Modules are required here, not imported above: the serialised closure must hold no module objects.
  const fs = require("node:fs") as typeof import("node:fs");
  const full = `${armDir}/${file}`;
  // Under `pulumi up` the host loads src/arm as TypeScript; a compiled build (dist/) has .js next to it and needs nothing.
  if (fs.existsSync(`${full}.ts`) && !require.extensions[".ts"]) {
    require(tsNodeEntry).register({ transpileOnly: true, project: tsconfigPath });
  }
  return require(full);
}

function connect(armConfig: ArmConfig | undefined): unknown {
  return loadArm("connect").connectArm(armConfig ?? {}, process.env).client;
}

/** Calls one method of the provider built by src/arm/<file>.<factory>, connected with the resource's armConfig. */
function forward(
  file: string,
  factory: string,
  method: string,
  args: unknown[],
  armConfig: ArmConfig | undefined,
): Promise<any> {
  const provider = loadArm(file)[factory](() => connect(armConfig));
  return provider[method](...args);
}

type Props = { readonly armConfig?: ArmConfig };

function shim(file: string, factory: string): pulumi.dynamic.ResourceProvider {
  return {
    create: (inputs: Props) => forward(file, factory, "create", [inputs], inputs.armConfig),
    diff: (id: string, olds: Props, news: Props) => forward(file, factory, "diff", [id, olds, news], news.armConfig),
    update: (id: string, olds: Props, news: Props) =>
      forward(file, factory, "update", [id, olds, news], news.armConfig),
    read: (id: string, props: Props) => forward(file, factory, "read", [id, props], props.armConfig),
    delete: (id: string, props: Props) => forward(file, factory, "delete", [id, props], props.armConfig),
  };
}

export const tableRetentionShim = shim("tableRetentionProvider", "tableRetentionProvider");
export const savedFunctionShim = shim("savedSearchProvider", "savedFunctionProvider");
