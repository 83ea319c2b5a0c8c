import type { StackConfig } from "../config";
import { AcsRecordingInsights } from "./component";
import type { StackContent } from "./content";
import { type StackOutputKey, stackOutputKeys } from "./outputs";
import { guardRetention } from "./retentionGuard";

// The program body: guard first (nothing declared yet), then the component, then the stack outputs. No keys, no connection strings.

export { stackOutputKeys } from "./outputs";

export type StackOutputs = Pick<AcsRecordingInsights, StackOutputKey>;

export async function deploy(config: StackConfig, content: StackContent): Promise<StackOutputs> {
  await guardRetention(config);
  const app = new AcsRecordingInsights("acs-recording-insights", { config, content });
  return Object.fromEntries(stackOutputKeys.map((key) => [key, app[key]])) as unknown as StackOutputs;
}
