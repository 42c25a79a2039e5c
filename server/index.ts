// Web process entry: `npm run serve` (built) or `npm run dev` (Vite middleware mode).
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { getEnv } from "../app/infra/env.server";
import { logger } from "../app/infra/logger.server";
import { createApp, type ServerServices } from "./app";
import { installShutdown } from "./shutdown";

const env = getEnv();
const dev = env.NODE_ENV === "development" && process.env.VERSO_DEV_SERVER === "1";

async function main() {
  let build: ServerBuild | (() => Promise<ServerBuild>);
  let getBuild: () => Promise<ServerBuild>;
  let assets: express.RequestHandler[];
  let closeVite: () => Promise<void> = async () => {};
  if (dev) {
    const vite = await import("vite").then((m) => m.createServer({ server: { middlewareMode: true } }));
    getBuild = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    build = getBuild;
    assets = [vite.middlewares];
    closeVite = () => vite.close();
  } else {
    const buildDir = process.env.VERSO_BUILD_DIR ?? "build";
    const buildPath = path.resolve(buildDir, "server/index.js");
    const built = (await import(buildPath)) as ServerBuild;
    build = built;
    getBuild = async () => built;
    assets = [
      express
        .Router()
        .use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y", index: false })),
      // Public files (favicon.ico, robots.txt…) all have an extension: pages never pay for a disk lookup.
      withExtensionOnly(express.static(path.join(buildDir, "client"), { maxAge: "1h", index: false, redirect: false })),
    ];
  }
  // entry.server.tsx exports the services the web process needs outside Remix (one Prisma client).
  const getServices = async () =>
    (await getBuild()).entry.module as unknown as ServerServices & {
      closeResources: () => Promise<void>;
      closeQueues: () => Promise<void>;
      startOutboxProcessor: () => { stop: () => Promise<void> };
    };
  // The outbox: relayed to the queues (REDIS_URL set) or run here (embedded mode).
  const outbox = env.OUTBOX_PROCESSOR === "on" ? (await getServices()).startOutboxProcessor() : undefined;

  if (env.NODE_ENV === "production" && !env.SMTP_URL) {
    logger.warn("SMTP_URL is not set: e-mail is kept in the e-mail log (/admin/dev/mailbox) and not delivered");
  }
  const app = createApp({ env, build, getServices, assets, dev });
  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info({ port: env.PORT }, `Verso listening on http://localhost:${env.PORT}`);
  });
  server.keepAliveTimeout = 65_000;
  installShutdown(server, async () => {
    await closeVite();
    await outbox?.stop();
    await (await getServices()).closeQueues();
    await (await getServices()).closeResources();
  });
}

main().catch((error) => {
  logger.fatal({ err: error }, "web process failed to start");
  process.exit(1);
});

function withExtensionOnly(handler: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (path.extname(req.path) ? handler(req, res, next) : next());
}
