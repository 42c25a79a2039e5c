// `npm start`: build if needed, then run Verso on http://localhost:3000.
// Without DATABASE_URL it runs an embedded PostgreSQL in ./.data/postgres, applies migrations,
// seeds demo data on the first run and prints the admin login. Data survives restarts.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import "dotenv/config";
import { applyLocalSecrets, seedAndPrintLogin, startLocalDatabase, superviseServer } from "./lib/local-env.mjs";
import { run } from "./lib/run.mjs";

const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
env.NODE_ENV ??= "production";
env.PORT ??= "3000";
env.APP_URL ??= `http://localhost:${env.PORT}`;
const BUILD = env.VERSO_BUILD_DIR ?? "build";
applyLocalSecrets(env);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}
const remixBuild = path.join(BUILD, "server/index.js");
const builtAt =
  existsSync(path.join(BUILD, "server-entry/index.js")) && existsSync(remixBuild) ? statSync(remixBuild).mtimeMs : 0;
const sourcesAt = Math.max(...["app", "server", "worker", "prisma", "public"].filter(existsSync).map(newestMtime));
if (builtAt < sourcesAt) {
  console.log("Building Verso…");
  await run("npm", ["run", "build"], { env });
}

const embedded = await startLocalDatabase(env);
await run("node", [path.join(BUILD, "server-entry/migrate.js")], { env });
seedAndPrintLogin(env, { embedded, command: "node", args: [path.join(BUILD, "server-entry/seed.js")] });

superviseServer(spawn("node", [path.join(BUILD, "server-entry/index.js")], { stdio: "inherit", env }), embedded);
