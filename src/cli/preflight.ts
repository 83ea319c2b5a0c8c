// `acs-insights preflight`: read-only checks of the live subscription before the first `pulumi up`, one finding per line.
import * as fs from "node:fs";
import * as path from "node:path";
import { alertDefaults } from "../alerts/defaults";
import { alertRules } from "../alerts/rules";
import { describeAuth } from "../arm/auth";
import { connectArm } from "../arm/connect";
import { type Finding, type PreflightTarget, runPreflight } from "../arm/preflight";
import { ConfigError, parseStackConfig, type StackConfig } from "../config";
import { savedFunctions } from "../functions";
import { savedSearchName } from "../infra/content";
import { tables } from "../schema/tables";
import { choiceFlag, type ParsedArgs, stringFlag, UsageError } from "./args";
import { readStackFile, stackFileConfig } from "./stack-file";

const projectRoot = path.resolve(__dirname, "..", "..");

/** What preflight checks, from the stack's config and the subscription the provider deploys to. */
export function preflightTarget(config: StackConfig, subscriptionId: string): PreflightTarget {
  const groupId = `/subscriptions/${subscriptionId}/resourceGroups/${config.names.resourceGroup}`;
  const functionNames = savedFunctions.map((f) => f.name);
  return {
    stack: config.stack,
    location: config.location,
    workspaceId:
      config.existing.workspace?.id ??
      `${groupId}/providers/Microsoft.OperationalInsights/workspaces/${config.names.workspace}`,
    workspaceBrought: config.existing.workspace !== undefined,
    communicationId:
      config.existing.communication?.id ??
      `${groupId}/providers/Microsoft.Communication/communicationServices/${config.names.communication}`,
    communicationBrought: config.existing.communication !== undefined,
    resourceGroupId: config.existing.workspace
      ? `/subscriptions/${config.existing.workspace.subscriptionId}/resourceGroups/${config.existing.workspace.resourceGroupName}`
      : groupId,
    diagnosticSettingName: config.names.diagnosticSetting,
    deployDiagnostics: config.diagnostics.deploy,
    categories: tables.map((t) => t.category),
    tables: config.tables,
    allowRetentionDecrease: config.allowRetentionDecrease,
    deployFunctions: config.functions.deploy,
    functionNames,
    savedSearchNames: Object.fromEntries(
      functionNames.map((n) => [n, savedSearchName(config.names.savedSearchPrefix, n)]),
    ),
    lock: config.lock,
  };
}

const label: Record<Finding["severity"], string> = { block: "BLOCK", warn: "WARN ", ok: "ok   " };

export function findingsText(findings: readonly Finding[]): string {
  const lines = findings.flatMap((f) => [
    `${label[f.severity]} ${f.check}: ${f.message}`,
    ...(f.action ? [`      → ${f.action}`] : []),
  ]);
  const blocking = findings.filter((f) => f.severity === "block").length;
  lines.push(
    "",
    blocking === 0 ? "preflight: nothing blocks pulumi up" : `preflight: ${blocking} finding(s) block pulumi up`,
  );
  return `${lines.join("\n")}\n`;
}

export async function execute(args: ParsedArgs): Promise<number> {
  const format = choiceFlag(args, "format", ["text", "json"] as const, "text");
  const stack = stringFlag(args, "stack") ?? "dev";
  if (!/^[\w.-]+$/.test(stack))
    throw new UsageError(`--stack must be a stack name such as dev or prod, got ${JSON.stringify(stack)}`);
  const stackFile = stringFlag(args, "stack-file");
  const file = stackFile ? path.resolve(stackFile) : path.join(projectRoot, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file))
    throw new UsageError(`${file} not found; pass --stack NAME for Pulumi.NAME.yaml, or --stack-file PATH`);

  let config: StackConfig;
  let raw: Record<string, string>;
  try {
    raw = stackFileConfig(readStackFile(file), path.basename(file)).config;
    config = parseStackConfig(
      raw,
      stack,
      alertDefaults(
        alertRules,
        savedFunctions.map((f) => f.name),
      ),
      process.env,
    );
  } catch (err) {
    process.stderr.write(
      `acs-insights preflight: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  const connection = (() => {
    try {
      return connectArm(raw, process.env);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  const subscriptionId = config.azure.subscription?.id ?? config.existing.workspace?.subscriptionId;
  let findings: Finding[];
  if (connection instanceof Error) {
    findings = [
      {
        check: "credential",
        severity: "block",
        message: connection.message,
        action: 'set the ARM_* variables the azure-native provider uses (README "Deploying")',
      },
    ];
  } else if (!subscriptionId) {
    findings = [
      {
        check: "subscription",
        severity: "block",
        message: "cannot tell which subscription the provider deploys to (the Azure CLI's default is not read here)",
        action: `pulumi config set azure-native:subscriptionId <subscription-id> --stack ${stack}, or set ARM_SUBSCRIPTION_ID`,
      },
    ];
  } else {
    findings = await runPreflight(connection.client, preflightTarget(config, subscriptionId));
  }
  const blocking = findings.some((f) => f.severity === "block");
  if (format === "json") {
    const auth = connection instanceof Error ? undefined : describeAuth(connection.auth);
    process.stdout.write(
      `${JSON.stringify({ stack, subscriptionId: subscriptionId ?? null, auth: auth ?? null, blocking, findings }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(findingsText(findings));
  }
  return blocking ? 1 : 0;
}
