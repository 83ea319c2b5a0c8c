// The Pulumi side: the component, its program body, and the offline plan recorder behind `acs-insights synth`.
export { Alerts } from "./alerts";
export { AcsRecordingInsights, type AcsRecordingInsightsArgs } from "./component";
export { isoMinutes, savedSearchCategory, savedSearchId, type SavedFunctionContent, type StackContent, type WorkbookContent } from "./content";
export { diagnosticCategories } from "./communication";
export { deploy, type StackOutputs } from "./deploy";
export { guardRetention, readLiveRetention } from "./retentionGuard";
export { uuidV5, workbookResourceName } from "./uuid";
