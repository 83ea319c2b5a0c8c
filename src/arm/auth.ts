// Which Azure credential to use, decided the way the azure-native provider decides it, so our own ARM calls act as the same identity.
// Order and variable names follow pulumi-azure-native provider/pkg/provider/auth_azidentity.go (readAuthConfig, newSingleMethodAuthCredential).

/** Reads a setting: the `azure-native:<name>` config value first, else the environment variable, else "". */
export type SettingReader = (configName: string, envName: string) => string;

export type AuthPlan =
  | { readonly kind: "default"; readonly tenantId?: string }
  | { readonly kind: "client-secret"; readonly tenantId: string; readonly clientId: string }
  | { readonly kind: "oidc-token"; readonly tenantId: string; readonly clientId: string }
  | { readonly kind: "oidc-token-file"; readonly tenantId: string; readonly clientId: string; readonly path: string }
  | { readonly kind: "oidc-github"; readonly tenantId: string; readonly clientId: string; readonly audience: string }
  | { readonly kind: "msi"; readonly clientId?: string }
  | { readonly kind: "azure-cli"; readonly tenantId?: string };

export interface AuthSettings {
  readonly plan: AuthPlan;
  /** The subscription the provider deploys to when it is configured; the Azure CLI's default otherwise (unknown offline). */
  readonly subscriptionId?: string;
  /** ARM_ENVIRONMENT / AZURE_ENVIRONMENT, when set (public cloud otherwise). */
  readonly environment?: string;
}

export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthConfigError";
  }
}

/** Reads Pulumi config (flat "azure-native:<name>" keys) before the environment, as the provider's getConfig does. */
export function settingReader(
  config: Readonly<Record<string, string | undefined>>,
  env: Readonly<Record<string, string | undefined>>,
): SettingReader {
  return (configName, envName) => config[`azure-native:${configName}`] ?? env[envName] ?? "";
}

function need(method: string, values: Record<string, string>): void {
  for (const [what, value] of Object.entries(values)) {
    if (value === "") throw new AuthConfigError(`A ${what} must be configured when authenticating ${method}.`);
  }
}

/**
 * The one credential the provider would use: DefaultAzureCredential (opt-in), client secret, OIDC, managed identity,
 * else the Azure CLI. A configured method that lacks a field is an error, never a silent fall-through (as in the provider).
 * Client certificates are not supported here: they are refused with a clear message instead of silently using another identity.
 */
export function authSettings(read: SettingReader): AuthSettings {
  const subscriptionId = read("subscriptionId", "ARM_SUBSCRIPTION_ID") || undefined;
  const tenantId = read("tenantId", "ARM_TENANT_ID");
  const clientId = read("clientId", "ARM_CLIENT_ID");
  const environment = read("environment", "ARM_ENVIRONMENT") || read("environment", "AZURE_ENVIRONMENT") || undefined;
  const base = { subscriptionId, environment };
  if (read("useDefaultAzureCredential", "ARM_USE_DEFAULT_AZURE_CREDENTIAL") === "true") {
    need("using the Default Azure Credential", { "Subscription ID": subscriptionId ?? "" });
    return { ...base, plan: { kind: "default", ...(tenantId ? { tenantId } : {}) } };
  }
  if (read("clientCertificatePath", "ARM_CLIENT_CERTIFICATE_PATH") !== "") {
    throw new AuthConfigError(
      "ARM_CLIENT_CERTIFICATE_PATH is set: acs-insights' own ARM calls do not support client certificates; use OIDC, a client secret or a managed identity",
    );
  }
  const secret = read("clientSecret", "ARM_CLIENT_SECRET");
  if (secret !== "") {
    need("as a Service Principal using a Client Secret", {
      "Subscription ID": subscriptionId ?? "",
      "Tenant ID": tenantId,
      "Client ID": clientId,
    });
    return { ...base, plan: { kind: "client-secret", tenantId, clientId } };
  }
  if (read("useOidc", "ARM_USE_OIDC") === "true") {
    need("with OIDC", { "Subscription ID": subscriptionId ?? "", "Tenant ID": tenantId, "Client ID": clientId });
    if (read("oidcToken", "ARM_OIDC_TOKEN") !== "") {
      return { ...base, plan: { kind: "oidc-token", tenantId, clientId } };
    }
    const path = read("oidcTokenFilePath", "ARM_OIDC_TOKEN_FILE_PATH");
    if (path !== "") return { ...base, plan: { kind: "oidc-token-file", tenantId, clientId, path } };
    if (
      read("oidcRequestUrl", "ACTIONS_ID_TOKEN_REQUEST_URL") !== "" &&
      read("oidcRequestToken", "ACTIONS_ID_TOKEN_REQUEST_TOKEN") !== ""
    ) {
      return {
        ...base,
        plan: {
          kind: "oidc-github",
          tenantId,
          clientId,
          audience: read("oidcAudience", "ARM_OIDC_AUDIENCE") || "api://AzureADTokenExchange",
        },
      };
    }
    throw new AuthConfigError(
      "A OIDC token or request URL and token must be configured when authenticating with OIDC.",
    );
  }
  if (read("useMsi", "ARM_USE_MSI") === "true") {
    need("as a Managed Identity using MSI", { "Subscription ID": subscriptionId ?? "" });
    return { ...base, plan: { kind: "msi", ...(clientId ? { clientId } : {}) } };
  }
  return { ...base, plan: { kind: "azure-cli", ...(tenantId ? { tenantId } : {}) } };
}

/** One line for logs and preflight: the method and non-secret ids, never a secret or token. */
export function describeAuth(settings: AuthSettings): string {
  const p = settings.plan;
  const ids =
    "clientId" in p && p.clientId
      ? ` (client ${p.clientId}${"tenantId" in p && p.tenantId ? `, tenant ${p.tenantId}` : ""})`
      : "";
  return `${p.kind}${ids}`;
}
