// Worker process entry (`npm run worker`, or the image's `worker` process group on Fly).
// Queues and processors arrive with the worker issue; today the process validates configuration,
// waits until the database answers (logging readiness), keeps checking it, and stops cleanly on
// SIGTERM/SIGINT. Logs are JSON lines from the shared logger, tagged service "worker".
process.env.VERSO_PROCESS ??= "worker";

const { getEnv } = await import("../app/infra/env.server");
const { logger } = await import("../app/infra/logger.server");
const { checkReadiness, closeResources } = await import("../app/infra/health.server");

const RETRY_MS = 2_000;
const HEARTBEAT_MS = 60_000;
const GRACE_MS = 10_000;

getEnv();
let stopping = false;
const timers: { heartbeat?: NodeJS.Timeout } = {};

async function waitUntilReady() {
  let attempt = 0;
  while (!stopping) {
    attempt += 1;
    const report = await checkReadiness();
    if (report.ok) {
      logger.info({ checks: report.checks, attempt }, "worker ready");
      return;
    }
    logger.warn({ checks: report.checks, attempt, retryInMs: RETRY_MS }, "worker waiting for its services");
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker shutting down");
  clearInterval(timers.heartbeat);
  const force = setTimeout(() => {
    logger.warn("worker grace period over: exiting");
    process.exit(1);
  }, GRACE_MS);
  force.unref();
  await closeResources().catch((err: unknown) => logger.error({ err }, "error while closing resources"));
  logger.info("worker stopped");
  process.exit(0);
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection in worker"));

logger.info({ pid: process.pid, node: process.version }, "worker starting");
await waitUntilReady();
timers.heartbeat = setInterval(() => {
  void checkReadiness().then((report) => {
    if (!report.ok) logger.warn({ checks: report.checks }, "worker lost a service");
  });
}, HEARTBEAT_MS);

export {};
