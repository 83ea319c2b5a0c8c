import { alertRule } from "../../src/alerts";
import { messageOf, type BadInputCase } from "./case";

// Hostile values for the typed KQL parameters: each is either rejected with the parameter named, or matched as plain text.

function alertWindow(tried: string, value: unknown, sees: string[]): BadInputCase {
  return { area: "KQL parameter", tried, sees, attempt: () => messageOf(() => alertRule("start-latency").query({ windowMinutes: value as number })) };
}

export const alertWindowCases: readonly BadInputCase[] = [
  alertWindow('alert windowMinutes "60m) | drop" (text smuggled into the timespan)', "60m) | drop", [
    'alert "start-latency": windowMinutes must be a whole number of minutes from 5 to 2880 (got "60m) | drop")',
    "set windowMinutes for \"start-latency\" in the stack config's alerts section",
  ]),
  alertWindow("alert windowMinutes 1e9", 1e9, ["windowMinutes must be a whole number of minutes from 5 to 2880 (got 1000000000)"]),
];
