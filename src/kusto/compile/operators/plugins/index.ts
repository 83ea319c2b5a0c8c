// The evaluate plugins the engine runs, by lower-cased name; each lives in its own file.
import type { Plugin } from "../evaluate";
import { activeUsersCount } from "./active-users-count";
import { activityCountsMetrics } from "./activity-counts-metrics";
import { activityMetrics } from "./activity-metrics";
import { bagUnpack } from "./bag-unpack";
import { dcountIntersect } from "./dcount-intersect";
import { ipv4Lookup, ipv6Lookup } from "./ip-lookup";
import { narrow } from "./narrow";
import { newActivityMetrics } from "./new-activity-metrics";
import { pivot } from "./pivot";
import { rollingPercentile } from "./rolling-percentile";
import { rowsNear } from "./rows-near";
import { schemaMerge } from "./schema-merge";
import { slidingWindowCounts } from "./sliding-window-counts";

export const pluginTable: Readonly<Record<string, Plugin>> = {
  active_users_count: activeUsersCount,
  activity_counts_metrics: activityCountsMetrics,
  activity_metrics: activityMetrics,
  bag_unpack: bagUnpack,
  dcount_intersect: dcountIntersect,
  ipv4_lookup: ipv4Lookup,
  ipv6_lookup: ipv6Lookup,
  narrow,
  new_activity_metrics: newActivityMetrics,
  pivot,
  rolling_percentile: rollingPercentile,
  rows_near: rowsNear,
  schema_merge: schemaMerge,
  sliding_window_counts: slidingWindowCounts,
};
