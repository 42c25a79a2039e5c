// Claiming due outbox events. `FOR UPDATE SKIP LOCKED` lets any number of processes (web
// instances, workers) claim concurrently without ever taking the same row; the lease
// (`lockedUntil`) hands a row back if its claimer dies before finishing with it, and the claim
// token (`lockedBy`) makes every later update a no-op for a claimer whose lease has run out and
// been taken over by another process.
import { randomUUID } from "node:crypto";
import { prisma } from "~/infra/db.server";

/** An event for a job this release does not know (a rolling deploy) is offered again after this long. */
export const UNKNOWN_JOB_RETRY_MS = 60_000;

export type ClaimedEvent = {
  id: string;
  queue: string;
  name: string;
  payload: unknown;
  attempts: number;
  priority: number;
  claim: string;
};

export async function claimDueEvents({
  limit,
  leaseMs,
  queue,
}: {
  limit: number;
  leaseMs: number;
  queue?: string;
}): Promise<ClaimedEvent[]> {
  const claim = randomUUID();
  const rows = await prisma.$queryRaw<Array<Omit<ClaimedEvent, "claim">>>`
    UPDATE "OutboxEvent" AS o
       SET "lockedUntil" = now() + ${leaseMs} * interval '1 millisecond',
           "lockedBy" = ${claim},
           "attempts" = o."attempts" + 1
     WHERE o."id" IN (
       SELECT "id" FROM "OutboxEvent"
        WHERE "status" = 'pending'
          AND "availableAt" <= now()
          AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
          AND (${queue ?? null}::text IS NULL OR "queue" = ${queue ?? null}::text)
        ORDER BY "priority", "availableAt", "createdAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING o."id", o."queue", o."name", o."payload", o."attempts", o."priority"`;
  return rows.map((row) => ({ ...row, claim }));
}

/** Finish claimed events; returns how many were still held by this claim. */
export async function markEvents(claim: string, ids: string[], status: "relayed" | "done"): Promise<number> {
  if (ids.length === 0) return 0;
  return prisma.$executeRaw`
    UPDATE "OutboxEvent"
       SET "status" = ${status}::"OutboxStatus", "processedAt" = now(), "lockedUntil" = NULL, "lockedBy" = NULL, "lastError" = NULL
     WHERE "id" = ANY(${ids}::text[]) AND "lockedBy" = ${claim} AND "status" = 'pending'`;
}

export async function markDead(claim: string, id: string, error: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "OutboxEvent"
       SET "status" = 'dead', "processedAt" = now(), "lockedUntil" = NULL, "lockedBy" = NULL, "lastError" = ${error}
     WHERE "id" = ${id} AND "lockedBy" = ${claim} AND "status" = 'pending'`;
}

/**
 * Give claimed events back for another try after `delayMs`. `refund` (shutdown, an unknown job
 * name during a rolling deploy) gives the claim's attempt back too: the event never ran.
 */
export async function releaseEvents(
  claim: string,
  ids: string[],
  error: string,
  delayMs: number,
  { refund = false }: { refund?: boolean } = {},
): Promise<void> {
  if (ids.length === 0) return;
  await prisma.$executeRaw`
    UPDATE "OutboxEvent"
       SET "lockedUntil" = NULL, "lockedBy" = NULL, "lastError" = ${error},
           "attempts" = "attempts" - ${refund ? 1 : 0},
           "availableAt" = now() + ${delayMs} * interval '1 millisecond'
     WHERE "id" = ANY(${ids}::text[]) AND "lockedBy" = ${claim} AND "status" = 'pending'`;
}

export function errorText(error: unknown): string {
  // "Name: message" first (the reason /admin/tasks lists), then the stack frames (its detail page).
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)) : [];
  const text = error instanceof Error ? [`${error.name}: ${error.message}`, ...frames].join("\n") : String(error);
  return text.slice(0, 4000);
}
