// Moved to src/workspace/inline.ts (inlining functions is not a template); kept until src/cli/query.ts imports from there.
export * from "../workspace/inline";
