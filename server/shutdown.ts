// Graceful shutdown on SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close
// idle keep-alive connections, release the database and Redis, then exit.
import type { Server } from "node:http";
import { logger } from "../app/infra/logger.server";

export function installShutdown(server: Server, closeResources: () => Promise<void>, graceMs = 10_000) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      logger.warn("grace period over: closing remaining connections");
      server.closeAllConnections();
    }, graceMs);
    force.unref();
    server.close(async () => {
      clearTimeout(force);
      await closeResources().catch((err) => logger.error({ err }, "error while closing resources"));
      logger.info("shutdown complete");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
