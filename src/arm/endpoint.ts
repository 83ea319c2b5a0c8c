// Where our own ARM calls go. Only Azure's ARM endpoints get a real token; a loopback override (tests, fakes) gets none.

export const endpointVariable = "ACS_INSIGHTS_ARM_ENDPOINT";

export type ArmEndpoint =
  | { readonly kind: "azure"; readonly url: string }
  /** A local fake ARM server: requests carry a placeholder token, never a credential's. */
  | { readonly kind: "loopback"; readonly url: string };

const clouds: Record<string, string> = {
  public: "https://management.azure.com",
  usgovernment: "https://management.usgovcloudapi.net",
  china: "https://management.chinacloudapi.cn",
};

/** ARM_ENVIRONMENT's cloud names, lower-cased, as the provider's GetCloudByName accepts them. */
const cloudAliases: Record<string, string> = {
  public: "public",
  azurecloud: "public",
  usgovernment: "usgovernment",
  azureusgovernmentcloud: "usgovernment",
  usgovernmentcloud: "usgovernment",
  china: "china",
  azurechinacloud: "china",
};

export function resolveArmEndpoint(
  env: Readonly<Record<string, string | undefined>>,
  environment?: string,
): ArmEndpoint {
  const override = env[endpointVariable];
  if (override !== undefined && override !== "") {
    let url: URL;
    try {
      url = new URL(override);
    } catch {
      throw new Error(
        `${endpointVariable} must be a URL such as http://127.0.0.1:8080, got ${JSON.stringify(override)}`,
      );
    }
    // A token sent to any other host would hand the caller's identity to it.
    if (
      url.protocol !== "http:" ||
      !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) ||
      url.pathname !== "/"
    ) {
      throw new Error(
        `${endpointVariable} may only point at a local fake ARM server (http://127.0.0.1:<port>), got ${JSON.stringify(override)}`,
      );
    }
    return { kind: "loopback", url: url.origin };
  }
  const cloud = cloudAliases[(environment ?? "public").toLowerCase().replace(/\s+/g, "")];
  if (!cloud)
    throw new Error(
      `ARM_ENVIRONMENT ${JSON.stringify(environment)} is not a cloud acs-insights knows (public, usgovernment, china)`,
    );
  return { kind: "azure", url: clouds[cloud] };
}
