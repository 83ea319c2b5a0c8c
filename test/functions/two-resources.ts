// The two-resources fixture (test/fixtures/two-resources/README.md) and a runner over it.
import * as path from "node:path";
import { loadDataDir } from "../../src/data";
import { run } from "./scenario";

export const twoResources = loadDataDir(path.resolve(__dirname, "..", "fixtures", "two-resources"));

const prefix =
  "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-acs/providers/Microsoft.Communication/CommunicationServices";
export const resourceA = `${prefix}/acs-alpha`;
export const resourceB = `${prefix}/acs-beta`;

/** The window X = [2024-06-01, 2024-06-02) as KQL arguments. */
export const X = "datetime(2024-06-01T00:00:00Z), datetime(2024-06-02T00:00:00Z)";

export const runTwo = (kql: string): Record<string, unknown>[] => run(kql, twoResources);
