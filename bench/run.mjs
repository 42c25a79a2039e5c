// `npm run bench`: load-test the production build on loopback with autocannon.
// Creates its own database (migrated, seeded with demo data), starts `node <build>/server-entry/index.js`
// on a free port, then for each route: warm-up, 32 connections for 10 s, requests/s, latency p50/p99,
// and the server process's CPU time per request (utime+stime from /proc/<pid>/stat).
// Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (32), BENCH_ROUTES ("/,/auth/login,/healthz"),
// TEST_DATABASE_ADMIN_URL, VERSO_BUILD_DIR, VERSO_TEST_NAMESPACE. `--json` prints the raw numbers too.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const BUILD_DIR = process.env.VERSO_BUILD_DIR ?? "build";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUTES = (process.env.BENCH_ROUTES ?? "/,/auth/login,/healthz").split(",");
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAMESPACE = (process.env.VERSO_TEST_NAMESPACE ?? "").replace(/[^a-z0-9]/g, "");
const DB = `verso_loadtest${NAMESPACE ? `_${NAMESPACE}` : ""}`;
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

const dbUrl = (name) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

async function recreateDatabase() {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${DB}"`);
  await client.end();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system) of a process in milliseconds. */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime, stime (fields 14, 15)
}

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
function machineTicks() {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = numbers[3] + (numbers[4] ?? 0);
  const total = numbers.reduce((sum, n) => sum + n, 0);
  return { busy: total - idle, total };
}

async function waitHealthy(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not become healthy");
}

const load = (url, duration) => autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1 });

if (!existsSync(path.join(BUILD_DIR, "server-entry/index.js")) || !existsSync(path.join(BUILD_DIR, "server/index.js"))) {
  console.log(`No build in ${BUILD_DIR}: building…`);
  execFileSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, VERSO_BUILD_DIR: BUILD_DIR } });
}

const loadBefore = os.loadavg();
const port = await freePort();
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  APP_URL: `http://localhost:${port}`,
  DATABASE_URL: dbUrl(DB),
  REDIS_URL: "",
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  ENCRYPTION_KEY: "0f".repeat(32),
  RATE_LIMIT_PER_MINUTE: "100000000",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  VERSO_BUILD_DIR: BUILD_DIR,
  SEED_DEMO: "1",
  ADMIN_EMAIL: "admin@bench.local",
};

await recreateDatabase();
execFileSync("node", [path.join(BUILD_DIR, "server-entry/migrate.js")], { env, stdio: "ignore" });
execFileSync("node", [path.join(BUILD_DIR, "server-entry/seed.js")], { env, stdio: "ignore" });

const server = spawn("node", [path.join(BUILD_DIR, "server-entry/index.js")], { env, stdio: ["ignore", "ignore", "inherit"] });
const base = `http://127.0.0.1:${port}`;
const results = [];
try {
  await waitHealthy(base, server);
  for (const route of ROUTES) {
    const probe = await fetch(`${base}${route}`, { redirect: "manual" });
    await probe.arrayBuffer();
    await load(`${base}${route}`, 2); // warm-up: JIT, caches, pool connections
    const before = cpuMs(server.pid);
    const machineBefore = machineTicks();
    const started = Date.now();
    const result = await load(`${base}${route}`, DURATION);
    const cpu = cpuMs(server.pid) - before;
    const seconds = (Date.now() - started) / 1000;
    const machineBusy = ((machineTicks().busy - machineBefore.busy) * 1000) / CLOCK_TICKS / 1000 / seconds;
    const total = result.requests.total;
    results.push({
      route,
      status: probe.status,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      cpuMsPerRequest: total ? Number((cpu / total).toFixed(2)) : null,
      requests: total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      serverCores: Number((cpu / 1000 / seconds).toFixed(2)),
      machineBusyCores: Number(machineBusy.toFixed(2)),
    });
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await client.end();
}

console.log(`\nVerso production build, ${CONNECTIONS} connections × ${DURATION} s per route (autocannon, loopback)\n`);
console.log(`load average before: ${loadBefore.map((n) => n.toFixed(2)).join(" ")} (${os.cpus().length} cores)\n`);
console.log(
  "| route | status | req/s | p50 ms | p99 ms | server CPU ms/req | requests | non-2xx | errors | server cores | machine busy cores |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.route} | ${r.status} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.cpuMsPerRequest} | ${r.requests} | ${r.non2xx} | ${r.errors} | ${r.serverCores} | ${r.machineBusyCores} |`,
  );
}
if (process.argv.includes("--json")) console.log(JSON.stringify(results));
