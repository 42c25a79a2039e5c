// `npm start`: build if needed, then run Verso on http://localhost:3000.
// Without DATABASE_URL it runs an embedded PostgreSQL in ./.data/postgres, applies migrations,
// seeds demo data on the first run and prints the admin login. Data survives restarts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import "dotenv/config";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { run } from "./lib/run.mjs";

const DATA = path.resolve(".data");
mkdirSync(DATA, { recursive: true });
const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
env.NODE_ENV ??= "production";
env.PORT ??= "3000";
env.APP_URL ??= `http://localhost:${env.PORT}`;

// Local secrets: generated once and kept in .data (production deployments set them explicitly).
const secretsFile = path.join(DATA, "secrets.json");
const secrets = existsSync(secretsFile)
  ? JSON.parse(readFileSync(secretsFile, "utf8"))
  : { SESSION_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_KEY: randomBytes(32).toString("hex") };
if (!existsSync(secretsFile)) {
  writeFileSync(secretsFile, JSON.stringify(secrets, null, 2));
  chmodSync(secretsFile, 0o600);
}
env.SESSION_SECRET ??= secrets.SESSION_SECRET;
env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}
const builtAt =
  existsSync("build/server-entry/index.js") && existsSync("build/server/index.js")
    ? statSync("build/server/index.js").mtimeMs
    : 0;
const sourcesAt = Math.max(...["app", "server", "worker", "prisma", "public"].filter(existsSync).map(newestMtime));
if (builtAt < sourcesAt) {
  console.log("Building Verso…");
  await run("npm", ["run", "build"], { env });
}

let embedded;
if (!env.DATABASE_URL) {
  console.log("DATABASE_URL is not set: starting the embedded PostgreSQL in .data/postgres");
  embedded = await startEmbeddedPostgres({
    dir: path.join(DATA, "postgres"),
    port: Number(env.EMBEDDED_PG_PORT ?? 54329),
    database: "verso",
  });
  env.DATABASE_URL = embedded.url;
}

await run("node", ["build/server-entry/migrate.js"], { env });
const credentialsFile = path.join(DATA, "admin-login.txt");
const firstRun = !existsSync(credentialsFile);
const seedEnv = { ...env, SEED_DEMO: env.SEED_DEMO ?? (embedded ? "1" : "0") };
const { execFileSync } = await import("node:child_process");
const seedOutput = execFileSync("node", ["build/server-entry/seed.js"], { env: seedEnv, encoding: "utf8" });
const created = /Admin created: (\S+) \/ (\S+)/.exec(seedOutput);
if (created) {
  writeFileSync(credentialsFile, `${created[1]}\n${created[2]}\n`);
  chmodSync(credentialsFile, 0o600);
}
const [adminEmail, adminPassword] = existsSync(credentialsFile) ? readFileSync(credentialsFile, "utf8").trim().split("\n") : [];
console.log("\n  Verso is starting on " + env.APP_URL);
if (adminEmail) {
  console.log(`  Admin login: ${adminEmail}`);
  console.log(
    `  Password:    ${adminPassword}${firstRun ? "" : "  (generated on the first run; kept in .data/admin-login.txt)"}`,
  );
}
const demo = /Demo users: (.*)/.exec(seedOutput);
if (demo) console.log(`  Demo users:  ${demo[1]}`);
console.log("");

const web = spawn("node", ["build/server-entry/index.js"], { stdio: "inherit", env });
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  web.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
// `npm start` runs this script under `sh -c`: a SIGTERM sent to npm stops npm and the shell without
// passing it on, which would orphan the server and PostgreSQL. Stop as soon as the parent is gone.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop("SIGTERM");
}, 500).unref();
web.on("exit", async (code) => {
  if (embedded) await embedded.server.stop().catch(() => {});
  process.exit(code ?? 0);
});
