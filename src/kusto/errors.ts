// Errors the engine raises on purpose, typed so callers need not read message prefixes.

/** A construct the engine does not implement: it refuses rather than risk a wrong answer. */
export class UnsupportedError extends Error {
  constructor(
    readonly what: string,
    readonly line: number,
    readonly column: number,
    /** Where a function whose body holds the construct was called from, when it was. */
    readonly calledAt?: { readonly name: string; readonly line: number; readonly column: number },
  ) {
    super(
      `unsupported: ${what} at ${line}:${column}${calledAt ? ` (inside ${calledAt.name}, called at ${calledAt.line}:${calledAt.column})` : ""}`,
    );
    this.name = "UnsupportedError";
  }

  /** The same refusal, noting the call site of the function it happened in. */
  insideCall(name: string, line: number, column: number): UnsupportedError {
    return new UnsupportedError(this.what, this.line, this.column, { name, line, column });
  }
}

/** A function's run-time error (bad argument value such as an unknown time zone), given the call's position. */
export class KqlRuntimeError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${detail} at ${line}:${column}`);
    this.name = "KqlRuntimeError";
  }
}
