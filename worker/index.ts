// Worker process entry (`npm run worker`). Queues and processors arrive with the worker issue;
// for now the process validates configuration, checks the database and idles until SIGTERM.
import { getEnv } from "../app/infra/env.server";
import { logger } from "../app/infra/logger.server";
import { checkReadiness, closeResources } from "../app/infra/health.server";

process.env.VERSO_PROCESS = "worker";
getEnv();
const report = await checkReadiness();
logger.info({ checks: report.checks }, "worker started");
const stop = async () => {
  await closeResources();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setInterval(() => {}, 1 << 30);
