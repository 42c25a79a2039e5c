// `npm run dev`: the web process with Vite in middleware mode (hot reload) on http://localhost:3000.
// Like `npm start`, it uses DATABASE_URL or the embedded PostgreSQL in ./.data/postgres (same data,
// same secrets), applies the migrations and seeds what is missing, then prints the admin login.
import { spawn } from "node:child_process";
import "dotenv/config";
import { applyLocalSecrets, seedAndPrintLogin, startLocalDatabase, superviseServer } from "./lib/local-env.mjs";
import { run } from "./lib/run.mjs";

const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", NODE_ENV: "development", VERSO_DEV_SERVER: "1" };
env.PORT ??= "3000";
env.APP_URL ??= `http://localhost:${env.PORT}`;
applyLocalSecrets(env);

await run("node", ["scripts/prisma-generate.mjs"], { env });
const embedded = await startLocalDatabase(env);
await run("node", ["--import", "tsx", "prisma/migrate.ts"], { env });
seedAndPrintLogin(env, { embedded, command: "node", args: ["--import", "tsx", "prisma/seed/index.ts"] });

superviseServer(spawn("node", ["--import", "tsx", "server/index.ts"], { stdio: "inherit", env }), embedded);
