// Worker process entry (`npm run worker`, or the image's `worker` process group on Fly): one BullMQ
// worker per queue, the repeatable-job schedulers, the outbox relay (so events written by jobs move
// on at once) and a heartbeat row. SIGTERM/SIGINT: stop taking jobs, finish the running ones within
// the grace period (or leave them to be retried), then exit. Logs are JSON lines tagged "worker".
process.env.VERSO_PROCESS ??= "worker";

const { getEnv } = await import("../app/infra/env.server");
const { logger } = await import("../app/infra/logger.server");
const { checkReadiness, closeResources } = await import("../app/infra/health.server");
const { closeQueues } = await import("../app/infra/queue/queues.server");
const { startOutboxProcessor } = await import("../app/domains/platform/outbox/processor.server");
const { startQueueWorkers } = await import("./runtime");
const { startHeartbeat } = await import("./heartbeat");
const { syncJobSchedulers } = await import("./schedules");

const RETRY_MS = 2_000;
const env = getEnv();
const GRACE_MS = env.WORKER_GRACE_MS;
if (!env.REDIS_URL) {
  logger.error(
    "the worker needs REDIS_URL. Without Redis the web process runs every job itself (embedded mode), so no worker is needed.",
  );
  process.exit(1);
}

let stopping = false;
let running: { stop: () => Promise<void> } | undefined;

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

async function start() {
  await waitUntilReady();
  if (stopping) return;
  await syncJobSchedulers().catch((err: unknown) => logger.error({ err }, "could not register the job schedulers"));
  const queues = startQueueWorkers();
  const relay = env.OUTBOX_PROCESSOR === "on" ? startOutboxProcessor({ mode: "relay" }) : undefined;
  const heartbeat = startHeartbeat(env.WORKER_CONCURRENCY);
  logger.info({ concurrency: env.WORKER_CONCURRENCY, heartbeat: heartbeat.id }, "worker processing jobs");
  running = {
    stop: async () => {
      await relay?.stop();
      await queues.close(GRACE_MS);
      await heartbeat.stop();
    },
  };
}

async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker shutting down: finishing running jobs");
  const force = setTimeout(() => {
    logger.warn("worker grace period over: exiting");
    process.exit(1);
  }, GRACE_MS + 5_000);
  force.unref();
  await running?.stop().catch((err: unknown) => logger.error({ err }, "error while stopping the queue workers"));
  await closeQueues();
  await closeResources().catch((err: unknown) => logger.error({ err }, "error while closing resources"));
  logger.info("worker stopped");
  process.exit(0);
}

process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection in worker"));

logger.info({ pid: process.pid, node: process.version }, "worker starting");
await start();

export {};
