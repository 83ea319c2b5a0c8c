import type { TokenCredential } from "@azure/core-auth";
import type { AuthSettings, SettingReader } from "./auth";

// Turns the chosen auth plan into an @azure/identity credential; secrets are read here, at the last moment, and never stored.

/** ARM's token scope per cloud, as ARM_ENVIRONMENT names them (public when unset). */
export function armScope(environment: string | undefined): string {
  switch ((environment ?? "public").toLowerCase()) {
    case "usgovernment":
    case "usgovernmentcloud":
      return "https://management.usgovcloudapi.net/.default";
    case "china":
    case "azurechinacloud":
      return "https://management.chinacloudapi.cn/.default";
    default:
      return "https://management.azure.com/.default";
  }
}

/** GitHub's OIDC token exchange, as the provider's getOidcTokenExchangeAssertion does it. */
async function githubAssertion(read: SettingReader, audience: string): Promise<string> {
  const url = new URL(read("oidcRequestUrl", "ACTIONS_ID_TOKEN_REQUEST_URL"));
  url.searchParams.set("audience", audience);
  const res = await fetch(url, {
    headers: {
      Accept: "application/json",
      Authorization: `Bearer ${read("oidcRequestToken", "ACTIONS_ID_TOKEN_REQUEST_TOKEN")}`,
    },
  });
  // The response body may echo the request token: report the status only.
  if (!res.ok) throw new Error(`GitHub OIDC: the token request answered ${res.status}`);
  const body = (await res.json()) as { value?: unknown };
  if (typeof body.value !== "string") throw new Error("GitHub OIDC: the token response has no value");
  return body.value;
}

export function createCredential(settings: AuthSettings, read: SettingReader): TokenCredential {
  // Loaded here, not at the top: the dynamic providers serialise their code and load dependencies when they run.
  const identity = require("@azure/identity") as typeof import("@azure/identity");
  const p = settings.plan;
  switch (p.kind) {
    case "default":
      return new identity.DefaultAzureCredential(p.tenantId ? { tenantId: p.tenantId } : {});
    case "client-secret":
      return new identity.ClientSecretCredential(p.tenantId, p.clientId, read("clientSecret", "ARM_CLIENT_SECRET"));
    case "oidc-token": {
      const token = read("oidcToken", "ARM_OIDC_TOKEN");
      return new identity.ClientAssertionCredential(p.tenantId, p.clientId, async () => token);
    }
    case "oidc-token-file": {
      const fs = require("node:fs") as typeof import("node:fs");
      return new identity.ClientAssertionCredential(p.tenantId, p.clientId, async () =>
        fs.readFileSync(p.path, "utf8").trim(),
      );
    }
    case "oidc-github":
      return new identity.ClientAssertionCredential(p.tenantId, p.clientId, () => githubAssertion(read, p.audience));
    case "msi":
      return p.clientId
        ? new identity.ManagedIdentityCredential({ clientId: p.clientId })
        : new identity.ManagedIdentityCredential();
    case "azure-cli":
      return new identity.AzureCliCredential(p.tenantId ? { tenantId: p.tenantId } : {});
  }
}
