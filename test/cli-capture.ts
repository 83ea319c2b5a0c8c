import { vi } from "vitest";

export interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs a CLI command with stdout and stderr captured, restoring both afterwards. */
export async function captureCli(run: (argv: string[]) => Promise<number>, argv: string[]): Promise<Captured> {
  let out = "";
  let err = "";
  const o = vi
    .spyOn(process.stdout, "write")
    .mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi
    .spyOn(process.stderr, "write")
    .mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await run(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
