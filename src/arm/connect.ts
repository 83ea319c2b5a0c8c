import { type AuthSettings, authSettings, settingReader } from "./auth";
import { type ArmClient, createArmClient } from "./client";
import { armScope, createCredential } from "./credential";
import { resolveArmEndpoint } from "./endpoint";

// One way to reach ARM for the dynamic providers and preflight: the provider's identity, or a placeholder token for a local fake.

export interface ArmConnection {
  readonly client: ArmClient;
  readonly auth: AuthSettings;
  readonly endpointKind: "azure" | "loopback";
}

/** What a loopback fake receives instead of a token: never a real credential. */
export const loopbackToken = "local-fake-arm-token";

export function connectArm(
  config: Readonly<Record<string, string | undefined>>,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: { readonly retryDelaysMs?: readonly number[] } = {},
): ArmConnection {
  const read = settingReader(config, env);
  const auth = authSettings(read);
  const endpoint = resolveArmEndpoint(env, auth.environment);
  if (endpoint.kind === "loopback") {
    return {
      auth,
      endpointKind: "loopback",
      client: createArmClient({ endpoint: endpoint.url, token: async () => loopbackToken, ...options }),
    };
  }
  const credential = createCredential(auth, read);
  const scope = armScope(auth.environment);
  const token = async () => {
    const t = await credential.getToken(scope);
    if (!t) throw new Error(`no ARM token from the ${auth.plan.kind} credential`);
    return t.token;
  };
  return { auth, endpointKind: "azure", client: createArmClient({ endpoint: endpoint.url, token, ...options }) };
}
