// Starts the REAL production web process (`node <build>/server-entry/index.js`) for the
// server-*.test.ts files: its own free port, the worker's test database, production mode.
// Builds first when the build is missing or older than the sources (one builder at a time).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { TEST_ENV } from "../setup/test-env";
import { freePort } from "../setup/wait";

export { freePort };

export const BUILD_DIR = process.env.VERSO_BUILD_DIR ?? "build";
const SERVER_ENTRY = path.join(BUILD_DIR, "server-entry/index.js");
const REMIX_BUILD = path.join(BUILD_DIR, "server/index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.endsWith(".test.ts")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  if (!existsSync(SERVER_ENTRY) || !existsSync(REMIX_BUILD)) return false;
  const sources = ["app", "server", "worker", "prisma", "public"].filter(existsSync).map(newestMtime);
  return statSync(REMIX_BUILD).mtimeMs >= Math.max(...sources);
}

/**
 * Build the production bundle unless a fresh one exists. Checked once per Vitest run (the worker
 * processes share a parent), so a build never replaces files under a server another test file
 * started; a lock directory serializes the workers.
 */
export async function ensureBuild() {
  mkdirSync(BUILD_DIR, { recursive: true });
  // Outside the build folder: the Remix build empties it.
  const lock = path.join(
    os.tmpdir(),
    `verso-build-${createHash("sha1").update(path.resolve(BUILD_DIR)).digest("hex").slice(0, 12)}.lock`,
  );
  const stamp = path.join(BUILD_DIR, ".verso-test-build.checked");
  const run = String(process.ppid);
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === run) return;
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 900_000) rmSync(lock, { recursive: true, force: true });
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (remove it if no build is running)`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    try {
      if (!buildIsFresh()) {
        const env: NodeJS.ProcessEnv = { ...process.env, VERSO_BUILD_DIR: BUILD_DIR, NODE_ENV: "production" };
        for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
        execFileSync("npm", ["run", "build"], { env, stdio: "pipe" });
      }
      writeFileSync(stamp, run);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export type LogLine = Record<string, unknown> & { reqId?: string; msg?: string };

export type RunningServer = {
  port: number;
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Parsed stdout lines; throws on a line that is not JSON. */
  logs: () => LogLine[];
  waitForLog: (predicate: (line: LogLine) => boolean, timeoutMs?: number) => Promise<LogLine>;
  /** Send a signal and resolve with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export async function startServer(overrides: Record<string, string> = {}): Promise<RunningServer> {
  await ensureBuild();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...TEST_ENV,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: "",
    VERSO_BUILD_DIR: BUILD_DIR,
    LOG_LEVEL: "info",
    ...overrides,
  };
  const child = spawn(process.execPath, [SERVER_ENTRY], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const logs = () =>
    out
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          throw new Error(`Log line is not JSON: ${line}`);
        }
      });

  const server: RunningServer = {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    async waitForLog(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logs().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`Log line not seen. stdout:\n${out}\nstderr:\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}.\nstdout:\n${out}\nstderr:\n${err}`);
    const status = await request(server, "/healthz").then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return server;
    if (Date.now() > deadline) {
      await server.stop("SIGKILL");
      throw new Error(`Server did not become healthy.\nstdout:\n${out}\nstderr:\n${err}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A plain HTTP/1.1 request (no redirects followed, every Set-Cookie kept), on a fresh connection. */
export function request(
  server: Pick<RunningServer, "port">,
  pathname: string,
  options: { method?: string; headers?: Record<string, string | number>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        path: pathname,
        method: options.method ?? "GET",
        headers: options.headers,
        agent: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The CSRF token of the page's forms and the cookie that goes with it. */
export async function csrfFromHome(server: Pick<RunningServer, "port">) {
  const home = await request(server, "/");
  const token = /name="csrf" value="([^"]+)"/.exec(home.body)?.[1];
  const cookie = (home.headers["set-cookie"] ?? []).find((c) => c.startsWith("__csrf="))?.split(";")[0];
  if (!token || !cookie) throw new Error("The home page carries no CSRF token/cookie");
  return { token, cookie };
}
