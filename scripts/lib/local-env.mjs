// Shared by `npm start` and `npm run dev`: local secrets kept in .data, the embedded PostgreSQL
// when DATABASE_URL is unset, and the seed run that prints the admin login.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";

export const DATA = path.resolve(".data");

/** SESSION_SECRET and ENCRYPTION_KEY, generated once into .data/secrets.json unless set. */
export function applyLocalSecrets(env) {
  mkdirSync(DATA, { recursive: true });
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
}

/** Start the embedded PostgreSQL in .data/postgres when DATABASE_URL is unset; sets DATABASE_URL. */
export async function startLocalDatabase(env) {
  if (env.DATABASE_URL) return undefined;
  console.log("DATABASE_URL is not set: starting the embedded PostgreSQL in .data/postgres");
  const embedded = await startEmbeddedPostgres({
    dir: path.join(DATA, "postgres"),
    port: Number(env.EMBEDDED_PG_PORT ?? 54329),
    database: "verso",
  });
  env.DATABASE_URL = embedded.url;
  return embedded;
}

/** Run the seed command, keep a generated admin password in .data/admin-login.txt, print the login. */
export function seedAndPrintLogin(env, { embedded, command, args }) {
  const credentialsFile = path.join(DATA, "admin-login.txt");
  const firstRun = !existsSync(credentialsFile);
  const seedEnv = { ...env, SEED_DEMO: env.SEED_DEMO ?? (embedded ? "1" : "0") };
  const seedOutput = execFileSync(command, args, { env: seedEnv, encoding: "utf8" });
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
  const shop = /Demo shop: (.*)/.exec(seedOutput);
  if (shop) console.log(`  Demo shop:   ${shop[1]}`);
  console.log("");
}

/**
 * Run the server child until it exits, forwarding SIGINT/SIGTERM, then stop the embedded database.
 * Under `npm` the script runs below `sh -c`: a SIGTERM sent to npm stops npm and the shell without
 * passing it on, which would orphan the server and PostgreSQL, so losing the parent also stops it.
 */
export function superviseServer(child, embedded) {
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("SIGTERM");
  }, 500).unref();
  child.on("exit", async (code) => {
    if (embedded) await embedded.server.stop().catch(() => {});
    process.exit(code ?? 0);
  });
}
