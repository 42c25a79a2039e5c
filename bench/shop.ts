// `npx tsx bench/shop.ts`: the storefront under load. Its own database (migrated, 10,000 products
// from bench/seed-shop.ts), the production build on a loopback port, autocannon at 32 connections.
//   cached: the same URL again and again after a warm-up (application cache hit; full HTML render)
//   cold:   every request a URL never asked before (application cache miss: the SQL runs), so the run
//           is a fixed number of distinct URLs instead of a duration
//   304:    an anonymous revalidation with If-None-Match (no HTML render)
//   add to cart: POST /cart (intent=add, no cookie: a new anonymous cart each time, Origin checked)
// Prints req/s, p50 and p99 (ms). Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (32),
// BENCH_PRODUCTS (10000), BENCH_REDIS_URL (use Redis for the cache; default in-process LRU),
// TEST_DATABASE_ADMIN_URL, VERSO_BUILD_DIR, VERSO_TEST_NAMESPACE. `--json` prints the raw numbers.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { migrate } from "../prisma/migrate-runner.ts";

const BUILD_DIR = process.env.VERSO_BUILD_DIR ?? "build";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAMESPACE = (process.env.VERSO_TEST_NAMESPACE ?? "").replace(/[^a-z0-9]/g, "");
const DB = `verso_shopbench${NAMESPACE ? `_${NAMESPACE}` : ""}`;
const PAGE_SIZE = 24;
const SORTS = ["newest", "price-asc", "price-desc", "title"];

const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB}` }).toString();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ReturnType<typeof spawn>) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not become healthy");
}

type Row = {
  scenario: string;
  mode: string;
  rps: number;
  p50: number;
  p99: number;
  /** CPU ms per request of the web process, and of every PostgreSQL process together. */
  webCpu: number;
  pgCpu: number;
  requests: number;
  non2xx: number;
  errors: number;
  statuses: string;
};

type Options = {
  base: string;
  path: string | (() => string);
  method?: "GET" | "POST";
  body?: () => string;
  headers?: Record<string, string>;
  amount?: number;
};

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim() || 100);

/** utime + stime of a process in ms (0 once it is gone). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function postgresPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
      } catch {
        return false;
      }
    });
}

function cpuSnapshot(webPid: number) {
  const pg = postgresPids();
  return { web: cpuMs(webPid), pg: pg.reduce((sum, pid) => sum + cpuMs(pid), 0) };
}

let webPid = 0;

async function run(scenario: string, mode: string, options: Options, rows: Row[]) {
  const next = typeof options.path === "function" ? options.path : () => options.path as string;
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: options.base,
    connections: CONNECTIONS,
    pipelining: 1,
    ...(options.amount ? { amount: options.amount } : { duration: DURATION }),
    requests: [
      {
        method: options.method ?? "GET",
        headers: options.headers,
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          path: next(),
          ...(options.body ? { body: options.body() } : {}),
        }),
      },
    ],
  });
  instance.on("response", (_client: unknown, statusCode: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const before = cpuSnapshot(webPid);
  const result = await instance;
  const after = cpuSnapshot(webPid);
  // PostgreSQL: every postgres process of the machine (nothing else runs during a bench); a backend
  // that ended during the run is missed, but the app's pool keeps its connections open.
  const served = Math.max(1, result.requests.total);
  rows.push({
    scenario,
    mode,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    webCpu: Math.round(((after.web - before.web) / served) * 100) / 100,
    pgCpu: Math.round((Math.max(0, after.pg - before.pg) / served) * 100) / 100,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: Object.entries(statuses)
      .map(([code, n]) => `${code}×${n}`)
      .join(" "),
  });
  const row = rows[rows.length - 1];
  console.error(
    `  ${scenario} (${mode}): ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms` +
      (row?.scenario === scenario ? `, CPU/req web ${row.webCpu} ms + PostgreSQL ${row.pgCpu} ms` : ""),
  );
}

/** Walks the values of a generator once each, then starts over (cold runs ask for exactly that many). */
function cycle(values: string[]): () => string {
  let i = 0;
  return () => values[i++ % values.length]!;
}

if (!existsSync(path.join(BUILD_DIR, "server-entry/index.js")) || !existsSync(path.join(BUILD_DIR, "server/index.js"))) {
  console.error(`No build in ${BUILD_DIR}: building…`);
  execFileSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, VERSO_BUILD_DIR: BUILD_DIR } });
}

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${DB}"`);
await admin.end();
await migrate(dbUrl);

const port = await freePort();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  HOST: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: dbUrl,
  REDIS_URL: process.env.BENCH_REDIS_URL ?? "",
  QUEUE_PREFIX: `shopbench${NAMESPACE}`,
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  ENCRYPTION_KEY: "0f".repeat(32),
  RATE_LIMIT_PER_MINUTE: "100000000",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  VERSO_BUILD_DIR: BUILD_DIR,
};
Object.assign(process.env, env);
const { seedShop } = await import("./seed-shop.ts");
const seeded = await seedShop(PRODUCTS);
console.error(`seeded ${seeded.created} products (${seeded.variants} variants) in ${seeded.ms} ms`);
const { prisma } = await import("../app/infra/db.server.ts");
const slugs = (await prisma.product.findMany({ select: { slug: true }, orderBy: { id: "asc" } })).map((p) => p.slug);
const variants = (
  await prisma.productVariant.findMany({ where: { stockOnHand: { gt: 0 } }, select: { id: true }, orderBy: { id: "asc" } })
).map((v) => v.id);
const categories = (await prisma.category.findMany({ select: { slug: true } })).map((c) => c.slug);
await prisma.$disconnect();

const pages = Math.ceil(PRODUCTS / PAGE_SIZE);
const deepPage = Math.max(1, pages - 10);
const loadBefore = os.loadavg();
const server = spawn("node", [path.join(BUILD_DIR, "server-entry/index.js")], { env, stdio: ["ignore", "ignore", "inherit"] });
webPid = server.pid ?? 0;
const base = `http://127.0.0.1:${port}`;
const rows: Row[] = [];
try {
  await waitHealthy(base, server);
  const product = `/shop/${slugs[Math.floor(slugs.length / 2)]}`;
  const deep = `/shop?page=${deepPage}`;

  // Warm the JIT and the connection pool on URLs the cold runs never ask (the last 500 products, search).
  const warmUrls = [
    ...slugs.slice(-500).map((slug) => `/shop/${slug}`),
    ...Array.from({ length: 100 }, (_, i) => `/shop?q=warm${i}`),
  ];
  await run("warm-up", "warm-up", { base, path: cycle(warmUrls), amount: warmUrls.length }, []);

  // Cold: distinct URLs, each asked once.
  const firstPages = [1, 2, 3, 4, 5];
  const coldFirst = SORTS.flatMap((sort) => [
    ...categories.flatMap((category) => firstPages.map((page) => `/shop?category=${category}&sort=${sort}&page=${page}`)),
    ...Array.from({ length: 20 }, (_, i) => `/shop?sort=${sort}&page=${i + 1}`),
  ]);
  const coldDeep = SORTS.flatMap((sort) =>
    Array.from({ length: Math.min(pages, 150) }, (_, i) => `/shop?sort=${sort}&page=${pages - i}`),
  );
  const coldProducts = slugs.slice(0, Math.min(slugs.length - 500, 3000)).map((slug) => `/shop/${slug}`);
  await run(
    "listing first pages (category × sort × page 1–5)",
    "cold",
    { base, path: cycle(coldFirst), amount: coldFirst.length },
    rows,
  );
  await run(`listing deep pages (last 150 × 4 sorts)`, "cold", { base, path: cycle(coldDeep), amount: coldDeep.length }, rows);
  await run("product page", "cold", { base, path: cycle(coldProducts), amount: coldProducts.length }, rows);

  // Cached: one URL, after a warm-up.
  for (const [scenario, url] of [
    ["listing page 1", "/shop"],
    [`listing page ${deepPage}`, deep],
    ["product page", product],
  ] as const) {
    await run(scenario, "warm-up", { base, path: url, amount: 200 }, []);
    await run(scenario, "cached", { base, path: url }, rows);
  }

  // Revalidation: If-None-Match with the page's ETag → 304 without rendering.
  const etag = (await fetch(`${base}/shop`)).headers.get("etag") ?? "";
  await run("listing page 1", "304 revalidation", { base, path: "/shop", headers: { "If-None-Match": etag } }, rows);

  // Add to cart: a new anonymous cart per request (no cookie), Origin-checked storefront form.
  await run(
    "add to cart (POST /cart)",
    "new cart each",
    {
      base,
      path: "/cart",
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
      body: (() => {
        const next = cycle(variants);
        return () => new URLSearchParams({ intent: "add", variantId: next(), quantity: "1" }).toString();
      })(),
    },
    rows,
  );
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  const cleanup = new pg.Client({ connectionString: ADMIN_URL });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await cleanup.end();
}

console.log(
  `\nVerso storefront, ${PRODUCTS} products, ${CONNECTIONS} connections (autocannon, loopback); cached runs ${DURATION} s\n`,
);
console.log(`load average before: ${loadBefore.map((n) => n.toFixed(2)).join(" ")} (${os.cpus().length} cores)\n`);
console.log(
  "| scenario | mode | req/s | p50 ms | p99 ms | CPU ms/req web | CPU ms/req PostgreSQL | requests | non-2xx | errors | statuses |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.mode} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.webCpu} | ${r.pgCpu} | ${r.requests} | ${r.non2xx} | ${r.errors} | ${r.statuses} |`,
  );
}
if (process.argv.includes("--json")) console.log(JSON.stringify(rows));
process.exit(0);
