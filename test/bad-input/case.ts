// One row of the README's "Bad input and what you see" table, and the run that proves it.

export type BadInputArea =
  | "stack config"
  | "stack file"
  | "data file"
  | "KQL parameter"
  | "CLI"
  | "synth"
  | "query output";

export interface BadInputCase {
  readonly area: BadInputArea;
  /** What the user tried, as the README shows it. */
  readonly tried: string;
  /** What the user sees: fragments that must appear, in this order, in the text attempt() returns. */
  readonly sees: readonly string[];
  /** Runs the bad input and returns what the user sees: the error message, or a description of the harmless outcome. */
  readonly attempt: () => string | Promise<string>;
}

/** The message of the error `run` throws; a bad input that is silently accepted is itself a failure. */
export function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error("the bad input was accepted without an error");
}
