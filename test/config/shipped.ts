import { alertDefaults } from "../../src/alerts/defaults";
import { alertRules } from "../../src/alerts/rules";
import { savedFunctions } from "../../src/functions";

// The alert defaults the program hands the config layer, for tests that parse a config as the program does.
export const shippedAlertDefaults = alertDefaults(
  alertRules,
  savedFunctions.map((f) => f.name),
);
