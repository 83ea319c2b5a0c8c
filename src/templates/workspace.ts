// Moved to src/workspace/query.ts (workspace queries are not templates); kept until src/cli/query.ts imports from there.
export * from "../workspace/query";
