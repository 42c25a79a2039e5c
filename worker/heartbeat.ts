// The worker's heartbeat row (WorkerHeartbeat), shown in /admin/tasks: alive while lastSeenAt is recent.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { prisma } from "../app/infra/db.server";
import { logger } from "../app/infra/logger.server";

export const HEARTBEAT_MS = 10_000;

export function startHeartbeat(concurrency: Record<string, number>) {
  const id = `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  const beat = () =>
    prisma.workerHeartbeat
      .upsert({
        where: { id },
        create: { id, hostname: os.hostname(), pid: process.pid, concurrency, startedAt, lastSeenAt: new Date() },
        update: { lastSeenAt: new Date() },
      })
      .catch((err: unknown) => logger.warn({ err }, "could not record the worker heartbeat"));
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  return {
    id,
    stop: async () => {
      clearInterval(timer);
      await prisma.workerHeartbeat
        .update({ where: { id }, data: { stoppedAt: new Date(), lastSeenAt: new Date() } })
        .catch(() => {});
    },
  };
}
