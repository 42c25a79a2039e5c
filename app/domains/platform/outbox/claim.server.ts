// Claiming due outbox events. `FOR UPDATE SKIP LOCKED` lets any number of processes (web
// instances, workers) claim concurrently without ever taking the same row; the lease
// (`lockedUntil`) hands a row back if its claimer dies before finishing with it.
import { prisma } from "~/infra/db.server";

export type ClaimedEvent = { id: string; queue: string; name: string; payload: unknown; attempts: number };

export async function claimDueEvents({
  limit,
  leaseMs,
  queue,
}: {
  limit: number;
  leaseMs: number;
  queue?: string;
}): Promise<ClaimedEvent[]> {
  return prisma.$queryRaw<ClaimedEvent[]>`
    UPDATE "OutboxEvent" AS o
       SET "lockedUntil" = now() + ${leaseMs} * interval '1 millisecond',
           "attempts" = o."attempts" + 1
     WHERE o."id" IN (
       SELECT "id" FROM "OutboxEvent"
        WHERE "status" = 'pending'
          AND "availableAt" <= now()
          AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
          AND (${queue ?? null}::text IS NULL OR "queue" = ${queue ?? null}::text)
        ORDER BY "availableAt", "createdAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING o."id", o."queue", o."name", o."payload", o."attempts"`;
}

export async function markEvents(ids: string[], status: "relayed" | "done"): Promise<void> {
  if (ids.length === 0) return;
  await prisma.$executeRaw`
    UPDATE "OutboxEvent"
       SET "status" = ${status}::"OutboxStatus", "processedAt" = now(), "lockedUntil" = NULL, "lastError" = NULL
     WHERE "id" = ANY(${ids}::text[])`;
}

export async function markDead(id: string, error: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "OutboxEvent"
       SET "status" = 'dead', "processedAt" = now(), "lockedUntil" = NULL, "lastError" = ${error}
     WHERE "id" = ${id}`;
}

/** Give events back for another try after `delayMs`. */
export async function releaseEvents(ids: string[], error: string, delayMs: number): Promise<void> {
  if (ids.length === 0) return;
  await prisma.$executeRaw`
    UPDATE "OutboxEvent"
       SET "lockedUntil" = NULL, "lastError" = ${error},
           "availableAt" = now() + ${delayMs} * interval '1 millisecond'
     WHERE "id" = ANY(${ids}::text[])`;
}

export function errorText(error: unknown): string {
  // "Name: message" first (the reason /admin/tasks lists), then the stack frames (its detail page).
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)) : [];
  const text = error instanceof Error ? [`${error.name}: ${error.message}`, ...frames].join("\n") : String(error);
  return text.slice(0, 4000);
}
