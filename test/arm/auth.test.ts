import { describe, expect, it } from "vitest";
import { AuthConfigError, authSettings, describeAuth, settingReader } from "../../src/arm/auth";
import { resolveArmEndpoint } from "../../src/arm/endpoint";

// Our ARM calls must sign in as the azure-native provider does: the same settings, the same order
// (pulumi-azure-native provider/pkg/provider/auth_azidentity.go), config before environment.

const ids = { ARM_SUBSCRIPTION_ID: "sub-1", ARM_TENANT_ID: "tenant-1", ARM_CLIENT_ID: "client-1" };
const plan = (env: Record<string, string>, config: Record<string, string> = {}) =>
  authSettings(settingReader(config, env));

describe("which credential", () => {
  it("must use the Azure CLI when nothing is configured, with the subscription left to the CLI", () => {
    expect(plan({})).toEqual({ plan: { kind: "azure-cli" }, subscriptionId: undefined, environment: undefined });
  });

  it("must use GitHub's OIDC token exchange in Actions: ARM_USE_OIDC plus ACTIONS_ID_TOKEN_REQUEST_*", () => {
    const s = plan({
      ...ids,
      ARM_USE_OIDC: "true",
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.actions",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t",
    });
    expect(s.plan).toEqual({
      kind: "oidc-github",
      tenantId: "tenant-1",
      clientId: "client-1",
      audience: "api://AzureADTokenExchange",
    });
    expect(s.subscriptionId).toBe("sub-1");
  });

  it("must prefer a given OIDC token (ARM_OIDC_TOKEN) over the token exchange", () => {
    const s = plan({
      ...ids,
      ARM_USE_OIDC: "true",
      ARM_OIDC_TOKEN: "jwt",
      ACTIONS_ID_TOKEN_REQUEST_URL: "u",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t",
    });
    expect(s.plan.kind).toBe("oidc-token");
  });

  it("must prefer a client secret over OIDC, as the provider does", () => {
    expect(plan({ ...ids, ARM_CLIENT_SECRET: "s", ARM_USE_OIDC: "true", ARM_OIDC_TOKEN: "jwt" }).plan.kind).toBe(
      "client-secret",
    );
  });

  it("must use a managed identity with ARM_USE_MSI, user-assigned when a client id is given", () => {
    expect(plan({ ARM_SUBSCRIPTION_ID: "sub-1", ARM_USE_MSI: "true" }).plan).toEqual({ kind: "msi" });
    expect(plan({ ARM_SUBSCRIPTION_ID: "sub-1", ARM_USE_MSI: "true", ARM_CLIENT_ID: "mi" }).plan).toEqual({
      kind: "msi",
      clientId: "mi",
    });
  });

  it("must use DefaultAzureCredential only when ARM_USE_DEFAULT_AZURE_CREDENTIAL is true", () => {
    expect(plan({ ARM_SUBSCRIPTION_ID: "sub-1", ARM_USE_DEFAULT_AZURE_CREDENTIAL: "true" }).plan.kind).toBe("default");
  });

  it("must read azure-native config before the environment", () => {
    const s = plan({ ...ids }, { "azure-native:subscriptionId": "sub-config", "azure-native:useMsi": "true" });
    expect(s.subscriptionId).toBe("sub-config");
    expect(s.plan.kind).toBe("msi");
  });

  it.each([
    [
      { ARM_USE_OIDC: "true", ARM_TENANT_ID: "t", ARM_CLIENT_ID: "c" },
      /A Subscription ID must be configured when authenticating with OIDC/,
    ],
    [
      { ARM_USE_OIDC: "true", ARM_SUBSCRIPTION_ID: "s", ARM_CLIENT_ID: "c" },
      /A Tenant ID must be configured when authenticating with OIDC/,
    ],
    [{ ...ids, ARM_USE_OIDC: "true" }, /OIDC token or request URL and token must be configured/],
    [
      { ARM_CLIENT_SECRET: "x", ARM_SUBSCRIPTION_ID: "s", ARM_TENANT_ID: "t" },
      /A Client ID must be configured when authenticating as a Service Principal/,
    ],
    [{ ARM_USE_MSI: "true" }, /A Subscription ID must be configured when authenticating as a Managed Identity/],
    [{ ...ids, ARM_CLIENT_CERTIFICATE_PATH: "/c.pfx" }, /do not support client certificates/],
  ])("must refuse a half-configured method instead of falling through to another identity (%#)", (env, message) => {
    expect(() => plan(env as Record<string, string>)).toThrow(AuthConfigError);
    expect(() => plan(env as Record<string, string>)).toThrow(message);
  });

  it("must describe the method without any secret", () => {
    const s = plan({ ...ids, ARM_CLIENT_SECRET: "super-secret-value" });
    expect(describeAuth(s)).toBe("client-secret (client client-1, tenant tenant-1)");
    expect(JSON.stringify(s)).not.toContain("super-secret-value");
  });
});

describe("where ARM calls go", () => {
  it("must use the public ARM endpoint by default and the sovereign ones by ARM_ENVIRONMENT", () => {
    expect(resolveArmEndpoint({})).toEqual({ kind: "azure", url: "https://management.azure.com" });
    expect(resolveArmEndpoint({}, "usgovernment").url).toBe("https://management.usgovcloudapi.net");
    expect(resolveArmEndpoint({}, "AzureChinaCloud").url).toBe("https://management.chinacloudapi.cn");
  });

  it("must accept a loopback fake as the endpoint, and mark it so no real token is sent there", () => {
    expect(resolveArmEndpoint({ ACS_INSIGHTS_ARM_ENDPOINT: "http://127.0.0.1:8123" })).toEqual({
      kind: "loopback",
      url: "http://127.0.0.1:8123",
    });
  });

  it.each(["https://evil.example.com", "http://10.0.0.5:80", "http://127.0.0.1:80/prefix", "not a url"])(
    "must refuse %s as the endpoint: a token sent there would leak the caller's identity",
    (url) => {
      expect(() => resolveArmEndpoint({ ACS_INSIGHTS_ARM_ENDPOINT: url })).toThrow(/ACS_INSIGHTS_ARM_ENDPOINT/);
    },
  );
});
