// The Pulumi program: load and check the config, declare the component, export its outputs. Nothing secret is exported.
// The rule definitions and their config defaults alone, without the local evaluator that src/alerts/index.ts also loads.
import { alertDefaults } from "./alerts/defaults";
import { alertRules } from "./alerts/rules";
import { loadConfig } from "./config";
import { savedFunctions, savedFunctionsWith } from "./functions";
import { deploy, type StackOutputs } from "./infra/deploy";
import * as workbook from "./workbook";

const deployment: Promise<StackOutputs> = (async () => {
  const config = loadConfig(
    alertDefaults(
      alertRules,
      savedFunctions.map((f) => f.name),
    ),
  );
  // The stack setting recording.normalEndReasons becomes the default of every function's normalendreasons parameter.
  const deployed = savedFunctionsWith({ normalEndReasons: config.recording.normalEndReasons });
  return deploy(config, { savedFunctions: deployed, workbook, alertRules });
})();

const output = <K extends keyof StackOutputs>(key: K): Promise<StackOutputs[K]> => {
  const value = deployment.then((d) => d[key]);
  // The run's error reaches Pulumi through every export; mark the copies handled so it is reported once, not as a crash.
  value.catch(() => undefined);
  return value;
};

export const resourceGroupName = output("resourceGroupName");
export const workspaceId = output("workspaceId");
export const workspaceName = output("workspaceName");
export const workspaceCustomerId = output("workspaceCustomerId");
export const communicationServiceId = output("communicationServiceId");
export const communicationHostName = output("communicationHostName");
export const diagnosticSettingId = output("diagnosticSettingId");
export const savedSearchIds = output("savedSearchIds");
export const workbookId = output("workbookId");
export const actionGroupId = output("actionGroupId");
export const alertRuleIds = output("alertRuleIds");
export const portalLinks = output("portalLinks");
