import * as monitor from "@pulumi/azure-native/monitor";
import * as pulumi from "@pulumi/pulumi";
import type { AlertRuleDef } from "../alerts/types";
import type { StackConfig } from "../config";
import { isoMinutes } from "./content";

// The log alerts as their own component: one action group and one ScheduledQueryRule per shipped alert rule.

export interface AlertsArgs {
  readonly config: StackConfig;
  readonly rules: readonly AlertRuleDef[];
  readonly tags: Readonly<Record<string, string>>;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly workspaceId: pulumi.Input<string>;
  /** The rules query the saved functions, which must exist before Azure validates the queries. */
  readonly dependsOn: pulumi.Input<pulumi.Resource>[];
}

export class Alerts extends pulumi.ComponentResource {
  readonly actionGroupId: pulumi.Output<string>;
  readonly ruleIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: AlertsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("acs-recording-insights:monitoring:Alerts", name, {}, opts);
    const { config, rules } = args;
    const settings = config.alerts;
    const actionGroup = new monitor.ActionGroup(
      `${name}-action-group`,
      {
        resourceGroupName: args.resourceGroupName,
        actionGroupName: config.names.actionGroup,
        groupShortName: config.names.actionGroupShortName,
        location: "global",
        enabled: true,
        emailReceivers: settings.emails.map((emailAddress, i) => ({
          name: `email-${i + 1}`,
          emailAddress,
          useCommonAlertSchema: true,
        })),
        // A webhook URL usually carries a token, so it travels as a secret and is redacted from plans and state.
        webhookReceivers: settings.webhookUrl
          ? [{ name: "webhook", serviceUri: pulumi.secret(settings.webhookUrl), useCommonAlertSchema: true }]
          : [],
        tags: args.tags,
      },
      { parent: this },
    );
    const ruleIds: Record<string, pulumi.Output<string>> = {};
    for (const rule of rules) {
      const tuned = settings.rules[rule.key];
      if (!tuned)
        throw new Error(
          `alerts.rules.${rule.key}: no settings for a shipped alert rule; the config schema and src/alerts disagree`,
        );
      const sqr = new monitor.ScheduledQueryRule(
        `${name}-${rule.key}`,
        {
          resourceGroupName: args.resourceGroupName,
          ruleName: `${config.namePrefix}-${rule.key}`,
          location: config.location,
          kind: "LogAlert",
          displayName: `${rule.displayName} (${config.environment})`,
          description: rule.description,
          severity: tuned.severity,
          enabled: tuned.enabled,
          scopes: [args.workspaceId],
          evaluationFrequency: isoMinutes(tuned.frequencyMinutes),
          windowSize: isoMinutes(tuned.windowMinutes),
          criteria: {
            allOf: [
              {
                // recording.normalEndReasons unset: the rule relies on the saved function's own default list.
                query: rule.query({
                  windowMinutes: tuned.windowMinutes,
                  ...(config.recording.normalEndReasons ? { normalEndReasons: config.recording.normalEndReasons } : {}),
                }),
                timeAggregation: rule.timeAggregation,
                ...(rule.metricMeasureColumn ? { metricMeasureColumn: rule.metricMeasureColumn } : {}),
                // A plain string: the ConditionOperator enum exported by azure-native 3.x holds other values.
                operator: rule.operator,
                threshold: tuned.threshold,
                dimensions: rule.dimensions.map((d) => ({ name: d, operator: "Include", values: ["*"] })),
                failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
              },
            ],
          },
          autoMitigate: true,
          actions: { actionGroups: [actionGroup.id] },
          tags: args.tags,
        },
        { parent: this, dependsOn: args.dependsOn },
      );
      ruleIds[rule.key] = sqr.id;
    }
    this.actionGroupId = actionGroup.id;
    this.ruleIds = pulumi.output(ruleIds);
    this.registerOutputs({ actionGroupId: this.actionGroupId, ruleIds: this.ruleIds });
  }
}
