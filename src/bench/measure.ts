// Timing helpers for the benchmark: in-process medians, and whole processes with their own peak RSS and CPU.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return [value, Number(process.hrtime.bigint() - t0) / 1e6];
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface ProcessRun {
  readonly wallMs: number;
  /** CPU (user + system) of the process that did the work, as it reported at exit. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly stdout: string;
}

let runs = 0;

/**
 * Runs `node ...args` to completion. The process that does the work (the CLI, or the reference script) writes its
 * peak RSS and CPU to ACS_INSIGHTS_PEAK_FILE at exit: the CLI's launcher would otherwise hide its snapshot child.
 */
export function timeProcess(args: readonly string[]): ProcessRun {
  const peakFile = path.join(os.tmpdir(), `acs-insights-peak-${process.pid}-${++runs}.json`);
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 1024 ** 3,
    env: { ...process.env, ACS_INSIGHTS_PEAK_FILE: peakFile },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  try {
    if (run.error) throw run.error;
    if (run.status !== 0)
      throw new Error(
        `node ${args.slice(0, 3).join(" ")} ... exited ${run.status ?? run.signal}: ${run.stderr.trim().split("\n").slice(-3).join(" ")}`,
      );
    const peak = JSON.parse(fs.readFileSync(peakFile, "utf8")) as { maxRssKb: number; cpuMs: number };
    return { wallMs, cpuMs: peak.cpuMs, maxRssMb: peak.maxRssKb / 1024, stdout: run.stdout };
  } finally {
    fs.rmSync(peakFile, { force: true });
  }
}

/** Writes the calling process's peak RSS and CPU to ACS_INSIGHTS_PEAK_FILE when it exits (set by timeProcess). */
export function reportPeakAtExit(): void {
  const file = process.env.ACS_INSIGHTS_PEAK_FILE;
  if (!file) return;
  process.on("exit", () => {
    const usage = process.cpuUsage();
    fs.writeFileSync(
      file,
      JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuMs: (usage.user + usage.system) / 1000 }),
    );
  });
}
