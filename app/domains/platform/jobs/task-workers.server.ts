// The worker processes as /admin/tasks shows them, from their heartbeat rows (worker/heartbeat.ts
// refreshes lastSeenAt every 10 s). In embedded mode there is no worker: the web process runs the jobs.
import { prisma } from "~/infra/db.server";
import { outboxMode, type OutboxMode } from "../outbox/processor.server";

/** A worker not seen for this long is presumed gone (three missed heartbeats). */
export const WORKER_ALIVE_MS = 30_000;
const SHOWN = 20;

export type WorkerStatus = {
  id: string;
  hostname: string;
  pid: number;
  concurrency: Record<string, number>;
  startedAt: Date;
  lastSeenAt: Date;
  stoppedAt: Date | null;
  alive: boolean;
};

function concurrencyOf(value: unknown): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

export async function listWorkers(now = new Date()): Promise<{ mode: OutboxMode; workers: WorkerStatus[] }> {
  const rows = await prisma.workerHeartbeat.findMany({
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: SHOWN,
    select: { id: true, hostname: true, pid: true, concurrency: true, startedAt: true, lastSeenAt: true, stoppedAt: true },
  });
  return {
    mode: outboxMode(),
    workers: rows.map((row) => ({
      ...row,
      concurrency: concurrencyOf(row.concurrency),
      alive: row.stoppedAt === null && now.getTime() - row.lastSeenAt.getTime() <= WORKER_ALIVE_MS,
    })),
  };
}
