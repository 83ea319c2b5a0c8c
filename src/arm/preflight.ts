import { type ArmClient, ArmError } from "./client";
import { permits, readPermissions } from "./permissions";
import { listSavedSearches } from "./savedSearches";
import { readTableRetention } from "./tables";

// Read-only checks against live Azure before the first `pulumi up`: each finding says what was seen and what to do.
// Nothing here writes; every call is a GET.

export const workspaceApiVersion = "2022-10-01";
export const diagnosticSettingsApiVersion = "2021-05-01-preview";
export const communicationApiVersion = "2023-04-01";

export type Severity = "block" | "warn" | "ok";

export interface Finding {
  /** Stable id for scripts, e.g. "table-retention", "diagnostic-settings-limit". */
  readonly check: string;
  readonly severity: Severity;
  readonly message: string;
  /** What to do about it; empty for ok findings. */
  readonly action: string;
}

export interface PreflightTarget {
  readonly stack: string;
  readonly location: string;
  readonly workspaceId: string;
  /** True when the stack brings the workspace (workspace.existingResourceId). */
  readonly workspaceBrought: boolean;
  readonly communicationId: string;
  readonly communicationBrought: boolean;
  readonly resourceGroupId: string;
  readonly diagnosticSettingName: string;
  readonly deployDiagnostics: boolean;
  readonly categories: readonly string[];
  readonly tables: Readonly<
    Record<string, { readonly retentionInDays: number; readonly totalRetentionInDays: number }>
  >;
  readonly allowRetentionDecrease: boolean;
  readonly deployFunctions: boolean;
  readonly functionNames: readonly string[];
  /** Saved search ARM name per function name, as this stack would write them. */
  readonly savedSearchNames: Readonly<Record<string, string>>;
  readonly lock: boolean;
}

/** "Each resource can have up to five diagnostic settings" (learn.microsoft.com/azure/communication-services/concepts/analytics/enable-logging). */
export const diagnosticSettingsLimit = 5;

const ok = (check: string, message: string): Finding => ({ check, severity: "ok", message, action: "" });
const block = (check: string, message: string, action: string): Finding => ({
  check,
  severity: "block",
  message,
  action,
});
const warn = (check: string, message: string, action: string): Finding => ({
  check,
  severity: "warn",
  message,
  action,
});

async function get(client: ArmClient, path: string, apiVersion: string): Promise<unknown | undefined> {
  return (await client.find({ method: "GET", path, apiVersion }))?.body;
}

const sameId = (a: unknown, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();

async function workspaceChecks(
  client: ArmClient,
  t: PreflightTarget,
): Promise<{ findings: Finding[]; exists: boolean }> {
  const ws = (await get(client, t.workspaceId, workspaceApiVersion)) as { location?: string } | undefined;
  if (!ws) {
    return t.workspaceBrought
      ? {
          exists: false,
          findings: [
            block(
              "workspace",
              `workspace ${t.workspaceId} was not found`,
              "check workspace.existingResourceId and the subscription the provider uses",
            ),
          ],
        }
      : {
          exists: false,
          findings: [
            ok(
              "workspace",
              `workspace ${t.workspaceId.split("/").pop()} does not exist yet; pulumi up creates it in ${t.location}`,
            ),
          ],
        };
  }
  const region = String(ws.location ?? "")
    .toLowerCase()
    .replace(/\s+/g, "");
  const findings: Finding[] = [];
  if (region !== t.location) {
    findings.push(
      block(
        "workspace-region",
        `workspace is in ${region}, but location is ${t.location}: the alert rules and the workbook would be created in ${t.location}`,
        `pulumi config set location ${region} --stack ${t.stack}`,
      ),
    );
  } else {
    findings.push(ok("workspace-region", `workspace is in ${region}, as location says`));
  }
  if (!t.workspaceBrought) {
    findings.push(
      warn(
        "workspace-exists",
        `a workspace named ${t.workspaceId.split("/").pop()} already exists, and this stack creates it`,
        "fine if this stack created it in an earlier pulumi up; otherwise bring it with workspace.existingResourceId or choose another namePrefix",
      ),
    );
  }
  return { exists: true, findings };
}

async function tableChecks(client: ArmClient, t: PreflightTarget): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [table, wanted] of Object.entries(t.tables)) {
    const live = await readTableRetention(client, t.workspaceId, table);
    if (!live) {
      findings.push(
        block(
          "table",
          `table ${table} was not found in the workspace`,
          "Azure creates it with the workspace: check the workspace id and that the caller may read tables",
        ),
      );
      continue;
    }
    const now = `${live.retentionInDays}/${live.totalRetentionInDays} days${live.retentionInDaysAsDefault ? " (workspace default)" : ""}`;
    const lower = (["retentionInDays", "totalRetentionInDays"] as const).filter((f) => wanted[f] < live[f]);
    if (lower.length > 0 && !t.allowRetentionDecrease) {
      findings.push(
        block(
          "table-retention",
          `${table} keeps ${now}; the config would lower ${lower.map((f) => `${f} to ${wanted[f]}`).join(" and ")}, and Azure removes the older logs`,
          `pulumi config set --path tables.${table}.${lower[0]} ${live[lower[0]]} --stack ${t.stack}  # or allowRetentionDecrease true for one run`,
        ),
      );
    } else {
      findings.push(
        ok(
          "table-retention",
          `${table} keeps ${now}; the stack sets ${wanted.retentionInDays}/${wanted.totalRetentionInDays}`,
        ),
      );
    }
  }
  return findings;
}

interface DiagnosticSetting {
  readonly name: string;
  readonly properties?: {
    readonly workspaceId?: string;
    readonly logs?: readonly {
      readonly category?: string;
      readonly categoryGroup?: string;
      readonly enabled?: boolean;
    }[];
  };
}

// Azure refuses a second setting with a category already sent to the same sink: "Data sinks can't be reused in different
// settings on the same category for the same resource" (Azure Monitor diagnostic settings known issues); allLogs counts too.
async function diagnosticChecks(client: ArmClient, t: PreflightTarget): Promise<Finding[]> {
  const acs = await get(client, t.communicationId, communicationApiVersion);
  if (!acs) {
    return t.communicationBrought
      ? [
          block(
            "communication",
            `ACS resource ${t.communicationId} was not found`,
            "check communication.existingResourceId and the subscription the provider uses",
          ),
        ]
      : [
          ok(
            "communication",
            `ACS resource ${t.communicationId.split("/").pop()} does not exist yet; pulumi up creates it`,
          ),
        ];
  }
  const body = (await get(
    client,
    `${t.communicationId}/providers/Microsoft.Insights/diagnosticSettings`,
    diagnosticSettingsApiVersion,
  )) as { value?: DiagnosticSetting[] } | undefined;
  const settings = (body?.value ?? []).filter((s) => s.name.toLowerCase() !== t.diagnosticSettingName.toLowerCase());
  const findings: Finding[] = [];
  const sending = settings
    .filter((s) => sameId(s.properties?.workspaceId, t.workspaceId))
    .map((s) => ({
      name: s.name,
      categories: t.categories.filter((c) =>
        (s.properties?.logs ?? []).some(
          (l) => l.enabled !== false && (l.category === c || /^allLogs$/i.test(l.categoryGroup ?? "")),
        ),
      ),
    }))
    .filter((s) => s.categories.length > 0);
  if (t.deployDiagnostics) {
    if (settings.length >= diagnosticSettingsLimit) {
      findings.push(
        block(
          "diagnostic-settings-limit",
          `the ACS resource already has ${settings.length} diagnostic settings (${settings.map((s) => s.name).join(", ")}); Azure allows ${diagnosticSettingsLimit}`,
          "remove one of them, or set diagnostics.deploy false and keep an existing one that sends the three categories to this workspace",
        ),
      );
    }
    for (const s of sending) {
      findings.push(
        block(
          "diagnostic-settings-duplicate",
          `diagnostic setting ${s.name} already sends ${s.categories.join(", ")} to this workspace; a category may go to one workspace once, so creating ${t.diagnosticSettingName} would fail`,
          `remove ${s.name}, or pulumi config set --path diagnostics.deploy false --stack ${t.stack} if another stack owns it`,
        ),
      );
    }
    if (findings.length === 0)
      findings.push(
        ok(
          "diagnostic-settings",
          `${settings.length} other diagnostic setting(s) on the ACS resource; none sends these categories to this workspace`,
        ),
      );
  } else {
    const covered = new Set(sending.flatMap((s) => s.categories));
    const missing = t.categories.filter((c) => !covered.has(c));
    findings.push(
      missing.length > 0
        ? block(
            "diagnostic-settings-missing",
            `diagnostics.deploy is false, but no diagnostic setting sends ${missing.join(", ")} to this workspace`,
            `pulumi config set --path diagnostics.deploy true --stack ${t.stack}`,
          )
        : ok(
            "diagnostic-settings",
            `diagnostics.deploy is false and ${sending.map((s) => s.name).join(", ")} already sends the categories here`,
          ),
    );
  }
  return findings;
}

async function savedSearchChecks(client: ArmClient, t: PreflightTarget): Promise<Finding[]> {
  const live = await listSavedSearches(client, t.workspaceId);
  const owner = (tags: readonly { name: string; value: string }[]) =>
    tags.find((x) => x.name === "pulumi-stack")?.value;
  const findings: Finding[] = [];
  for (const fn of t.functionNames) {
    const mine = t.savedSearchNames[fn]?.toLowerCase();
    const withAlias = live.filter((s) => s.functionAlias?.toLowerCase() === fn.toLowerCase());
    const foreign = withAlias.filter(
      (s) => s.name.toLowerCase() !== mine || (owner(s.tags) !== undefined && owner(s.tags) !== t.stack),
    );
    if (t.deployFunctions && foreign.length > 0) {
      findings.push(
        block(
          "function-alias",
          `function alias ${fn} is already defined by ${foreign.map((s) => `${s.name} (owner: ${owner(s.tags) ?? "none recorded"})`).join(", ")}`,
          `if another stack owns the functions here: pulumi config set --path functions.deploy false --stack ${t.stack}; otherwise delete that saved search`,
        ),
      );
    }
    if (!t.deployFunctions && withAlias.length === 0) {
      findings.push(
        block(
          "function-missing",
          `functions.deploy is false, but no saved search defines ${fn}; the alerts and workbook call it`,
          `pulumi config set --path functions.deploy true --stack ${t.stack}, or deploy the owning stack first`,
        ),
      );
    }
  }
  if (findings.length === 0) {
    findings.push(
      ok(
        "functions",
        t.deployFunctions
          ? `no other saved search uses this stack's ${t.functionNames.length} function aliases`
          : "every function the stack calls is defined in the workspace",
      ),
    );
  }
  return findings;
}

async function lockChecks(client: ArmClient, t: PreflightTarget, workspaceExists: boolean): Promise<Finding[]> {
  if (!t.lock) return [];
  const scope = workspaceExists ? t.workspaceId : t.resourceGroupId;
  let permissions: Awaited<ReturnType<typeof readPermissions>>;
  try {
    permissions = await readPermissions(client, scope);
  } catch (err) {
    // The group may not exist yet either: ask at the subscription, where a role on the group would be inherited from.
    if (!(err instanceof ArmError && err.status === 404)) throw err;
    permissions = await readPermissions(client, t.resourceGroupId.replace(/\/resourceGroups\/.*$/i, ""));
  }
  return permits(permissions, "Microsoft.Authorization/locks/write") &&
    permits(permissions, "Microsoft.Authorization/locks/delete")
    ? [ok("lock-permission", "the caller may create and remove the workspace lock")]
    : [
        block(
          "lock-permission",
          "lock is true, but the caller may not write Microsoft.Authorization/locks (only Owner and User Access Administrator may, of the built-in roles)",
          `grant the deploying identity User Access Administrator (or Owner) on the resource group, or pulumi config set lock false --stack ${t.stack}`,
        ),
      ];
}

/** Every check, in a fixed order; a failed read (no permission, wrong subscription) becomes a blocking finding, not a crash. */
export async function runPreflight(client: ArmClient, t: PreflightTarget): Promise<Finding[]> {
  const guarded = async (check: string, run: () => Promise<Finding[]>): Promise<Finding[]> => {
    try {
      return await run();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      const action =
        err instanceof ArmError && err.status === 403
          ? "grant the identity read access (Reader on the resource group is enough for preflight)"
          : err instanceof ArmError && err.code === "SubscriptionNotFound"
            ? "check azure-native:subscriptionId / ARM_SUBSCRIPTION_ID and that the identity can see that subscription"
            : "fix the access problem and run preflight again";
      return [block(check, `could not check: ${detail}`, action)];
    }
  };
  const findings: Finding[] = [];
  let workspaceExists = false;
  findings.push(
    ...(await guarded("workspace", async () => {
      const r = await workspaceChecks(client, t);
      workspaceExists = r.exists;
      return r.findings;
    })),
  );
  if (workspaceExists) {
    findings.push(...(await guarded("table", () => tableChecks(client, t))));
    findings.push(...(await guarded("functions", () => savedSearchChecks(client, t))));
  }
  findings.push(...(await guarded("diagnostic-settings", () => diagnosticChecks(client, t))));
  findings.push(...(await guarded("lock-permission", () => lockChecks(client, t, workspaceExists))));
  return findings;
}
