import { describe, expect, it } from "vitest";
import { offlineSecret, stackFileConfig } from "../src/cli/synth";

// How a stack file becomes the flat config Pulumi would hand the program.

describe("stack file flattening", () => {
  it("must pass scalars as strings and objects as JSON, as the Pulumi engine does", () => {
    const { config } = stackFileConfig(
      [
        "config:",
        "  acs-recording-insights:location: westeurope",
        "  acs-recording-insights:protect: false",
        "  acs-recording-insights:workspace:",
        "    retentionInDays: 60",
        "",
      ].join("\n"),
      "Pulumi.t.yaml",
    );
    expect(config).toEqual({
      "acs-recording-insights:location": "westeurope",
      "acs-recording-insights:protect": "false",
      "acs-recording-insights:workspace": '{"retentionInDays":60}',
    });
  });

  it("must stand in for nested secure values and report the key as secret", () => {
    const { config, secretKeys } = stackFileConfig(
      [
        "config:",
        "  acs-recording-insights:alerts:",
        "    emails: [a@example.com]",
        "    webhookUrl:",
        "      secure: v1:abc",
        "",
      ].join("\n"),
      "Pulumi.t.yaml",
    );
    expect(JSON.parse(config["acs-recording-insights:alerts"])).toEqual({
      emails: ["a@example.com"],
      webhookUrl: offlineSecret,
    });
    expect(secretKeys).toEqual(["acs-recording-insights:alerts"]);
  });

  it("must refuse a key without a namespace, naming the file and the fix", () => {
    expect(() => stackFileConfig("config:\n  location: westeurope\n", "Pulumi.t.yaml")).toThrow(
      'Pulumi.t.yaml: config key "location" must be namespaced, e.g. "acs-recording-insights:location"',
    );
  });

  it("must list imported ESC environments", () => {
    expect(stackFileConfig("environment:\n  - team/shared\nconfig: {}\n", "Pulumi.t.yaml").environments).toEqual([
      "team/shared",
    ]);
  });
});
