import type { ConfigIssue } from "./issues";

// The azure-native settings this package's own ARM calls share with the provider, and which subscription the provider deploys to.
// Names and order: pulumi-azure-native provider/pkg/provider/auth_azidentity.go readAuthConfig (config first, then ARM_* env).

/** Plain settings forwarded to our dynamic providers so they sign in as the provider does. */
export const forwardedAzureKeys = [
  "subscriptionId",
  "tenantId",
  "clientId",
  "environment",
  "useOidc",
  "useMsi",
  "useDefaultAzureCredential",
  "oidcTokenFilePath",
  "oidcAudience",
] as const;

/** Secrets the provider may read from config; ours read them from the environment only, so they never enter resource state. */
const secretAzureKeys: Record<string, string> = {
  clientSecret: "ARM_CLIENT_SECRET",
  oidcToken: "ARM_OIDC_TOKEN",
  oidcRequestToken: "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  clientCertificatePassword: "ARM_CLIENT_CERTIFICATE_PASSWORD",
};

export function forwardedAzureConfig(raw: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of forwardedAzureKeys) {
    const value = raw[`azure-native:${key}`];
    if (value !== undefined && value !== "") out[`azure-native:${key}`] = value;
  }
  return out;
}

export function azureSecretIssues(raw: Readonly<Record<string, string>>, stack: string): ConfigIssue[] {
  return Object.entries(secretAzureKeys)
    .filter(([key]) => raw[`azure-native:${key}`] !== undefined)
    .map(([key, env]) => ({
      key: `azure-native:${key}`,
      problem: `is set in the stack config; this stack's own ARM calls (table retention, saved functions) read secrets from the environment only, so they would sign in differently from the provider`,
      fix: `pulumi config rm azure-native:${key} --stack ${stack}  # and export ${env} in the environment that runs pulumi`,
    }));
}

export interface ProviderSubscription {
  readonly id: string;
  /** Where it came from, for messages. */
  readonly from: "azure-native:subscriptionId" | "ARM_SUBSCRIPTION_ID";
}

/** The subscription azure-native deploys to: its config, else ARM_SUBSCRIPTION_ID; undefined means the Azure CLI's default (unknown offline). */
export function providerSubscription(
  raw: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string | undefined>>,
): ProviderSubscription | undefined {
  const configured = raw["azure-native:subscriptionId"];
  if (configured) return { id: configured, from: "azure-native:subscriptionId" };
  const fromEnv = env.ARM_SUBSCRIPTION_ID;
  if (fromEnv) return { id: fromEnv, from: "ARM_SUBSCRIPTION_ID" };
  return undefined;
}
