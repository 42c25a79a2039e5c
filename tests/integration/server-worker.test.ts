// The built worker process (`node <build>/server-entry/worker.js`): JSON logs tagged "worker",
// readiness logged once the database answers, a clean exit 0 on SIGTERM — also while it waits —
// and a clear refusal without REDIS_URL (the web process runs jobs itself then).
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_ENV } from "../setup/test-env";
import { BUILD_DIR, ensureBuild, freePort, type LogLine } from "./server-harness";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** `stopsItself`: the worker is expected to exit on its own once `until` holds (never sent SIGTERM). */
async function runWorker(
  databaseUrl: string,
  until: (lines: LogLine[]) => boolean,
  redisUrl = REDIS_URL,
  { stopsItself = false } = {},
) {
  await ensureBuild();
  const child = spawn(process.execPath, [path.join(BUILD_DIR, "server-entry/worker.js")], {
    env: {
      PATH: process.env.PATH,
      ...TEST_ENV,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `worker-test-${process.pid}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const lines = () =>
    out
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LogLine);
  const deadline = Date.now() + 60_000;
  while (!until(lines())) {
    if (child.exitCode !== null) {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the last lines may still be in the pipe
      if (until(lines())) break;
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`worker did not reach the expected state.\nstdout:\n${out}\nstderr:\n${err}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A refusal is logged just before process.exit: sending SIGTERM then would race the exit code.
  if (child.exitCode === null && !stopsItself) child.kill("SIGTERM");
  const code = await exited;
  return { code, lines: lines(), stderr: err };
}

describe("worker process", () => {
  it("logs readiness when the database answers and exits 0 on SIGTERM", async () => {
    const run = await runWorker(process.env.DATABASE_URL!, (lines) => lines.some((l) => l.msg === "worker ready"));
    expect(run.code).toBe(0);
    expect(run.lines.every((line) => line.service === "worker")).toBe(true);
    const ready = run.lines.find((l) => l.msg === "worker ready")!;
    expect(ready.checks).toMatchObject({ database: "ok" });
    expect(run.lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(["worker starting", "worker shutting down: finishing running jobs", "worker stopped"]),
    );
  }, 120_000);

  it("waits for an unreachable database, and still stops cleanly", async () => {
    const port = await freePort();
    const run = await runWorker(`postgres://postgres:postgres@127.0.0.1:${port}/verso`, (lines) =>
      lines.some((l) => l.msg === "worker waiting for its services"),
    );
    expect(run.code).toBe(0);
    const waiting = run.lines.find((l) => l.msg === "worker waiting for its services")!;
    expect(waiting.checks).toMatchObject({ database: "down" });
    expect(run.lines.some((l) => l.msg === "worker ready")).toBe(false);
  }, 120_000);

  it("refuses to start without REDIS_URL, saying the web process runs the jobs then", async () => {
    const run = await runWorker(process.env.DATABASE_URL!, (lines) => lines.some((l) => l.level === 50), "", {
      stopsItself: true,
    });
    expect(run.code).toBe(1);
    const refusal = run.lines.find((l) => l.level === 50)!;
    expect(refusal.msg).toMatch(/needs REDIS_URL.*embedded mode/);
  }, 120_000);
});
